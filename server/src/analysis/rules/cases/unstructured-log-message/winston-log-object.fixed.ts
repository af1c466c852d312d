// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function audit(action: string, userId: string) {
  logger.log({ level: 'info', message: `audit ${action}` });
  logger.log('info', 'audit by userId', { userId, action });
  logger.log({ level: 'info', message: 'audit', action, userId });
}
