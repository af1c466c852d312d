// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function finished(job: { id: string }, ok: boolean, ms: number) {
  logger.info(
    { jobId: job.id, finished: ok ? `in ${ms}ms` : 'with errors' },
    'job finished'
  );
  logger.info({ url: `${job.id}/status`, jobId: job.id }, 'polled');
}
