// Which handlers of a service are measured, and by what (issue: HTTP handlers without metrics). A
// handler is measured when it records a metric itself (or through a workspace function it calls),
// when it is wrapped by a workspace function that does (`withMetrics(handler)`), when a metrics
// middleware is in front of it (Handler.inFront: a package of METRICS_MIDDLEWARE, or a project
// middleware that records), or when the service's HTTP is auto-instrumented. Opt-outs count as
// unmeasured. The scrape endpoint (a handler rendering the registry) needs no measuring.
import ts from '../typescriptModule';
import type { FrontMiddleware, Handler } from '../handlers/types';
import { classifyFile } from '../project';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { unwrap } from '../scopes';
import { autoInstrumentationOf } from './autoInstrumentation';
import { nestModuleMetricsOf } from './nestMetricsModule';
import { unplacedMiddleware } from './coverageUnplaced';
import { type MetricsMiddleware, metricsMiddlewareOf } from './coverageLibraries';
import { callAt, nodeAt } from '../treeAt';
import { Recorders, shortText } from './recorders';

export type MeasuredBy =
  | { kind: 'metric'; library: string; call: string; file: string; line: number }
  | { kind: 'wrapper'; name: string; file: string; line: number }
  | { kind: 'middleware'; name: string; file: string; line: number }
  | { kind: 'auto-instrumentation'; name: string; file: string };

export interface HandlerCoverage {
  handler: Handler;
  /** What measures it; empty when nothing does. */
  measuredBy: MeasuredBy[];
  /** The scrape endpoint: not a handler that needs measuring. */
  scrapeEndpoint: boolean;
  /** Registered in a test, script or other file that does not run in the service (its role): not counted. */
  outsideService: boolean;
  /** An OPTIONS route (CORS preflight, `app.options(path, cors())`): no endpoint of its own to measure. */
  preflight: boolean;
  /** Why something that would measure it does not (an opt-out, middleware mounted after it). */
  notes: string[];
}

export interface ServiceCoverage {
  root: string;
  name: string | null;
  handlers: HandlerCoverage[];
  /** Metrics middleware the service depends on (package.json), for the finding's suggestion. */
  middlewareDependencies: string[];
  /** Set when auto-instrumentation is present but switched off for HTTP. */
  autoDisabled: string | null;
}

/** The coverage of a service, computed once per service phase (shared by the rule and the summary). */
export function coverageOf(service: ServiceView): ServiceCoverage {
  return service.memo('metrics.coverage', () => computeCoverage(service));
}

function computeCoverage(service: ServiceView): ServiceCoverage {
  const recorders = new Recorders(service);
  const auto = autoInstrumentationOf(service);
  const deps = service.project.packageFor(service.root + '/package.json')?.dependencies;
  const middlewareDependencies = [...(deps ?? [])].filter((d) => metricsMiddlewareOf(d)?.measuresRequests).sort();
  // Nest applies app-level middleware (`app.use(...)` in main.ts) to every controller route.
  const nestAppLevel: FrontMiddleware[] = service.middleware
    .filter((m) => m.framework === 'nestjs')
    .map((m) => ({ label: m.label, path: m.path, file: m.file, line: m.line, column: m.column, routeLevel: false }));
  const kinds = new Map<string, boolean>();
  const inService = (file: string) => {
    let v = kinds.get(file);
    if (v === undefined) kinds.set(file, (v = classifyFile(service.project, file) === 'service'));
    return v;
  };
  // Middleware on an app discovery does not follow, and for handlers whose mount it could not
  // follow (detached) every middleware of the service: assumed in front, as across files.
  const unplaced = unplacedMiddleware(service);
  const everywhere: FrontMiddleware[] = service.middleware.map((m) => ({ label: m.label, path: '/', file: m.file, line: m.line, column: m.column, routeLevel: false }));
  const handlers = service.handlers.map((h) => {
    const own = h.framework === 'nestjs' ? [...nestAppLevel, ...(h.inFront ?? [])] : (h.inFront ?? []);
    return handlerCoverage(inService(h.file) && (!h.rootFile || inService(h.rootFile)), service, recorders, h, [...unplaced, ...(h.detached ? everywhere : []), ...own]);
  });
  if (auto.found) {
    for (const c of handlers) if (!c.scrapeEndpoint && !c.outsideService && !c.preflight) c.measuredBy.push({ kind: 'auto-instrumentation', name: auto.found.what, file: auto.found.file });
  }
  const nestModule = nestModuleMetricsOf(service);
  if (nestModule) {
    for (const c of handlers) {
      if (c.handler.framework !== 'nestjs' || c.scrapeEndpoint || c.outsideService || c.preflight) continue;
      if (c.handler.path !== null && nestModule.ignored.includes(c.handler.path)) c.notes.push(`${nestModule.what} ignores ${c.handler.path}`);
      else c.measuredBy.push({ kind: 'middleware', name: nestModule.what, file: nestModule.file, line: nestModule.line });
    }
  }
  return { root: service.root, name: service.name, handlers, middlewareDependencies, autoDisabled: auto.disabled };
}

