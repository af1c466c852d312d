// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function queued(count: number, extra: number, label: string) {
  logger.info({ items: count + extra }, 'items queued');
  logger.info({ total: count + extra }, 'total');
  logger.info(label + ': ' + count);
  logger.info({ sum: count + extra }, 'summed');
}
