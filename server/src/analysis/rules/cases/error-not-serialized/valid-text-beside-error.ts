// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function onQueueError(queue: { on(event: string, cb: (err: Error) => void): void }) {
  queue.on('error', (err) => {
    // The error object is logged whole beside its text: nothing is lost (under `err`, the one key
    // pino serialises errors under: error-not-serialized/pino-error-key.ts).
    logger.error({ err, errorMessage: err.message }, 'job failed');
    logger.error({ err, metadata: JSON.stringify({ reason: err instanceof Error ? err.message : String(err) }) }, 'job failed');
  });
}