/**
 * `/metrics` and the routes below it, where Prometheus scrapes by default (with GET): the service's
 * own exposition, however it writes it (CodiMD renders its status into `/metrics/codimd` from a template).
 */
function isScrapePath(path: string | null): boolean {
  return path === '/metrics' || !!path?.startsWith('/metrics/');
}

function handlerCoverage(inService: boolean, service: ServiceView, recorders: Recorders, h: Handler, inFront: readonly FrontMiddleware[]): HandlerCoverage {
  const out: HandlerCoverage = { handler: h, measuredBy: [], scrapeEndpoint: false, outsideService: !inService, preflight: h.method === 'OPTIONS', notes: [] };
  if (!inService || out.preflight) return out;
  const fn = h.handler ? recorders.functionAtPlace(h.handler) : null;
  const registration = registrationAt(service, h);
  if ((fn && recorders.functionScrapes(fn.parsed, fn.node)) || (h.method === 'GET' && isScrapePath(h.path))) out.scrapeEndpoint = true;
  if (fn) {
    const r = recorders.functionRecords(fn.parsed, fn.node);
    if (r) out.measuredBy.push({ kind: 'metric', library: r.library, call: r.call, file: r.file, line: r.line });
  }
  if (registration) readRegistration(recorders, registration.parsed, registration.call, fn?.node ?? null, out);
  else {
    // `export const GET = withMetrics(handler)` (Next.js): the exported value's call is a wrapper.
    const wrapped = exportedCall(service, h);
    if (wrapped) readRegistration(recorders, wrapped.parsed, wrapped.call, fn?.node ?? null, out, true);
  }
  const optOut = registration && routeOptOut(registration.parsed, registration.call);
  for (const m of inFront) {
    if (m.path !== null && h.path !== null && !appliesTo(m.path, h.path)) continue;
    const by = middlewareMeasures(service, recorders, m, h, optOut ?? null, out.notes);
    if (by && !out.measuredBy.some((b) => b.kind === 'middleware' && by.kind === 'middleware' && b.file === by.file && b.line === by.line)) out.measuredBy.push(by);
  }
  return out;
}

/** Middleware mounted at `prefix` runs for `path` when the path is under it. */
function appliesTo(prefix: string, path: string): boolean {
  // `app.use('*', mw)` (Hono) applies everywhere; `/api/*` under /api.
  const p = prefix.replace(/\/?\*$/, '').replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(`${p}/`);
}

/** The route's registration call (`router.get('/x', ...)`, `app.route({...})`), when the place is one. */
function registrationAt(service: ServiceView, h: Handler): { parsed: ParsedServiceFile; call: ts.CallExpression } | null {
  const parsed = service.parsed(h.file);
  const call = parsed && callAt(parsed, h.line, h.column);
  return parsed && call ? { parsed, call } : null;
}

