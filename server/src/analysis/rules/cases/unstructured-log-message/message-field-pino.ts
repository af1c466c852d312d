// @case library=pino loggerModule=src/logger.ts
// A record of fields alone whose `msg` (pino's message key) or `message` (as code moved from winston
// writes it) is built from values: the message is unstructured all the same; no fix (the text is a field).
import { logger } from '../logger';

export function report(alertId: string, username: string, attempts: number) {
  logger.info({ msg: `alert ${alertId} fired`, alertId });
                   //~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info({ message: `Login for "${username}" failed`, type: 'user_login' });
                       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info({ message: 'login failed', username, attempts });
  logger.info({ detail: `tried ${attempts} times` }, 'login failed');
}
