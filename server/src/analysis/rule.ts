// The contract between the engine and its rules. A rule is one file under rules/: its metadata,
// messages, its check and its fixes. The engine finds the log calls and the metric definitions and
// uses (following values from their import or creation, never guessing from names) and hands each
// one to every enabled rule that subscribes to it.
//
// Two phases. The file phase (checkLogCall, checkMetricDefinition, checkMetricUse) sees one file.
// The service phase (checkService) runs after every file of the workspace has been noted by the
// project model: once per service (a package with an HTTP framework or a start script), with its
// handlers (full route paths, the middleware in front of each), its middleware, the handler facts
// of its files, its files parsed on demand and the project model. It is for what no file shows on
// its own: a handler no metric measures (handler-missing-metrics), a service without request-ID
// middleware, a request path that crosses files. Its findings are reported at a file and range,
// may carry fixes like any other, and are merged into that file's results (CLI: analyzeWorkspace;
// language server: published with the file's diagnostics, recomputed after the workspace scan
// and, debounced, after edits for the service edited). A rule may have both kinds of checks.
import type * as ts from 'typescript';
import type { FileFacts as HandlerFileFacts, FrameworkId, Handler, Middleware } from './handlers/types';
import type { EntryPoint } from './handlers/inventory';
import type { ProjectModel } from './project';
import type { ScopeMap } from './scopes';
import type { RuleId, Severity } from '../../../shared/src/rules';
import type { FileMetrics, MetricDefinition, MetricUse } from './metrics';
import type { CodeStyle } from './codeStyle';
import type { ServiceContext } from './context/service';
import type { LoggerLibrary, TextEdit } from './types';
import type { FunctionLike } from './logCallables';

/**
 * What a file is for (its role, see roles/): only `service` code, which runs in the server process,
 * is held to service logging standards for console output. `browser` code runs in a browser (front
 * end, service worker); `test` is tests and what only tests use; `script` is developer and operator
 * scripts (package.json scripts, seeds, migrations run by hand); `build` is build steps and their
 * configuration; `cli` is command-line entry points; `tooling` is lint, format and storybook setup;
 * `library` is a workspace package no service here runs (published for others, or used by front ends
 * and CLIs): its code is service code only where server code imports it.
 */
export type FileKind = 'service' | 'test' | 'script' | 'cli' | 'browser' | 'build' | 'tooling' | 'library';

/**
 * What the engine knows of the project a file belongs to: its package's facts (see model/facts.ts).
 * Every fact is the package's own, so a fix in one package of a monorepo never uses another's.
 */
