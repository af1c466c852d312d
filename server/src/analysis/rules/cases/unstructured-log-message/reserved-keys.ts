// @case library=pino loggerModule=src/logger.ts
// pino writes `time`, `level`, `msg`, `pid` and `hostname` into every record itself: a field made
// from a value never takes one of those names (Dokploy's backup log put a locale string over the timestamp).
import { logger } from '../logger';

export function backedUp(name: string, time: string, level: number) {
  logger.info(`Backup ${name} finished at ${time} with level ${level}`);
//            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
