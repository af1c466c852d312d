// @case library=pino loggerModule=src/logger.js type=module path=src/jobs.mjs
// An error substituted into the message becomes the `err` field, the only key pino serialises
// (under its own name, `{ e }`, pino would write `{}`).
import { logger } from './logger.js';

export function schedule(job) {
  return job.run().catch((e) => logger.error({ err: e, jobId: job.id }, 'job failed'));
}
