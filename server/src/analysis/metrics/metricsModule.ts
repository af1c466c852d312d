// Where the record-duration fix (fixHistogram.ts) takes its histogram from: the service's shared
// `http_request_duration_seconds` prom-client Histogram (method, route, status_code) when a file
// defines one; else the project's metrics module (the service file that creates prom-client
// metrics or a registry), where the histogram is to be created; else a new `metrics` module
// beside the service's sources. Worked out once per service. Only for services that depend on
// prom-client (the fix writes prom-client code; another library's services get no fix yet) and
// use no metrics middleware that registers the same name (express-prom-bundle, fastify-metrics...).
import * as path from 'node:path';
import ts from '../typescriptModule';
import { classifyFile } from '../project';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { METRICS_MIDDLEWARE } from './coverageLibraries';
import { isMetricCandidate, recogniseMetrics } from './index';
import type { FileMetrics, MetricDefinition } from './model';

export const HISTOGRAM_NAME = 'http_request_duration_seconds';
export const HISTOGRAM_LABELS = ['method', 'route', 'status_code'] as const;
/** The name the fix binds a histogram it creates to. */
export const HISTOGRAM_LOCAL = 'httpRequestDuration';

/** How a file reaches prom-client: `new Histogram(...)` (a named import), `new client.Histogram(...)` (the module), or not at all yet. */
export type PromClientBinding =
  | { kind: 'named'; histogram: string }
  | { kind: 'named-without-histogram'; /** The last name imported, to add `Histogram` after it. */ last: ts.Node }
  | { kind: 'module'; name: string }
  | { kind: 'none' };

export type HistogramSource =
  /** An existing histogram: `name` in its file, and how other files import it (its export), null when it is not exported. */
  | { kind: 'existing'; file: string; local: string; exportName: string | null }
  /** A metrics module to create it in. */
  | { kind: 'module'; parsed: ParsedServiceFile; binding: PromClientBinding; definitions: readonly MetricDefinition[] }
  /** No prom-client module: a new file at this path. */
  | { kind: 'new-file'; file: string };

const MODULE_NAME = /(^|[\\/])(metrics?|prometheus|prom|monitoring|instrumentation|telemetry|stats)(\.[^\\/]*)?$/i;

/** The package's module specifier written in some file of the service (then it is mounted, or used, somewhere). */
export function usedInService(service: ServiceView, pkg: string): boolean {
  const quoted = new RegExp(`(['"\`])${pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"\`]*)?\\1`);
  return service.files.some((f) => {
    const text = service.project.readFile(f);
    return text !== undefined && text.includes(pkg) && quoted.test(text);
  });
}

export function histogramSourceOf(service: ServiceView, handlerFile: string): HistogramSource | null {
  return service.memo('metrics.fix.histogramSource', () => computeSource(service, handlerFile));
}

function computeSource(service: ServiceView, handlerFile: string): HistogramSource | null {
  const deps = service.project.packageFor(path.join(service.root, 'package.json'))?.dependencies;
  if (!deps?.has('prom-client')) return null;
  // A middleware the service uses registers the name in the default registry already: a second one would throw at start-up.
  if (METRICS_MIDDLEWARE.some((m) => m.registersMetric === HISTOGRAM_NAME && deps.has(m.package) && usedInService(service, m.package))) return null;
  const modules: Array<{ parsed: ParsedServiceFile; definitions: MetricDefinition[]; binding: PromClientBinding; routes: number }> = [];
  for (const file of service.files) {
    const text = service.project.readFile(file);
    if (!text || !text.includes('prom-client') || classifyFile(service.project, file) !== 'service') continue;
    const parsed = service.parsed(file);
    if (!parsed) continue;
    const binding = promClientBinding(parsed.sourceFile);
    if (binding.kind === 'none') continue;
    const definitions = definitionsIn(service, parsed).filter((d) => d.library === 'prom-client');
    const existing = definitions.find((d) => d.kind === 'histogram' && d.name.state === 'known' && d.name.value === HISTOGRAM_NAME);
    if (existing) return existingSource(parsed, existing);
    modules.push({ parsed, definitions, binding, routes: service.facts(file)?.routes.length ?? 0 });
  }
  // The project's metrics module: a file named for metrics first, then one that registers no routes, then the most definitions.
  const rank = (m: (typeof modules)[number]) => [MODULE_NAME.test(stripExt(m.parsed.file)) ? 0 : 1, m.routes > 0 ? 1 : 0, -m.definitions.length];
  modules.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || (a.parsed.file < b.parsed.file ? -1 : 1);
  });
  const chosen = modules.find((m) => m.definitions.length > 0 || MODULE_NAME.test(stripExt(m.parsed.file)));
  if (chosen) return { kind: 'module', parsed: chosen.parsed, binding: chosen.binding, definitions: chosen.definitions };
  const file = newModulePath(service, handlerFile);
  return file ? { kind: 'new-file', file } : null;
}

