// @case library=pino-http loggerModule=src/logger.ts path=src/jobs/migrate.ts
import { EventEmitter } from 'node:events';
import { runMigration } from './migrations';
import { logger } from '../logger';

const migrations = ['001-init', '002-users'];
const bus = new EventEmitter();

// None of these callbacks is a request handler: their first parameter has no `.log`.
export function migrate(): Promise<void> {
  migrations.forEach((m) => {
    logger.info({ m }, 'queued migration');
  });
  bus.on('done', (name: string) => {
    logger.info({ name }, 'migration done');
  });
  const ready = new Promise((resolve) => {
    logger.info('waiting for the database');
    setTimeout(resolve, 10);
  });
  return ready.then(() => runMigration(migrations)).catch((e) => logger.error({ err: e }));
}
