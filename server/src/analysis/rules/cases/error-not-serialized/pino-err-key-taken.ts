// @case library=pino loggerModule=src/logger.ts
// pino serialises an error only under `err`; under another key it writes `{}`. When `err` is taken
// there is nowhere to put a second error: reported, no fix.
import { logger } from '../logger';

export function sync(primary: Error, run: () => void) {
  try {
    run();
  } catch (e) {
    logger.error({ err: primary, secondary: (e as Error).message }, 'sync failed twice');
                                          //~~~~~~~~~~~~~~~~~~~~ [error-not-serialized] `(e as Error).message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.error({ cause: String(e) }, 'sync failed');
                        //~~~~~~~~~ [error-not-serialized] `String(e)` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
