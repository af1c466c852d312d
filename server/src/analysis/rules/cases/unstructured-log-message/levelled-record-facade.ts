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

// Destructured from a parameter typed with an object type whose member is the class (Nango's
// `{ connection, logCtx }: { connection: Connection; logCtx: LogContext }`).
export function deploy({ logCtx, name }: { logCtx: LogContext; name: string }) {
  void logCtx.info(`Uploading ${name}`);
//                 ~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

export async function fetchToken(logCtx: LogContext, url: string) {
  void logCtx.http(`POST ${url}`, { response: { code: 200 } });
//                 ~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}

// Its `log(record)` hands the sink a whole record: the record's message is checked (Nango's telemetry handler).
export async function telemetry(logCtx: LogContext, event: string) {
  await logCtx.log({ type: 'log', level: 'info', message: `Connect UI event ${event}` });
//                                                        ~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  await logCtx.log({ type: 'log', level: 'info', message: 'Connect UI opened' });
}
