// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export async function load(fetchIt: () => Promise<string>) {
  try {
    return await fetchIt();
  } catch (err) {
    logger.error({ err }, 'load failed');
                               //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error(String(err));
               //~~~~~~~~~~~ [error-not-serialized] `String(err)` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ err, attempt: 1 }, 'retrying');
                       //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(err as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    throw err;
  }
}
