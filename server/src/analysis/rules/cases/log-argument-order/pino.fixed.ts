// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string) {
  logger.info({ id }, 'saved');
  logger.warn('retry %d', 3, { id });
  logger.info('user %o saved', { id });
  logger.info({ id }, 'saved');
}
