// @case library=winston loggerModule=src/logger.ts
// winston's JSON format writes an error inside a meta object as `"error":{}` (checked with winston 3,
// with and without format.errors()): only the error as the whole meta argument keeps message and stack.
import { logger } from '../logger';

export async function save(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    logger.error('save failed', error);
    logger.error('save failed', { error, hint: 'check disk' });
    logger.warn('save retried', error);
    logger.error('save failed', error);
  }
}
