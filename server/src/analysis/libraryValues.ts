// What importing a name from a logging or server library gives, one case per library: a logger
// factory (`pino`, winston's `createLogger`), the module itself (`import winston from 'winston'`),
// Nest's Logger class, Fastify's factory, tRPC's builder, pino-http's middleware factory. A module
// that is none of these is the project's own, followed by values.ts.
import type { LoggerLibrary } from './types';
import type { FunctionSummary } from './model/types';
import type { Value } from './valueTypes';

/**
 * A winston Container (`winston.loggers`, the default one, or `new winston.Container()`): `add` and
 * `get` give the category's logger, made on first use (winston's "multiple loggers").
 */
export const WINSTON_CONTAINER: Value = { t: 'loggerFactories', members: new Map([['add', 'winston'], ['get', 'winston']]) };

/** Whether `name` imported from `module` is winston's Container class (`new Container()`, `container: winston.Container`). */
export function isWinstonContainerClass(module: string, name: string): boolean {
  return module === 'winston' && name === 'Container';
}

/** The value of `name` imported from the library `module`; null for a name of it that is none of these, undefined for a module that is no library here. */
export function libraryImportValue(module: string, name: string): Value | null | undefined {
  switch (module) {
    case 'pino':
      return name === 'default' || name === '*' || name === 'pino' ? { t: 'factory', lib: 'pino' } : null;
    case 'winston':
      if (name === 'createLogger') return { t: 'factory', lib: 'winston' };
      if (name === 'loggers') return WINSTON_CONTAINER;
      if (isWinstonContainerClass(module, name)) return { t: 'loggerContainerClass' };
      return name === 'default' || name === '*' ? { t: 'module', module } : null;
    case 'bunyan':
      if (name === 'createLogger') return { t: 'factory', lib: 'bunyan' };
      return name === 'default' || name === '*' ? { t: 'module', module } : null;
    case 'log4js':
      if (name === 'getLogger') return { t: 'factory', lib: 'log4js' };
      return name === 'default' || name === '*' ? { t: 'module', module } : null;
    case '@nestjs/common':
      // LoggerService is the interface a project's own Nest logger implements (`class X implements LoggerService`).
      if (name === 'Logger' || name === 'ConsoleLogger' || name === 'LoggerService') return { t: 'nestLoggerClass' };
      return name === '*' ? { t: 'module', module } : null;
    case 'fastify':
      return name === 'default' || name === '*' || name === 'fastify' || name === 'Fastify' ? { t: 'fastifyFactory' } : null;
    case '@trpc/server':
      return name === 'initTRPC' ? { t: 'trpcInit' } : null;
    case 'pino-http':
      return name === 'default' || name === '*' || name === 'pinoHttp' ? { t: 'pinoHttpFactory' } : null;
    case 'matrix-appservice-bridge':
      // The Matrix bridge framework's Logger (`new Logger('IrcPoolClient')`): message first, printed as console does.
      return name === 'Logger' ? { t: 'loggerClass', lib: 'custom' } : undefined;
    case 'kuzzle-logger':
      // Kuzzle's logger class wraps pino (fields first, printf placeholders): Kuzzle extends it.
      return name === 'KuzzleLogger' ? { t: 'loggerClass', lib: 'pino' } : null;
    case 'signale':
      // signale: the module is a logger (`signale.success('...')`), its `Signale` class makes more
      // (`new Signale({ scope: 'Ackee' })`). Message first, printf placeholders, an error printed with its stack.
      if (name === 'Signale') return { t: 'loggerClass', lib: 'custom' };
      return name === 'default' || name === '*' ? { t: 'logger', lib: 'custom' } : null;
    case 'nestjs-pino':
      // Its Logger is a Nest LoggerService (Nest's method names and argument order) written through pino.
      return name === 'Logger' ? { t: 'nestLoggerClass' } : null;
    case 'npmlog':
      // npm's logger (Mailtrain's `log.error('Redirect', 'Unresolved URL: <%s>', req.url)`): the module is the
      // logger, each level taking a prefix (a tag), then the message, whose placeholders the rest fill (util.format).
      return name === 'default' || name === '*' ? NPMLOG : null;
  }
  return undefined;
}

