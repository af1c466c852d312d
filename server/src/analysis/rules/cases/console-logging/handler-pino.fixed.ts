// @case library=pino loggerModule=src/logger.ts path=src/routes/users.ts
import { logger } from '../logger';

export function getUser(id: string, user: { email: string }) {
  logger.info({ id }, 'loading user');
  logger.info({ id, userEmail: user.email }, 'user loaded');
  logger.error('lookup failed');
  logger.info({ id }, 'user loaded');
  return user;
}
