// Recognises log calls and maps their arguments to each library's convention (which argument is
// the message, which the structured fields), so that rules reason about roles, not positions.
import ts from './typescriptModule';
import { ALL_LEVEL_METHODS, LEVEL_METHODS } from './libraries';
import type { LogCall } from './rule';
import { lineColumn } from './parse';
import { isFallback, unwrap } from './scopes';
import type { LogWrapper } from './model/types';
import type { LoggerLibrary, SourceLogCall } from './types';
import type { ValueResolver } from './values';

/** Whether a call is worth resolving at all: its method name is some library's level method. */
export function isCandidateCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  // `helpers.warning(...)` may be a project's log helper (logCallables.ts) whatever its method's name.
  // (A helper takes the message and something more: the logger, the fields.)
  // `this.log(message, 'info')`: a class's own helper (recogniseLogCall asks the class for the method).
  if (ts.isPropertyAccessExpression(callee)) {
    return (
      ALL_LEVEL_METHODS.has(callee.name.text) ||
      (ts.isIdentifier(callee.expression) && (call.arguments.length >= 2 || LOGGING_RECEIVER.test(callee.expression.text))) ||
      (callee.expression.kind === ts.SyntaxKind.ThisKeyword && call.arguments.length >= 1)
    );
  }
  // `req.log[level](...)`: a level chosen at run time, resolved in recogniseLogCall.
  if (ts.isElementAccessExpression(callee)) {
    const level = callee.argumentExpression;
    return ts.isStringLiteralLike(level) ? ALL_LEVEL_METHODS.has(level.text) : ts.isIdentifier(level) || isLevelSetting(level);
  }
  return ts.isIdentifier(callee);
}

/** A receiver named first for logging (Leon's `LogHelper.success(value)`, `Log.title(...)`, `logger`): its methods may be log helpers whatever their names. */
const LOGGING_RECEIVER = /^[lL]og(?:$|ger|[A-Z_$\d])/;

/** A name that holds a level chosen at run time: `level`, `logLevel`, `lvl`, `severity`. */
const LEVEL_NAME = /^(?:log)?(?:level|lvl|severity)$/i;
/** Where a configuration keeps levels by purpose: `logLevels`, `levels`. */
const LEVELS_NAME = /^(?:log)?(?:levels|lvls|severities)$/i;

/**
 * A level read from a configuration: `req.config.logLevels.cloudFunctionSuccess` (Parse Server's
 * levels per event), `options.logLevel`; not any member (`logger[req.method]`).
 */
function isLevelSetting(e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (LEVEL_NAME.test(e.name.text)) return true;
  const holder = e.expression;
  const holderName = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : '';
  return LEVELS_NAME.test(holderName);
}

/** The level method a run-time level stands for: `info`, which every library has, taking the same arguments as the others. */
const RUN_TIME_LEVEL = 'info';

/** Members a callable logger may be held by (`this.log(message)`): only a member call of these names is resolved as a value first. */
const CALLABLE_LOGGER_NAMES: ReadonlySet<string> = new Set(['log', 'logger']);

