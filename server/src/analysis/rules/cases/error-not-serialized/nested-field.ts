// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export async function rollback(undo: () => Promise<void>, e: Error) {
  try {
    await undo();
  } catch (rollbackError) {
    logger.warn({ err: rollbackError, metadata: JSON.stringify({ originalError: String(e), step: 2 }) }, 'rollback failed');
                                                                              //~~~~~~~~~ [error-not-serialized] `String(e)` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ err: rollbackError, cause: { reason: e.message } }, 'rollback failed');
                                                     //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ err: rollbackError, metadata: JSON.stringify({ step: 2 }) }, 'rollback failed');
  }
}
