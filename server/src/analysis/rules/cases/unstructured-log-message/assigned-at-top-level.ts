// @case library=winston path=src/utils/logger.ts
// Flowise's request logger: declared `let requestLogger: any` and made by a top-level assignment
// later in the module. A name every top-level assignment gives a logger of one library is that
// logger; one also given something else is not followed.
import { createLogger } from 'winston';

let requestLogger: any;
let other: any;

requestLogger = createLogger({});
other = createLogger({});
other = { info: (m: string) => m };

export function expressRequestLogger(req: { method: string; url: string }) {
  requestLogger.info(`${req.method} ${req.url}`);
                   //~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  other.info(`${req.method} ${req.url}`);
}
