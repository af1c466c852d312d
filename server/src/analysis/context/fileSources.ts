// The request-context sources one file sets up, found in one walk of files whose text could hold
// one (the project model notes them for every workspace file; see service.ts for a service's whole
// picture): an AsyncLocalStorage run around `next()`, a logger option that reads the request's
// context (pino `mixin`, a winston format), a child logger bound per request, a middleware that
// stamps an id on the request, OpenTelemetry's instrumentations, propagation and context, and
// axios interceptors. Library packages themselves are known from package.json (service.ts).
import ts from '../typescriptModule';
import { parseSource } from '../parse';
import { bindFile, enclosingFunction, importOf, memberChainRoot, requiredModule, resolveName, type ScopeMap, unwrap } from '../scopes';
import { containsNode, importedName, type ImportedName, type ImportLookup } from './imports';
import { AUTO_INSTRUMENTATIONS_LABEL, CONTEXT_MODULES, CONTEXT_READERS, HYPERDX_INITS, HYPERDX_SDK, OTEL_INSTRUMENTATIONS, type OutgoingKind, STORE_READ_METHODS } from './libraries';

export type CodeSourceKind =
  /** `als.run(store, () => next())`: the project's own AsyncLocalStorage middleware. */
  | 'als-middleware'
  /** A pino `mixin` or winston format that reads the request's context: the logger carries it in every record. */
  | 'logger-reads-context'
  /** `req.log = logger.child({ reqId })` in a middleware: a request-scoped logger under `property`. */
  | 'child-per-request'
  /** A middleware that stamps an id on the request (`req.id = ...`). */
  | 'request-id-middleware'
  /** OpenTelemetry instrumentations: trace context on the outgoing calls of `covers`. */
  | 'otel-instrumentation'
  | 'otel-inject'
  | 'otel-context-with'
  /** `axios.interceptors.request.use(...)` on the default instance: every axios call goes through it. */
  | 'axios-interceptor'
  /** `pinoHttp(...)` called: the request logger middleware is set up (`req.log` exists in handlers mounted after it). */
  | 'request-logger-middleware'
  /**
   * `app.use(x)` only under a condition (HyperDX: `if (!config.IS_CI) app.use(expressLogger)`): where
   * `x` is the request logger middleware, `req.log` is undefined when the condition is false.
   */
  | 'conditional-mount'
  /**
   * `Fastify()` or `Fastify({ ... })` without a `logger` or `loggerInstance` option: Fastify's logger is off, and
   * its `request.log` writes nothing (Leon's HTTP server). Made with one, or with options the walk cannot read, it is on.
   */
  | 'fastify-without-logger'
  | 'fastify-with-logger';

export interface CodeSource {
  kind: CodeSourceKind;
  /** What it is, as a person reads it: `pino mixin`, `als.run around next()`. */
  label: string;
  file: string;
  /** 0-based. */
  line: number;
  covers?: OutgoingKind[];
  /** For child-per-request: the request property that holds the logger (`log`, `logger`). */
  property?: string;
  /**
   * For request-logger-middleware: the variable it is bound to (`expressLogger` in `export const
   * expressLogger = pinoHttp(...)`); for conditional-mount: the name mounted. `''` for a middleware
   * made inside the conditional mount itself (`if (dev) app.use(pinoHttp())`).
   */
  binding?: string;
}

