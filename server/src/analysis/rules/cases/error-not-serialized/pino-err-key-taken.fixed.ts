// @case library=pino loggerModule=src/logger.ts
// pino serialises an error only under `err`; under another key it writes `{}`. When `err` is taken
// there is nowhere to put a second error: reported, no fix.
import { logger } from '../logger';

export function sync(primary: Error, run: () => void) {
  try {
    run();
  } catch (e) {
    logger.error({ err: primary, secondary: (e as Error).message }, 'sync failed twice');
    logger.error({ err: e }, 'sync failed');
  }
}
