// @case library=winston loggerModule=src/logger.ts path=src/jobs.ts
// The project's winston format prints only timestamp, level and message: values moved into fields
// would not be written, so the rewrite is offered but never applied by fix-all.
import { logger } from './logger';

export function finished(jobId: string, error: Error) {
  logger.info(`job ${jobId} finished`);
  logger.error('job failed', error);
}
