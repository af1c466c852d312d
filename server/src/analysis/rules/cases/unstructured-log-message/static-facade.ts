// @case library=nestjs path=src/service/search.service.ts rules=unstructured-log-message,error-not-serialized
// A class whose static level methods hand their parameters, in order, to the same level method of
// the logger the app configures (Vendure's Logger over VendureLogger) is the project's logger: its
// calls are log calls, message first, with no fix (what it does with the rest is the app's). The
// error's text with its stack beside it keeps the stack (Nest's idiom, which the facade takes too).
import { Logger } from '../config/vendure-logger';

const loggerCtx = 'SearchService';

export async function reindex(ids: string[], run: (id: string) => Promise<void>): Promise<void> {
  Logger.info('Reindexing', loggerCtx);
  for (const id of ids) {
    try {
      await run(id);
      Logger.info(`Reindexed ${id}`, loggerCtx);
                //~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    } catch (e: any) {
      Logger.error(e.message, loggerCtx, e.stack);
                 //~~~~~~~~~ [unstructured-log-message] Log message is the error's own text, which differs from error to error; log a constant message with the error object in a field.
    }
  }
}
