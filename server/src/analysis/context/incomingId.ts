// Request-id sources that make a new id even when the caller sent one (the incoming-request-id-ignored
// rule): pino-http with its default genReqId or one that never reads the header, cls-rtracer's
// middleware and Fastify plugin without `useHeader`, Fastify without `requestIdHeader` (v5 defaults it to false; v4 reads `request-id`), a
// middleware that generates an id (randomUUID, uuid, nanoid) without reading the request's headers.
import ts from '../typescriptModule';
import { unwrap } from '../scopes';
import { containsNode, importedName, type ImportLookup, namesExport, propertyOf } from './imports';
import { ID_GENERATORS, RTRACER_ID_SOURCES } from './libraries';

export type IgnoredIncomingId =
  | { kind: 'pino-http-default'; call: ts.CallExpression; options: ts.ObjectLiteralExpression | null }
  | { kind: 'pino-http-genReqId'; call: ts.CallExpression; genReqId: ts.Expression }
  | { kind: 'cls-rtracer'; call: ts.CallExpression; options: ts.ObjectLiteralExpression | null }
  /** `app.register(rTracer.fastifyPlugin, options?)`: `plugin` is the argument naming it. */
  | { kind: 'cls-rtracer-plugin'; call: ts.CallExpression; plugin: ts.Expression; options: ts.ObjectLiteralExpression | null }
  | { kind: 'fastify'; call: ts.CallExpression; options: ts.ObjectLiteralExpression | null; reads: 'nothing' | 'request-id'; explicitFalse: ts.Expression | null }
  | { kind: 'middleware'; generator: ts.CallExpression; request: ts.Identifier };

const PINO_HTTP_MODULES = ['pino-http', 'express-pino-logger'];
/** Request properties and header names that hold a request's id. */
const ID_PROPERTY = /^(?:id|requestId|reqId|correlationId|traceId)$/;
const ID_HEADER = /^x-(?:request|correlation|trace)-id$|^request-id$/i;

/** The options object argument `i` of a call: absent (null), an object literal, or something else (undefined: unknown). */
function optionsArg(call: ts.CallExpression, i: number): ts.ObjectLiteralExpression | null | undefined {
  const a = call.arguments[i];
  if (!a) return null;
  const u = unwrap(a);
  return ts.isObjectLiteralExpression(u) ? u : undefined;
}

/** The value of a property, for a property assignment (a method or shorthand gives the node itself). */
function valueOf(p: ts.ObjectLiteralElementLike | undefined): ts.Expression | null {
  if (!p) return null;
  if (ts.isPropertyAssignment(p)) return unwrap(p.initializer);
  return null;
}

/** Whether a function reads request headers: `x.headers`, `x.get('h')`, `x.header('h')`, `x.getHeader('h')`. */
export function readsHeaders(fn: ts.Node): boolean {
  return containsNode(fn, (n) => {
    if (ts.isPropertyAccessExpression(n) && (n.name.text === 'headers' || n.name.text === 'rawHeaders')) return true;
    if (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression) && n.argumentExpression.text === 'headers') return true;
    return ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:get|header|getHeader)$/.test(n.expression.name.text) && !!n.arguments[0] && ts.isStringLiteralLike(n.arguments[0]);
  });
}

/**
 * Whether `node` is a call or construction of a request-id source that ignores the incoming id.
 * `fastifyMajor`: the major version the package declares (null: unknown, taken as the latest).
 */
