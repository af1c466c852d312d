// @case library=pino loggerModule=src/logger.js type=module path=src/jobs.mjs
import { logger } from './logger.js';

export function done(job) {
  logger.info(`job ${job.id} done`, { ms: job.ms });
                                  //~~~~~~~~~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  logger.info(`job ${job.id}: %o`, { ms: job.ms });
}
