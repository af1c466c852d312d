// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

class HttpError extends Error {}

export function report(e: ValidationError, id: string) {
  logger.warn(`order ${id} invalid: ${e.message}`);
                                    //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
  const boom = new HttpError('bad gateway');
  logger.error({ reason: String(boom) }, 'request failed');
                       //~~~~~~~~~~~~ [error-not-serialized] `String(boom)` logs the error as text, which loses its stack and type; log the error object instead.
  logger.error({ err: new HttpError('x').message }, 'request failed');
                    //~~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `new HttpError('x').message` logs the error as text, which loses its stack and type; log the error object instead.
}

export function read(cb: (err: NodeJS.ErrnoException | null, text?: string) => void) {
  cb(null, 'x');
}

read((failure: NodeJS.ErrnoException | null) => {
  if (failure) logger.error('read failed', failure.message);
                                         //~~~~~~~~~~~~~~~ [error-not-serialized] `failure.message` logs the error as text, which loses its stack and type; log the error object instead.
});

interface ValidationError extends Error {
  field: string;
}

export function wrap(run: () => void) {
  try {
    run();
  } catch (err) {
    logger.error({ reason: `${err}`, total: 1 + 2 + ' items' }, 'wrapped');
                         //~~~~~~~~ [error-not-serialized] `` `${err}` `` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

// Typed as an error and something more (Etherpad's `ErrorCaused`, umzug's `Record<string, unknown> & MigrationError`).
export function install(done: (cb: (err: Error & { cause?: Error }) => void) => void) {
  done((failure: Error & { cause?: Error }) => {
    logger.warn({ reason: failure.message }, 'install failed');
                        //~~~~~~~~~~~~~~~ [error-not-serialized] `failure.message` logs the error as text, which loses its stack and type; log the error object instead.
  });
}

// The error's text quoted (Vendure's `${JSON.stringify(e.message)}`) is its text still.
export function decode(name: string, run: () => void) {
  try {
    run();
  } catch (e: any) {
    logger.error(`Could not decode "${name}". Error message: ${JSON.stringify(e.message)}`);
                                                             //~~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `JSON.stringify(e.message)` logs the error as text, which loses its stack and type; log the error object instead.
  }
}

// An error named as one, typed with a class whose name begins with Error (Etherpad's `ErrorCaused extends Error`),
// in a Node-style callback and in Express's error middleware; a code so typed is no error.
type ErrorCaused = Error & { cause: Error };
type ErrorCode = { message: string };
export function plugins(install: (name: string, cb: (err: ErrorCaused) => void) => void, code: ErrorCode) {
  install('ep_x', (err: ErrorCaused) => {
    logger.warn({ reason: err.message }, 'install failed');
                        //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
  });
  logger.warn({ reason: code.message }, 'code');
}
export const onError = (err: ErrorCaused, req: unknown, res: unknown, next: () => void) => {
  logger.error(`request failed: ${err.message}`);
                                //~~~~~~~~~~~ [error-not-serialized] `err.message` logs the error as text, which loses its stack and type; log the error object instead.
  next();
};
