// @case library=pino-http loggerModule=src/logger.ts path=src/jobs/migrate.ts
import { EventEmitter } from 'node:events';
import { runMigration } from './migrations';

const migrations = ['001-init', '002-users'];
const bus = new EventEmitter();

// None of these callbacks is a request handler: their first parameter has no `.log`.
export function migrate(): Promise<void> {
  migrations.forEach((m) => {
    console.info('queued migration', m);
  //~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
  bus.on('done', (name: string) => {
    console.info('migration done', name);
  //~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  });
  const ready = new Promise((resolve) => {
    console.info('waiting for the database');
  //~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    setTimeout(resolve, 10);
  });
  return ready.then(() => runMigration(migrations)).catch((e) => console.error(e));
                                                               //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}
