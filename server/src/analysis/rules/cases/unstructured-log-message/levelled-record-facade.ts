// @case library=pino path=src/jobs/sync.ts
// A class whose info, warn and error each hand a sink one record with their own level by name and
// the message (Nango's LogContext) is a logger: messages through it are checked, with no fix (the
// class decides the argument order). A notifier's level methods are not, even one that emits a
// `{ level, message }` payload to a socket.
import { LogContext, Notifier, type Transport, Toasts } from '../logs/context';

function getLogCtx(transport: Transport, id: string): LogContext {
  return new LogContext(transport, id);
}

export async function runSync(transport: Transport, name: string, toasts: Toasts, notifier: Notifier) {
  const logCtx = getLogCtx(transport, name);
  void logCtx.info(`Starting sync '${name}'`, { name });
//                 ~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  await logCtx.warn('sync is slow', { name });
  toasts.info(`sync ${name} started`);
  notifier.info(`sync ${name} started`);
}

export function report(logCtx: LogContext, count: number) {
  void logCtx.error('records failed: ' + count);
//                  ~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
}
