// What the value resolver (values.ts) asks of the project model, as interfaces only: it follows a
// value to an import, and the model follows the import to the module and what that module exports.
// Kept apart so that values.ts depends on no part of the model (the model's summariser uses it).
import type { LoggerLibrary } from '../types';
import type { MetricKind, MetricsLibrary } from '../metrics/libraries';

/** An exported logger: its library and the module that creates it (through re-exports and barrels). */
export interface LoggerExport {
  readonly lib: LoggerLibrary;
  /** Absolute path of the module where the logger is made (not a barrel that passes it on). */
  readonly origin: string;
}

/** An exported class, with the members that hold a logger, its own and those it inherits. */
export interface ClassSummary {
  /** Member name → library (`this.logger = pino()`, `protected logger = new Logger()`, a typed field). */
  readonly members: ReadonlyMap<string, LoggerLibrary>;
  /** Its instance methods that log their parameters or return a logger (a logging facade: `new Log().info(msg)`); absent when none. */
  readonly methods?: ReadonlyMap<string, FunctionSummary>;
  /** The same of its static methods (`Log.info(msg)`). */
  readonly statics?: ReadonlyMap<string, FunctionSummary>;
  /** Static fields holding an instance of the class (Homebridge's `static readonly internal = new Logger()`): `Logger.internal.info(msg)`. */
  readonly staticInstances?: readonly string[];
  /**
   * An instance is a logger of this library: a class implementing Nest's LoggerService (or extending
   * Nest's logger) is a Nest logger; one extending a library's logger class (Kuzzle's `Logger extends
   * KuzzleLogger`, pino underneath) is that library's.
   */
  readonly instanceLogger?: LoggerLibrary;
  /**
   * Member name → the object of log helpers it holds (Umbrel's `this.logger = createLogger('umbreld')`,
   * a factory returning `{ log, verbose, error }`): `umbreld.logger.log(message)` elsewhere; absent when none.
   */
  readonly helpers?: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>;
}

/**
 * What calling a function does, as far as logging goes: it returns a logger (`getLogger(): Logger`,
 * `(parent) => parent.child({...})`), or it logs its arguments, which makes every call of it a log
 * call (`logSchema.info(logger, message, fields)` calling `logger.info(fields, message)`).
 */
export interface FunctionSummary {
  readonly returnsLogger?: LoggerLibrary;
  readonly logs?: LogWrapper;
  /** The parameter whose error it returns as text (`getErrorMessage(err)` → `err.message`), errorTextFunctions.ts. */
  readonly returnsErrorText?: number;
  /** The property under which it returns the error it caught (`tryCatch`: `catch (error) { return { data: null, error } }`), caughtErrors.ts. */
  readonly returnsCaught?: string;
  /** It makes a prom-client metric from a configuration its caller passes (metrics/factories.ts). */
  readonly makesMetric?: MetricFactory;
  /**
   * It returns an instance of a logging facade: the instance's methods that log (`getConsoleLogFromContext(ctx):
   * ConsoleLog`, then `.error(message)`), by its written return type or the one instance it returns.
   */
  readonly returnsHelpers?: ReadonlyMap<string, FunctionSummary>;
  /** It returns console, by its written return type (`getLogger(): Pick<Console, 'log' | 'error'>` over an injected console). */
  readonly returnsConsole?: true;
  /**
   * The logger it returns is read from AsyncLocalStorage (sorry-cypress's `getLogger()`: the request's child
   * logger a middleware put in the store, else a new one): it carries the request's context where there is one.
   */
  readonly returnsContextLogger?: true;
  /**
   * It returns an object with logger members, by its written return type (postgres-meta's `build(opts):
   * FastifyInstance`: the app's `log`): `buildApp().log.info(...)` in the caller logs through it.
   */
  readonly returnsLoggerMembers?: ReadonlyMap<string, LoggerLibrary>;
}

/** Whether a function's summary says anything (a function summarised to nothing is left out of its module's summary). */
export function summarisesSomething(f: FunctionSummary): boolean {
  return !!(f.logs || f.returnsLogger || f.returnsErrorText !== undefined || f.returnsCaught || f.makesMetric || f.returnsHelpers || f.returnsConsole || f.returnsLoggerMembers);
}

/** A project's metric factory: the Prometheus type it makes, the prom-client class, and which parameter is the configuration. */
export interface MetricFactory {
  readonly kind: 'counter' | 'gauge' | 'histogram' | 'summary';
  readonly constructorName: string;
  readonly config: number;
}

/**
 * A metric a project module exports (`export const ordersTotal = new Counter({ labelNames: ['user'] })`):
 * what its importers' calls record to, with the label names positional `labels(...)` values take.
 */
export interface MetricExport {
  readonly library: MetricsLibrary;
  readonly kind: MetricKind;
  /** The definition's label names in order, each null where not a constant; null when not known. */
  readonly labelNames: readonly (string | null)[] | null;
}

/**
 * What importing one name from a project module gives as far as metrics go: a metric, or an object
 * or class whose members (static fields) are metrics (your_spotify's `Metrics.importsTotal`, an
 * `export const metrics = { requests: new Counter(...) }`).
 */
export type ExportedMetrics =
  | { readonly t: 'metric'; readonly metric: MetricExport }
  | { readonly t: 'members'; readonly members: ReadonlyMap<string, MetricExport> };

