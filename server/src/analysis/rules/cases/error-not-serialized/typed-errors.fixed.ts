// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

class HttpError extends Error {}

export function report(e: ValidationError, id: string) {
  logger.warn({ err: e, id }, 'order invalid');
  const boom = new HttpError('bad gateway');
  logger.error({ err: boom }, 'request failed');
  logger.error({ err: new HttpError('x') }, 'request failed');
}

export function read(cb: (err: NodeJS.ErrnoException | null, text?: string) => void) {
  cb(null, 'x');
}

read((failure: NodeJS.ErrnoException | null) => {
  if (failure) logger.error('read failed', failure.message);
});

interface ValidationError extends Error {
  field: string;
}

export function wrap(run: () => void) {
  try {
    run();
  } catch (err) {
    logger.error({ err, total: 1 + 2 + ' items' }, 'wrapped');
  }
}

// Typed as an error and something more (Etherpad's `ErrorCaused`, umzug's `Record<string, unknown> & MigrationError`).
export function install(done: (cb: (err: Error & { cause?: Error }) => void) => void) {
  done((failure: Error & { cause?: Error }) => {
    logger.warn({ err: failure }, 'install failed');
  });
}

// The error's text quoted (Vendure's `${JSON.stringify(e.message)}`) is its text still.
export function decode(name: string, run: () => void) {
  try {
    run();
  } catch (e: any) {
    logger.error({ err: e, name }, 'Could not decode. Error message');
  }
}

// An error named as one, typed with a class whose name begins with Error (Etherpad's `ErrorCaused extends Error`),
// in a Node-style callback and in Express's error middleware; a code so typed is no error.
type ErrorCaused = Error & { cause: Error };
type ErrorCode = { message: string };
export function plugins(install: (name: string, cb: (err: ErrorCaused) => void) => void, code: ErrorCode) {
  install('ep_x', (err: ErrorCaused) => {
    logger.warn({ err }, 'install failed');
  });
  logger.warn({ reason: code.message }, 'code');
}
export const onError = (err: ErrorCaused, req: unknown, res: unknown, next: () => void) => {
  logger.error({ err }, 'request failed');
  next();
};
