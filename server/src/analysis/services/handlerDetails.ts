// What the editor shows on a handler's registration (issue #10): its method and full path, the
// request-id and trace-context sources in front of it, what measures it, the outgoing calls its
// body makes with whether each passes the request's context on, and what its request path does in
// the functions it reaches across files (handlerPath.ts). Worked out from a service phase's
// view (the coverage its rules already computed, memoised per service) into plain data the language
// server keeps between runs; the editor only formats it.
import ts from '../typescriptModule';
import { importOf, declarationNodeOf } from '../scopes';
import { type ContextPassing, contextPassingOf, outgoingCallOf } from '../context/outgoing';
import { CONTEXT_LIBRARIES, type ContextKind, type OutgoingKind } from '../context/libraries';
import type { CodeSource } from '../context/fileSources';
import { type ServiceContext, serviceContextFor } from '../context/service';
import type { FrameworkId, FrontMiddleware, Handler } from '../handlers/types';
import { coverageOf, type HandlerCoverage, type MeasuredBy } from '../metrics/coverage';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { callAt, functionNodeAt, nodeAt } from '../treeAt';
import { type HandlerPathNotes, HandlerPaths } from './handlerPath';

export type { ContextPassing };
export type { HandlerPathNotes, PathLogNote, PathOutgoingNote } from './handlerPath';

/** A 0-based span of a file (line and UTF-16 column at each end). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ContextSourceNote {
  /** The middleware as written (`pinoHttp({ logger })`) or the library or code source (`fastify`, `pino mixin`). */
  label: string;
  /** What it gives a request, in words: `request id`, `request logger (req.log)`, `trace context`. */
  gives: string[];
  /** `front`: mounted in front of the handler (in mount order); `service`: applies to every request. */
  scope: 'front' | 'service';
  /** Where it is set up, when it is code of the workspace (0-based line). */
  file?: string;
  line?: number;
}

export interface OutgoingCallNote {
  /** The client (`fetch`, `axios`, `kafkajs send`). */
  label: string;
  kind: OutgoingKind;
  line: number;
  column: number;
  passing: ContextPassing;
}

export interface HandlerDetails {
  method: string;
  /** Full route path, null when computed at run time. */
  path: string | null;
  framework: FrameworkId;
  file: string;
  /** The registration (`app.get('/x'`, `@Get(':id')`, `export async function GET`): where a hover applies. */
  span: Span;
  context: { sources: ContextSourceNote[]; requestLogger: string | null };
  metrics: { measuredBy: MeasuredBy[]; notes: string[]; scrapeEndpoint: boolean; outsideService: boolean; preflight: boolean };
  /** Null when the handler function could not be followed (its body is not in view). */
  outgoing: OutgoingCallNote[] | null;
  /** What the functions it reaches across files do (handlerPath.ts); null when its function is on no request path. */
  requestPath: HandlerPathNotes | null;
}

const GIVES: Record<ContextKind, string> = {
  'request-id': 'request id',
  'request-logger': 'request logger',
  'async-store': 'async context',
  trace: 'trace context',
};

/** Code sources that are middleware (matched to the handler's inFront list) and what each gives. */
const MIDDLEWARE_SOURCES: Partial<Record<CodeSource['kind'], string>> = {
  'als-middleware': 'async context (AsyncLocalStorage)',
  'request-id-middleware': 'request id',
  'child-per-request': 'request logger',
  'request-logger-middleware': 'request logger',
};
/** Code sources that apply to the whole service. */
const SERVICE_SOURCES: Partial<Record<CodeSource['kind'], string>> = {
  'logger-reads-context': "the shared logger adds the request's context to every record",
  'axios-interceptor': 'headers added to every axios call',
};

/**
 * The details of every handler of the service, from the phase's view: coverage is the rules' own
 * (memoised per service), files are the phase's parses; the only new walk is over handler bodies.
 */
