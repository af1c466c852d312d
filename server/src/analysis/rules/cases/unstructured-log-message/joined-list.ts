// @case library=pino loggerModule=src/logger.ts path=src/config/load.ts
// A list of values joined into one text is as dynamic as a template (Logto's ZodError issues, Novu's
// push errors): reported, with no fix (no constant message to keep). Constants joined stay constant.
import path from 'node:path';
import { logger } from '../logger';

const consts = { MIN_PASSPHRASE_LENGTH: 12 };

export function load(issues: Array<{ message: string; path: string[] }>, jobId: string, error: Error) {
  logger.error(issues.map(({ message, path: at }) => `${message} at ${at.join('.')}`).join('\n'));
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is a list of values joined into text; log a constant message and put the list in a field.
  logger.error([`Error sending push for job ${jobId}`, error.message].join(' '));
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is a list of values joined into text; log a constant message and put the list in a field.
  logger.warn(['API_SECRET should be at least', consts.MIN_PASSPHRASE_LENGTH, 'characters'].join(' '));
  logger.info(['config', 'loaded'].join(' '));
  logger.info(path.join('config', 'app.json'));
  logger.error({ issues: issues.map((i) => i.message) }, 'Invalid configuration');
}

// A list made in a local first and pushed to (Open Collective's GoCardless sync); a local list of
// constants joined stays constant.
export function sync(account: string, dateFrom?: Date) {
  const logParts = [`Syncing GoCardless account ${account}`];
  if (dateFrom) logParts.push(`from ${dateFrom.toISOString()}`);
  logger.info(logParts.join(' '));
            //~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is a list of values joined into text; log a constant message and put the list in a field.
  const words = ['sync', 'started'];
  logger.info(words.join(' '));
}
