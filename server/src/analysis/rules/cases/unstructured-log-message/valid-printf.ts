// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function done(name: string, pct: number) {
  logger.info('%s done', name);
  logger.info('%d%% complete', pct);
  logger.info({ name }, '%s done in %dms', name, pct);
}
