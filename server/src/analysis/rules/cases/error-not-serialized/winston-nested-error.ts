// @case library=winston loggerModule=src/logger.ts
// winston's JSON format writes an error inside a meta object as `"error":{}` (checked with winston 3,
// with and without format.errors()): only the error as the whole meta argument keeps message and stack.
import { logger } from '../logger';

export async function save(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    logger.error('save failed', { error });
                                //~~~~~ [error-not-serialized] winston writes the error `error` inside a meta object as `{}` (its message and stack are not enumerable); pass the error itself as the meta argument.
    logger.error('save failed', { error, hint: 'check disk' });
                                //~~~~~ [error-not-serialized] winston writes the error `error` inside a meta object as `{}` (its message and stack are not enumerable); pass the error itself as the meta argument.
    logger.warn('save retried', { cause: error });
                                       //~~~~~ [error-not-serialized] winston writes the error `error` inside a meta object as `{}` (its message and stack are not enumerable); pass the error itself as the meta argument.
    logger.error('save failed', error);
  }
}
