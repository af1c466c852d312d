// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

class HttpError extends Error {}

export function report(e: ValidationError, id: string) {
  logger.warn({ err: e, id }, 'order invalid');
                                    //~~~~~~~~~ [error-not-serialized] `e.message` logs the error as text, which loses its stack and type; log the error object instead.
  const boom = new HttpError('bad gateway');
  logger.error({ err: boom }, 'request failed');
                       //~~~~~~~~~~~~ [error-not-serialized] `String(boom)` logs the error as text, which loses its stack and type; log the error object instead.
  logger.error({ err: new HttpError('x') }, 'request failed');
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
    logger.error({ err, total: 1 + 2 + ' items' }, 'wrapped');
                         //~~~~~~~~ [error-not-serialized] `` `${err}` `` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
