// @case library=pino loggerModule=src/logger.ts path=src/jobs/cleanup.handler.ts type=module
// A project's own logger type with no library behind it (Documenso's job runner hands each handler
// `io.logger`, typed by an interface of info/warn/error methods): its calls take the message first.
// What it does with the other arguments is not known, so no fix is offered.
import type { JobRunIO } from './job';

export const run = async ({ io }: { payload: { teamId: number }; io: JobRunIO }) => {
  const deleted = await io.runTask('delete', async () => 3);
  io.logger.info(`Cleaned up ${deleted} expired entries`);
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
  io.logger.info('cleanup finished', { deleted });
};

// A local logger-shaped type is the same.
type Printer = { info(message: string): void; warn(message: string): void; error(message: string): void };
export function report(out: Printer, count: number): void {
  out.warn(`skipped ${count} rows`);
         //~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
}