const NPMLOG_HELPER: FunctionSummary = { logs: { lib: 'custom', message: 1, rest: true, formats: true } };
const NPMLOG: Value = { t: 'object', members: new Map(['silly', 'verbose', 'info', 'timing', 'http', 'notice', 'warn', 'error'].map((level) => [level, NPMLOG_HELPER])) };

/**
 * A package named for logging (`pelias-logger`, `@coder/logger`, `@acme/logging`), of none of the
 * libraries above: the model knows nothing of its API but the words of its name.
 */
const LOGGING_PACKAGE = /(?:^|[-_.])(?:log|logs|logger|loggers|logging)(?:$|[-_.])/;
/** Packages named so that are no logger: terminal symbols and output, winston's formats. */
const NOT_LOGGERS: ReadonlySet<string> = new Set(['log-symbols', 'log-update', 'logform', 'log-driver']);
/** What such a package's factories are called (`require('pelias-logger').get('api')`). */
const FACTORY_NAMES = ['get', 'getLogger', 'createLogger', 'child', 'named'] as const;
const OTHER_PACKAGE_FACTORIES: Value = { t: 'loggerFactories', members: new Map(FACTORY_NAMES.map((n) => [n, 'custom'])) };

/**
 * What importing `name` from a package named for logging gives, when the package is none of the
 * libraries above and no project module: its `logger` or `log` (code-server's `import { logger } from
 * '@coder/logger'`), its factories by their usual names, and the module itself as an object of
 * factories (Pelias's `require('pelias-logger').get('api')`). The logger's library is `custom`:
 * message first, no fix. Null for anything else.
 */
export function otherLoggingPackageValue(module: string, name: string): Value | null {
  if (!isOtherLoggingPackage(module)) return null;
  if (name === 'logger' || name === 'log') return { t: 'logger', lib: 'custom' };
  const own = OWN_FACTORIES.get(module);
  if (name === 'getLogger' || name === 'createLogger' || own?.members.has(name)) return { t: 'factory', lib: 'custom' };
  return name === '*' || name === 'default' ? (own ?? OTHER_PACKAGE_FACTORIES) : null;
}

/**
 * Logging packages whose factories have names of their own: tracer's `colorConsole()`, `console()`
 * and `dailyfile()` (Gladys Assistant's `tracer.colorConsole({ level })`), loggers printing as console
 * does (message first, placeholders filled, further arguments inspected).
 */
const OWN_FACTORIES: ReadonlyMap<string, Extract<Value, { t: 'loggerFactories' }>> = new Map([
  ['tracer', { t: 'loggerFactories', members: new Map(['console', 'colorConsole', 'dailyfile'].map((n) => [n, 'custom'])) }],
]);

/**
 * What a type imported from such a package says: its `Logger` (or `...Logger`) is a logger of the
 * package, as its `logger` value is (code-server's `public readonly logger: Logger`, assigned in the
 * constructor, and `public abstract logger: Logger`). Null for any other name or package.
 */
export function otherLoggingPackageType(module: string, name: string): Value | null {
  return name.endsWith('Logger') && isOtherLoggingPackage(module) ? { t: 'logger', lib: 'custom' } : null;
}

/** Logging packages whose names do not say so, read as those named for logging are (message first, `getLogger(category)`). */
const OTHER_LOGGING_PACKAGES: ReadonlySet<string> = new Set(['@logtape/logtape', 'tracer']);

/** A package (not a module of one) named for logging, of none of the libraries the model knows. */
export function isOtherLoggingPackage(module: string): boolean {
  if (OTHER_LOGGING_PACKAGES.has(module)) return true;
  if (module.startsWith('.') || module.startsWith('/') || module.startsWith('node:')) return false;
  const parts = module.split('/');
  const pkg = module.startsWith('@') ? parts[1] : parts[0];
  return pkg !== undefined && (module.startsWith('@') ? parts.length === 2 : parts.length === 1) && !NOT_LOGGERS.has(pkg) && LOGGING_PACKAGE.test(pkg);
}

/**
 * Whether `logger.name(...)` is another logger of the same library: `child`; `named` of a logging
 * package known by name (code-server's `logger.named('heart')`); and a project wrapper's `with...`
 * (Formbricks's `logger.withContext({ requestId })`, a pino logger rebuilt with `withContext: (c) => pino.child(c)`).
 */
export function derivesLogger(name: string, lib: LoggerLibrary): boolean {
  return name === 'child' || (name === 'named' && lib === 'custom') || /^with[A-Z]/.test(name);
}
