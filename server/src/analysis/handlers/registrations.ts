// Reads one registration call on an owner into facts: routes (`app.get('/x', h)`, Fastify's
// `route({...})`, Hono's `on(...)`), `use` (middleware or a mounted router), Fastify's `register`,
// Hono's `route('/x', sub)`, hooks and error handlers. The framework table says which method is
// which; a receiver whose framework only the linker can tell is read as any framework would.
import ts from '../typescriptModule';
import { importOf, resolveName, unwrap } from '../scopes';
import { importedName, namesExport } from '../context/imports';
import { isFunctionNode } from './factsBuilder';
import { FRAMEWORKS, type FrameworkSpec, RESTIFY_AFTER_EVENT } from './frameworks';
import { type FrameworkValues, type Receiver, specOf } from './frameworkValues';
import { pathsOf, propertyOf, staticString } from './paths';
import type { AttachFact, FrameworkId, HandlerFact, Ref, RequestRule, RoutePath } from './types';

/** Handlers of libraries that serve a whole API under the path they are mounted at (registrations.ts endpointLibrary). */
const ENDPOINT_LIBRARIES = new Map<string, ReadonlySet<string>>([
  ['@trpc/server/adapters/express', new Set(['createExpressMiddleware'])],
  ['@trpc/server/adapters/fastify', new Set(['fastifyTRPCPlugin'])],
  ['@hono/trpc-server', new Set(['trpcServer'])],
  ['@apollo/server/express4', new Set(['expressMiddleware'])],
  ['@as-integrations/express5', new Set(['expressMiddleware'])],
  ['express-graphql', new Set(['graphqlHTTP'])],
  ['graphql-http/lib/use/express', new Set(['createHandler'])],
  ['@hono/graphql-server', new Set(['graphqlServer'])],
]);

/** Parameters of a middleware function, the last being `next`. */
const MIDDLEWARE_ARITY = new Map<FrameworkId, number>([['express', 3], ['koa', 2], ['hono', 2]]);

/** Every owner method name any framework registers with: calls of other methods are not looked at. */
export const REGISTRATION_METHODS: ReadonlySet<string> = (() => {
  const names = new Set<string>(['route', 'register', 'addHook', 'on', 'prefix']);
  for (const f of FRAMEWORKS) {
    for (const m of f.routeMethods.keys()) names.add(m);
    for (const m of f.useMethods) names.add(m);
    for (const m of f.hooks.keys()) names.add(m);
  }
  return names;
})();

/** For a receiver of unknown framework: the union of what the frameworks register with. */
const ANY_ROUTE_METHODS = new Map<string, string>(FRAMEWORKS.flatMap((f) => [...f.routeMethods]));
const ANY_HOOKS = new Map<string, RequestRule>(FRAMEWORKS.flatMap((f) => [...f.hooks]));
const ANY_REQUEST_HOOKS = new Set(FRAMEWORKS.flatMap((f) => [...(f.requestHooks ?? [])]));

const MAX_LABEL = 60;

/**
 * The expression's text on one line, shortened: how middleware is shown (`express.json()`,
 * `requireAuth`); an inline function by its name or parameters (`(err, req, res, next) => …`).
 */
export function labelOf(expr: ts.Node, sf: ts.SourceFile): string {
  const e = ts.isExpression(expr) ? unwrap(expr) : expr;
  if (isFunctionNode(e)) {
    const name = e.name && ts.isIdentifier(e.name) ? e.name.text : null;
    const params = e.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '{…}')).join(', ');
    return name ? `function ${name}(${params})` : `(${params}) => …`;
  }
  const text = expr.getText(sf).replace(/\s+/g, ' ');
  return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1) + '…' : text;
}

export class RegistrationReader {
  constructor(
    private readonly values: FrameworkValues,
    private readonly sf: ts.SourceFile,
  ) {}

  private get facts() {
    return this.values.builder.facts;
  }