/** The call a route's exported variable is initialised with (`export const GET = withMetrics(...)`). */
function exportedCall(service: ServiceView, h: Handler): { parsed: ParsedServiceFile; call: ts.CallExpression } | null {
  const parsed = service.parsed(h.file);
  let n: ts.Node | null = parsed && nodeAt(parsed, h.line, h.column, () => true);
  for (let i = 0; n && i < 3 && !ts.isVariableDeclaration(n); i++) n = n.parent;
  const init = n && ts.isVariableDeclaration(n) && n.initializer ? unwrap(n.initializer) : null;
  return parsed && init && ts.isCallExpression(init) ? { parsed, call: init } : null;
}

/** Route-level arguments: a wrapper call around the handler (`withMetrics(h)`), route middleware that records, a scrape handler from a package. */
function readRegistration(recorders: Recorders, parsed: ParsedServiceFile, call: ts.CallExpression, handlerFn: ts.Node | null, out: HandlerCoverage, isWrapper = false): void {
  const sf = parsed.sourceFile;
  if (isWrapper) {
    const wrapper = recorders.calledFunction(parsed, call);
    const r = wrapper && recorders.functionRecords(wrapper.parsed, wrapper.node);
    if (r) out.measuredBy.push({ kind: 'wrapper', name: shortText(call.expression, sf), file: r.file, line: r.line });
    return;
  }
  for (const raw of call.arguments) {
    const arg = unwrap(raw);
    if (ts.isStringLiteralLike(arg) || ts.isObjectLiteralExpression(arg) || arg === handlerFn) continue;
    if (ts.isCallExpression(arg)) {
      const wrapper = recorders.calledFunction(parsed, arg);
      const r = wrapper && recorders.functionRecords(wrapper.parsed, wrapper.node);
      if (r) out.measuredBy.push({ kind: 'wrapper', name: shortText(arg.expression, sf), file: r.file, line: r.line });
      continue;
    }
    const target = recorders.functionOf(parsed, arg);
    if (target && target.node !== handlerFn) {
      if (recorders.functionScrapes(target.parsed, target.node) && target.node === lastFunctionArg(recorders, parsed, call)) out.scrapeEndpoint = true;
      const r = recorders.functionRecords(target.parsed, target.node);
      if (r) out.measuredBy.push({ kind: 'middleware', name: shortText(arg, sf), file: r.file, line: r.line });
      continue;
    }
    // `app.get('/metrics', printMetrics)` with the handler from a metrics package (@hono/prometheus).
    const origin = recorders.originOf(parsed, arg);
    if (origin?.kind === 'package' && metricsMiddlewareOf(origin.module) && raw === call.arguments[call.arguments.length - 1]) out.scrapeEndpoint = true;
  }
}

function lastFunctionArg(recorders: Recorders, parsed: ParsedServiceFile, call: ts.CallExpression): ts.Node | null {
  const last = call.arguments[call.arguments.length - 1];
  return last ? (recorders.functionOf(parsed, last)?.node ?? null) : null;
}

