// @case path=src/node/heart.ts type=module rules=unstructured-log-message,error-not-serialized
// A logging package the model has no table for, known by its name (code-server's `@coder/logger`,
// Pelias's `pelias-logger`): its logger, and the logger its factory methods give, take the message
// first, as the project's own loggers do; no fix (what it does with more arguments is not known).
import { field, logger } from '@coder/logger';
import { scoped } from './named';

const peliasLogger = require('pelias-logger').get('api');
const child = logger.named('heart');

export async function beat(path: string, write: () => Promise<void>) {
  logger.info('beat', field('path', path));
  try {
    await write();
  } catch (error) {
    logger.warn((error as Error).message);
              //~~~~~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(error as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
              //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    child.error(`Failed to write heartbeat to ${path}`);
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  }
  peliasLogger.info(`[api] listening on ${path}`);
                  //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  // Packages not named for logging, and names of a logging package that are no logger, are nothing.
  scoped.info(`not a logger ${path}`);
}