export function handlerDetailsOf(service: ServiceView, requestIdHeader: (file: string) => string): HandlerDetails[] {
  const ctx = serviceContextFor(service.project, `${service.root}/package.json`);
  const coverage = new Map<Handler, HandlerCoverage>(coverageOf(service).handlers.map((c) => [c.handler, c]));
  const outgoingByFn = new Map<ts.Node, OutgoingCallNote[]>();
  const middlewareGives = new Map<string, string[]>();
  const out: HandlerDetails[] = [];
  const paths = new HandlerPaths(service, ctx, requestIdHeader);
  for (const h of service.handlers) {
    const parsed = service.parsed(h.file);
    const span = parsed && registrationSpan(parsed, h);
    if (!span) continue;
    const c = coverage.get(h);
    out.push({
      method: h.method,
      path: h.path,
      framework: h.framework,
      file: h.file,
      span,
      context: { sources: ctx ? contextInFront(service, ctx, h, middlewareGives) : [], requestLogger: ctx?.requestLoggerProperty && h.requestParam ? `${h.requestParam}.${ctx.requestLoggerProperty}` : null },
      metrics: { measuredBy: c?.measuredBy ?? [], notes: c?.notes ?? [], scrapeEndpoint: c?.scrapeEndpoint ?? false, outsideService: c?.outsideService ?? false, preflight: c?.preflight ?? false },
      outgoing: outgoingOf(service, ctx, h, requestIdHeader(h.file), outgoingByFn),
      requestPath: paths.of(h),
    });
  }
  return out;
}

/** The registration's span: `recv.get('/path'` (to its path argument), a decorator, an exported function's head. */
function registrationSpan(parsed: ParsedServiceFile, h: Handler): Span | null {
  const sf = parsed.sourceFile;
  const at = nodeAt(parsed, h.line, h.column, () => true);
  if (!at) return null;
  const span = (start: number, end: number): Span => {
    const s = sf.getLineAndCharacterOfPosition(start);
    const e = sf.getLineAndCharacterOfPosition(end);
    return { line: s.line, column: s.character, endLine: e.line, endColumn: e.character };
  };
  for (let n: ts.Node | undefined = at, i = 0; n && i < 4; n = n.parent, i++) {
    if (ts.isDecorator(n)) return span(n.getStart(sf), n.end);
    if (ts.isCallExpression(n)) {
      const first = n.arguments[0];
      const isPath = first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || ts.isArrayLiteralExpression(first));
      return span(n.getStart(sf), isPath ? first.end : n.expression.end);
    }
    if ((ts.isFunctionDeclaration(n) || ts.isVariableDeclaration(n)) && n.name) return span(n.getStart(sf), n.name.end);
  }
  return span(at.getStart(sf), at.end);
}

/** Request-context sources in front of the handler: middleware mounted ahead of it, then what applies service-wide. */
function contextInFront(service: ServiceView, ctx: ServiceContext, h: Handler, middlewareGives: Map<string, string[]>): ContextSourceNote[] {
  const out: ContextSourceNote[] = [];
  // Nest applies app-level middleware (`app.use(...)` in main.ts) to every controller route, as coverage.ts does.
  const nestAppLevel: FrontMiddleware[] = h.framework === 'nestjs' ? service.middleware.filter((m) => m.framework === 'nestjs').map((m) => ({ ...m, routeLevel: false })) : [];
  for (const m of [...nestAppLevel, ...(h.inFront ?? [])]) {
    const library = m.package && CONTEXT_LIBRARIES.find((l) => l.packages.includes(m.package!.specifier));
    if (library) {
      out.push({ label: m.label, gives: library.provides.map((k) => GIVES[k]), scope: 'front', file: m.file, line: m.line });
      continue;
    }
    const key = `${m.file}:${m.line}:${m.column}`;
    let gives = middlewareGives.get(key);
    if (!gives) middlewareGives.set(key, (gives = sourcesSetUpBy(service, ctx, m)));
    if (gives.length > 0) out.push({ label: m.label, gives, scope: 'front', file: m.file, line: m.line });
  }
  for (const id of ctx.libraries) {
    const library = CONTEXT_LIBRARIES.find((l) => l.id === id)!;
    // @opentelemetry/api alone propagates nothing: OpenTelemetry is listed by what its instrumentation covers, below.
    if (library.serviceWide && id !== 'opentelemetry') out.push({ label: id, gives: library.provides.map((k) => GIVES[k]), scope: 'service' });
  }
  if (ctx.otelCovers.size > 0) out.push({ label: 'OpenTelemetry instrumentation', gives: [`trace context on ${[...ctx.otelCovers].sort().join(', ')} calls`], scope: 'service' });
  for (const s of ctx.code) {
    const what = SERVICE_SOURCES[s.kind];
    if (what) out.push({ label: s.label, gives: [what], scope: 'service', file: s.file, line: s.line });
  }
  return out;
}