  /** Reads `receiver.method(...)`; false when it is no registration. */
  read(call: ts.CallExpression, receiver: Receiver, method: string): boolean {
    const spec = receiver.framework ? specOf(receiver.framework) : null;
    const rule = spec?.requestRule ?? 'errorAware';
    const routeMethod = (spec?.routeMethods ?? ANY_ROUTE_METHODS).get(method);
    if (routeMethod) return this.route(call, receiver, routeMethod, spec, rule);
    if (spec ? spec.useMethods.has(method) : method === 'use') return this.use(call, receiver, rule);
    const mount = spec ? spec.mountMethod?.name === method && spec.mountMethod.style : method === 'register' ? 'register' : method === 'route' ? 'route' : undefined;
    if (mount === 'register') return this.register(call, receiver);
    if (mount === 'route') return this.honoRoute(call, receiver);
    if (method === 'route' && (!spec || spec.id === 'fastify')) return this.routeOptions(call, receiver, rule);
    if (method === 'addHook' && (!spec || spec.id === 'fastify')) return this.hook(call, receiver);
    const hookRule = (spec?.hooks ?? ANY_HOOKS).get(method);
    if (hookRule) return this.attachFunction(call, receiver, call.arguments[0], hookRule, method);
    if (method === 'on') return this.on(call, receiver, spec, rule);
    if (method === 'prefix' && (!spec || spec.id === 'koa')) return this.koaPrefix(call, receiver);
    return false;
  }

  /** Express's `app.route('/x').get(h)`: the route object's path, every argument a handler. */
  readRouteObject(call: ts.CallExpression, receiver: Receiver, path: RoutePath, method: string): boolean {
    const spec = receiver.framework ? specOf(receiver.framework) : null;
    const httpMethod = (spec?.routeMethods ?? ANY_ROUTE_METHODS).get(method);
    if (!httpMethod) return false;
    return this.pushRoute(call, receiver, httpMethod, [path], [...call.arguments], spec?.requestRule ?? 'errorAware');
  }

  /** `app.get(path, ...handlers)`; Koa's named `router.get('name', path, ...)`; Fastify's `get(path, opts, handler)`. */
  private route(call: ts.CallExpression, receiver: Receiver, method: string, spec: FrameworkSpec | null, rule: RequestRule): boolean {
    const args = call.arguments;
    // `app.get('etag')` reads an Express setting; a route has a path and a handler.
    if (args.length < 2) return false;
    let pathArg = args[0];
    let rest = args.slice(1);
    if ((!spec || spec.id === 'koa') && rest.length >= 2 && this.isPath(rest[0])) {
      pathArg = rest[0];
      rest = rest.slice(1);
    }
    // restify's `server.get({ path: '/:account/machines', name: 'ListMachines' }, ...handlers)`: the options name the path.
    const options = unwrap(pathArg);
    const optionsPath = (!spec || spec.id === 'restify') && ts.isObjectLiteralExpression(options) ? propertyOf(options, 'path') : null;
    if (optionsPath) pathArg = optionsPath;
    if (isFunctionNode(unwrap(pathArg))) return false;
    if (this.isHelpersOwnPath(pathArg, receiver)) return false;
    return this.pushRoute(call, receiver, method, pathsOf(pathArg, this.values.scopes), rest, rule);
  }

  /**
   * A registration helper's own call (a base controller's `fileupload(path, ...) { this.app.post(path, ...) }`):
   * its path is the helper's parameter on an app the helper does not take as one, so the routes are
   * where the helper is called, each with its path; this line is none of them. A callback's
   * parameter is not such a path.
   */
  private isHelpersOwnPath(pathArg: ts.Expression, receiver: Receiver): boolean {
    const v = this.values.valueOf(pathArg);
    if (v?.t !== 'param' || receiver.ref.kind !== 'owner' || this.facts.owners[receiver.ref.owner].param) return false;
    // A callback's parameter (`Object.keys(pages).forEach((page) => app.get(page, h))`) is a route per turn.
    const fn = v.node.parent;
    return !(fn.parent && ts.isCallExpression(fn.parent) && fn.parent.arguments.some((a) => a === fn));
  }

  private pushRoute(call: ts.CallExpression, receiver: Receiver, method: string, paths: RoutePath[], args: readonly ts.Expression[], rule: RequestRule): boolean {
    const handlers = this.handlersIn(args, rule);
    const handler = handlers.pop();
    if (!handler) return false;
    this.facts.routes.push({ owner: receiver.ref, method, paths, handler, before: handlers, ...this.place(call), tentative: receiver.tentative });
    return true;
  }

  /** `use(path?, ...fns)`: each argument a mounted router or app, or middleware (the linker decides for imports). */
  private use(call: ts.CallExpression, receiver: Receiver, rule: RequestRule): boolean {
    const args = [...call.arguments];
    if (args.length === 0) return false;
    let prefix: RoutePath = '';
    const pathArg = args.length >= 2 && this.isPathArgument(args[0]) ? args.shift()! : null;
    if (pathArg) prefix = staticString(pathArg, this.values.scopes);
    // `app.use('/api/v2/*', async (c) => serve(c))`: a function written there that takes no `next`
    // cannot pass the request on, so it answers it: an endpoint for every method under the path.
    if (pathArg && args.length === 1 && (this.isTerminal(args[0], receiver) || this.endpointLibrary(args[0]))) return this.pushRoute(call, receiver, 'ALL', [prefix], args, rule);
    for (const arg of flatten(args)) this.attach(receiver, 'use', prefix, arg, rule, call, labelOf(arg, this.sf));
    return true;
  }