/** A function that passes its arguments on to a logger: which of its parameters is the message, which the fields. */
export interface LogWrapper {
  readonly lib: LoggerLibrary;
  readonly message: number;
  readonly fields?: number;
  /** The message is a rest parameter: the arguments after it are printed with it (LogCall.restArgs). */
  readonly rest?: true;
  /** The arguments after the message fill its printf placeholders (`util.format(message, ...parameters)`, Homebridge's Logger). */
  readonly formats?: true;
  /** The message argument is a whole record whose `message` key is the message (Nango's `LogContext.log({ level, message })`). */
  readonly record?: true;
}

/** What a typed value holds for logging: a logger, or an object some of whose members are loggers (`{ logger: Logger }`). */
export type LoggerShape = { readonly lib: LoggerLibrary } | { readonly members: ReadonlyMap<string, LoggerLibrary> };

/**
 * A function type whose callback parameters are handed loggers (`(cron: string, task: (now: Date,
 * ctx: { logger: Logger }) => void) => void`): parameter index → callback parameter index → what it
 * gets. An untyped callback passed there takes its parameters' types from it, as TypeScript's
 * contextual typing does.
 */
export type CallbackTypeSummary = ReadonlyMap<number, ReadonlyMap<number, LoggerShape>>;

/** What importing one name from a project module gives. */
export type ExportedValue =
  | { readonly t: 'logger'; readonly lib: LoggerLibrary; readonly origin: string }
  | { readonly t: 'class'; readonly cls: ClassSummary }
  | { readonly t: 'function'; readonly fn: FunctionSummary }
  /** A type that names a logger (`export type Logger = typeof logger`): what a parameter typed with it holds. */
  | { readonly t: 'loggerType'; readonly lib: LoggerLibrary }
  /** A function type whose callbacks are handed loggers: what a value typed with it calls them with. */
  | { readonly t: 'callbackType'; readonly callbacks: CallbackTypeSummary }
  /** An object type with logger members (`type GraphQLContext = Base & { log: Logger }`): what a value typed with it holds. */
  | { readonly t: 'shapeType'; readonly members: ReadonlyMap<string, LoggerLibrary> }
  /**
   * GraphQL Code Generator's resolver map type (`Resolvers<ContextType = GraphQLContext>`): the
   * context every resolver of an object so typed gets as its third parameter, by its logger members.
   */
  | { readonly t: 'resolversType'; readonly context: ReadonlyMap<string, LoggerLibrary> }
  /** A tRPC procedure builder (`export const authedProcedure = t.procedure.use(auth)`): the logger members of its resolvers' `ctx`. */
  | { readonly t: 'trpcBuilder'; readonly context: ReadonlyMap<string, LoggerLibrary> }
  /** An object with logger members (`export const httpLogger = pinoHttp()`: `httpLogger.logger`). */
  | { readonly t: 'loggerMembers'; readonly members: ReadonlyMap<string, LoggerLibrary> }
  /** A type whose values give a logger when called: itself a function type (`LogProvider`), or an object type by member (`config.getLogger`). */
  | { readonly t: 'factoryType'; readonly shape: LoggerShape }
  /** An object of functions (`export const logSchema = { info: (logger, msg, log) => ... }`): its members by name. */
  | {
      readonly t: 'object';
      readonly members: ReadonlyMap<string, FunctionSummary>;
      /** Members that are loggers, and members that are objects of log helpers (an initialiser's argument: Node-RED's `runtime.log`). */
      readonly loggers?: ReadonlyMap<string, LoggerLibrary>;
      readonly helpers?: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>;
    }
  /** A namespace import or whole-module require of a project module: its members are looked up by name. */
  | { readonly t: 'namespace' };

/**
 * The links of one file to the rest of the project. Every module consulted is recorded as a
 * dependency of the file, so a cached result is reused only while those modules say the same.
 */
export interface ImportLinks {
  readonly filePath: string;
  /**
   * What importing `name` (an export name, `default`, or `*` for the whole module) from `specifier`
   * gives, when `specifier` names a project module (relative, a tsconfig `paths` alias, a workspace
   * package); null for anything else (a third-party package, a missing file, a name that is no logger or class).
   */
  exportOf(specifier: string, name: string): ExportedValue | null;
  /** Whether `specifier` names a project module (what exportOf follows), whatever it exports. */
  isProjectModule?(specifier: string): boolean;
  /** The metric (or object of metrics) importing `name` (`*`: the whole module) from the project module `specifier` names gives; see ModuleSummary.metrics. */
  metricOf?(specifier: string, name: string): ExportedMetrics | null;
  /** Whether the file's package puts a pino logger on request objects (pino-http, Fastify...). */
  readonly providesRequestLogger: boolean;
  /** Which library that logger is (restify's is bunyan); null when there is none. */
  readonly requestLoggerLibrary?: LoggerLibrary | null;
  /** A logger some module of the project puts on the global object, by its path (`WIKI.logger`, `log`); see ModuleSummary.globals. */
  globalLogger?(path: string): LoggerLibrary | null;
  /** A member of the module `specifier` names that another module sets on it (`yapi.commons = commons`); see ModuleSummary.memberAssignments. */
  assignedMember?(specifier: string, name: string): ExportedValue | null;
  /**
   * What other modules hand this module's initialiser `member` as its argument `index` (Node-RED's
   * `redNodes.init(runtime)`), when one does; see ModuleSummary.injectedArguments.
   */
  injectedArgument?(member: string, index: number): ExportedValue | null;
}
