import { logger } from '@/logger';
export function orders(req: { id: string }): void {
  logger.info('orders requested', { id: req.id });
}
