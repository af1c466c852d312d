// @case library=pino loggerModule=src/logger.ts path=src/jobs/sync.ts
// What a rejected promise of `Promise.allSettled` was rejected with is an error (Documenso's
// `String(result.reason)`), where its status was just tested; and an error's text written with
// others of its members in punctuation (`` `[${err.code}]: ${err.message}` ``) is its text still.
import { logger } from '../logger';

class AppError extends Error {
  code = 'E';
}

export async function sync(tasks: Array<Promise<void>>) {
  const results = await Promise.allSettled(tasks);
  for (const result of results) {
    if (result.status === 'rejected') {
      logger.error(`Failed to process: ${String(result.reason)}`);
                                       //~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `String(result.reason)` logs the error as text, which loses its stack and type; log the error object instead.
    } else {
      logger.info({ value: String(result.value) }, 'processed');
    }
  }
}

// Below `if (result.status === 'fulfilled') return ...` the promise was rejected (homarr's RSS feeds).
export async function feeds(tasks: Array<Promise<string[]>>) {
  const settled = await Promise.allSettled(tasks);
  return settled.flatMap((result) => {
    if (result.status === 'fulfilled') return result.value;
    logger.warn(`feed failed: ${String(result.reason)}`);
                              //~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `String(result.reason)` logs the error as text, which loses its stack and type; log the error object instead.
    return [];
  });
}

export function sign(run: () => void) {
  try {
    run();
  } catch (err) {
    logger.error({ error: err instanceof AppError ? `[${err.code}]: ${err.message}` : String(err) }, 'Error signing field');
                        //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `` err instanceof AppError ? `[${err.code}]: ${err.message}` : String(err) `` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error({ code: `code ${err instanceof AppError ? err.code : 'none'}` }, 'Error code');
  }
}
