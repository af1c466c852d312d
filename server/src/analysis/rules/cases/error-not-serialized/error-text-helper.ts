// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

function getErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

const describeError = (e: unknown) => (e instanceof Error ? e.message : 'unknown error');

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

export async function acquire(id: string, take: () => Promise<void>) {
  try {
    await take();
  } catch (error) {
    logger.error(`Lock acquisition failed for ${id}: ${getErrorMessage(error)}`);
                                                     //~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `getErrorMessage(error)` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ reason: describeError(error) }, 'lock not taken');
                        //~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `describeError(error)` logs the error as text, which loses its stack and type; log the error object instead.
    const reason = getErrorMessage(error);
    logger.warn(`lock ${id} not taken: ${reason}`);
                                       //~~~~~~ [error-not-serialized] `reason` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ name: errorName(error) }, 'lock not taken');
    logger.warn({ id: getErrorMessage(id) }, 'not an error');
  }
}
