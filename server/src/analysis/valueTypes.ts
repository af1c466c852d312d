// The values the logger model tells apart (values.ts), shared by its expression, type and class halves.
import type ts from './typescriptModule';
import type { CallbackTypeSummary, ClassSummary, FunctionSummary } from './model/types';
import type { LoggerLibrary } from './types';

export type Value =
  /** `origin`: the project module that creates it, when it was imported (absent: made in this file). */
  | { t: 'logger'; lib: LoggerLibrary; origin?: string }
  /** Calling it creates a logger (`pino`, winston's `createLogger`, `log4js.getLogger`). */
  | { t: 'factory'; lib: LoggerLibrary }
  /** A library or project module object (namespace import or require). */
  | { t: 'module'; module: string }
  | { t: 'console' }
  /** A console method detached from console (`const { log } = console`). */
  | { t: 'consoleMethod'; method: string }
  /** NestJS's Logger class: `new Logger()` creates a logger, `Logger.log()` logs. */
  | { t: 'nestLoggerClass' }
  | { t: 'fastifyFactory' }
  /** A library's logger class (kuzzle-logger's `KuzzleLogger`, pino underneath): `new` it, or extend it, for a logger of `lib`. */
  | { t: 'loggerClass'; lib: LoggerLibrary }
  /** winston's Container class: `new Container()` hands out loggers by category (libraryValues.ts WINSTON_CONTAINER). */
  | { t: 'loggerContainerClass' }
  /** pino-http's default export: calling it makes a middleware whose `logger` is a pino logger. */
  | { t: 'pinoHttpFactory' }
  | { t: 'fastifyInstance' }
  /** A class declared in this file (a base class to look members up in). */
  | { t: 'localClass'; node: ts.ClassLikeDeclaration }
  /** A class exported by a project module, as its summary says. */
  | { t: 'importedClass'; cls: ClassSummary }
  /** A function that returns a logger or logs its arguments (logCallables.ts). */
  | { t: 'function'; fn: FunctionSummary }
  /**
   * An object holding such functions (`logSchema.info(logger, msg, fields)`), by member name; `loggers`:
   * its members that hold loggers, when it has both (NocoBase's Application: methods that log, and `logger`).
   */
  | { t: 'object'; members: ReadonlyMap<string, FunctionSummary>; loggers?: ReadonlyMap<string, LoggerLibrary>; helpers?: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>> }
  /** A value typed with a type literal (`deps: { logger: Logger }`): `at` is where its type's names resolve. */
  | { t: 'typedObject'; type: ts.TypeLiteralNode | ts.InterfaceDeclaration; at: ts.Node }
  /** A value of a function type whose callbacks are handed loggers: what an untyped callback passed to it gets. */
  | { t: 'typedCallbacks'; callbacks: CallbackTypeSummary }
  /** An object some of whose members are loggers, as a callback's type says (`ctx: { logger: Logger }`). */
  | { t: 'loggerMembers'; members: ReadonlyMap<string, LoggerLibrary> }
  /** An object whose members give a logger when called, as its type says (`config: UnleashConfig` with `getLogger: LogProvider`). */
  | { t: 'loggerFactories'; members: ReadonlyMap<string, LoggerLibrary> }
  /** A GraphQL resolver map type (libraries.ts, GRAPHQL_CODEGEN_CONTEXT_PARAMETER): its resolvers' context, by logger members. */
  | { t: 'resolversType'; context: ReadonlyMap<string, LoggerLibrary> }
  /** tRPC's `initTRPC` (and `initTRPC.meta<M>()`): `.context<T>()` names the context its procedures get. */
  | { t: 'trpcInit' }
  /**
   * A tRPC instance or procedure builder (`t`, `t.procedure`, `authedProcedure.input(z)`): the resolver
   * passed to its `.query()`, `.mutation()` or `.subscription()` gets `{ ctx }` with these logger members.
   */
  | { t: 'trpcBuilder'; context: ReadonlyMap<string, LoggerLibrary> }
  /** The options a tRPC resolver gets (`({ ctx, input }) => ...`): `ctx` holds the context's logger members. */
  | { t: 'trpcResolverOptions'; context: ReadonlyMap<string, LoggerLibrary> }
  /** A tRPC resolver's `input`: the request's whole payload, as the client sent it (validated, not redacted). */
  | { t: 'trpcInput' };

/** How deep one question may recurse (a chain of aliases, members, base classes). */
export const MAX_DEPTH = 24;