/**
 * What the code sources a middleware sets up give a request: those inside its attach call, or in
 * the function it is (or that makes it). Once per middleware (memoised by place by the caller).
 */
function sourcesSetUpBy(service: ServiceView, ctx: ServiceContext, m: FrontMiddleware): string[] {
  const candidates = ctx.code.filter((s) => MIDDLEWARE_SOURCES[s.kind] && (s.file === m.file || s.file === m.fn?.file || s.file === m.factory?.file));
  if (candidates.length === 0) return [];
  // The line spans of the attach call and of the middleware's functions, by file.
  const spans: Array<{ file: string; from: number; to: number }> = [];
  const add = (file: string, node: ts.Node | null, parsed: ParsedServiceFile) => {
    const sf = parsed.sourceFile;
    if (node) spans.push({ file, from: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line, to: sf.getLineAndCharacterOfPosition(node.end).line });
  };
  const attached = service.parsed(m.file);
  if (attached) add(m.file, callAt(attached, m.line, m.column), attached);
  for (const place of [m.fn, m.factory]) {
    const parsed = place ? service.parsed(place.file) : null;
    if (place && parsed) add(place.file, functionNodeAt(parsed, place.line, place.column), parsed);
  }
  const gives = new Set<string>();
  for (const s of candidates) {
    const what = MIDDLEWARE_SOURCES[s.kind]!;
    if (spans.some((sp) => sp.file === s.file && sp.from <= s.line && s.line <= sp.to)) gives.add(s.kind === 'child-per-request' && s.property ? `${what} (${s.property})` : what);
  }
  return [...gives];
}

/** The outgoing calls in the handler function's body (nested callbacks included), each with how it passes context on. */
function outgoingOf(service: ServiceView, ctx: ServiceContext | null, h: Handler, header: string, byFn: Map<ts.Node, OutgoingCallNote[]>): OutgoingCallNote[] | null {
  const parsed = h.handler ? service.parsed(h.handler.file) : null;
  const fn = parsed && h.handler ? functionNodeAt(parsed, h.handler.line, h.handler.column) : null;
  if (!parsed || !fn) return null;
  let notes = byFn.get(fn);
  if (notes) return notes;
  const sf = parsed.sourceFile;
  const lookup = (id: ts.Identifier) => importOf(parsed.scopes, id);
  const decl = (id: ts.Identifier) => declarationNodeOf(parsed.scopes, id);
  notes = [];
  const stack: ts.Node[] = [fn];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const call = outgoingCallOf(n, lookup, decl);
      if (call) {
        const passing = contextPassingOf(call, ctx, fn, lookup, header);
        const at = sf.getLineAndCharacterOfPosition(call.callee.getStart(sf));
        notes.push({ label: call.label, kind: call.kind, line: at.line, column: at.character, passing });
      }
    }
    n.forEachChild((c) => void stack.push(c));
  }
  notes.sort((a, b) => a.line - b.line || a.column - b.column);
  byFn.set(fn, notes);
  return notes;
}
