// What calling a function of the project does for logging (model/types.ts FunctionSummary): it
// returns a logger (`getLogger(): pino.Logger`, `(parent) => parent.child({...})`), or it passes its
// own parameters on to a logger as the message and the fields (a project's log helper, such as
// `logSchema.info(logger, message, fields)` calling `logger.info(fields, message)`), so that a call
// of it is a log call with the caller's message. Read from the function's body and return type,
// each function once, its nested functions left out (they run later, if ever).
import ts from './typescriptModule';
import { returnedErrorText } from './errorTextFunctions';
import { caughtErrorProperty } from './caughtErrors';
import { metricFactoryOf } from './metrics/factories';
import { METRIC_TYPE_NAMES } from './metrics/libraries';
import { ALL_LEVEL_METHODS } from './libraries';
import { READS_STORE } from './context/libraries';
import { recogniseLogCall } from './logCalls';
import { ipcLogMessageParameter } from './ipcLogHelper';
import { consoleMessageParameter, formatsMessage, isConsoleSinkShaped, isOwnRestParameter, joinedMessageParameter, LOGGING_WORDS, messageParameter, passedFields, passesOwnRest, printsLaterParameter, recordMessageParameter, taggedMessageParameter } from './helperParameters';
import { type FunctionSummary, summarisesSomething } from './model/types';
import { assignmentsToLocal, declares, parameterIndex, resolveName, type ScopeMap, unwrap } from './scopes';
import type { LoggerLibrary } from './types';
import type { Value, ValueResolver } from './values';

export type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export const NOTHING: FunctionSummary = {};

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/**
 * A log helper is a small function that calls a level method: only such a body is walked for the
 * log call that passes its parameters on (every function a file calls is asked about, so a walk of
 * every body would cost a second analysis of the file).
 */
const MAX_HELPER_BODY = 2000;
/**
 * A logger's own sink (`log(module, level, ...msg)` formatting a time, a tag and a level before
 * `console.info(time, tag, level, ...msg)`) is longer: a function taking a rest parameter may be one
 * up to this size (the rest spread into the level call is what makes it one, see restMessage).
 */
const MAX_SINK_BODY = 8000;
/** A level method's name after `.` or `['`, or a level chosen by a name (`logger[level](`: Overseerr's scanner helper). */
const LEVEL_CALL = new RegExp(String.raw`(?:\.|\[\s*['"\`])(?:${[...ALL_LEVEL_METHODS].join('|')})\b|\[\s*[A-Za-z_$][\w$]*\s*\]\s*\(`);

/** A level call that is not console's (`this.output.error(`, `logger['warn'](`, `logger[level](`): a log helper's body holds one. */
const NON_CONSOLE_LEVEL_CALL = new RegExp(String.raw`(?<!\bconsole)(?:(?:\.|\[\s*['"\`])(?:${[...ALL_LEVEL_METHODS].join('|')})\b|\[\s*[A-Za-z_$][\w$]*\s*\]\s*\()`);

/**
 * Whether `fn` may be a log helper, from its text alone: it takes parameters, is small, and calls
 * a level method of something other than console. A cheap test before its summary (which follows
 * imports), for questions asked of many functions (is this console call inside the logger itself?).
 */
export function mayBeLogHelper(fn: FunctionLike): boolean {
  const body = fn.body;
  if (!body || fn.parameters.length === 0 || body.end - body.pos > maxBody(fn)) return false;
  return NON_CONSOLE_LEVEL_CALL.test(body.getSourceFile().text.slice(body.pos, body.end));
}

