// @case library=pino loggerModule=src/logger.ts
// Errors and objects already in pino's order, errors consumed by placeholders, values that are
// not known to be errors or objects: nothing to report.
import { logger } from '../logger';

export function report(err: Error, detail: unknown, items: string[]) {
  logger.error(err, 'failed');
  logger.error({ err }, 'failed');
  logger.error('failed: %o', err);
  logger.error('failed', detail);
  logger.info('items', items.length);
  items.forEach((e) => logger.info('item', e));
}
