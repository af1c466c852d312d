// @case library=pino loggerModule=src/logger.ts path=src/routes/util.ts rules=unstructured-log-message,error-not-serialized
// A function's parameters typed by the function type written on its variable (Unleash's
// `export const handleErrors: (res: Response, logger: Logger, error: Error) => void = (res, logger,
// error) => { ... }`), as TypeScript types them by context: `logger` is the project's logger and
// `error` an error.
import type { Logger } from 'pino';

export const handleErrors: (status: number, logger: Logger, error: Error) => void = (status, logger, error) => {
  logger.error(`Server failed executing request with ${status}: ${error.message}`);
             //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
                                                                //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
};

// Untyped, or typed as something else: nothing is known of the parameters.
export const report = (logger, error) => {
  logger.error(`failed: ${error}`);
};
export const note: (count: number, sink: (line: string) => void) => void = (count, sink) => sink(`seen ${count}`);
