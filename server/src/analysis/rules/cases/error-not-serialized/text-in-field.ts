// @case library=pino loggerModule=src/logger.ts
// The error's text built into a field (a record of fields only, as code moved from winston writes
// it) or taken into a variable a few lines up and logged as a field, and JSON.stringify of the error
// (an Error prints `{}`): reported, without a fix.
import { logger } from '../logger';

export async function load(alertId: string, job: () => Promise<void>) {
  try {
    await job();
  } catch (e) {
    logger.error({ message: `failed to load alert: ${e}`, alertId });
                                                   //~ [error-not-serialized] `e` logs the error as text, which loses its stack and type; log the error object instead.
    const message = e instanceof Error ? e.message : String(e);
    logger.warn({ alertId, error: message }, 'failed to list metrics');
                                //~~~~~~~ [error-not-serialized] `message` logs the error as text, which loses its stack and type; log the error object instead.
    logger.warn({ alertId, err: e, detail: `load: ${String(e)}` }, 'failed to load');
    logger.warn('error while resetting state', JSON.stringify(e));
                                             //~~~~~~~~~~~~~~~~~ [error-not-serialized] `JSON.stringify(e)` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
