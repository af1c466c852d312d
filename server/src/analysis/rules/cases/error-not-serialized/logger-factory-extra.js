// @case path=api/carbon.js rules=error-not-serialized,unstructured-log-message
// web-check: a factory returns a hand-rolled logger object whose level methods hand their message and
// the argument after it to a sink that prints both. An error's text as that argument is a lost stack.
import { createLogger } from './_common/logger.js';

const log = createLogger('carbon');

export async function measure(url, fetchPage) {
  try {
    return await fetchPage(url);
  } catch (error) {
    log.warn('fetch failed', error.message);
    //                       ~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
    log.info(`fetch failed for ${url}`, { url });
    //       ~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    return null;
  }
}