export function summariseFunction(fn: FunctionLike, values: ValueResolver, scopes: ScopeMap): FunctionSummary {
  if (!fn.body) return NOTHING;
  // What its written return type says, read once for the logger, facade and console it may return.
  const typed = fn.type ? values.typeValue(fn.type, fn) : null;
  const returnsLogger = returnedLogger(fn, values, typed, scopes);
  let logs: FunctionSummary['logs'];
  let consoleLogs: FunctionSummary['logs'];
  const body = fn.body;
  const text = fn.parameters.length > 0 && body.end - body.pos <= maxBody(fn) ? body.getSourceFile().text.slice(body.pos, body.end) : '';
  if (text && (LEVEL_CALL.test(text) || BARE_LOG_CALL.test(text) || (isClassMember(fn) && THIS_CALL.test(text)))) {
    // The body's own nodes, nested functions and classes left out, with an explicit stack.
    const stack: ts.Node[] = [body];
    while (stack.length && !logs) {
      const node = stack.pop()!;
      if (node !== body && (isFunctionLike(node) || ts.isClassLike(node))) continue;
      if (ts.isCallExpression(node)) {
        const call = recogniseLogCall(node, values);
        // A console-backed helper (`custom`) prints its further arguments as console does: where its
        // message is no parameter of ours (`this.plain('info', ...args)`), what follows it may be.
        const direct = call && call.library !== 'console' ? messageParameter(call.messageArg, fn, scopes) : -1;
        const tagged = call && call.library !== 'console' && direct < 0 && isConsoleSinkShaped(fn) ? taggedMessageParameter(call.messageArg, fn, scopes) : -1;
        // `(text, ...args) => log(\`${text} ${args.join(' ')}\`)`: the caller's message and further arguments, joined as console would.
        const joined = call && direct < 0 && tagged < 0 ? joinedMessageParameter(call.messageArg, (e) => parameterIndex(e, fn, scopes), (e) => isOwnRestParameter(e, fn, scopes)) : -1;
        const message = !call ? -1 : joined >= 0 ? joined : call.library === 'console' || (call.library === 'custom' && direct < 0 && tagged < 0) ? consoleMessageParameter(call, fn, scopes) : direct >= 0 ? direct : tagged;
        // `info(config) { this.logger.info(config.message, {...}) }`: the caller hands a record whose message key is the message.
        const record = call && message < 0 ? recordMessageParameter(call.messageArg, fn, scopes) : -1;
        if (call && record >= 0 && call.library !== 'console') logs = { lib: call.library, message: record, record: true };
        else if (call && message >= 0) {
          // A helper that only prints its message with console (Linkwarden's `logInfo(message)`) logs
          // it as the project's own logger would: message first, no fix (library `custom`). A logger
          // call in the same helper wins (a facade printing to the console in development only).
          // A rest parameter (`...msg`) takes the caller's further arguments too: they are printed with the message.
          // A message followed by the helper's own rest parameter (`(msg, ...args) => log.info(\`${prefix}${msg}\`, ...args)`,
          // matrix-appservice-irc's client logger) hands the caller's further arguments to the library as they are.
          const passesRest = passesOwnRest(call, message, fn, scopes) || (call.library === 'console' && printsLaterParameter(call, message, fn, scopes));
          const rest = fn.parameters[message]?.dotDotDotToken || joined >= 0 ? { rest: true as const } : call.formats && passesRest ? { rest: true as const, formats: true as const } : passesRest ? { rest: true as const } : {};
          if (call.library === 'console') consoleLogs ??= { lib: 'custom', message, ...rest };
          else {
            const fields = passedFields(call.fieldsArg, fn, scopes);
            logs = fields >= 0 ? { lib: call.library, message, fields, ...rest } : { lib: call.library, message, ...rest };
          }
        }
      }
      ts.forEachChild(node, (c) => {
        stack.push(c);
      });
    }
    logs ??= consoleLogs;
    // `message = util.format(message, ...parameters)` before printing it: the caller's further arguments fill its placeholders.
    if (logs && !logs.formats && text.includes('format(') && formatsMessage(body, logs.message, fn, scopes)) logs = { ...logs, rest: true, formats: true };
  }
  // A worker's `log(text)` sending its message to the parent process, which logs it: message first, no fix.
  if (!logs && text) {
    const sent = ipcLogMessageParameter(fn, text, scopes);
    if (sent >= 0) logs = { lib: 'custom', message: sent };
  }
  const returnsErrorText = returnsLogger || logs ? undefined : returnedErrorText(fn, scopes);
  const returnsCaught = returnsLogger || logs ? undefined : caughtErrorProperty(fn);
  // A metric factory (`createCounter(options)` → `new Counter(options)`): only in a file that names prom-client.
  const makesMetric =
    !returnsLogger && !logs && mayMakeMetrics(body.getSourceFile())
      ? metricFactoryOf(fn as typeof fn & { body: ts.ConciseBody }, scopes, (call) => {
          const v = values.valueOf(call.expression);
          return v?.t === 'function' ? v.fn.makesMetric : undefined;
        })
      : undefined;
  // A logging facade's instance it returns (`getConsoleLogFromContext(ctx): ConsoleLog`): its callers log through it.
  const helpers = returnsLogger || logs ? null : values.returnedHelpers(fn, 0, typed);
  const returnsHelpers = helpers?.t === 'object' ? helpers.members : undefined;
  // Console, as its written return type says (`getLogger(): Pick<Console, 'log' | 'warn' | 'error'>`): its callers print with console.
  const returnsConsole = !returnsLogger && !returnsHelpers && typed?.t === 'console' ? true : undefined;
  // An object with loggers as its written return type says (`build(): FastifyInstance`, whose `log` is pino).
  const returnsLoggerMembers = !returnsLogger && !returnsHelpers && typed?.t === 'loggerMembers' && typed.members.size > 0 ? typed.members : undefined;
  const summary: FunctionSummary = {
    ...(returnsLogger ? { returnsLogger } : {}),
    ...(logs ? { logs } : {}),
    ...(returnsErrorText !== undefined ? { returnsErrorText } : {}),
    ...(returnsCaught ? { returnsCaught } : {}),
    ...(makesMetric ? { makesMetric } : {}),
    ...(returnsHelpers ? { returnsHelpers } : {}),
    ...(returnsConsole ? { returnsConsole } : {}),
    ...(returnsLoggerMembers ? { returnsLoggerMembers } : {}),
    // `const store = storage.getStore(); if (store?.has('logger')) return store.get('logger')`: the request's logger where there is one.
    ...(returnsLogger && READS_STORE.test(body.getSourceFile().text.slice(body.pos, body.end)) ? { returnsContextLogger: true as const } : {}),
  };
  return summarisesSomething(summary) ? summary : NOTHING;
}

