// @case library=pino loggerModule=src/logger.ts
// The constant message keeps no trace of where values were: quotes and brackets that framed a
// value, a possessive glued to it, and a bracket left without its pair all go.
import { logger } from '../logger';

export function placed(order: { id: string; owner: string }, items: string[]) {
  logger.info({ orderId: order.id }, 'order placed');
  logger.info(
    { orderId: order.id, itemsCount: items.length },
    'Order items placed'
  );
  logger.info({ orderOwner: order.owner }, 'order shipped');
  logger.info({ orderId: order.id }, 'confirmed');
}
