// @case library=winston path=src/storage/database.ts
// Outline's Logger facade takes the error itself beside the message (`Logger.error(message, error)`):
// handed over whole (here as `error.parent ?? error`, whichever it is), the error's text as the
// message loses nothing, so this rule is quiet (unstructured-log-message still says the message
// varies). Another name for the caught error is the error (`const error = err as Error`). Its text
// given to a helper without the error is lost.
import Logger from '../logging/Logger';

export async function query(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    const error = err as Error & { parent?: Error };
    Logger.error(error.message, error.parent ?? error);
    Logger.warn(`query failed: ${error.message}`);
                               //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
  }
}
