// The metrics a module exports, for its importers (ModuleSummary.metrics): a metrics module
// (`export const ordersTotal = new Counter({...})`), an object or class of them (`export class
// Metrics { static importsTotal = new Counter(...) }`), what it passes on from another module
// (`export { x } from`, `export *`, a barrel) and CommonJS's `module.exports = { ... }` and
// `exports.x = ...`. Importers then find their label values (high-cardinality-label) as if the
// metric were made in their own file.
import ts from '../typescriptModule';
import { hasModifier, type ScopeMap } from '../scopes';
import { commonJsExportName } from '../model/commonJsExports';
import type { ExportedMetrics, ImportLinks, MetricExport } from '../model/types';
import { exportedMetricsOf, MetricResolver } from './resolve';
import { mayHoldMetrics } from './index';

/** Whether a module can export metrics: it may hold some, or passes on another module's exports. */
export function mayExportMetrics(text: string): boolean {
  return mayHoldMetrics(text) || REEXPORTS.test(text);
}

/** `export * from`, `export { x } from`, `module.exports = require(`: a module passing on another's exports. */
const REEXPORTS = /\bexport\s*\*|\bexport\s*\{[^}]{0,2000}\}\s*from\b|\bmodule\.exports\s*=\s*require\s*\(/;

/** The links a module's exports are followed through: `metricOf` reads another module's summary. */
type MetricLinks = ImportLinks & Required<Pick<ImportLinks, 'metricOf'>>;

export function exportedMetrics(sf: ts.SourceFile, scopes: ScopeMap, links: MetricLinks): ReadonlyMap<string, ExportedMetrics> {
  const resolver = new MetricResolver(scopes, links);
  const out = new Map<string, ExportedMetrics>();
  const put = (name: string, v: ExportedMetrics | null) => {
    if (v) out.set(name, v);
  };
  const stars: string[] = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.isTypeOnly) continue;
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      if (!st.exportClause) {
        if (from) stars.push(from);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.isTypeOnly) continue;
          const local = (el.propertyName ?? el.name).text;
          put(el.name.text, from ? links.metricOf(from, local) : exportedMetricsOf(resolver.valueOfName(st, local)));
        }
      }
    } else if (ts.isExportAssignment(st)) {
      put('default', exportedMetricsOf(resolver.valueOf(st.expression)));
    } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) put(d.name.text, exportedMetricsOf(resolver.valueOf(d.initializer)));
        }
      } else if (ts.isClassDeclaration(st) && (st.name || isDefault)) {
        put(isDefault ? 'default' : st.name!.text, exportedMetricsOf(st.name ? resolver.valueOfName(st, st.name.text) : null));
      }
    } else if (ts.isExpressionStatement(st)) {
      commonJsExport(st.expression, resolver, put);
    }
  }
  // Names a module declares itself win over the same names passed on by `export *` (as in ES modules).
  for (const from of stars) {
    const target = links.metricOf(from, '*');
    if (target?.t !== 'members') continue;
    for (const [name, m] of target.members) if (!out.has(name)) out.set(name, { t: 'metric', metric: m });
  }
  return out;
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`. */
function commonJsExport(expr: ts.Expression, resolver: MetricResolver, put: (name: string, v: ExportedMetrics | null) => void): void {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const name = commonJsExportName(expr.left);
  if (name) put(name, exportedMetricsOf(resolver.valueOf(expr.right)));
}

/**
 * What importing `name` from a module whose metrics are `metrics` gives: `*` (a namespace import,
 * a whole-module require) the object of its metrics; `default` its default export, or CommonJS's
 * `module.exports`; a name its export, or that member of CommonJS's `module.exports = { ... }`.
 */
export function importedMetric(metrics: ReadonlyMap<string, ExportedMetrics> | undefined, name: string): ExportedMetrics | null {
  if (!metrics || metrics.size === 0) return null;
  if (name === '*' || (name === 'default' && !metrics.has('default'))) {
    const whole = metrics.get('module.exports');
    if (whole) return whole;
    const members = new Map<string, MetricExport>();
    for (const [k, v] of metrics) if (v.t === 'metric' && k !== 'default') members.set(k, v.metric);
    return members.size > 0 ? { t: 'members', members } : null;
  }
  const named = metrics.get(name);
  if (named) return named;
  // `const { jobsTotal } = require('./metrics')` of a `module.exports = { jobsTotal }`.
  const whole = metrics.get('module.exports');
  const member = whole?.t === 'members' ? whole.members.get(name) : undefined;
  return member ? { t: 'metric', metric: member } : null;
}
