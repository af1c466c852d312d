// What each logging library looks like from the code: its module names, its level methods and
// the type names that denote its logger. The logger model (values.ts) follows values from these.
import type { LoggerLibrary } from './types';

export type LogLibrary = LoggerLibrary | 'console';

/** Level methods per library: a call of one of these on a resolved logger is a log call. */
export const LEVEL_METHODS: Readonly<Record<LogLibrary, ReadonlySet<string>>> = {
  // pino has no `log`: a call of one on a pino logger is the project's alias of a level (sorry-cypress's
  // `logger.log = logger.info`), else it would throw; either way it is the project's log call.
  pino: new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'log']),
  bunyan: new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
  // `trace` and `fatal` exist on a winston logger only with custom levels that add them (NocoBase's), and
  // `warning` only with syslog's (`winston.config.syslog.levels`: Nango's): a call is one of those. (Not
  // syslog's `notice`: a project's own `app.notice(message)` helper beside its winston logger is no level call.)
  winston: new Set(['error', 'warn', 'warning', 'info', 'http', 'verbose', 'debug', 'silly', 'log', 'trace', 'fatal']),
  log4js: new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log']),
  nestjs: new Set(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']),
  console: new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']),
  // `warning`: LogTape's (and other loggers' modelled on Python's) name for warn. signale's loggers
  // have levels named for what happened (`success`, `await`, `watch`...): those that name nothing else.
  custom: new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'success', 'note', 'pending', 'complete', 'await', 'watch', 'fav', 'star']),
};

/** Every level method name of every library: a cheap first filter on call expressions. */
export const ALL_LEVEL_METHODS: ReadonlySet<string> = new Set(Object.values(LEVEL_METHODS).flatMap((s) => [...s]));

/** Package name → the logger library it provides, for package.json dependencies. */
export const LIBRARY_PACKAGES: ReadonlyArray<readonly [string, LoggerLibrary]> = [
  ['pino', 'pino'],
  ['winston', 'winston'],
  ['bunyan', 'bunyan'],
  ['log4js', 'log4js'],
  ['@nestjs/common', 'nestjs'],
  // These bring pino with them.
  ['pino-http', 'pino'],
  ['nestjs-pino', 'pino'],
  ['fastify', 'pino'],
];

/** Packages that give each request a logger (pino's; restify's is bunyan: REQUEST_LOG_PROPERTY_PACKAGES), and how a handler reaches it. */
export const REQUEST_LOGGERS: Readonly<Record<string, string>> = {
  'pino-http': 'req.log',
  'express-pino-logger': 'req.log',
  fastify: 'request.log',
  'koa-pino-logger': 'ctx.log',
  'hono-pino': "c.get('logger')",
  'nestjs-pino': 'PinoLogger',
  restify: 'req.log',
};

/**
 * Those that put the logger on the request (or Koa's context) as `log`: `req.log`, `request.log`,
 * `ctx.log`, and nestjs-pino, whose pino-http puts `req.log` there beside the injected PinoLogger.
 * Hono's context has no `log` (hono-pino's is `c.get('logger')`).
 */
/**
 * Packages that put a logger on every request as `req.log`, and its library. restify's is its server's
 * logger (bunyan up to restify 8, pino from 9: model/packages.ts restifyLogger), a child carrying the
 * request's id only behind its requestLogger plugin (context/service.ts).
 */
export const REQUEST_LOG_PROPERTY_PACKAGES: ReadonlyMap<string, LoggerLibrary> = new Map<string, LoggerLibrary>([
  ['pino-http', 'pino'], ['express-pino-logger', 'pino'], ['fastify', 'pino'], ['koa-pino-logger', 'pino'], ['nestjs-pino', 'pino'], ['restify', 'bunyan'],
]);

/**
 * Type names that denote a logger of a library, by the module they are imported from
 * (`import type { Logger } from 'pino'`): a parameter or field with such a type holds a logger.
 */
export const LOGGER_TYPES: Readonly<Record<string, readonly [LoggerLibrary, ReadonlySet<string>]>> = {
  pino: ['pino', new Set(['Logger', 'BaseLogger', 'default'])],
  winston: ['winston', new Set(['Logger'])],
  bunyan: ['bunyan', new Set(['default', 'Logger', '*'])],
  log4js: ['log4js', new Set(['Logger'])],
  '@nestjs/common': ['nestjs', new Set(['Logger', 'LoggerService', 'ConsoleLogger'])],
  'nestjs-pino': ['pino', new Set(['PinoLogger', 'Logger'])],
  'pino-http': ['pino', new Set(['Logger'])],
  fastify: ['pino', new Set(['FastifyBaseLogger', 'FastifyLoggerInstance'])],
  // Egg's logger (cnpmcore's injected `logger: Logger`) takes the message first and util.format()s the
  // arguments after it into the text, an error with its stack, as log4js's layouts do.
  egg: ['log4js', new Set(['Logger', 'EggLogger'])],
  'egg-logger': ['log4js', new Set(['Logger', 'EggLogger'])],
  // The Matrix bridge framework's Logger (matrix-appservice-irc's pool service: `new Logger('IrcPoolClient')`)
  // takes the message first and prints the arguments after it inspected, as console does.
  'matrix-appservice-bridge': ['custom', new Set(['Logger'])],
};

/**
 * Types of a library whose `log` member is its logger, by module: a value so typed holds one
 * (Fastify's request and instance; the Matrix bridge framework's `ProvisioningRequest`, whose `log`
 * is that request's Logger).
 */
export const LOG_HOLDER_TYPES: Readonly<Record<string, readonly [LoggerLibrary, ReadonlySet<string>]>> = {
  fastify: ['pino', new Set(['FastifyRequest', 'FastifyInstance', 'FastifyReply'])],
  'matrix-appservice-bridge': ['custom', new Set(['ProvisioningRequest'])],
};

/**
 * GraphQL Code Generator's typescript-resolvers plugin types every resolver map with a type
 * parameter of this name whose default is the configured `contextType`
 * (`export type Resolvers<ContextType = GraphQLContext> = {...}`): each resolver of an object so
 * typed gets that context as its third parameter (`(parent, args, ctx) => ctx.log...`).
 */
export const GRAPHQL_CODEGEN_CONTEXT_PARAMETER = 'ContextType';

/** The parameter index of a GraphQL resolver's context: `(parent, args, context, info)`. */
export const GRAPHQL_RESOLVER_CONTEXT_INDEX = 2;
