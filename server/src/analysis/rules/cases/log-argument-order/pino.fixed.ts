// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string) {
  logger.info({ id }, 'saved');
                     //~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  logger.warn('retry %d', 3, { id });
                           //~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  logger.info('user %o saved', { id });
  logger.info({ id }, 'saved');
}
