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
    logger.error('Failed running trigger', error);
    const wrapped = toError(e);
    logger.warn('trigger failed', wrapped);
    const text = formatError(e);
    logger.warn('trigger failed: ' + JSON.stringify(text));
    const options = resolveError(request.params);
    logger.info('resolved: ' + JSON.stringify(options));
  }
}
