// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string) {
  logger.info('saved', { id });
  logger.log('warn', 'slow', { id });
  logger.info('saved', { id });
}
