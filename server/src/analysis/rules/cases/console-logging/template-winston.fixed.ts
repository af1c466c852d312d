// @case library=winston loggerModule=src/logger.ts type=module
import { logger } from '../logger';

export function ship(order: { id: string }, carrier: string) {
  logger.info('order shipped with carrier', { orderId: order.id, carrier });
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log('%s shipped', order.id);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.log(computeEta());
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info('shipped', { carrier });
}

function computeEta() {
  return 3;
}
