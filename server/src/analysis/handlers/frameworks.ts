// The web frameworks as data: which imports create their apps and routers, which methods register
// routes, middleware and mounts, and where a handler's request parameter sits. The extractor follows
// values from these imports through the scope model; nothing here matches variable names.
import type { FrameworkId, OwnerRole, RequestRule } from './types';

/** An import that creates an owner when called (`express()`, `Router()`) or constructed (`new Koa()`). */
export interface Creator {
  module: string;
  /** Import names it goes by: `default`, `*` (namespace or whole-module require), export names. */
  exports: readonly string[];
  /** A member of the import that creates (`NestFactory.create`); absent when the import itself does. */
  member?: string;
  how: 'call' | 'new' | 'either';
  role: OwnerRole;
  /** An option of the first argument that prefixes every route (`new Router({ prefix: '/x' })`). */
  prefixOption?: string;
}

export interface FrameworkSpec {
  id: FrameworkId;
  label: string;
  /** package.json dependencies that bring it. */
  packages: readonly string[];
  creators: readonly Creator[];
  /** Owner method → HTTP method (`ALL` for every method). */
  routeMethods: ReadonlyMap<string, string>;
  /** Owner methods that take middleware, mounted routers or apps: `use(path?, ...fns)`. */
  useMethods: ReadonlySet<string>;
  /** Owner method that mounts a plugin or sub-app, and how its arguments read. */
  mountMethod?: { name: string; style: 'register' | 'route' };
  /** Owner methods that take one request-handling function (hooks, error handlers), and where its request is. */
  hooks: ReadonlyMap<string, RequestRule>;
  /** Fastify's `addHook(name, fn)`: the hook names whose function takes the request first. */
  requestHooks?: ReadonlySet<string>;
  /** Where the request sits in route handlers and middleware. */
  requestRule: RequestRule;
  /** Module → type names under which a parameter is this framework's request (or context). */
  requestTypes: Readonly<Record<string, ReadonlySet<string>>>;
  /**
   * For frameworks whose handlers take `(request, response)`: methods only its response (reply) has.
   * A function registered in another file is not a handler in its own file; one whose second
   * parameter it answers through (`res.json(...)`, `reply.send(...)`) takes the request first
   * (requestParams.ts: the logger model's `req.log` in a controller file).
   */
  responseMethods?: ReadonlySet<string>;
  /** Module → type names under which a parameter is an app or router (`app: FastifyInstance`). */
  instanceTypes: Readonly<Record<string, ReadonlySet<string>>>;
  /** Module → type names of a variable holding a plugin function (`const p: FastifyPluginAsync = async (app) => ...`). */
  pluginTypes?: Readonly<Record<string, ReadonlySet<string>>>;
}

const HTTP = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head'];
const methods = (extra: Record<string, string> = {}) =>
  new Map<string, string>([...HTTP.map((m): [string, string] => [m, m.toUpperCase()]), ['all', 'ALL'], ...Object.entries(extra)]);
const set = (...names: string[]): ReadonlySet<string> => new Set(names);

/** Frameworks whose routes are not registered by calling methods (Nest's decorators, routing by files, node:http's one handler). */
const NO_REGISTRATION_METHODS = { routeMethods: new Map<string, string>(), useMethods: set(), hooks: new Map(), requestRule: 'first' as const };

/** React Router's framework mode and Remix: a package depending on one routes by the files under app/routes. */
export const REACT_ROUTER_PACKAGES = ['@react-router/dev', '@react-router/node', '@react-router/serve', '@remix-run/dev', '@remix-run/node', '@remix-run/serve'] as const;