  /** A function written in place with fewer parameters than the framework's middleware takes (Express's `(req, res, next)`, Koa's and Hono's `(ctx, next)`). */
  private isTerminal(arg: ts.Expression, receiver: Receiver): boolean {
    const fn = unwrap(arg);
    const arity = receiver.framework ? MIDDLEWARE_ARITY.get(receiver.framework) : undefined;
    return !!arity && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length < arity && !fn.parameters.some((p) => p.dotDotDotToken);
  }

  /** Fastify's `register(plugin, { prefix })`. */
  private register(call: ts.CallExpression, receiver: Receiver): boolean {
    const [plugin, options] = call.arguments;
    if (!plugin) return false;
    let prefix: RoutePath = '';
    const o = options && unwrap(options);
    if (o && ts.isObjectLiteralExpression(o)) {
      const p = propertyOf(o, 'prefix');
      if (p) prefix = staticString(p, this.values.scopes);
    }
    // `register(fastifyTRPCPlugin, { prefix: '/trpc' })`: a library's whole API served under the prefix.
    if (this.endpointLibrary(plugin)) return this.pushRoute(call, receiver, 'ALL', [prefix === null ? null : `${prefix}/*`], [plugin], 'first');
    if (o && ts.isObjectLiteralExpression(o) && this.isAutoload(plugin)) return this.autoload(call, receiver, o);
    this.attach(receiver, 'register', prefix, plugin, 'first', call, labelOf(plugin, this.sf));
    return true;
  }

  /** @fastify/autoload (or its old name, fastify-autoload) imported under any name. */
  private isAutoload(arg: ts.Expression): boolean {
    const imp = importedName((id) => importOf(this.values.scopes, id), unwrap(arg));
    return !!imp && AUTOLOAD_MODULES.has(imp.module);
  }

  /**
   * `register(autoload, { dir: path.join(__dirname, 'routes'), options: { prefix: '/api' } })`: its
   * folder, as the last string parts of a path built from the file's own folder (`__dirname`,
   * `import.meta.dirname`) or a relative string; the linker registers every module under it.
   */
  private autoload(call: ts.CallExpression, receiver: Receiver, options: ts.ObjectLiteralExpression): boolean {
    const dirArg = propertyOf(options, 'dir');
    const dir = dirArg ? folderOf(unwrap(dirArg)) : null;
    if (dir === null) return false;
    const passed = propertyOf(options, 'options');
    const inner = passed && unwrap(passed);
    const p = inner && ts.isObjectLiteralExpression(inner) ? propertyOf(inner, 'prefix') : null;
    const folderFlag = propertyOf(options, 'dirNameRoutePrefix');
    const folderPrefixes = !folderFlag || unwrap(folderFlag).kind !== ts.SyntaxKind.FalseKeyword;
    this.facts.autoloads.push({ owner: receiver.ref, dir, prefix: p ? staticString(p, this.values.scopes) : '', folderPrefixes, ...this.place(call) });
    return true;
  }

  /**
   * A library's handler that serves a whole API itself (a tRPC adapter, a GraphQL server's
   * middleware): `createExpressMiddleware({ router })`, `trpcServer(...)`, `graphqlHTTP(...)`,
   * Fastify's `fastifyTRPCPlugin`; mounted at a path it is an endpoint, not middleware.
   */
  private endpointLibrary(arg: ts.Expression): boolean {
    const e = unwrap(arg);
    const imp = importedName((id) => importOf(this.values.scopes, id), ts.isCallExpression(e) ? e.expression : e);
    return !!imp && [...(ENDPOINT_LIBRARIES.get(imp.module) ?? [])].some((name) => namesExport(imp, imp.module, name));
  }


  /** Hono's `app.route('/x', sub)`. */
  private honoRoute(call: ts.CallExpression, receiver: Receiver): boolean {
    const [path, sub] = call.arguments;
    if (!path || !sub) return false;
    this.attach(receiver, 'mount', staticString(path, this.values.scopes), sub, 'first', call, labelOf(sub, this.sf));
    return true;
  }

