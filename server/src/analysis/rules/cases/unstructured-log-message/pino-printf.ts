// @case library=pino loggerModule=src/logger.ts
// pino fills `%s`/`%d`/`%j` in a message from the arguments after it: the record's message then
// holds the values. Reported without a fix. A placeholder with nothing to fill it, or a `%` that
// is no placeholder, is constant text.
import { logger } from '../logger';

export function timed(started: number, commit: { id: string }) {
  logger.debug('Got token in %dms', Date.now() - started);
             //~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  logger.info({ id: commit.id }, 'loaded commit %s', JSON.stringify(commit));
                               //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  logger.info({ name: 'x' }, '%s done in %dms', 'x', Date.now() - started);
                           //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is filled in from its format arguments (%s, %d...); log a constant message and put the values in fields.
  logger.info('100% done');
  logger.info('left as %s');
  logger.info({ ms: Date.now() - started }, 'token fetched');
}
