// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function handle(run: () => void) {
  try {
    run();
  } catch (err) {
    logger.error({ err, code: (err as NodeJS.ErrnoException).code }, 'run failed');
    logger.error({ stack: (err as Error).stack }, 'run failed');
  }
}
