// @case library=winston loggerModule=src/logger.ts path=src/jobs.ts
// The project's winston format prints only timestamp, level and message: values moved into fields
// would not be written, so the rewrite is offered but never applied by fix-all.
import { logger } from './logger';

export function finished(jobId: string, error: Error) {
  logger.info(`job ${jobId} finished`);
//            ~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.error('job failed: ' + error.message);
//             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
}
