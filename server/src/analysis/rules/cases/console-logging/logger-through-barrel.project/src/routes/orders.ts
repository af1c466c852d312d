import { logger } from '../logger';
export function orders(id: string): void {
  logger.info({ id }, 'orders requested');
}
