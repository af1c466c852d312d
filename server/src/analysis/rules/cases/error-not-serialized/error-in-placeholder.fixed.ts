// @case library=pino loggerModule=src/logger.ts
// An error filling a printf placeholder is formatted into the message: `%s` gives `Error: boom`
// without the stack, pino's `%o` and `%j` give `{}`. Values not known to be errors are left alone.
import { logger } from '../logger';

export function settle(err: Error, id: string, detail: unknown) {
  logger.error({ err }, 'settlement failed');
  logger.error('settlement %s failed: %o', id, err);
  logger.error('settlement failed: %s', detail);
  logger.error(err, 'settlement %s failed', id);
}
