// @case library=pino loggerModule=src/logger.ts
// The constant message keeps no trace of where values were: quotes and brackets that framed a
// value, a possessive glued to it, and a bracket left without its pair all go.
import { logger } from '../logger';

export function placed(order: { id: string; owner: string }, items: string[]) {
  logger.info({ orderId: order.id }, 'order placed');
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info(
    { orderId: order.id, itemsCount: items.length },
    'Order items placed'
  );
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info({ orderOwner: order.owner }, 'order shipped');
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info({ orderId: order.id }, 'confirmed');
            //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