export interface ProjectFacts {
  /** Repository root (absolute). */
  readonly root: string;
  /** The logger library of the file's package: its logger module's, else its dependencies'; null if none. */
  readonly library: LoggerLibrary | null;
  /** `esm` when the package says "type": "module" or its files use import syntax; decides how a fix imports. */
  readonly moduleStyle: 'esm' | 'commonjs';
  /**
   * The logger module a fix imports, if the package has one: its path (without extension) when it is
   * imported by a relative path, its specifier when by name (a workspace package, an alias), and the
   * name it is exported under (`default` for a default export / module.exports = logger).
   */
  readonly loggerModule: {
    readonly absPath: string | null;
    /** The module file, when it was resolved. */
    readonly file: string | null;
    readonly exportName: string;
    readonly library: LoggerLibrary;
    /** Set when the module is imported by name (a workspace package, a package, a paths alias). */
    readonly specifier?: string;
    /** The module that makes the logger, when another package's (Rallly's `@rallly/logger`): how it is configured is read there. */
    readonly origin?: string;
  } | null;
  /**
   * Whether the project's winston format keeps an error's stack (`format.errors({ stack: true })` in
   * some module): without it, `logger.error(err)` writes the error's message and loses its stack.
   */
  readonly winstonKeepsErrorStacks?: boolean;
  /** Whether the project's winston format fills printf placeholders from the arguments (`format.splat()` in some module). */
  readonly winstonFillsPlaceholders?: boolean;
  /** Whether that format is a util.format of the project's own, appending the arguments no placeholder takes to the message. */
  readonly winstonAppendsArguments?: boolean;
  /** Whether one of the project's winston printf formats writes a record's stack in place of its message. */
  readonly winstonStackReplacesMessage?: boolean;
  /**
   * Whether one of the project's winston formats prints only keys it names (`printf` of timestamp,
   * level and message): fields moved out of a message into meta would not be written there.
   */
  readonly winstonDropsFields?: boolean;
  /** Whether such a format also leaves out an error's stack: an error moved out of console's output (which printed its stack) shows its message only. */
  readonly winstonDropsStacks?: boolean;
  /**
   * Whether some module configures pino to serialise errors under keys besides `err` (`serializers: {
   * error: ... }`, `errorKey`): then an error under another key may be kept, and is not reported.
   */
  readonly pinoSerialisesOtherKeys?: boolean;
  /**
   * The fields-object keys the project's bunyan serializers cover (`serializers: bunyan.stdSerializers`:
   * err, req, res): bunyan writes an error under any other key (`{ error }`) as `{}`. Null: not known.
   */
  readonly bunyanSerializedKeys?: readonly string[] | null;
  /**
   * The meta keys under which the project's own winston format serialises an error (Nango's format:
   * `info[key] = errorToObject(info[key])` for `'err'`, `'error'`, `'cause'`): an error there is kept.
   */
  readonly winstonErrorKeys?: readonly string[];
}

/** A logger a fix can call, and what it takes to have it in scope (see RuleContext.findLogger). */
export interface LoggerChoice {
  /** Expression to call level methods on: `logger`, `req.log`, `this.logger`. */
  readonly expression: string;
  readonly library: LoggerLibrary;
  /** Edits that bring it into scope (an import of the project's logger module); empty when it already is. */
  readonly edits: TextEdit[];
}

/** A recognised logging call: a logger method (resolved from its creation or import) or console. */
export interface LogCall {
  readonly node: ts.CallExpression;
  readonly library: LoggerLibrary | 'console';
  /** Method name as called: `info`, `error`, `log`, `warn`, ... */
  readonly method: string;
  /** The receiver expression (`logger`, `req.log`, `this.logger`, `console`), to write fixes on the same object. */
  readonly receiver: ts.Expression;
  /** The level argument of winston's / log4js's `log(level, ...)`, when present. */
  readonly levelArg?: ts.Expression;
  /** The argument in message position for this library's convention, when there is one. */
  readonly messageArg?: ts.Expression;
  /**
   * The structured-fields argument for this library's convention (pino/bunyan: the object before the
   * message; winston: the meta object after it), when there is one.
   */
  readonly fieldsArg?: ts.Expression;
  /** Every argument after the message (pino/bunyan/console format arguments, winston meta). */
  readonly restArgs: readonly ts.Expression[];
  /**
   * Set for a call of a project's log helper (`logSchema.info(logger, message, fields)`): the
   * helper decides the argument order, so no fix rewrites its arguments.
   */
  readonly wrapper?: true;
  /** A wrapper that fills its message's printf placeholders from the arguments after it (LogWrapper.formats). */
  readonly formats?: true;
  /** A wrapper handed a whole record, whose `message` key is the message (LogWrapper.record). */
  readonly record?: true;
}

export interface FixProposal {
  title: string;
  edits: TextEdit[];
  /** True only when the fix keeps what is logged (beyond its form) and the result always parses. */
  safe: boolean;
}

