// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function audit(action: string, userId: string) {
  logger.log({ level: 'info', message: `audit ${action}` });
                                     //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.log('info', 'audit by userId', { userId, action });
                   //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.log({ level: 'info', message: 'audit', action, userId });
}
