// What handler discovery knows: per-file facts (extract.ts) that the linker (link.ts) joins across
// files into handlers with their full route paths. Positions are 0-based, as Finding's.

export type FrameworkId = 'express' | 'fastify' | 'koa' | 'nestjs' | 'nextjs' | 'react-router' | 'hono' | 'restify' | 'node-http';

/** A route path as written: static text, or null when it is computed at run time. */
export type RoutePath = string | null;

/**
 * Which parameter of a handler or middleware is the request (or Koa's ctx, Hono's c):
 * `first`; `errorAware`: the second when the function takes four parameters (Express error
 * middleware `(err, req, res, next)`), else the first; `second` (Fastify's setErrorHandler);
 * `decorated`: the one Nest's `@Req()` marks, if any.
 */
export type RequestRule = 'first' | 'errorAware' | 'second' | 'decorated';

/**
 * What a name or expression in a file refers to, as far as one file can tell. `owner` and
 * `function` index into the file's facts; `import` names an export of another module (resolved by
 * the linker through a ModuleResolver), `member` a property of that export (`controller.list`).
 */
export type Ref =
  | { kind: 'owner'; owner: number }
  | { kind: 'function'; fn: number }
  | { kind: 'import'; specifier: string; name: string; member?: string }
  | { kind: 'object'; members: ReadonlyMap<string, Ref> }
  | { kind: 'other' };

export type OwnerRole = 'app' | 'router' | 'plugin' | 'controller' | 'server';

/** An object routes are registered on: an app, a router, a Fastify plugin's instance, a Nest controller. */
export interface OwnerFact {
  /** Null for a parameter whose framework only the linker can tell (an untyped plugin's `fastify`). */
  framework: FrameworkId | null;
  role: OwnerRole;
  /** Its own prefixes (Koa `new Router({ prefix })`, `@Controller('users')`); `['']` when none. */
  prefixes: RoutePath[];
  line: number;
  column: number;
  /** Set for a function's parameter (a plugin's instance, `module.exports = (app) => ...`). */
  param?: { fn: number; index: number };
  /** Made by an owner method (Hono's `app.basePath('/api')`): mounted on `parent` at `prefix`. */
  derivedFrom?: { parent: number; prefix: RoutePath };
}

export interface FunctionFact {
  line: number;
  column: number;
  /** Parameter names in order; null for a destructured parameter. */
  params: Array<string | null>;
  /** Owners held by its parameters, by parameter index. */
  paramOwners: Map<number, number>;
  /** Wrapped by fastify-plugin: its routes ignore the `prefix` option it is registered with. */
  skipsPrefix?: boolean;
  /** The parameter decorated with Nest's `@Req()`/`@Request()`. */
  nestRequestIndex?: number;
  /** The owner it returns (`function configure(app) { const api = express.Router(); ...; return api; }`). */
  returnsOwner?: number;
}

export interface HandlerFact {
  /** The function, when it can be followed (local or imported); null for other expressions. */
  ref: Ref | null;
  rule: RequestRule;
  /** The handler expression's source text, shortened (for middleware that is a call: `express.json()`). */
  label: string;
  /** For a call (`promBundle({...})`, `withMetrics(h)`): what its callee refers to. */
  callee?: Ref;
  /**
   * For a value a call made, written there or held by a name (`const entries = require('./entries')(app)`):
   * the function called, whose returned owner makes the handler a router (link.ts).
   */
  returnedBy?: Ref;
}

/** A route registration: `app.get('/x', h)`, `router.route('/x').post(h)`, `@Get(':id')`, `export function GET`. */
export interface RouteFact {
  owner: Ref;
  /** HTTP method in capitals, or `ALL`. */
  method: string;
  /** Relative to the owner; several for `app.get(['/a', '/b'], h)`. */
  paths: RoutePath[];
  handler: HandlerFact;
  /** Route-level middleware before the handler. */
  before: HandlerFact[];
  line: number;
  column: number;
  /** True when the registration only looks like a route (its receiver is an import or an untyped parameter). */
  tentative: boolean;
}

