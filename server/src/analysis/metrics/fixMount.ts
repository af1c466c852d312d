// The first handler-missing-metrics fix: the service depends on a metrics middleware (package.json)
// that no file mounts, so mount it once at app level, in front of every route: imported in the
// app's file and attached right before the first route or middleware registered on the app
// (`app.use(promBundle({...}))` for Express, `app.register(fastifyMetrics, {...})` for Fastify,
// `const { printMetrics, registerMetrics } = prometheus(); app.use('*', registerMetrics);
// app.get('/metrics', printMetrics)` for Hono: the forms the libraries document). One fix for the whole service: every unmeasured handler's finding
// offers the same edits. Not safe: a new middleware changes what every request runs through, and
// it serves a /metrics endpoint.
import ts from '../typescriptModule';
import type { Handler } from '../handlers/types';
import type { FixProposal, ParsedServiceFile, ServiceView } from '../rule';
import { METRICS_MIDDLEWARE, type MetricsMiddleware, type MiddlewareMount } from './coverageLibraries';
import { importEdit, importNode, insertBefore, literal, nameInUse, printStatement, writingFor, type FileWriting } from './fixWriting';
import { usedInService } from './metricsModule';
import { nodeAt } from '../treeAt';

/** The middleware a mount fix would add for this service, if it depends on one no file uses. */
function unmountedMiddleware(service: ServiceView, dependencies: readonly string[], framework: string): (MetricsMiddleware & { mount: MiddlewareMount }) | null {
  return service.memo(`metrics.fix.unmounted.${framework}`, () => {
    for (const dep of dependencies) {
      const spec = METRICS_MIDDLEWARE.find((m) => m.package === dep);
      if (spec?.mount && spec.mount.framework === framework && !usedInService(service, dep)) return spec as MetricsMiddleware & { mount: MiddlewareMount };
    }
    return null;
  });
}

/** The app's first registration (route, middleware, plugin, mounted router) in its file: the statement to insert before, and the app's name. */
function firstRegistration(service: ServiceView, appFile: string, framework: string): { parsed: ParsedServiceFile; statement: ts.Statement; app: string } | null {
  const facts = service.facts(appFile);
  const parsed = service.parsed(appFile);
  if (!facts || !parsed) return null;
  const apps = facts.owners.map((o, i) => ({ o, i })).filter(({ o }) => o.role === 'app' && o.framework === framework && !o.param && !o.derivedFrom);
  if (apps.length !== 1) return null; // no app here, or several: which one the fix is for is not clear
  const app = apps[0].i;
  const places = [...facts.routes, ...facts.attaches].filter((r) => r.owner.kind === 'owner' && r.owner.owner === app);
  if (places.length === 0) return null;
  const first = places.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  let node: ts.Node | null = nodeAt(parsed, first.line, first.column, () => true);
  let call: ts.CallExpression | null = null;
  for (; node && !ts.isSourceFile(node); node = node.parent) {
    if (!call && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) call = node;
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node)) break;
  }
  if (!call || !node || ts.isSourceFile(node) || !(ts.isSourceFile(node.parent) || ts.isBlock(node.parent))) return null;
  const receiver = (call.expression as ts.PropertyAccessExpression).expression as ts.Identifier;
  return { parsed, statement: node as ts.Statement, app: receiver.text };
}

/**
 * `app.use(promBundle({ ... }))`, `app.register(fastifyMetrics, { ... })`, `app.use(local())`
 * without options, or a factory's three statements (see MiddlewareMount).
 */
function mountStatements(mount: MiddlewareMount, app: string, w: FileWriting, hasMetricsRoute: boolean): ts.Statement[] {
  const f = ts.factory;
  // A /metrics route of the service's own stays the scrape endpoint: the middleware serves none.
  const options = hasMetricsRoute ? { ...mount.options, ...mount.scrapeOff } : mount.options;
  const value = (v: boolean | string | null) => (v === null ? f.createNull() : typeof v === 'string' ? literal(w, v) : v ? f.createTrue() : f.createFalse());
  const props = Object.entries(options).map(([k, v]) => f.createPropertyAssignment(k, value(v)));
  const object = f.createObjectLiteralExpression(props, false);
  const local = f.createIdentifier(mount.local);
  const onApp = (method: string, args: ts.Expression[]) => f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(app), method), undefined, args));
  const made = f.createCallExpression(local, undefined, props.length > 0 ? [object] : []);
  if (mount.form === 'use-call') return [onApp('use', [made])];
  if (mount.form === 'register') return [onApp('register', [local, object])];
  const { middleware, scrape } = mount.factory!;
  const names = f.createObjectBindingPattern([scrape, middleware].map((n) => f.createBindingElement(undefined, undefined, n)));
  return [
    f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(names, undefined, undefined, made)], ts.NodeFlags.Const)),
    onApp('use', [literal(w, '*'), f.createIdentifier(middleware)]),
    onApp('get', [literal(w, '/metrics'), f.createIdentifier(scrape)]),
  ];
}

/** The mount fix for a handler of the service, or null (no unmounted dependency, the app not found, a name taken). */
export function mountMiddlewareFix(service: ServiceView, dependencies: readonly string[], h: Handler): FixProposal | null {
  const spec = unmountedMiddleware(service, dependencies, h.framework);
  if (!spec) return null;
  return service.memo(`metrics.fix.mount.${h.rootFile ?? h.file}`, () => {
    const found = firstRegistration(service, h.rootFile ?? h.file, h.framework);
    if (!found) return null;
    const w = writingFor(service, found.parsed);
    const bound = [spec.mount.local, ...(spec.mount.factory ? [spec.mount.factory.middleware, spec.mount.factory.scrape] : [])];
    if (bound.some((n) => nameInUse(w.text, n))) return null;
    const esm = w.moduleStyle === 'esm';
    const exportName = esm ? spec.mount.esmExport : spec.mount.commonjsExport;
    const hasMetricsRoute = service.handlers.some((x) => x.path === '/metrics');
    if (hasMetricsRoute && !spec.mount.scrapeOff) return null; // it would shadow the service's own scrape endpoint
    const importing = importEdit(w, importNode(w.moduleStyle, exportName, spec.mount.local, literal(w, spec.package)));
    const mounting = insertBefore(w, found.statement.getStart(w.sourceFile), mountStatements(spec.mount, found.app, w, hasMetricsRoute).map((st) => printStatement(w, st)));
    if (mounting.start < importing.start) return null; // a registration among the imports: no place in front of it after them
    const edits = [importing, mounting].map((e) => ({ ...e, file: found.parsed.file }));
    return { title: `Mount ${spec.package} in front of the routes (app level, once)`, edits, safe: false };
  });
}
