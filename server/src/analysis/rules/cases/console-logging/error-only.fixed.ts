// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export async function run(job: () => Promise<void>) {
  try {
    await job();
  } catch (err) {
    logger.error({ err });
    logger.error({ err }, 'job failed');
  }
  logger.info('done');
}
