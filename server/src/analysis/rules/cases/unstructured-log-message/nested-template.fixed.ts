// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function finished(job: { id: string }, ok: boolean, ms: number) {
  logger.info(
    { jobId: job.id, finished: ok ? `in ${ms}ms` : 'with errors' },
    'job finished'
  );
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info({ url: `${job.id}/status`, jobId: job.id }, 'polled');
                                         //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
