// @case library=pino loggerModule=src/logger.ts
// pino writes `time`, `level`, `msg`, `pid` and `hostname` into every record itself: a field made
// from a value never takes one of those names (Dokploy's backup log put a locale string over the timestamp).
import { logger } from '../logger';

export function backedUp(name: string, time: string, level: number) {
  logger.info(
    { name, time2: time, level2: level },
    'Backup finished at time with level'
  );
}
