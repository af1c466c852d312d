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
      logger.error({ err: result.reason }, 'Failed to process');
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
    logger.warn({ err: result.reason }, 'feed failed');
    return [];
  });
}

export function sign(run: () => void) {
  try {
    run();
  } catch (err) {
    logger.error({ err }, 'Error signing field');
    logger.error({ code: `code ${err instanceof AppError ? err.code : 'none'}` }, 'Error code');
  }
}