/**
 * A call of a function named for logging, by its bare name (`log(message)`, `logError(msg)`): a
 * logger's level helper passing on to its module's own sink (Umbrel's `verbose: (message) =>
 * log(message, { logLevel: 'verbose' })`).
 */
const BARE_LOG_CALL = new RegExp(String.raw`(?<![\w$.])(?:${[...LOGGING_WORDS].join('|')})(?:[A-Z_][\w$]*)?\s*\(`);

/** A call of a sibling member: a logger class's level method passing on to its sink (`info = (...args) => this.plain(prefix, ...args)`). */
const THIS_CALL = /\bthis\.[\w$]+\s*\(/;

/** A method of a class, or a function a class field holds. */
function isClassMember(fn: FunctionLike): boolean {
  const parent = fn.parent;
  return ts.isClassLike(parent) || (!!parent && ts.isPropertyDeclaration(parent) && ts.isClassLike(parent.parent));
}

function maxBody(fn: FunctionLike): number {
  return fn.parameters.some((p) => p.dotDotDotToken) ? MAX_SINK_BODY : MAX_HELPER_BODY;
}

/** Whether a file's text names prom-client or a metric type (a factory of the project's factories), asked once per file (many of its functions are summarised). */
const makingMetrics = new WeakMap<ts.SourceFile, boolean>();
function mayMakeMetrics(sf: ts.SourceFile): boolean {
  let known = makingMetrics.get(sf);
  if (known === undefined) makingMetrics.set(sf, (known = sf.text.includes('prom-client') || METRIC_TYPE_NAMES.some((w) => sf.text.includes(w))));
  return known;
}


/** The library of the logger a function returns: by its return type, its expression body, or a `return` among its top-level statements. */
function returnedLogger(fn: FunctionLike, values: ValueResolver, typed: Value | null, scopes: ScopeMap): LoggerLibrary | undefined {
  if (typed?.t === 'logger') return typed.lib;
  if (!fn.body) return undefined;
  if (!ts.isBlock(fn.body)) {
    const v = values.valueOf(fn.body);
    return v?.t === 'logger' ? v.lib : undefined;
  }
  for (const st of fn.body.statements) {
    if (!ts.isReturnStatement(st) || !st.expression) continue;
    const v = values.valueOf(st.expression);
    if (v?.t === 'logger') return v.lib;
    const cached = cachedLogger(st.expression, values, scopes) ?? keyedCacheLogger(fn, st.expression, values, scopes);
    if (cached) return cached;
  }
  return undefined;
}

/**
 * A logger made once per key and kept in a module's object or Map (Homepage's `createLogger(label)`:
 * `if (!loggers[label]) { loggers[label] = winstonLogger.child({ label }); } return loggers[label];`):
 * the returned `cache[key]` or `cache.get(key)`, `cache` an empty `{}` or `new Map()` the module
 * declares, when the function stores only loggers of one library into it.
 */
function keyedCacheLogger(fn: FunctionLike, returned: ts.Expression, values: ValueResolver, scopes: ScopeMap): LoggerLibrary | undefined {
  const r = unwrap(returned);
  const cache = ts.isElementAccessExpression(r) ? r.expression : ts.isCallExpression(r) && ts.isPropertyAccessExpression(r.expression) && r.expression.name.text === 'get' ? r.expression.expression : null;
  if (!cache || !ts.isIdentifier(cache) || !fn.body || fn.body.end - fn.body.pos > MAX_SINK_BODY) return undefined;
  const d = resolveName(scopes, cache, cache.text);
  const decl = d?.kind === 'value' ? d.node : undefined;
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  const empty = !!init && ((ts.isObjectLiteralExpression(init) && init.properties.length === 0) || (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'Map' && !init.arguments?.length));
  if (!empty) return undefined;
  const isCache = (e: ts.Expression) => {
    const at = ts.isIdentifier(e) && e.text === cache.text ? resolveName(scopes, e, e.text) : undefined;
    return at?.kind === 'value' && at.node === decl;
  };
  let lib: LoggerLibrary | undefined;
  const stack: ts.Node[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    let stored: ts.Expression | undefined;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(n.left) && isCache(n.left.expression)) stored = n.right;
    else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'set' && isCache(n.expression.expression)) stored = n.arguments[1];
    if (stored) {
      const v = values.valueOf(stored);
      if (v?.t !== 'logger' || (lib && lib !== v.lib)) return undefined;
      lib = v.lib;
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return lib;
}

/**
 * A logger made once per name and kept (matrix-appservice-irc's `get(name)`: `let logger =
 * loggers.get(name); if (!logger) { logger = createLogger(name); loggers.set(name, logger); } return
 * logger;`): a local first read from a cache (`.get(...)`, or nothing) that the function assigns only loggers.
 */
function cachedLogger(returned: ts.Expression, values: ValueResolver, scopes: ScopeMap): LoggerLibrary | undefined {
  const id = unwrap(returned);
  const d = ts.isIdentifier(id) ? resolveName(scopes, id, id.text) : null;
  const decl = d?.kind === 'value' ? d.node : undefined;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isVariableDeclarationList(decl.parent) || decl.parent.flags & ts.NodeFlags.Const) return undefined;
  const init = decl.initializer && unwrap(decl.initializer);
  if (init && !(ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'get')) return undefined;
  let lib: LoggerLibrary | undefined;
  for (const a of assignmentsToLocal(decl, declares(scopes, decl), MAX_SINK_BODY)) {
    const v = a.operatorToken.kind === ts.SyntaxKind.EqualsToken ? values.valueOf(a.right) : null;
    if (v?.t !== 'logger' || (lib && lib !== v.lib)) return undefined;
    lib = v.lib;
  }
  return lib;
}