export function recogniseLogCall(call: ts.CallExpression, values: ValueResolver): LogCall | null {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const v = values.valueOf(callee);
    if (v?.t === 'consoleMethod' && LEVEL_METHODS.console.has(v.method)) return build(call, 'console', v.method, callee);
    if (v?.t === 'function' && v.fn.logs) return wrapperCall(call, v.fn.logs, callee.text, callee);
    if (v?.t === 'logger' && v.lib === 'custom') return build(call, 'custom', 'info', callee);
    return null;
  }
  // A project's own logger called as a function (Homebridge's `Logging`, whose call signature logs at
  // info: `this.log(\`Launched child bridge with PID ${pid}\`)`), held by a member named for logging.
  if (ts.isPropertyAccessExpression(callee) && CALLABLE_LOGGER_NAMES.has(callee.name.text) && !values.isParameter(callee.expression)) {
    const v = values.valueOf(callee);
    if (v?.t === 'logger' && v.lib === 'custom') return build(call, 'custom', 'info', callee);
  }
  let receiver: ts.Expression;
  let method: string;
  let runTimeLevel = false;
  if (ts.isPropertyAccessExpression(callee)) {
    receiver = callee.expression;
    method = callee.name.text;
  } else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    receiver = callee.expression;
    method = callee.argumentExpression.text;
  } else if (ts.isElementAccessExpression(callee) && ts.isIdentifier(callee.argumentExpression)) {
    // `const level = skip ? 'debug' : 'error'; req.log[level](msg)`: every level it may hold is a level method.
    const levels = values.constantTexts(callee.argumentExpression);
    if (levels ? !levels.every((l) => ALL_LEVEL_METHODS.has(l)) : !LEVEL_NAME.test(callee.argumentExpression.text)) return null;
    receiver = callee.expression;
    // A level read at run time under a level's name (Parse Server's `logger[logLevel](...)` with the
    // level from its configuration, `this.log[severity](message)`): some level method of the logger,
    // whose arguments every level method of a library takes alike; only a known logger qualifies below.
    method = levels?.[0] ?? RUN_TIME_LEVEL;
    runTimeLevel = !levels;
  } else if (ts.isElementAccessExpression(callee) && isLevelSetting(callee.argumentExpression)) {
    // `logger[req.config.logLevels.cloudFunctionError](...)`: a level from the configuration, as above.
    receiver = callee.expression;
    method = RUN_TIME_LEVEL;
    runTimeLevel = true;
  } else return null;
  // Not a level method: only an object of log helpers (made or imported, never a parameter's written
  // type, which would ask every typed parameter's class) can make it a log call; a JavaScript
  // parameter's JSDoc naming a module's class is read (it is rare, and its comment is read only here).
  if (!ALL_LEVEL_METHODS.has(method) && values.isUndocumentedParameter(receiver)) return null;
  // A class's own log helper called on `this` (a facade's `fatal` calling its `error`).
  if (unwrap(receiver).kind === ts.SyntaxKind.ThisKeyword) {
    const own = values.thisMethod(receiver, method)?.logs;
    // A level chosen at run time (`this[level](...)`): only where its info and error helpers read alike.
    const other = runTimeLevel ? values.thisMethod(receiver, 'error')?.logs : own;
    if (own && other && other.message === own.message && other.fields === own.fields) return wrapperCall(call, own, method, receiver);
  }
  const v = values.valueOf(receiver);
  if (!v) return null;
  if (v.t === 'console') return LEVEL_METHODS.console.has(method) ? build(call, 'console', method, receiver) : null;
  if (v.t === 'nestLoggerClass') return LEVEL_METHODS.nestjs.has(method) ? build(call, 'nestjs', method, receiver) : null;
  if (v.t === 'logger') return LEVEL_METHODS[v.lib].has(method) ? build(call, v.lib, method, receiver) : null;
  // winston's module is a logger too, its default one (`winston.add(transport)`, then `winston.info(...)`: NodeBB).
  if (v.t === 'module' && v.module === 'winston') return LEVEL_METHODS.winston.has(method) ? build(call, 'winston', method, receiver) : null;
  // A class's static log helper (`Audit.record(message, fields)`), or a module's (`const commons =
  // require('./utils/commons'); commons.log(msg, 'error')`): the member as the model follows it.
  const member = v.t === 'localClass' || v.t === 'importedClass' || v.t === 'module' ? values.valueOf(callee) : null;
  const helper = v.t === 'object' ? v.members.get(method)?.logs : member?.t === 'function' ? member.fn.logs : undefined;
  // A level chosen at run time on an object of helpers: only where its info and error helpers take
  // the message (and fields) at the same places, so whichever level it is, the call reads alike.
  if (runTimeLevel && v.t !== 'object') return null;
  const other = runTimeLevel && v.t === 'object' ? v.members.get('error')?.logs : helper;
  if (helper && other && other.message === helper.message && other.fields === helper.fields) return wrapperCall(call, helper, method, receiver);
  return null;
}

/** A call of a log helper: its message and fields are the arguments at the helper's parameters. */
function wrapperCall(call: ts.CallExpression, helper: LogWrapper, method: string, receiver: ts.Expression): LogCall | null {
  // Arguments spread before the message leave its place unknown; spread at it (a facade passing its
  // own `...msg` on to its sink) it is the spread, which rules read as no message of their own.
  const spread = call.arguments.findIndex((a) => ts.isSpreadElement(a));
  if (spread >= 0 && spread < helper.message) return null;
  // A helper passing `(fields, message)` on to pino or bunyan as they are, called with one argument: the
  // library reads that one as it reads a lone argument (Overleaf's `logger.debug(\`listening on ${port}\`)`).
  if (call.arguments.length === 1 && helper.fields === 0 && helper.message === 1 && (helper.lib === 'pino' || helper.lib === 'bunyan')) {
    return { ...build(call, helper.lib, method, receiver), wrapper: true };
  }
  const messageArg = call.arguments[helper.message];
  if (!messageArg) return null;
  const fieldsArg = helper.fields !== undefined ? call.arguments[helper.fields] : undefined;
  const restArgs = helper.rest ? call.arguments.slice(helper.message + 1) : [];
  return { node: call, library: helper.lib, method, receiver, messageArg, fieldsArg, restArgs, wrapper: true, ...(helper.formats ? { formats: true as const } : {}), ...(helper.record ? { record: true as const } : {}) };
}