function stripExt(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '');
}

/** A histogram usable as the shared one: the three labels among its label names, bound to a `const` at the top level. */
function existingSource(parsed: ParsedServiceFile, def: MetricDefinition): HistogramSource | null {
  const labels = def.labelNameList?.map((l) => l.value) ?? [];
  if (!HISTOGRAM_LABELS.every((l) => labels.includes(l))) return null; // another metric under the name: a person decides
  const decl = def.node.parent;
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !ts.isVariableStatement(decl.parent.parent) || !ts.isSourceFile(decl.parent.parent.parent)) return null;
  const local = decl.name.text;
  return { kind: 'existing', file: parsed.file, local, exportName: exportNameOf(parsed.sourceFile, local, decl.parent.parent) };
}

/** The name other files import `local` by: `export const`, `export { local as x }`, `module.exports = { x: local }`, `exports.x = local`. */
function exportNameOf(sf: ts.SourceFile, local: string, statement: ts.VariableStatement): string | null {
  if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return local;
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if ((el.propertyName ?? el.name).getText(sf) === local) return el.name.text;
    }
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const { left, right } = st.expression;
    const target = left.getText(sf);
    if (target === 'module.exports' && ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === local) return local;
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer) && p.initializer.text === local && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
      }
    }
    const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (m && ts.isIdentifier(right) && right.text === local) return m[1];
  }
  return null;
}

/** The metric definitions of a parsed service file (see fileMetricsIn). */
export function definitionsIn(service: ServiceView, parsed: ParsedServiceFile): MetricDefinition[] {
  return [...fileMetricsIn(service, parsed).definitions];
}

/** The metrics model of a parsed service file (recognition on the phase's tree), once per file and service phase. */
export function fileMetricsIn(service: ServiceView, parsed: ParsedServiceFile): FileMetrics {
  return service.memo(`metrics.model.${parsed.file}`, () => {
    const candidates: ts.Node[] = [];
    const stack: ts.Node[] = [parsed.sourceFile];
    while (stack.length) {
      const n = stack.pop()!;
      if (isMetricCandidate(n)) candidates.push(n);
      n.forEachChild((c) => {
        stack.push(c);
      });
    }
    // The phase's own links (its dependencies are not a file's result): a metric made by a project factory counts too.
    return recogniseMetrics(candidates.reverse(), parsed.scopes, service.project.linksFor(parsed.file, {}));
  });
}

/** How the file imports prom-client, from its top-level imports and requires. */
export function promClientBinding(sf: ts.SourceFile): PromClientBinding {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === 'prom-client' && st.importClause && !st.importClause.isTypeOnly) {
      const clause = st.importClause;
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) return { kind: 'module', name: named.name.text };
      if (clause.name) return { kind: 'module', name: clause.name.text };
      if (named && ts.isNamedImports(named) && named.elements.length > 0) {
        const h = named.elements.find((e) => (e.propertyName ?? e.name).text === 'Histogram' && !e.isTypeOnly);
        return h ? { kind: 'named', histogram: h.name.text } : { kind: 'named-without-histogram', last: named.elements[named.elements.length - 1] };
      }
    }
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
      const arg = init.arguments[0];
      if (!arg || !ts.isStringLiteral(arg) || arg.text !== 'prom-client') continue;
      if (ts.isIdentifier(d.name)) return { kind: 'module', name: d.name.text };
      if (ts.isObjectBindingPattern(d.name) && d.name.elements.length > 0) {
        const h = d.name.elements.find((e) => ((e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.name) as ts.Identifier).text === 'Histogram' && ts.isIdentifier(e.name));
        return h ? { kind: 'named', histogram: (h.name as ts.Identifier).text } : { kind: 'named-without-histogram', last: d.name.elements[d.name.elements.length - 1] };
      }
    }
  }
  return { kind: 'none' };
}

/** `src/metrics.ts` (`.js`, `.mjs`, ...: the handler file's kind) beside the service's sources, or another free name; null when none is free. */
function newModulePath(service: ServiceView, handlerFile: string): string | null {
  const ext = /\.(mts|cts|mjs|cjs|ts|js)x?$/.exec(handlerFile)?.[1] ?? 'js';
  const src = path.join(service.root, 'src');
  const dir = service.files.some((f) => f.startsWith(src + path.sep)) ? src : service.root;
  for (const name of ['metrics', 'httpMetrics']) {
    const base = path.join(dir, name);
    // Any module of that name (another extension, a folder's index) would make the import ambiguous.
    const taken = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'].some((e) => service.project.readFile(`${base}.${e}`) !== undefined || service.project.readFile(path.join(base, `index.${e}`)) !== undefined);
    if (!taken) return `${base}.${ext}`;
  }
  return null;
}
