// @case library=winston path=src/triggers.js
// Parse Server's triggers: a caught value turned into an error by a function named for it
// (`resolveError(e)`, `toError(err)`) is still an error, and `JSON.stringify` of it prints `{}`.
// A function named otherwise (`formatError`, which returns text) says nothing of what it returns.
import logger from './logger';
import { resolveError, toError, formatError } from './errors';

export async function run(trigger, request) {
  try {
    return await trigger(request);
  } catch (e) {
    const error = resolveError(e, { code: 141 });
    logger.error('Failed running trigger: ' + JSON.stringify(error));
                                            //~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `JSON.stringify(error)` logs the error as text, which loses its stack and type; log the error object instead.
    const wrapped = toError(e);
    logger.warn('trigger failed', { error: JSON.stringify(wrapped) });
                                         //~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `JSON.stringify(wrapped)` logs the error as text, which loses its stack and type; log the error object instead.
    const text = formatError(e);
    logger.warn('trigger failed: ' + JSON.stringify(text));
    const options = resolveError(request.params);
    logger.info('resolved: ' + JSON.stringify(options));
  }
}
