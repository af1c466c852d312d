// @case library=pino loggerModule=src/logger.js type=module path=src/jobs.mjs
import { logger } from './logger.js';

export function done(job) {
  logger.info({ ms: job.ms }, `job ${job.id} done`);
  logger.info(`job ${job.id}: %o`, { ms: job.ms });
}
