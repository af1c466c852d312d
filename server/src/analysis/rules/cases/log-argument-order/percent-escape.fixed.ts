// @case library=pino loggerModule=src/logger.ts
// With an argument after it, pino formats the message and prints `%%` as `%`; once the fields
// object moves first the message is no longer formatted, so the fix writes the `%` itself.
import { logger } from '../logger';

export function progress(done: number, job: { id: string }) {
  logger.info({ done }, '100% of the batch processed');
  logger.info(`job ${job.id}: 100%% processed`, { done });
}