/** An expression that evaluates to a string (a message), as far as syntax tells. */
export function isStringLike(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (ts.isStringLiteralLike(x) || ts.isTemplateExpression(x)) return true;
  // `ok ? 'done' : `failed ${id}``: a string either way (nested conditionals go one level each).
  if (ts.isConditionalExpression(x)) return isStringLike(x.whenTrue) && isStringLike(x.whenFalse);
  // `err.stack || err.toString()`, `err.message ?? 'failed'`: a string whichever side is taken. A
  // few alternatives only: the rules read a message's `||` recursively, and a chain of thousands is
  // no message anyone wrote (it stays the fields argument, as before).
  if (isFallback(x)) {
    let cur: ts.Expression = x;
    for (let n = 0; isFallback(cur); n++) {
      if (n >= MAX_FALLBACKS || !isStringLike(cur.right)) return false;
      cur = unwrap(cur.left);
    }
    return isStringLike(cur);
  }
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // Iterative down the left spine: generated code can chain thousands of `+`.
    let cur: ts.Expression = x;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      if (isStringLike(cur.right)) return true;
      cur = unwrap(cur.left);
    }
    return isStringLike(cur);
  }
  if (ts.isCallExpression(x)) {
    const c = x.expression;
    if (ts.isIdentifier(c) && (c.text === 'String' || c.text === 'format')) return true;
    if (ts.isPropertyAccessExpression(c) && ['stringify', 'format', 'toString', 'join', 'toFixed', 'trim'].includes(c.name.text)) return true;
  }
  if (ts.isPropertyAccessExpression(x) && (x.name.text === 'message' || x.name.text === 'stack')) return true;
  return false;
}

/** Alternatives (`a || b || c`) a message may have and still be taken for a string. */
const MAX_FALLBACKS = 8;

function isObjectLike(e: ts.Expression): boolean {
  const x = unwrap(e);
  return ts.isObjectLiteralExpression(x) || ts.isNewExpression(x);
}

function build(call: ts.CallExpression, library: LoggerLibrary | 'console', method: string, receiver: ts.Expression): LogCall {
  const args = call.arguments;
  // Plain object literals (no spreads): this runs for every log call of the workspace.
  const make = (messageArg: ts.Expression | undefined, fieldsArg: ts.Expression | undefined, restArgs: readonly ts.Expression[], levelArg?: ts.Expression): LogCall => ({
    node: call,
    library,
    method,
    receiver,
    levelArg,
    messageArg,
    fieldsArg,
    restArgs,
  });
  switch (library) {
    case 'pino':
    case 'bunyan': {
      // (fields?, msg?, ...format args): the first argument is fields when it is not a message.
      const first = args[0];
      const fieldsFirst = first && !isStringLike(first) && (isObjectLike(first) || args.length >= 2 || !ts.isIdentifier(unwrap(first)));
      if (first && fieldsFirst) return make(args[1], first, args.slice(2));
      return make(first, undefined, args.slice(1));
    }
    case 'winston':
    case 'log4js': {
      if (method === 'log' && args.length === 1 && library === 'winston' && ts.isObjectLiteralExpression(unwrap(args[0]))) return make(undefined, args[0], []);
      const offset = method === 'log' ? 1 : 0;
      const levelArg = offset ? args[0] : undefined;
      const messageArg = args[offset];
      if (library === 'winston' && offset === 0 && args.length === 1 && messageArg && ts.isObjectLiteralExpression(unwrap(messageArg))) return make(undefined, messageArg, []);
      const meta = library === 'winston' ? args[offset + 1] : undefined;
      return make(messageArg, meta && !isStringLike(meta) ? meta : undefined, args.slice(offset + 1), levelArg);
    }
    case 'nestjs': {
      // `Logger.error(err, \`failed for ${id}\`, CONTEXT)`: with an object or error first and a context
      // last, nestjs-pino writes pino's `logger.error({ err, context }, message)`, and Nest's own
      // ConsoleLogger prints the object, then the text: either way the second argument is the text.
      // With two arguments the second is the context (`Logger.log(obj, CONTEXT)`). Only an object or
      // an error counts as first: a variable holding text keeps Nest's `error(message, stack, context)`.
      const first = args[0];
      if (first && args.length >= 3 && isObjectOrCaughtError(first)) return make(args[1], first, args.slice(2));
      return make(first, undefined, args.slice(1));
    }
    case 'custom': {
      // A project's own logger type: the message first; what it does with the rest is not known, so no fix is written (as for a log helper).
      // An object literal after the message is its fields (LogTape's properties, `logger.warn('failed', { error: e.message })`).
      const second = args[1];
      return { ...make(args[0], second && ts.isObjectLiteralExpression(unwrap(second)) ? second : undefined, args.slice(1)), wrapper: true };
    }
    default:
      // `console.log('\x1b[34m%s\x1b[0m', `Applying ${name}`)`: the format only colours the text; the second argument is the message.
      if (library === 'console' && args.length >= 2 && isColourFormat(args[0])) return make(args[1], undefined, args.slice(2));
      return make(args[0], undefined, args.slice(1));
  }
}

