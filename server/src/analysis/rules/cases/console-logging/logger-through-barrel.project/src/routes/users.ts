import { logger } from '../logger';
export function users(id: string): void {
  logger.info({ id }, 'users requested');
}
