// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function order(id: string, total: number) {
  logger.info(`order ${id} placed`);
            //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.log('warn', `order ${id} total ${total}`, { currency: 'EUR' });
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  logger.info('order placed', { id, total });
}
