// @case library=pino path=src/jobs.ts
// A name whose value the model cannot follow is what its declared type says: a variable assigned
// later (`let log: Logger | undefined`, Nango's `logCtx: LogContextOrigin | undefined`), or one
// initialised by a call the model does not know. A union of two types besides null and undefined
// says neither.
import type { Logger } from 'pino';
import { makeLogger, makeOther } from 'some-factory';

let log: Logger | undefined;
let either: Logger | string | undefined;

export function init(l: Logger, e: Logger | string): void {
  log = l;
  either = e;
}

export function run(id: string): void {
  log?.info({ id }, 'run');
  const child: Logger = makeLogger();
  child.warn({ id }, 'failed');
  const other = makeOther();
  other.warn('not known ' + id);
  if (typeof either !== 'string') either?.info(`either ${id}`);
}