export function ignoredIncomingId(node: ts.CallExpression | ts.NewExpression, lookup: ImportLookup, requestAt: (n: ts.Node) => ts.Identifier | null, fastifyMajor: number | null): IgnoredIncomingId | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = unwrap(node.expression);
  const imp = importedName(lookup, callee);
  if (imp && PINO_HTTP_MODULES.some((m) => namesExport(imp, m, 'default') || namesExport(imp, m, 'pinoHttp'))) {
    const options = optionsArg(node, 0);
    if (options === undefined) return null; // a logger or options built elsewhere: not in view
    const genReqId = options && propertyOf(options, 'genReqId');
    if (!genReqId) return { kind: 'pino-http-default', call: node, options };
    const value = valueOf(genReqId);
    const fn = value ?? genReqId;
    if ((value && !ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) || readsHeaders(fn)) return null;
    return value ? { kind: 'pino-http-genReqId', call: node, genReqId: value } : null;
  }
  if (imp?.module === RTRACER_ID_SOURCES.module && imp.member && RTRACER_ID_SOURCES.middlewares.has(imp.member)) {
    const options = optionsArg(node, 0);
    if (options === undefined || readsHeaderOption(options)) return null;
    return { kind: 'cls-rtracer', call: node, options };
  }
  const plugin = rtracerPlugin(node, lookup);
  if (plugin) {
    const options = optionsArg(node, 1);
    if (options === undefined || readsHeaderOption(options)) return null;
    const deferred = options && valueOf(propertyOf(options, plugin.deferTo));
    if (deferred && deferred.kind !== ts.SyntaxKind.FalseKeyword) return null;
    return { kind: 'cls-rtracer-plugin', call: node, plugin: node.arguments[0], options };
  }
  if (imp && (namesExport(imp, 'fastify', 'default') || namesExport(imp, 'fastify', 'fastify'))) {
    const options = optionsArg(node, 0);
    if (options === undefined) return null;
    const setting = options && propertyOf(options, 'requestIdHeader');
    const value = valueOf(setting ?? undefined);
    if (setting && value?.kind !== ts.SyntaxKind.FalseKeyword) return null; // a header name (or computed): configured
    // Without a header setting Fastify asks genReqId for every id: one that reads the incoming header
    // first (OpenPanel's `genReqId: (req) => req.headers['request-id'] ? String(...) : generateId()`) keeps the caller's.
    const genReqId = options && propertyOf(options, 'genReqId');
    if (genReqId && readsHeaders(valueOf(genReqId) ?? genReqId)) return null;
    const major = fastifyMajor ?? Number.MAX_SAFE_INTEGER;
    if (!setting && major < 5) return { kind: 'fastify', call: node, options, reads: 'request-id', explicitFalse: null };
    return { kind: 'fastify', call: node, options, reads: 'nothing', explicitFalse: setting ? value : null };
  }
  if (imp && Object.entries(ID_GENERATORS).some(([m, names]) => [...names].some((n) => namesExport(imp, m, n)))) {
    const request = requestAt(node) ?? middlewareRequest(node);
    if (!request) return null;
    const fn = enclosingFunctionOf(request);
    if (!fn || readsHeaders(fn) || !setsRequestId(fn, request.text)) return null;
    return { kind: 'middleware', generator: node, request };
  }
  return null;
}

/** cls-rtracer's options set `useHeader` to something other than `false` (absent options: it does not). */
function readsHeaderOption(options: ts.ObjectLiteralExpression | null): boolean {
  const useHeader = options && valueOf(propertyOf(options, 'useHeader'));
  return !!useHeader && useHeader.kind !== ts.SyntaxKind.FalseKeyword;
}

/** `x.register(rTracer.fastifyPlugin, ...)`: the plugin's entry in RTRACER_ID_SOURCES, else null. */
function rtracerPlugin(node: ts.CallExpression, lookup: ImportLookup): { deferTo: string } | null {
  const callee = unwrap(node.expression);
  const first = node.arguments[0];
  if (!first || !ts.isPropertyAccessExpression(callee)) return null;
  const imp = importedName(lookup, first);
  if (imp?.module !== RTRACER_ID_SOURCES.module) return null;
  for (const [name, plugin] of RTRACER_ID_SOURCES.plugins) {
    if (callee.name.text === plugin.register && namesExport(imp, RTRACER_ID_SOURCES.module, name)) return plugin;
  }
  return null;
}

/**
 * The request parameter of an enclosing function shaped like a middleware registered elsewhere:
 * `function requestId(req, res, next) { ... next(); }` (three parameters, the third called).
 */
function middlewareRequest(node: ts.Node): ts.Identifier | null {
  for (let n = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const [req, , next] = n.parameters;
    if (n.parameters.length !== 3 || !ts.isIdentifier(req.name) || !ts.isIdentifier(next.name)) continue;
    const name = next.name.text;
    const body = (n as ts.FunctionLikeDeclaration).body;
    if (body && containsNode(body, (c) => ts.isCallExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === name)) return req.name;
  }
  return null;
}

function enclosingFunctionOf(param: ts.Identifier): ts.FunctionLikeDeclaration | null {
  const p = param.parent;
  return p && ts.isParameter(p) && ts.isFunctionLike(p.parent) ? (p.parent as ts.FunctionLikeDeclaration) : null;
}

/**
 * Whether the middleware gives the request an id: `req.id = ...` (requestId, correlationId...),
 * an AsyncLocalStorage `run(...)`, or a response header that names a request id.
 */
function setsRequestId(fn: ts.Node, request: string): boolean {
  return containsNode(fn, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(n.left);
      return ts.isPropertyAccessExpression(left) && ID_PROPERTY.test(left.name.text) && ts.isIdentifier(left.expression) && left.expression.text === request;
    }
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return false;
    const method = n.expression.name.text;
    if (method === 'run' && n.arguments.length >= 2) return true;
    const first = n.arguments[0];
    return /^(?:setHeader|header|set)$/.test(method) && !!first && ts.isStringLiteralLike(first) && ID_HEADER.test(first.text);
  });
}
