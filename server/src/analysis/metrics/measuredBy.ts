// What measures a handler, in words: shared by `check --summary` and the editor's coverage request.
// Its own module, importing only types: the CLI's bundle must not pull in the engine (and TypeScript)
// through it (test/cli/fix-and-cache.test.ts asserts dist/cli.js carries no TypeScript).
import type { MeasuredBy } from './coverage';

/**
 * What measures a handler, in words (`metric: requests.inc() (prom-client)`, `middleware: promBundle`).
 * `where`, when given, names a place (`src/app.ts:12`) and is added to metrics and middleware, as the
 * CLI prints them; the editor, which links to places, leaves it out.
 */
export function describeMeasuredBy(b: MeasuredBy, where?: (file: string, line: number) => string): string {
  switch (b.kind) {
    case 'metric':
      return `metric: ${b.call} (${b.library}${where ? `, ${where(b.file, b.line)}` : ''})`;
    case 'wrapper':
      return `wrapper: ${b.name}`;
    case 'middleware':
      return `middleware: ${b.name}${where ? ` (${where(b.file, b.line)})` : ''}`;
    case 'auto-instrumentation':
      return `auto-instrumentation: ${b.name}`;
  }
}
