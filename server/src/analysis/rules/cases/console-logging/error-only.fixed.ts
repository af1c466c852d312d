// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export async function run(job: () => Promise<void>) {
  try {
    await job();
  } catch (err) {
    logger.error({ err });
  //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    logger.error({ err }, 'job failed');
  //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  }
  logger.info('done');
}