export const FRAMEWORKS: readonly FrameworkSpec[] = [
  {
    id: 'express',
    label: 'Express',
    packages: ['express'],
    creators: [
      { module: 'express', exports: ['default', '*'], how: 'call', role: 'app' },
      { module: 'express', exports: ['Router'], how: 'either', role: 'router' },
    ],
    routeMethods: methods(),
    useMethods: set('use'),
    hooks: new Map(),
    requestRule: 'errorAware',
    requestTypes: { express: set('Request') },
    responseMethods: set('json', 'jsonp', 'send', 'sendStatus', 'sendFile', 'status', 'render', 'redirect', 'download', 'attachment', 'cookie', 'clearCookie', 'location'),
    instanceTypes: { express: set('Express', 'Application', 'Router', 'IRouter') },
  },
  {
    id: 'fastify',
    label: 'Fastify',
    packages: ['fastify'],
    creators: [{ module: 'fastify', exports: ['default', '*', 'fastify', 'Fastify'], how: 'call', role: 'app' }],
    routeMethods: methods(),
    useMethods: set(),
    mountMethod: { name: 'register', style: 'register' },
    hooks: new Map<string, RequestRule>([
      ['setErrorHandler', 'second'],
      ['setNotFoundHandler', 'first'],
    ]),
    requestHooks: set('onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onError', 'onSend', 'onResponse', 'onTimeout', 'onRequestAbort'),
    requestRule: 'first',
    requestTypes: { fastify: set('FastifyRequest', 'FastifyReply') },
    responseMethods: set('send', 'code', 'status', 'redirect', 'serializer', 'hijack', 'callNotFound', 'sendFile', 'view'),
    instanceTypes: { fastify: set('FastifyInstance') },
    pluginTypes: { fastify: set('FastifyPluginAsync', 'FastifyPluginCallback', 'FastifyPluginAsyncTypebox', 'FastifyPluginAsyncZod') },
  },
  {
    id: 'koa',
    label: 'Koa',
    packages: ['koa', '@koa/router', 'koa-router'],
    creators: [
      { module: 'koa', exports: ['default', '*', 'Koa'], how: 'new', role: 'app' },
      { module: '@koa/router', exports: ['default', '*', 'Router'], how: 'either', role: 'router', prefixOption: 'prefix' },
      { module: 'koa-router', exports: ['default', '*', 'Router'], how: 'either', role: 'router', prefixOption: 'prefix' },
    ],
    routeMethods: methods({ del: 'DELETE' }),
    useMethods: set('use'),
    hooks: new Map(),
    requestRule: 'first',
    requestTypes: { koa: set('Context', 'ParameterizedContext', 'DefaultContext'), '@koa/router': set('RouterContext'), 'koa-router': set('RouterContext', 'IRouterContext') },
    instanceTypes: { koa: set('default', 'Koa'), '@koa/router': set('default', 'Router'), 'koa-router': set('default', 'Router') },
  },
  {
    id: 'hono',
    label: 'Hono',
    packages: ['hono'],
    creators: ['hono', 'hono/tiny', 'hono/quick'].map((module): Creator => ({ module, exports: ['Hono'], how: 'new', role: 'app' })),
    routeMethods: methods(),
    useMethods: set('use'),
    mountMethod: { name: 'route', style: 'route' },
    hooks: new Map<string, RequestRule>([
      ['onError', 'second'],
      ['notFound', 'first'],
    ]),
    requestRule: 'first',
    requestTypes: { hono: set('Context') },
    instanceTypes: { hono: set('Hono') },
  },
  {
    // restify: Express's shape (`server.get({ path, name }, ...handlers)`); its `req.log` is the server's logger (context/service.ts).
    id: 'restify',
    label: 'restify',
    packages: ['restify'],
    creators: [{ module: 'restify', exports: ['createServer'], how: 'call', role: 'app' }],
    routeMethods: methods({ del: 'DELETE', opts: 'OPTIONS' }),
    useMethods: set('use', 'pre'),
    hooks: new Map(),
    requestRule: 'first',
    requestTypes: { restify: set('Request') },
    responseMethods: set('send', 'json', 'sendRaw', 'header', 'status', 'redirect', 'writeHead'),
    instanceTypes: { restify: set('Server') },
  },
  {
    id: 'nestjs',
    label: 'NestJS',
    packages: ['@nestjs/core', '@nestjs/common'],
    creators: [{ module: '@nestjs/core', exports: ['NestFactory'], member: 'create', how: 'call', role: 'app' }],
    ...NO_REGISTRATION_METHODS,
    requestTypes: {},
    instanceTypes: {},
  },
  {
    id: 'nextjs',
    label: 'Next.js',
    packages: ['next'],
    creators: [],
    ...NO_REGISTRATION_METHODS,
    requestTypes: { 'next/server': set('NextRequest'), next: set('NextApiRequest') },
    instanceTypes: {},
  },
  {
    // Framework mode: resource routes under app/routes (a loader or action, no component) answer HTTP requests themselves.
    id: 'react-router',
    label: 'React Router / Remix',
    packages: REACT_ROUTER_PACKAGES,
    creators: [],
    ...NO_REGISTRATION_METHODS,
    requestTypes: {},
    instanceTypes: {},
  },
  {
    id: 'node-http',
    label: 'node:http',
    packages: [],
    creators: ['http', 'node:http', 'https', 'node:https'].map((module): Creator => ({ module, exports: ['createServer'], how: 'call', role: 'server' })),
    ...NO_REGISTRATION_METHODS,
    requestTypes: { http: set('IncomingMessage'), 'node:http': set('IncomingMessage') },
    instanceTypes: {},
  },
];

export const FRAMEWORK_BY_ID: ReadonlyMap<FrameworkId, FrameworkSpec> = new Map(FRAMEWORKS.map((f) => [f.id, f]));

/** Every module a creator comes from, with its framework. */
export const CREATOR_MODULES: ReadonlyMap<string, FrameworkId> = new Map(FRAMEWORKS.flatMap((f) => f.creators.map((c): [string, FrameworkId] => [c.module, f.id])));

/** restify's `server.on('after', fn)`: run after every request the server answers, wherever it is registered (audit logs, metrics). */
export const RESTIFY_AFTER_EVENT = "on('after')";

/** Nest: `@Controller` and the method decorators, from @nestjs/common. */
export const NEST_COMMON = '@nestjs/common';
export const NEST_METHOD_DECORATORS: ReadonlyMap<string, string> = new Map([
  ['Get', 'GET'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Delete', 'DELETE'],
  ['Patch', 'PATCH'],
  ['Options', 'OPTIONS'],
  ['Head', 'HEAD'],
  ['All', 'ALL'],
  ['Search', 'SEARCH'],
]);
export const NEST_REQUEST_DECORATORS: ReadonlySet<string> = new Set(['Req', 'Request']);

/** Next.js route handler exports (app router `route.ts`). */
export const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** fastify-plugin: wraps a plugin so that it is not encapsulated (and ignores the `prefix` option). */
export const FASTIFY_PLUGIN_MODULE = 'fastify-plugin';

/** The frameworks a package's dependencies bring. */
export function frameworksOf(dependencies: ReadonlySet<string>): FrameworkId[] {
  return FRAMEWORKS.filter((f) => f.packages.some((p) => dependencies.has(p))).map((f) => f.id);
}

/** Module names that show a file uses some framework (a cheap text prefilter looks for these). */
export const FRAMEWORK_MODULES: readonly string[] = [
  ...new Set([
    ...FRAMEWORKS.flatMap((f) => [...f.creators.map((c) => c.module), ...Object.keys(f.requestTypes), ...Object.keys(f.instanceTypes), ...Object.keys(f.pluginTypes ?? {})]),
    NEST_COMMON,
    FASTIFY_PLUGIN_MODULE,
  ]),
];