/**
 * The one expression a function's body is: an arrow's expression body, or the expression of a body's
 * only statement, returned or not (`returned`: whether the function gives it back). Null otherwise.
 */
export function soleExpression(fn: FunctionLike): { expression: ts.Expression; returned: boolean } | null {
  const body = fn.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return { expression: unwrap(body), returned: true };
  if (body.statements.length !== 1) return null;
  const st = body.statements[0];
  if (ts.isReturnStatement(st)) return st.expression ? { expression: unwrap(st.expression), returned: true } : null;
  return ts.isExpressionStatement(st) ? { expression: unwrap(st.expression), returned: false } : null;
}

/** The function a function-valued expression is, when it is written in place (`(a) => ...`, `function () {}`). */
export function functionOf(e: ts.Expression): FunctionLike | null {
  const u = unwrap(e);
  return ts.isArrowFunction(u) || ts.isFunctionExpression(u) ? u : null;
}

/** The function a name of the file stands for: a function declaration, or a variable holding one written in place (`const f = () => ...`). */
export function functionNamed(scopes: ScopeMap, id: ts.Identifier): FunctionLike | null {
  const d = resolveName(scopes, id, id.text);
  return d?.kind === 'other' ? (d.fn ?? null) : d?.kind === 'value' ? functionOf(d.init) : null;
}

/** The function a class member is: a method with a body, or a field holding one (`info = (...args) => ...`). */
export function memberFunction(m: ts.ClassElement): FunctionLike | null {
  if (ts.isMethodDeclaration(m)) return m.body ? m : null;
  return ts.isPropertyDeclaration(m) && m.initializer ? functionOf(m.initializer) : null;
}