// @opentelemetry/api alone is in every file that makes a span: only its propagation and context calls are sources.
const MODULE_HINT = new RegExp(
  CONTEXT_MODULES.filter((m) => m !== '@opentelemetry/api')
    .map((m) => `['"]${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"/]`)
    .join('|') + String.raw`|\bpropagation\.inject\b|\bcontext\.with\b`,
);
/** A pino mixin, an axios interceptor, a winston module (its formats may read the context). */
const LOGGER_HINT = /\bmixin\b|\binterceptors\.request\b|['"]winston['"]/;
/**
 * A middleware (it calls `next`) that binds a child logger to a request property
 * (`req.log = logger.child(...)`) or stamps an id on the request. Not any `.child(` call: service
 * code makes child loggers everywhere, and every such file was parsed a second time for nothing.
 */
const MIDDLEWARE_HINT = /\.[\w$]+\s*=\s*[\w$.()]+\.child\s*\(|\.(?:id|requestId|reqId|correlationId|traceId)\s*=[^=]/;
/** `next()` called, or passed on (`koaLogger()(ctx, next)`). */
const CALLS_NEXT = /\bnext\s*\(|[(,]\s*next\s*\)/;

/**
 * Cheap test before parsing: could the file set up a context source? Only a filter (the walk
 * decides), narrow enough that most files of a service are never parsed for it.
 */
export function mayHoldContextSource(text: string): boolean {
  return (text.includes('requestLogger(') && text.includes('restify')) || MODULE_HINT.test(text) || LOGGER_HINT.test(text) || (MIDDLEWARE_HINT.test(text) && CALLS_NEXT.test(text)) || (text.includes('astify') && FASTIFY_CALL.test(text) && FASTIFY_MODULE.test(text)) || (text.includes('.use(') && CONDITIONAL_USE.test(text));
}

/** `if (...) app.use(name)` or `if (...) { ...; app.use(name); }`, every repetition bounded. */
const CONDITIONAL_USE = /\bif\s*\([^)]{0,200}\)\s*\{?[^}]{0,400}?\.use\(\s*[\w$]+\s*\)/;

/** A module that imports Fastify and calls something so named (its factory, made here): route files importing its types are not read again. */
const FASTIFY_MODULE = /['"]fastify['"]/;
const FASTIFY_CALL = /\b[Ff]astify\s*\(|require\(\s*['"]fastify['"]\s*\)\s*\(/;

/** The options that turn Fastify's logger on. */
const FASTIFY_LOGGER_OPTIONS: ReadonlySet<string> = new Set(['logger', 'loggerInstance']);

/** Packages whose default export, called, makes the middleware that puts `req.log` on requests. */
const REQUEST_LOGGER_MIDDLEWARES = new Set(['pino-http', 'express-pino-logger', 'koa-pino-logger']);

/** Request properties a middleware stamps the request's id on. */
const ID_PROPERTIES = new Set(['id', 'requestId', 'reqId', 'correlationId', 'traceId']);

export function fileContextSources(file: string, text: string): CodeSource[] {
  if (!mayHoldContextSource(text)) return [];
  const sf = parseSource(file, text);
  const scopes = bindFile(sf);
  const out: CodeSource[] = [];
  const add = (kind: CodeSourceKind, label: string, at: ts.Node, extra: Partial<CodeSource> = {}) =>
    out.push({ kind, label, file, line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line, ...extra });
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) callSource(node, scopes, add);
    else if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) {
      if (node.name && ts.isIdentifier(node.name) && node.name.text === 'mixin') {
        const value = ts.isPropertyAssignment(node) ? node.initializer : node;
        if (readsContext(value, scopes) || isContextReader(value, scopes)) add('logger-reads-context', 'pino mixin', node);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) assignmentSource(node, add);
  }
  return out.sort((a, b) => a.line - b.line);
}

type Add = (kind: CodeSourceKind, label: string, at: ts.Node, extra?: Partial<CodeSource>) => void;

/** The label of restify's requestLogger plugin among a service's sources (service.ts asks for it). */
export const RESTIFY_REQUEST_LOGGER = 'restify requestLogger plugin';

/** The module the root name of a member chain (`restify.plugins.requestLogger`) is imported or required from. */
function rootImport(e: ts.Expression, scopes: ScopeMap): string | null {
  const root = memberChainRoot(e);
  return ts.isIdentifier(root) ? (importedName(lookupIn(scopes), root)?.module ?? null) : null;
}

function callSource(node: ts.CallExpression | ts.NewExpression, scopes: ScopeMap, add: Add): void {
  const callee = unwrap(node.expression);
  const imp = importedName(lookupIn(scopes), callee);
  const name = imp ? (imp.member ?? imp.name) : ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (imp && REQUEST_LOGGER_MIDDLEWARES.has(imp.module) && imp.member === undefined && (imp.name === 'default' || imp.name === '*' || imp.name === 'pinoHttp')) {
    const parent = node.parent;
    const binding = parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
    const mountedHere = isConditionalMount(parent);
    if (mountedHere) add('conditional-mount', `${imp.module} middleware mounted under a condition`, node, { binding: '' });
    return add('request-logger-middleware', `${imp.module} middleware`, node, binding ? { binding } : mountedHere ? { binding: '' } : {});
  }
  // `app.use(expressLogger)` under a condition: matched by name with the middleware's binding (service.ts).
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'use' && node.arguments?.length === 1 && ts.isIdentifier(node.arguments[0]) && isConditionalMount(node.arguments[0].parent)) {
    return add('conditional-mount', `${node.arguments[0].text} mounted under a condition`, node, { binding: node.arguments[0].text });
  }
  // restify's requestLogger plugin (`server.use(restify.requestLogger())`, `restify.plugins.requestLogger()`):
  // `req.log` becomes a child of the server's logger carrying the request's id.
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'requestLogger' && rootImport(callee, scopes) === 'restify') return add('request-logger-middleware', RESTIFY_REQUEST_LOGGER, node);
  // Hono's own request-id middleware (`app.use('*', requestId())`): every request gets `c.var.requestId`.
  if (imp && imp.module === 'hono/request-id' && imp.name === 'requestId' && imp.member === undefined) return add('request-id-middleware', 'hono/request-id middleware', node);
  // `Fastify()`, `fastify({ logger: true })`: whether its logger (and so `request.log`) is on.
  const requiredFastify = ts.isCallExpression(callee) && requiredModule(callee) === 'fastify'; // `require('fastify')({ logger: true })`
  if (requiredFastify || (imp && imp.module === 'fastify' && imp.member === undefined && (imp.name === 'default' || imp.name === '*' || imp.name === 'fastify' || imp.name === 'Fastify'))) {
    const [options] = node.arguments ?? [];
    const o = options && unwrap(options);
    const off = !o || (ts.isObjectLiteralExpression(o) && o.properties.every((p) => !ts.isSpreadAssignment(p) && !turnsLoggerOn(p)));
    return add(off ? 'fastify-without-logger' : 'fastify-with-logger', off ? 'Fastify made without a logger' : 'Fastify made with its logger', node);
  }
  if (imp?.module.startsWith('@opentelemetry/')) {
    const covers = OTEL_INSTRUMENTATIONS[name];
    if (covers) return add('otel-instrumentation', name, node, { covers: [...covers] });
  }
  // HyperDX's `init()` starts the Node SDK with every auto-instrumentation.
  if (imp?.module === HYPERDX_SDK && HYPERDX_INITS.has(name)) return add('otel-instrumentation', AUTO_INSTRUMENTATIONS_LABEL, node, { covers: [...OTEL_INSTRUMENTATIONS.getNodeAutoInstrumentations] });
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const base = importedName(lookupIn(scopes), callee.expression);
    if (isOtel(base, 'propagation') && method === 'inject') return add('otel-inject', 'propagation.inject', node);
    if (isOtel(base, 'context') && method === 'with') return add('otel-context-with', 'context.with', node);
    if (method === 'run' && node.arguments && node.arguments.length >= 2 && isAsyncStorage(callee.expression, scopes) && callsNext(node.arguments[node.arguments.length - 1], scopes)) {
      return add('als-middleware', 'AsyncLocalStorage.run around next()', node);
    }
    // `axios.interceptors.request.use(...)`
    if (method === 'use' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'request') {
      const interceptors = callee.expression.expression;
      if (ts.isPropertyAccessExpression(interceptors) && interceptors.name.text === 'interceptors') {
        const target = importedName(lookupIn(scopes), interceptors.expression);
        if (target?.module === 'axios' && target.member === undefined) add('axios-interceptor', 'axios request interceptor', node);
      }
    }
  }
  // A winston format built from a function that reads the context: `format((info) => ...)`, `format.printf(...)`.
  if (name === 'format' || name === 'printf' || (imp?.module === 'winston' && imp.member === 'format')) {
    const fn = node.arguments?.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
    if (fn && readsContext(fn, scopes)) add('logger-reads-context', 'winston format', node);
  }
}

/**
 * Whether `call` is a `.use(...)` at the top of its module (or of its function) that runs only under
 * a condition: inside an `if`, a conditional expression or a `&&` before the first function around it.
 */
function isConditionalMount(call: ts.Node | undefined): boolean {
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'use') return false;
  for (let n: ts.Node = call; n.parent && !ts.isSourceFile(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isFunctionLike(p)) return false;
    if ((ts.isIfStatement(p) && p.expression !== n) || (ts.isConditionalExpression(p) && p.condition !== n)) return true;
    if (ts.isBinaryExpression(p) && p.right === n && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return true;
  }
  return false;
}

function assignmentSource(node: ts.BinaryExpression, add: Add): void {
  const left = unwrap(node.left);
  if (!ts.isPropertyAccessExpression(left)) return;
  const fn = enclosingFunction(node);
  const request = fn?.parameters[0];
  if (!fn || !request || !ts.isIdentifier(request.name)) return;
  // The request's own property (`req.log = ...`) or one of the response's locals (`res.locals.logger = ...`).
  const owner = unwrap(left.expression);
  const onRequest = ts.isIdentifier(owner) && owner.text === request.name.text;
  const right = unwrap(node.right);
  if (onRequest && ts.isCallExpression(right) && ts.isPropertyAccessExpression(right.expression) && right.expression.name.text === 'child') {
    return add('child-per-request', `child logger per request (${request.name.text}.${left.name.text})`, node, { property: left.name.text });
  }
  if (onRequest && ID_PROPERTIES.has(left.name.text) && isMiddleware(fn)) add('request-id-middleware', `middleware setting ${request.name.text}.${left.name.text}`, node);
}

const lookups = new WeakMap<ScopeMap, ImportLookup>();
function lookupIn(scopes: ScopeMap): ImportLookup {
  let l = lookups.get(scopes);
  if (!l) lookups.set(scopes, (l = (id) => importOf(scopes, id)));
  return l;
}

/**
 * `(req, res, next) => { ... next() ... }` (Express) or `async (ctx, next) => { ... await next() ... }`
 * (Koa): a middleware that passes the request on through its last parameter, by calling it or
 * handing it to the middleware it wraps (`koaLogger(...)(ctx, next)`).
 */
function isMiddleware(fn: ts.FunctionLikeDeclaration): boolean {
  const count = fn.parameters.length;
  const next = fn.parameters[count - 1];
  if ((count !== 3 && count !== 2) || !next || !ts.isIdentifier(next.name)) return false;
  const name = next.name.text;
  // Only a parameter named for it is handed on, or taken for Koa's `(ctx, next)`: `(req, res)`
  // handlers and `save(data, repo, options)` passing its options along are no middleware.
  const named = /^next$/i.test(name);
  if (count === 2 && !named) return false;
  const passes = (n: ts.Node) => ts.isCallExpression(n) && ((ts.isIdentifier(n.expression) && n.expression.text === name) || (named && n.arguments.some((a) => ts.isIdentifier(a) && a.text === name)));
  return !!fn.body && containsNode(fn.body, passes);
}

function isOtel(imp: ImportedName | null, name: string): boolean {
  return imp?.module === '@opentelemetry/api' && (imp.member ?? imp.name) === name;
}

/** `als` made by `new AsyncLocalStorage()` (imported from async_hooks), or a store whose construction is not in view (`this.als`). */
function isAsyncStorage(expr: ts.Expression, scopes: ScopeMap): boolean {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return ts.isPropertyAccessExpression(e);
  const d = resolveName(scopes, e, e.text);
  if (d?.kind !== 'value') return false;
  const init = unwrap(d.init);
  if (!ts.isNewExpression(init)) return false;
  const cls = importedName(lookupIn(scopes), init.expression);
  return cls?.module === 'async_hooks' && (cls.member ?? cls.name) === 'AsyncLocalStorage';
}

/** Whether the callback calls `next()` (a middleware's last parameter, or a name called `next`). */
function callsNext(cb: ts.Expression, scopes: ScopeMap): boolean {
  const fn = unwrap(cb);
  if (ts.isIdentifier(fn)) return fn.text === 'next';
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  return containsNode(fn, (n) => ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'next' && resolveName(scopes, n, 'next')?.kind === 'param');
}

/** `mixin: getPinoMixinFunction`: the option is itself a function of a library that reads the context. */
function isContextReader(value: ts.Node, scopes: ScopeMap): boolean {
  const imp = ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) ? importedName(lookupIn(scopes), value) : null;
  return !!imp && !!CONTEXT_READERS[imp.module]?.has(imp.member ?? imp.name);
}

/** Whether `node` reads the current request's context: an async store's getter, cls-rtracer's `id()`, httpContext's `get`, the active span. */
export function readsContext(node: ts.Node, scopes: ScopeMap): boolean {
  return containsNode(node, (n) => {
    if (!ts.isCallExpression(n)) return false;
    const callee = unwrap(n.expression);
    if (isContextReader(callee, scopes)) return true;
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const base = importedName(lookupIn(scopes), callee.expression);
    if (base && CONTEXT_READERS[base.module]?.has(callee.name.text)) return true; // `trace.getActiveSpan()`
    return callee.name.text === 'getStore' || (STORE_READ_METHODS.has(callee.name.text) && isAsyncStorage(callee.expression, scopes) && ts.isIdentifier(unwrap(callee.expression)));
  });
}

/** An option that turns Fastify's logger on: `logger` (not `logger: false`) or `loggerInstance`. */
function turnsLoggerOn(p: ts.ObjectLiteralElementLike): boolean {
  const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
  if (!name || !FASTIFY_LOGGER_OPTIONS.has(name)) return false;
  return !(ts.isPropertyAssignment(p) && unwrap(p.initializer).kind === ts.SyntaxKind.FalseKeyword);
}
