// @case library=pino loggerModule=src/logger.ts path=src/routes/users.ts
import { logger } from '../logger';

export function getUser(id: string, user: { email: string }) {
  console.log('loading user', id);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.info(`user ${id} loaded`, user.email);
//~~~~~~~~~~~~ [console-logging] console.info in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.error('lookup failed');
//~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info({ id }, 'user loaded');
  return user;
}
