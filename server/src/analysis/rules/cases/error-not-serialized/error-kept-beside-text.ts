// @case library=pino loggerModule=src/logger.ts
// The error is logged whole in the same call (a field, pino's first argument): its text in the
// message loses nothing, so error-not-serialized stays quiet (the message is unstructured-log-message's).
// Without the error beside it, its text is still reported.
import { logger } from '../logger';

export async function run(job: () => Promise<void>) {
  try {
    await job();
  } catch (err) {
    logger.warn({ err }, (err as Error).message);
    logger.error({ err, job: 'sync' }, `sync failed: ${(err as Error).message}`);
    logger.error(err, String(err));
    logger.error({ reason: 'sync' }, (err as Error).message);
                                   //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