/**
 * Something attached to an owner whose nature the linker decides: `use` (a mounted router or app, else
 * middleware), `register` (a Fastify plugin), `mount` (Hono's `route`, Koa's `router.routes()`),
 * `call` (a function called with the owner as argument `paramIndex`, which registers routes on it).
 */
export interface AttachFact {
  owner: Ref;
  via: 'use' | 'register' | 'mount' | 'call';
  prefix: RoutePath;
  target: Ref;
  paramIndex: number;
  handler: HandlerFact;
  line: number;
  column: number;
}

/**
 * `fastify.register(autoload, { dir: path.join(__dirname, 'routes'), options: { prefix } })`: every
 * plugin module under the folder is registered, each under its folder's path (@fastify/autoload).
 */
export interface AutoloadFact {
  owner: Ref;
  /** The folder, relative to the registering file's folder, as written (`routes`, `../routes`). */
  dir: string;
  prefix: RoutePath;
  /** Whether each module's folders below `dir` prefix its routes (autoload's `dirNameRoutePrefix`, on by default). */
  folderPrefixes: boolean;
  line: number;
  column: number;
}

export interface FileFacts {
  file: string;
  owners: OwnerFact[];
  functions: FunctionFact[];
  routes: RouteFact[];
  attaches: AttachFact[];
  autoloads: AutoloadFact[];
  /** Export name (`default`; `*` for `module.exports`; named) → what it is. */
  exports: Map<string, Ref>;
  /** `export * from '...'` specifiers. */
  starExports: string[];
  /** Nest's `app.setGlobalPrefix('api')`. */
  globalPrefixes: Array<{ framework: FrameworkId; prefix: RoutePath }>;
}

/** A place in the workspace: absolute file, 0-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

export interface Handler {
  /** The service's root folder (absolute). */
  service: string;
  framework: FrameworkId;
  method: string;
  /** The full path with every mount prefix applied; null when some part is computed at run time. */
  path: string | null;
  /**
   * When `path` is null: the path as far as it is known, each part computed at run time written
   * `…` (`…/api/auth/signout` under Hono's `basePath(env.BASE)`), for people to read.
   */
  shownPath?: string;
  /** Where the route is registered. */
  file: string;
  line: number;
  column: number;
  /** The handler function, when it could be followed. */
  handler: Place | null;
  /** The name of its request (ctx, c) parameter, when it has one. */
  requestParam: string | null;
  /**
   * What runs before it, outermost first: middleware of the owners it is mounted under that was
   * attached ahead of it (Express, Koa and Hono run middleware in mount order; Fastify's hooks and
   * plugins apply to their whole context), then its route-level middleware. Set by the linker.
   */
  inFront?: FrontMiddleware[];
  /**
   * Set when the walk found no app above it: its router or plugin is mounted somewhere discovery
   * could not follow, so its full path and what runs in front of it are not known.
   */
  detached?: boolean;
  /** The file of the app (or router, plugin) at the root of its mount chain: a test's app serves no requests. */
  rootFile?: string;
}

/** A middleware, hook or plugin in front of a handler (see Handler.inFront). */
export interface FrontMiddleware {
  label: string;
  /** The path prefix it applies under; null when computed at run time. */
  path: string | null;
  /** Where it is attached (or the route, for route-level middleware). */
  file: string;
  line: number;
  column: number;
  /** Listed in the route's own registration (`app.get('/x', mw, h)`). */
  routeLevel: boolean;
  /** The package export it is, or whose call makes it (`promBundle(...)` from express-prom-bundle). */
  package?: { specifier: string; name: string };
  /** The workspace function it is (or whose call makes it), when it could be followed. */
  fn?: Place;
  /** The workspace function whose call makes it (`metricsMiddleware()`), when it could be followed. */
  factory?: Place;
}

export interface Middleware {
  service: string;
  framework: FrameworkId;
  /** The path prefix it applies under (`/` for everything); null when computed at run time. */
  path: string | null;
  /** The middleware as written, shortened: `express.json()`, `authenticate`, `onRequest hook`. */
  label: string;
  file: string;
  line: number;
  column: number;
}