  /** Fastify's `route({ method, url, handler })`. */
  private routeOptions(call: ts.CallExpression, receiver: Receiver, rule: RequestRule): boolean {
    const o = call.arguments[0] && unwrap(call.arguments[0]);
    if (!o || !ts.isObjectLiteralExpression(o)) return false;
    const handler = propertyOf(o, 'handler');
    const methodExpr = propertyOf(o, 'method');
    const pathExpr = propertyOf(o, 'url') ?? propertyOf(o, 'path');
    if (!handler || !methodExpr || !pathExpr) return false;
    const paths = pathsOf(pathExpr, this.values.scopes);
    const fact = this.handlerFact(handler, rule);
    for (const m of pathsOf(methodExpr, this.values.scopes)) {
      this.facts.routes.push({ owner: receiver.ref, method: m ? m.toUpperCase() : 'ALL', paths, handler: fact, before: [], ...this.place(call), tentative: receiver.tentative });
    }
    return true;
  }

  /** Fastify's `addHook('onRequest', fn)`: request hooks are middleware; application hooks are not. */
  private hook(call: ts.CallExpression, receiver: Receiver): boolean {
    const [nameArg, fn] = call.arguments;
    const name = nameArg && staticString(nameArg, this.values.scopes);
    if (!name || !fn) return false;
    const spec = receiver.framework ? specOf(receiver.framework) : null;
    if (!(spec?.requestHooks ?? ANY_REQUEST_HOOKS).has(name)) return true;
    // onError's function takes (request, reply, error): the request is still first.
    return this.attachFunction(call, receiver, fn, 'first', `${name} hook`);
  }

  /** Hono's `on(method | methods, path | paths, ...handlers)`; node:http's `server.on('request', h)`. */
  private on(call: ts.CallExpression, receiver: Receiver, spec: FrameworkSpec | null, rule: RequestRule): boolean {
    const args = call.arguments;
    if (spec?.id === 'node-http' && args.length === 2 && staticString(args[0], this.values.scopes) === 'request') {
      return this.pushRoute(call, receiver, 'ALL', ['*'], [args[1]], 'first');
    }
    // restify's `server.on('after', (req, res, route, err) => ...)`: after every request (Triton CloudAPI's audit log and metrics).
    if (spec?.id === 'restify' && args.length === 2 && staticString(args[0], this.values.scopes) === 'after') {
      return this.attachFunction(call, receiver, args[1], 'first', RESTIFY_AFTER_EVENT);
    }
    if (spec?.id !== 'hono' || args.length < 3) return false;
    const paths = pathsOf(args[1], this.values.scopes);
    let pushed = false;
    for (const m of pathsOf(args[0], this.values.scopes)) pushed = this.pushRoute(call, receiver, m ? m.toUpperCase() : 'ALL', paths, args.slice(2), rule) || pushed;
    return pushed;
  }

  private koaPrefix(call: ts.CallExpression, receiver: Receiver): boolean {
    const arg = call.arguments[0];
    if (!arg || receiver.ref.kind !== 'owner') return false;
    this.facts.owners[receiver.ref.owner].prefixes = [staticString(arg, this.values.scopes)];
    return true;
  }

  private attachFunction(call: ts.CallExpression, receiver: Receiver, fn: ts.Expression | undefined, rule: RequestRule, label: string): boolean {
    if (!fn) return false;
    this.attach(receiver, 'use', '', fn, rule, call, label);
    return true;
  }

  private attach(receiver: Receiver, via: AttachFact['via'], prefix: RoutePath, target: ts.Expression, rule: RequestRule, call: ts.CallExpression, label: string): void {
    const handler = this.handlerFact(target, rule, false);
    this.facts.attaches.push({ owner: receiver.ref, via, prefix, target: handler.ref ?? { kind: 'other' }, paramIndex: 0, handler: { ...handler, label }, ...this.place(call) });
  }

  /** The handlers among route arguments, in order (arrays flattened, Fastify's `{ handler }` options read). */
  private handlersIn(args: readonly ts.Expression[], rule: RequestRule): HandlerFact[] {
    const out: HandlerFact[] = [];
    for (const arg of flatten(args)) {
      const a = unwrap(arg);
      if (ts.isObjectLiteralExpression(a)) {
        const h = propertyOf(a, 'handler');
        if (h) out.push(this.handlerFact(h, rule));
      } else if (!this.isPath(a)) out.push(this.handlerFact(a, rule));
    }
    return out;
  }

