// @case library=pino loggerModule=src/logger.ts path=src/routes/users.ts
import { logger } from '../logger';

export function getUser(id: string, user: { email: string }) {
  logger.info({ id }, 'loading user');
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info({ id, userEmail: user.email }, 'user loaded');
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.error('lookup failed');
//~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info({ id }, 'user loaded');
  return user;
}
