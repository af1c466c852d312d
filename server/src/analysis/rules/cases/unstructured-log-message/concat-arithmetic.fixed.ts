// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function queued(count: number, extra: number, label: string) {
  logger.info({ items: count + extra }, 'items queued');
            //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info({ total: count + extra }, 'total');
            //~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info(label + ': ' + count);
            //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
  logger.info({ sum: count + extra }, 'summed');
}
