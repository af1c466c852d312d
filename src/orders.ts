import { logger } from './logger';

export function placeOrder(id: string, amount: number): void {
  console.log('placing order', id);
  logger.info(`order ${id} placed`);
  logger.info('order total', { id, amount });
}