export interface RuleContext {
  readonly path: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly project: ProjectFacts;
  readonly fileKind: FileKind;
  /** Service code because server code imports it, not run by the project itself (RoleVerdict.loadedByServer). */
  readonly loadedByServer: boolean;
  /** Library whose argument order fixes should write: the call's own library, else the project's, else pino. */
  libraryFor(call: LogCall): LoggerLibrary;
  /** The file's own module syntax (import/export vs require), else the project's: how a fix must import. */
  readonly moduleStyle: 'esm' | 'commonjs';
  /**
   * The best logger to use at `at`: the request logger of the enclosing handler (`req.log`), a logger
   * already in scope (imported or created in the file, `this.logger`), else the project's logger module
   * imported at the top in the file's style. Null when the project has none (then offer no fix).
   */
  findLogger(at: ts.Node): LoggerChoice | null;
  /**
   * The variable or parameter declaration `id` refers to in this file (from the scope model: the
   * nearest enclosing one, catch variables included); null for imports, functions, destructured
   * names and globals.
   */
  declarationOf(id: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | null;
  /**
   * The import or `require()` `id` is bound by (scope model): `{ module: 'util', name: 'format' }`;
   * `name` is `*` for a namespace or whole-module require, `default` for a default import. Null otherwise.
   */
  importOf(id: ts.Identifier): { module: string; name: string } | null;
  /** The function a name of the file stands for (scope model: a declaration, or a variable holding one written in place); null otherwise. */
  functionNamed(id: ts.Identifier): FunctionLike | null;
  /** `const { message } = err`: what a name was destructured from, and which property; null otherwise. */
  destructuredFrom?(id: ts.Identifier): { from: ts.Expression; property: string } | null;
  /**
   * The parameter whose error a workspace function returns as text, when `callee` is one
   * (`getErrorMessage(err)` returning `err.message`, errorTextFunctions.ts); null otherwise.
   */
  errorTextParameter(callee: ts.Expression): number | null;
  /**
   * The property under which a workspace function returns the error it caught, when `callee` is one
   * (`const { data, error } = await tryCatch(promise)`, caughtErrors.ts); null otherwise.
   */
  caughtErrorProperty?(callee: ts.Expression): string | null;
  /**
   * The request parameter of the nearest enclosing function that is a recognised handler or
   * middleware (`req` in `app.get('/x', (req, res) => { ... () => here ... })`), else null: code
   * outside any handler (start-up, timers, queue consumers) is not on a request path in this file.
   */
  requestParamAt(at: ts.Node): ts.Identifier | null;
  /**
   * Whether `at` is inside the project's own log helper: a function that passes its parameters on to
   * a logger (logCallables.ts). Console output there is that logger's own sink (Outline's facade
   * printing with console.error outside production), not a bypass of it.
   */
  insideLogHelper(at: ts.Node): boolean;
  /** Whether the call returns a logger read from AsyncLocalStorage (a workspace getter of the request's logger: FunctionSummary.returnsContextLogger). */
  returnsContextLogger?(call: ts.CallExpression): boolean;
  /** The request context of the file's service (libraries, middleware, loggers that read it); null outside a package. */
  serviceContext(): ServiceContext | null;
  /** The header that carries the request id (the `requestIdHeader` setting, lower case; default `x-request-id`). */
  readonly requestIdHeader: string;
  /** Whether `expr` is a handler's request (or reply/context) parameter, by its type or its place in a route callback (the logger model's test). */
  isRequestParam(expr: ts.Expression): boolean;
  /** Whether `expr` is a request's whole input as the client sent it (a tRPC resolver's `input`). */
  isRequestInput(expr: ts.Expression): boolean;
  /** Whether `expr` holds a logger (as log calls are recognised: imports, `.child()`, typed values...). */
  isLogger(expr: ts.Expression): boolean;
  /** The library of the logger `expr` holds (as isLogger finds it), or null. */
  loggerLibraryOf(expr: ts.Expression): LoggerLibrary | null;
  /** The file's metric definitions, uses and registry lookups (empty unless a metric rule is enabled and the file imports a metrics library). */
  readonly metrics: FileMetrics;
  /** How code a fix writes into this file should look (print width, quotes, indentation), worked out on first use. */
  codeStyle(): CodeStyle;
  /** Reports a finding spanning `node` (or explicit offsets). Suppression is applied by the engine. */
  report(at: ts.Node | { start: number; end: number }, message: string, fixes?: FixProposal[]): void;
}

export interface RuleMeta {
  id: RuleId;
  /** One line, shown in docs and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule ever offers a safe fix. */
  fixable: boolean;
}

/** A service file parsed once per service phase: parent pointers set, scope model built. */
export interface ParsedServiceFile {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly scopes: ScopeMap;
  /** Its calls and decorated classes (handlers/extract.ts collectCandidates), when the walk that made the tree collected them. */
  readonly candidates?: readonly ts.Node[];
}

/** One service as the service phase sees it. Everything is computed on first use and shared by the rules. */
export interface ServiceView {
  /** The service's package folder (absolute). */
  readonly root: string;
  /** Its package.json name. */
  readonly name: string | null;
  readonly frameworks: readonly FrameworkId[];
  readonly entryPoints: readonly EntryPoint[];
  /** Handlers with full route paths, sorted by path and method; each with the middleware in front of it (Handler.inFront). */
  readonly handlers: readonly Handler[];
  /** Middleware, hooks and plugins as attached, sorted by place. */
  readonly middleware: readonly Middleware[];
  /** The workspace files of the service (absolute, sorted). */
  readonly files: readonly string[];
  /** The workspace files of the workspace packages the service depends on (a shared library's Nest modules), absolute. */
  readonly dependencyFiles: readonly string[];
  /** The project model every file was noted in (module resolution, package facts, file roles). */
  readonly project: ProjectModel;
  /** Handler discovery's facts of a file (handlers/extract.ts); null when unreadable or too large. */
  facts(file: string): HandlerFileFacts | null;
  /** A file of the workspace parsed once per phase; null when unreadable, too large or not source. */
  parsed(file: string): ParsedServiceFile | null;
  /** A value computed once per service and phase, shared by rules and reports (coverage, request paths). */
  memo<T>(key: string, compute: () => T): T;
}

export interface ServiceRuleContext {
  readonly service: ServiceView;
  /** The header that carries the request id in `file` (its configuration's `requestIdHeader`, lower case; default `x-request-id`). */
  requestIdHeader(file: string): string;
  /**
   * Reports a finding in `file` spanning a node of its parsed tree (see ServiceView.parsed) or
   * UTF-16 offsets into its text. Kept only when the rule is enabled for that file and the line is
   * not suppressed there.
   */
  report(file: string, at: ts.Node | { start: number; end: number }, message: string, fixes?: FixProposal[]): void;
}

/** A rule's text filter: the words it looks for, and (default: any of them) which must be present. */
export interface RuleWords {
  readonly words: readonly string[];
  test?(has: (word: string) => boolean): boolean;
}

/** A rule subscribes to the facts it checks; the engine only builds the metrics model when an enabled rule wants it. */
export interface Rule {
  meta: RuleMeta;
  /** Called for every recognised log call in the file. */
  checkLogCall?(call: LogCall, ctx: RuleContext): void;
  /** Called for every metric definition (`new Counter({...})`, `meter.createHistogram(...)`), in source order. */
  checkMetricDefinition?(def: MetricDefinition, ctx: RuleContext): void;
  /** Called for every call that gives a metric label values (`.inc({...})`, `.labels(...)`, `.add(v, attrs)`), in source order. */
  checkMetricUse?(use: MetricUse, ctx: RuleContext): void;
  /**
   * Called for every call and `new` expression of a file whose text `mayApply` accepts (a cheap
   * filter that keeps every other file from being parsed for this rule), in source order.
   */
  checkCall?(node: ts.CallExpression | ts.NewExpression, ctx: RuleContext): void;
  /** The words a file must hold for checkCall to apply (scanned once per file for every rule: ruleWords.ts). */
  mayApply?: RuleWords;
  /**
   * Only calls of these method names (`x.child(...)`) go to checkCall: the walk then collects just
   * those, instead of every call of the file.
   */
  callNames?: ReadonlySet<string>;
  /** Service phase: called once per service after every file is noted (see the top of this file). */
  checkService?(service: ServiceView, ctx: ServiceRuleContext): void;
}
