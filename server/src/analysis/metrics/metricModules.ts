// Which workspace modules may export metrics, learnt by noteFile, so that a file that imports one
// is read for metric uses although it names no metrics library (`import { Metrics } from
// '../tools/metrics'; Metrics.importsTotal.inc({ user })`). A text filter before the parse: the
// import is followed for real (ModuleSummary.metrics) once the file is parsed.
import { mayExportMetrics } from './exportedMetrics';

const MENTIONS_EXPORT = /\bexport\b|\bmodule\.exports\b|\bexports\./;
/** A module specifier after `from`, `require(` or `import(`; bounded, so each match is linear. */
const SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"]([^'"\n]{1,300})['"]/g;

/** A specifier's last segment without its extension (`../tools/metrics.js` → metrics). */
function moduleName(specifierOrPath: string): string {
  const last = specifierOrPath.slice(Math.max(specifierOrPath.lastIndexOf('/'), specifierOrPath.lastIndexOf('\\')) + 1);
  const dot = last.indexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

export class MetricModuleIndex {
  private readonly files = new Set<string>();
  /** How many noted files have each module name (a folder's name too, for its `index` file). */
  private readonly names = new Map<string, number>();

  /** Notes whether `file` may export metrics; true when that changed. */
  note(file: string, text: string): boolean {
    // A barrel passing another module's exports on (`export * from '../tools/metrics'`) may pass metrics on.
    const member = text.length < 2 * 1024 * 1024 && MENTIONS_EXPORT.test(text) && mayExportMetrics(text);
    if (member === this.files.has(file)) return false;
    if (member) this.files.add(file);
    else this.files.delete(file);
    this.keyMemo = undefined;
    for (const name of namesOf(file)) {
      const n = (this.names.get(name) ?? 0) + (member ? 1 : -1);
      if (n > 0) this.names.set(name, n);
      else this.names.delete(name);
    }
    return true;
  }

  /** Changes exactly when the names importsOne looks for do. */
  key(): string {
    return (this.keyMemo ??= [...this.names.keys()].sort().join('\0'));
  }
  private keyMemo: string | undefined;

  /** Whether `text` imports a module named as one that may export metrics. */
  importsOne(text: string): boolean {
    if (this.names.size === 0) return false;
    for (const m of text.matchAll(SPECIFIER)) if (this.names.has(moduleName(m[1]))) return true;
    return false;
  }
}

/** The names an import may reach `file` by: its own, and its folder's for an `index` file. */
function namesOf(file: string): string[] {
  const own = moduleName(file);
  if (own !== 'index') return [own];
  const folder = file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')));
  return [own, moduleName(folder)];
}
