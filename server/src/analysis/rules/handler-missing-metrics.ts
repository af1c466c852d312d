// handler-missing-metrics: an HTTP handler whose requests no metric measures (rate, errors and
// duration: RED). A service phase rule: a handler's coverage depends on the middleware mounted in
// front of it, its wrappers, the project's metrics module and how the service is started, which
// no single file shows. Coverage is worked out in metrics/coverage.ts; this rule words it.
// Its fix, never safe: mount the metrics middleware the service already depends on, once, in front
// of the routes (metrics/fixMount.ts); else time the handler with the shared
// `http_request_duration_seconds` histogram of the project's metrics module (metrics/fixHistogram.ts).
import ts from '../typescriptModule';
import type { FrameworkId } from '../handlers/types';
import { coverageOf, type HandlerCoverage, type ServiceCoverage } from '../metrics/coverage';
import { recordDurationFix } from '../metrics/fixHistogram';
import { mountMiddlewareFix } from '../metrics/fixMount';
import { callAt, nodeAt } from '../treeAt';
import type { FixProposal, Rule, ServiceRuleContext, ServiceView } from '../rule';

/** The usual metrics middleware of each framework, suggested when the service depends on none. */
const SUGGESTED_MIDDLEWARE: Partial<Record<FrameworkId, string>> = {
  express: 'express-prom-bundle',
  fastify: 'fastify-metrics',
  hono: '@hono/prometheus',
};

/** `GET /users/:id`; a path with a part computed at run time is shown with `…` there (see computedNote). */
export function describeRoute(method: string, path: string | null, shownPath?: string): string {
  const m = method === 'ALL' ? 'every method of' : method;
  return `${m} ${path ?? shownPath ?? '(a path computed at run time)'}`;
}

/** Said after a route shown with `…`: what the mark means. */
export function computedNote(path: string | null, shownPath?: string): string {
  return path === null && shownPath ? ' (… is computed at run time)' : '';
}

/** What would measure the handler, in the service's own terms. */
export function suggestion(coverage: ServiceCoverage, c: HandlerCoverage): string {
  const deps = coverage.middlewareDependencies;
  if (c.notes.length > 0) return 'Remove the opt-out, or record a request-duration histogram in the handler';
  if (deps.length > 0) return `Mount ${deps[0]} (already a dependency) in front of it`;
  const usual = SUGGESTED_MIDDLEWARE[c.handler.framework];
  const record = 'record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it';
  return usual ? `Mount ${usual} in front of it, or ${record}` : `To cover it, ${record}`;
}

export function messageFor(coverage: ServiceCoverage, c: HandlerCoverage): string {
  const why = [...c.notes];
  if (coverage.autoDisabled) why.push(`HTTP auto-instrumentation is switched off by ${coverage.autoDisabled}`);
  const because = why.length > 0 ? `: ${why.join('; ')}` : '';
  return (
    `\`${describeRoute(c.handler.method, c.handler.path, c.handler.shownPath)}\`${computedNote(c.handler.path, c.handler.shownPath)} is not measured: no metric in its handler or a wrapper, ` +
    `no metrics middleware in front of it, no HTTP auto-instrumentation${because}. ${suggestion(coverage, c)}.`
  );
}

/** Where the finding goes: the registration's method name and path (`get('/users/:id'`), else the node at the route's place. */
function rangeOf(service: ServiceView, c: HandlerCoverage): { start: number; end: number } | null {
  const parsed = service.parsed(c.handler.file);
  if (!parsed) return null;
  const sf = parsed.sourceFile;
  const call = callAt(parsed, c.handler.line, c.handler.column);
  if (call) {
    const callee = call.expression;
    const start = ts.isPropertyAccessExpression(callee) ? callee.name.getStart(sf) : call.getStart(sf);
    const first = call.arguments[0];
    const end = first && ts.isStringLiteralLike(first) ? first.end : ts.isPropertyAccessExpression(callee) ? callee.name.end : callee.end;
    return { start, end };
  }
  const node = nodeAt(parsed, c.handler.line, c.handler.column, () => true);
  if (!node) return null;
  let n: ts.Node = node;
  while (n.parent && n.parent.getStart(sf) === n.getStart(sf) && !ts.isSourceFile(n.parent)) n = n.parent; // the whole decorator, export or declaration
  const start = n.getStart(sf);
  const lineEnd = sf.getLineEndOfPosition(start);
  return { start, end: Math.min(n.end, lineEnd) };
}

/**
 * The middleware mount when the service depends on one it does not use (not for a handler that
 * opts out of it: mounting would not measure it), else the histogram in the handler. A fix that
 * cannot be written is left out (the finding stands without it).
 */
function fixesFor(service: ServiceView, coverage: ServiceCoverage, c: HandlerCoverage): FixProposal[] {
  const fix = (c.notes.length === 0 ? mountMiddlewareFix(service, coverage.middlewareDependencies, c.handler) : null) ?? recordDurationFix(service, c.handler);
  return fix ? [fix] : [];
}

export const rule: Rule = {
  meta: {
    id: 'handler-missing-metrics',
    description: 'HTTP handlers whose requests no metric, wrapper, metrics middleware or auto-instrumentation measures.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  checkService(service: ServiceView, ctx: ServiceRuleContext): void {
    const coverage = coverageOf(service);
    for (const c of coverage.handlers) {
      if (c.scrapeEndpoint || c.outsideService || c.preflight || c.measuredBy.length > 0) continue;
      const range = rangeOf(service, c);
      if (range) ctx.report(c.handler.file, range, messageFor(coverage, c), fixesFor(service, coverage, c));
    }
  },
};
