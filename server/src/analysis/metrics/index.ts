// The metrics model's entry points: which nodes the one walk of analyze.ts hands over, and the
// definitions, uses and registry lookups recognised among them.
import ts from '../typescriptModule';
import { parseSource } from '../parse';
import { DECLARES, recordDeclarations, ScopeMap } from '../scopes';
import { METRIC_CALL_NAMES, METRIC_TYPE_NAMES, MENTIONS_METRICS_LIBRARY } from './libraries';
import type { FileMetrics, MetricDefinition, MetricUse, RegistryLookup } from './model';
import { MetricResolver } from './resolve';
import type { ImportLinks } from '../model/types';

export type * from './model';
export { NO_METRICS } from './model';
export type { MetricKind, MetricsLibrary } from './libraries';

/** Cheap text test: could the file hold a metric the model follows (it imports a metrics library)? */
export function mayHoldMetrics(text: string): boolean {
  return MENTIONS_METRICS_LIBRARY.test(text) || (METRIC_TYPE_NAMES.some((w) => text.includes(w)) && CALLS_METRIC_FACTORY.test(text));
}

/**
 * A call of something named for a metric type (`createCounter(`, `makeHistogram<T>(`): maybe the
 * project's own metric factory (factories.ts). Anchored on the type's word (no leading `\w*`, which
 * would retry at every letter of every word), after a substring test that fails most files at once.
 */
const CALLS_METRIC_FACTORY = new RegExp(String.raw`(?:${METRIC_TYPE_NAMES.join('|')})\s*(?:<[^>\n]{0,200}>)?\s*\(`);

/** Whether the walk should keep `node` for recognition: any `new` (aliased classes), and calls of metric method names or of a bare function (a timer's end). */
export function isMetricCandidate(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.NewExpression) return true;
  if (node.kind !== ts.SyntaxKind.CallExpression) return false;
  const callee = (node as ts.CallExpression).expression;
  // A method given a configuration object may be a project's metric factory (`monitor.registerGauge({ name, help })`).
  if (ts.isPropertyAccessExpression(callee)) return METRIC_CALL_NAMES.has(callee.name.text) || isObjectArgument((node as ts.CallExpression).arguments[0]);
  if (ts.isElementAccessExpression(callee)) return ts.isStringLiteralLike(callee.argumentExpression) && METRIC_CALL_NAMES.has(callee.argumentExpression.text);
  return ts.isIdentifier(callee);
}

function isObjectArgument(arg: ts.Expression | undefined): boolean {
  return !!arg && arg.kind === ts.SyntaxKind.ObjectLiteralExpression;
}

/** Definitions, uses and lookups among the candidates, in source order. Needs the file's scope model and parent pointers; `links` follow the project's metric factories. */
export function recogniseMetrics(candidates: readonly ts.Node[], scopes: ScopeMap, links?: ImportLinks): FileMetrics {
  const resolver = new MetricResolver(scopes, links);
  const definitions: MetricDefinition[] = [];
  const uses: MetricUse[] = [];
  const lookups: RegistryLookup[] = [];
  for (const node of candidates) {
    try {
      const def = resolver.definitionAt(node as ts.NewExpression | ts.CallExpression);
      if (def) definitions.push(def);
      if (def || !ts.isCallExpression(node)) continue;
      const use = resolver.useAt(node);
      const lookup = use ? null : resolver.lookupAt(node);
      if (use) uses.push(use);
      if (lookup) lookups.push(lookup);
    } catch {
      // A node the model cannot read must not cost the file its log findings or its other metrics.
    }
  }
  const byPosition = (a: { node: ts.Node }, b: { node: ts.Node }) => a.node.pos - b.node.pos || a.node.end - b.node.end;
  return { definitions: definitions.sort(byPosition), uses: uses.sort(byPosition), lookups: lookups.sort(byPosition) };
}

/**
 * The metrics model of one file on its own (for tools and tests that want the definitions without
 * running rules): parse, a walk that records declarations and candidates, recognition.
 */
export function extractMetrics(absPath: string, text: string): FileMetrics & { sourceFile: ts.SourceFile } {
  const sf = parseSource(absPath, text);
  const scopes = new ScopeMap();
  const candidates: ts.Node[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    ts.forEachChild(node, (child) => {
      (child as { parent: ts.Node }).parent = node;
      stack.push(child);
    });
    if (DECLARES[node.kind]) recordDeclarations(scopes, node);
    if (isMetricCandidate(node)) candidates.push(node);
  }
  return { ...recogniseMetrics(candidates, scopes), sourceFile: sf };
}
