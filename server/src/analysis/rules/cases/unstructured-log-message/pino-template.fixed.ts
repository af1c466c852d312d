// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(user: { id: string }, ms: number, chunk: Buffer) {
  logger.info({ userId: user.id, ms }, 'user saved in ms');
  logger.warn('slow request: ' + ms + ' ms', { ignored: true });
  logger.info({ route: '/users', userId: user.id }, 'handled');
  logger.debug(JSON.stringify(user));
  logger.error(String(ms));
  logger.info(chunk.toString());
}