/** A route's own opt-out flag in its options (`{ config: { disableMetrics: true } }`), by flag name. */
function routeOptOut(parsed: ParsedServiceFile, call: ts.CallExpression): Set<string> | null {
  const flags = new Set<string>();
  for (const raw of call.arguments) {
    const arg = unwrap(raw);
    if (!ts.isObjectLiteralExpression(arg)) continue;
    const config = propertyValue(arg, 'config');
    if (config && ts.isObjectLiteralExpression(config)) {
      for (const p of config.properties) {
        if (ts.isPropertyAssignment(p) && unwrap(p.initializer).kind === ts.SyntaxKind.TrueKeyword) flags.add(p.name.getText(parsed.sourceFile).replace(/['"]/g, ''));
      }
    }
  }
  return flags.size > 0 ? flags : null;
}

function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | null {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return unwrap(p.initializer);
  }
  return null;
}

/** Whether a middleware in front measures the handler: a metrics package (unless opted out), or project middleware that records. */
function middlewareMeasures(service: ServiceView, recorders: Recorders, m: FrontMiddleware, h: Handler, optOut: Set<string> | null, notes: string[]): MeasuredBy | null {
  const place = { file: m.file, line: m.line };
  const attached = service.parsed(m.file);
  const call = attached && callAt(attached, m.line, m.column);
  // What the middleware argument is, traced from where it is attached (the linker's package, or the import its value comes from).
  const found = attached && call ? packageMiddleware(recorders, attached, call, m) : m.package ? { spec: metricsMiddlewareOf(m.package.specifier), options: null } : null;
  if (found?.spec) {
    const spec = found.spec;
    if (!spec.measuresRequests) {
      notes.push(`${spec.package} is mounted but measures no requests: ${spec.note}`);
      return null;
    }
    if (spec.routeOptOut && optOut?.has(spec.routeOptOut)) {
      notes.push(`the route opts out of ${spec.package} with config.${spec.routeOptOut}`);
      return null;
    }
    const excluded = found.options && excludedBy(found.options, spec, h.path);
    if (excluded) {
      notes.push(`${spec.package}'s ${excluded}`);
      return null;
    }
    return { kind: 'middleware', name: spec.package, ...place };
  }
  for (const target of [m.fn, m.factory]) {
    const fn = target && recorders.functionAtPlace(target);
    const r = fn && recorders.functionRecords(fn.parsed, fn.node);
    if (r) return { kind: 'middleware', name: m.label, ...place };
  }
  if (attached && call && !m.routeLevel) {
    // An inline or imported project middleware the linker could not follow: its argument, followed here.
    for (const raw of call.arguments) {
      const arg = unwrap(raw);
      // `register(plugins.metrics({...}))`: the factory's body holds the plugin it returns.
      const fn = ts.isCallExpression(arg) ? recorders.calledFunction(attached, arg) : recorders.functionOf(attached, arg);
      const r = fn && recorders.functionRecords(fn.parsed, fn.node);
      if (r) return { kind: 'middleware', name: m.label, ...place };
    }
  }
  return null;
}

/** The metrics package a middleware argument comes from, and its factory call's options object. */
function packageMiddleware(recorders: Recorders, parsed: ParsedServiceFile, call: ts.CallExpression, m: FrontMiddleware): { spec: MetricsMiddleware | undefined; options: ts.ObjectLiteralExpression | null } | null {
  for (const raw of call.arguments) {
    const arg = unwrap(raw);
    const origin = recorders.originOf(parsed, arg);
    if (origin?.kind !== 'package') continue;
    const spec = metricsMiddlewareOf(origin.module);
    if (!spec) continue;
    // fastify.register(fastifyMetrics, { ... }): the options are the next argument; promBundle({ ... }): the call's own.
    const next = call.arguments[call.arguments.indexOf(raw) + 1];
    const own = ts.isCallExpression(arg) ? arg.arguments[0] : next;
    const options = own && ts.isObjectLiteralExpression(unwrap(own)) ? (unwrap(own) as ts.ObjectLiteralExpression) : null;
    return { spec, options };
  }
  return m.package ? { spec: metricsMiddlewareOf(m.package.specifier), options: null } : null;
}

/** Whether the middleware's options leave the handler out: a listed excluded route, a bypass naming its path, route metrics off. */
function excludedBy(options: ts.ObjectLiteralExpression, spec: MetricsMiddleware, path: string | null): string | null {
  if (spec.disabledBy) {
    const block = propertyValue(options, spec.disabledBy.option);
    const flag = block && ts.isObjectLiteralExpression(block) ? propertyValue(block, spec.disabledBy.flag) : null;
    if (flag?.kind === ts.SyntaxKind.FalseKeyword) return `option ${spec.disabledBy.option}.${spec.disabledBy.flag}: false turns route metrics off`;
  }
  if (path === null) return null;
  for (const name of spec.excludeOptions) {
    const v = propertyValue(options, name);
    if (!v) continue;
    // A route named as a string in the option (a list of routes, or a comparison in a bypass function).
    if (mentionsPath(v, path)) return `option ${name} leaves ${path} out`;
  }
  return null;
}

function mentionsPath(root: ts.Node, path: string): boolean {
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isStringLiteralLike(n) && (n.text === path || (n.text.length > 1 && n.text.endsWith('/') && path.startsWith(n.text)))) return true;
    n.forEachChild((c) => void stack.push(c));
  }
  return false;
}
