// @case library=pino path=src/pages/page.util.ts rules=handler-missing-request-context
// nestjs-pino backs NestJS's Logger (`app.useLogger(app.get(Logger))`) and takes each record's logger
// from the request's AsyncLocalStorage store: a static `Logger.warn` (Docmost's collaboration util)
// or a `new Logger(Ctx)` on a request path carries the request's context. A module-level pino
// logger made beside it does not.
import { Logger } from '@nestjs/common';
import pino from 'pino';

const moduleLogger = pino();
const logger = new Logger('PageUtil');

export function toDocument(content: unknown): unknown {
  try {
    return JSON.parse(String(content));
  } catch (error) {
    Logger.warn('Stripping unknown node types from document');
    logger.warn('Falling back to the raw content');
    moduleLogger.warn('content could not be parsed');
  //~~~~~~~~~~~~ [handler-missing-request-context] This warn call runs on the request path of POST /pages/duplicate via toDocument and goes through a logger that carries no request context, so its record has no request id; the request's logger (req.log) is not in scope here: pass it in, or have the shared logger read the request's context (a mixin on AsyncLocalStorage).
    return content;
  }
}