  /**
   * A handler as the linker follows it. A route handler wrapped in a call of one inline function
   * (`asyncHandler(async (req, res) => ...)`) is that function; middleware calls are not unwrapped
   * (`morgan((tokens, req) => ...)` takes no request first).
   */
  handlerFact(expr: ts.Expression, rule: RequestRule, unwrapWrapper = true): HandlerFact {
    const e = unwrap(expr);
    const label = labelOf(e, this.sf);
    if (unwrapWrapper && ts.isCallExpression(e) && e.arguments.length === 1 && isFunctionNode(unwrap(e.arguments[0]))) {
      const callee = this.values.refOf(e.expression);
      return { ref: this.values.refOf(e.arguments[0]), rule, label, ...(callee.kind !== 'other' ? { callee } : {}) };
    }
    const ref = this.values.refOf(e);
    const callee = ts.isCallExpression(e) ? this.values.refOf(e.expression) : null;
    const returnedBy = ref.kind === 'other' ? this.maker(e) : null;
    return { ref: ref.kind === 'other' ? null : ref, rule, label, ...(callee && callee.kind !== 'other' ? { callee } : {}), ...(returnedBy ? { returnedBy } : {}) };
  }

  /** The function whose call made a value: called there (`configure(app)`), or by a name's initializer (`const entries = configure(app)`). */
  private maker(e: ts.Expression): Ref | null {
    const d = ts.isIdentifier(e) ? resolveName(this.values.scopes, e, e.text) : undefined;
    const made = d?.kind === 'value' ? unwrap(d.init) : e;
    if (!ts.isCallExpression(made)) return null;
    const fn = this.values.refOf(made.expression);
    return fn.kind === 'function' || fn.kind === 'import' ? fn : null;
  }

  /**
   * A path argument of `use`: static text, or text computed at run time (a template, `+`,
   * `process.env.X`, a conditional, or a const holding one); never a router or middleware.
   */
  private isPathArgument(e: ts.Expression, depth = 0): boolean {
    const u = unwrap(e);
    if (this.isPath(u)) return true;
    if (ts.isArrayLiteralExpression(u)) return u.elements.length > 0 && u.elements.every((el) => !ts.isSpreadElement(el) && this.isPath(el));
    if (ts.isBinaryExpression(u) || ts.isConditionalExpression(u)) return true;
    if (ts.isPropertyAccessExpression(u)) {
      const obj = unwrap(u.expression);
      return ts.isPropertyAccessExpression(obj) && obj.name.text === 'env' && ts.isIdentifier(obj.expression) && obj.expression.text === 'process';
    }
    if (ts.isIdentifier(u) && depth < 4) {
      const d = resolveName(this.values.scopes, u, u.text);
      return d?.kind === 'value' && this.isPathArgument(d.init, depth + 1);
    }
    return false;
  }

  private isPath(e: ts.Expression): boolean {
    const u = unwrap(e);
    return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u) || u.kind === ts.SyntaxKind.RegularExpressionLiteral || staticString(u, this.values.scopes) !== null;
  }

  /** Where a registration is: its method name (`get` in a chain `app.route('/x').get(h)` spanning lines). */
  private place(call: ts.CallExpression): { line: number; column: number } {
    const callee = unwrap(call.expression);
    return this.values.builder.placeOf(ts.isPropertyAccessExpression(callee) ? callee.name : call);
  }
}

function flatten(args: readonly ts.Expression[]): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const a of args) {
    const u = unwrap(a);
    if (ts.isArrayLiteralExpression(u)) for (const el of u.elements) out.push(ts.isSpreadElement(el) ? el.expression : el);
    else out.push(a);
  }
  return out;
}

const AUTOLOAD_MODULES: ReadonlySet<string> = new Set(['@fastify/autoload', 'fastify-autoload']);

/**
 * The folder a path expression names relative to the file's own: `'routes'`, `'./routes'`,
 * `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'plugins', 'app')`,
 * `path.resolve(__dirname, '../routes')`; null when it is built otherwise.
 */
function folderOf(e: ts.Expression): string | null {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (!ts.isCallExpression(e) || e.arguments.length < 2) return null;
  const callee = e.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (name !== 'join' && name !== 'resolve') return null;
  const [base, ...parts] = e.arguments.map(unwrap);
  const here = ts.isIdentifier(base) ? base.text === '__dirname' : ts.isPropertyAccessExpression(base) && base.name.text === 'dirname' && ts.isMetaProperty(base.expression);
  if (!here || !parts.every(ts.isStringLiteralLike)) return null;
  return (parts as ts.StringLiteralLike[]).map((s) => s.text).join('/');
}
