// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(user: { id: string }, ms: number, chunk: Buffer) {
  logger.info(`user ${user.id} saved in ${ms}ms`);
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.warn('slow request: ' + ms + ' ms', { ignored: true });
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info({ route: '/users' }, `handled ${user.id}`);
                                 //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.debug(JSON.stringify(user));
             //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with JSON.stringify; log the object as a field instead, so it stays structured.
  logger.error(String(ms));
             //~~~~~~~~~~ [unstructured-log-message] Log message is built with String() or toString(); log a constant message and put the value in a field.
  logger.info(chunk.toString());
            //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with String() or toString(); log a constant message and put the value in a field.
}
