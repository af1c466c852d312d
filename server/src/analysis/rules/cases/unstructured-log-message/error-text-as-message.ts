// @case library=pino loggerModule=src/logger.ts
// `logger.warn({ err }, err.message)`: the error is in the record, but the message is its text, as
// many messages as there are errors. Reported without a fix (no constant message to choose). The
// error's text alone, without the error, is that too (and error-not-serialized's finding, whose fix
// writes the error and a constant message: none here); so is a level chosen at run time.
import { logger } from '../logger';

export async function run(job: () => Promise<void>) {
  try {
    await job();
  } catch (err) {
    logger.warn({ err }, (err as Error).message);
                       //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message (the error is already in the record).
    logger.error({ reason: 'sync' }, (err as Error).message);
                                   //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    const level = (err as { status?: number }).status === 404 ? 'debug' : 'error';
    logger[level]((err as Error).message);
                //~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    logger.warn(err.toString());
              //~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    logger.error({ err }, 'sync failed');
  }
}

// Another name for the caught error (Etherpad's `const errCaused = err as ErrorCaused`) is the error:
// its stack or text alone is the message.
export async function serve(handle: () => Promise<void>) {
  try {
    await handle();
  } catch (err) {
    const errCaused = err as Error & { code?: string };
    logger.error(errCaused.stack || errCaused.toString());
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    const label = 'handler';
    logger.error(label);
  }
}
