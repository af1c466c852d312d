// @case library=winston loggerModule=src/logger.ts type=module
import { logger } from '../logger';

export function ship(order: { id: string }, carrier: string) {
  logger.info('order shipped with carrier', { orderId: order.id, carrier });
  console.log('%s shipped', order.id);
  console.log(computeEta());
  logger.info('shipped', { carrier });
}

function computeEta() {
  return 3;
}