/**
 * An object literal, a `new X(...)`, or the error of the enclosing `catch (e)` or `.catch((e) => ...)`:
 * what Nest's Logger takes as an object to write whole (the syntax alone: this runs for every call).
 */
function isObjectOrCaughtError(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (ts.isObjectLiteralExpression(x) || ts.isNewExpression(x)) return true;
  if (!ts.isIdentifier(x)) return false;
  for (let n: ts.Node | undefined = x.parent, depth = 0; n && depth < 64; n = n.parent, depth++) {
    if (ts.isCatchClause(n)) return !!n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name) && n.variableDeclaration.name.text === x.text;
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const call = n.parent;
      const isCatchCallback = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch';
      if (isCatchCallback && n.parameters.length === 1 && ts.isIdentifier(n.parameters[0].name) && n.parameters[0].name.text === x.text) return true;
      if (n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === x.text)) return false;
    }
  }
  return false;
}

/** ANSI colour and style sequences (`ESC [ 1;34 m`). */
const ANSI_SGR = /\x1b\[[0-9;]{0,12}m/g;

/** A console format string that is one `%s` wrapped in colour codes: it adds no words. */
function isColourFormat(e: ts.Expression): boolean {
  const x = unwrap(e);
  return ts.isStringLiteralLike(x) && x.text.includes('\x1b[') && x.text.replace(ANSI_SGR, '').trim() === '%s';
}

/** The call's constant message (`*` for each dynamic part), for matching log records to call sites. */
export function messageTemplate(call: LogCall): string | null {
  const m = call.messageArg ? unwrap(call.messageArg) : undefined;
  if (m) return templateOf(m);
  const f = call.fieldsArg ? unwrap(call.fieldsArg) : undefined;
  if (f && ts.isObjectLiteralExpression(f)) {
    for (const p of f.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message') return templateOf(unwrap(p.initializer));
    }
  }
  return null;
}

function templateOf(e: ts.Expression): string | null {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '*' + s.literal.text).join('');
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // Left spine iteratively (long generated chains), each right operand on its own.
    const parts: Array<string | null> = [];
    let cur: ts.Expression = e;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      parts.push(leafTemplate(unwrap(cur.right)));
      cur = unwrap(cur.left);
    }
    parts.push(leafTemplate(cur));
    if (parts.every((p) => p === null)) return null;
    return parts.reverse().map((p) => p ?? '*').join('');
  }
  return null;
}

function leafTemplate(e: ts.Expression): string | null {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '*' + s.literal.text).join('');
  return null;
}

export function fieldKeys(call: LogCall, childBindings: readonly string[]): string[] {
  const keys = [...childBindings];
  const f = call.fieldsArg ? unwrap(call.fieldsArg) : undefined;
  if (f && ts.isObjectLiteralExpression(f)) {
    for (const p of f.properties) {
      if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) keys.push(p.name.text);
    }
  }
  return keys;
}

export function toCallSite(call: LogCall, sf: ts.SourceFile, childBindings: readonly string[]): SourceLogCall {
  const pos = lineColumn(sf, call.node.getStart(sf));
  return {
    line: pos.line,
    column: pos.column,
    library: call.library,
    method: call.method,
    template: messageTemplate(call),
    fieldKeys: fieldKeys(call, childBindings),
  };
}
