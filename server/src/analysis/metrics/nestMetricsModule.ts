// A Nest module that measures every route of the app that imports it (NEST_METRICS_MODULES in
// coverageLibraries.ts): configured in the service's own files, or in a workspace library the
// service depends on and whose exported module (Novu's `TracingModule` around nestjs-otel) one of the
// service's files names. Told from the configuring call's text, as the auto-instrumentation is.
import * as path from 'node:path';
import type { ServiceView } from '../rule';
import { NEST_METRICS_MODULES } from './coverageLibraries';

export interface NestModuleMetrics {
  /** What measures: `nestjs-otel API metrics (libs/x/tracing.module.ts)`. */
  what: string;
  file: string;
  /** 1-based line of the configuring call. */
  line: number;
  /** Paths it leaves unmeasured (its ignore option's string literals). */
  ignored: readonly string[];
}

const EXPORTED_NAME = /\bexport\s+(?:default\s+)?(?:abstract\s+)?(?:class|const|let|function)\s+([\w$]+)/g;
const STRING = /['"`]([^'"`\n]{1,200})['"`]/g;

export function nestModuleMetricsOf(service: ServiceView): NestModuleMetrics | null {
  if (!service.frameworks.includes('nestjs')) return null;
  const own = new Set(service.files);
  for (const file of [...service.files, ...service.dependencyFiles]) {
    const text = service.project.readFile(file);
    if (!text) continue;
    for (const m of NEST_METRICS_MODULES) {
      if (!text.includes(m.package)) continue;
      const call = m.call.exec(text);
      if (!call || !m.enabled.test(text.slice(call.index))) continue;
      if (!own.has(file) && !namedByService(service, text)) continue;
      return {
        what: `${m.package} API metrics (${path.relative(service.root, file).split(path.sep).join('/')})`,
        file,
        line: text.slice(0, call.index).split('\n').length,
        ignored: ignoredPaths(text.slice(call.index), m.ignoreOption),
      };
    }
  }
  return null;
}

/** Whether a file of the service names one of the library file's exports (imports its module). */
function namedByService(service: ServiceView, libraryText: string): boolean {
  // A name too short to tell apart in other text (`a`, `log`) is no evidence.
  const names = [...libraryText.matchAll(EXPORTED_NAME)].map((m) => m[1]).filter((n) => n.length >= 6);
  if (names.length === 0) return false;
  return service.files.some((f) => {
    const text = service.project.readFile(f);
    return !!text && names.some((n) => text.includes(n));
  });
}

/** The string literals of `option: [ ... ]` after the call. */
function ignoredPaths(text: string, option: string): string[] {
  const at = text.indexOf(`${option}`);
  if (at < 0) return [];
  const open = text.indexOf('[', at);
  const close = open < 0 ? -1 : text.indexOf(']', open);
  if (open < 0 || close < 0 || open - at > option.length + 8) return [];
  return [...text.slice(open + 1, close).matchAll(STRING)].map((m) => m[1]);
}
