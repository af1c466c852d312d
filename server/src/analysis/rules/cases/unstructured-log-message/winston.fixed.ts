// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function order(id: string, total: number) {
  logger.info('order placed', { id });
  logger.log('warn', 'order total', { id, total, currency: 'EUR' });
  logger.info('order placed', { id, total });
}
