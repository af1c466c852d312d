// @case library=pino loggerModule=src/logger.ts path=src/app.ts
import { logger } from './logger';

export function inspect(value: unknown) {
  console.table([value]);
  console.time('inspect');
  console.timeEnd('inspect');
  console.assert(value !== undefined);
  logger.info({ value }, 'inspected');
}
