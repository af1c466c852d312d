// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function ok(id: string, user: object, err: Error, extra: { id: string }) {
  logger.info({ id }, 'saved');
  logger.info('user %o', user);
  logger.info('user %j in %s', { id }, 'db');
  logger.info('100%% of %s', id);
  logger.error(err, 'failed');
  logger.info('saved', extra);
  logger.info('saved');
}
