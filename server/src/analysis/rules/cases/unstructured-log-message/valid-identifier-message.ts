// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';
import { format } from './format';

const MESSAGES = { saved: 'order saved' } as const;

export function saved(message: string, id: string, a: number, b: number) {
  logger.info(message, { id });
  logger.info(MESSAGES.saved, { id });
  logger.info(format(id));
  logger.info('total', { total: a + b, label: `order ${id}` });
}
