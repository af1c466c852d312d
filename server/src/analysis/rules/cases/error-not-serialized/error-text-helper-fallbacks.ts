// @case library=pino loggerModule=src/logger.ts
// GrowthBook's helper: the parameter returned as it is when it is already text, its `message`
// destructured, a fallback text parameter. A parameter `error: unknown` is a caught error passed on.
// `err instanceof Error ? err.message : err` logs an Error as its text.
import { logger } from '../logger';

export function getErrorMessage(error: unknown, fallback?: string): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const { message } = error as { message: unknown };
    if (typeof message === 'string') return message;
    if (message != null) return String(message);
  }
  if (error == null) return fallback ?? 'Unknown error';
  return fallback ?? String(error);
}

// Returns its argument whatever it is: no error text of its own.
function same(value: unknown): unknown {
  if (typeof value === 'string') return value;
  return value;
}

export async function handleFailure(id: string, error: unknown): Promise<void> {
  const message = getErrorMessage(error);
  logger.info({ id }, `scheduled publish held: ${message}`);
                                               //~~~~~~~ [error-not-serialized] `message` logs the error as text, which loses its stack and type; log the error object instead.
  logger.warn({ id, detail: same(error) }, 'held');
}

export function report(err: unknown) {
  logger.warn({ reason: err instanceof Error ? err.message : err }, 'send failed');
                      //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `err instanceof Error ? err.message : err` logs the error as text, which loses its stack and type; log the error object instead.
}

// Karakeep's helper: a template of the error's own parts is its text too. One describing another
// value of the same shape (`${status.code}: ${status.detail}`) is not an error's.
function describeError(error: unknown): string {
  if (error instanceof RangeError) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

function describeStatus(status: { code: number; detail: string }): string {
  return `${status.code}: ${status.detail}`;
}

export function fetchFailed(feed: string, error: unknown, status: { code: number; detail: string }) {
  logger.warn({ feed }, `fetch failed: ${describeError(error)}`);
                                       //~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `describeError(error)` logs the error as text, which loses its stack and type; log the error object instead.
  logger.warn({ feed }, `fetch refused: ${describeStatus(status)}`);
}
