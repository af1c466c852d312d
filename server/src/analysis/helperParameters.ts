// Which parameter of a project's log helper is its message, its fields and its further arguments, read
// from the log call in its body (logCallables.ts summariseFunction): the message passed as it is, in a
// tag's template (`${prefix}${msg}`), among a console call's arguments, or spread from a rest parameter.
import ts from './typescriptModule';
import { words } from './nameWords';
import { importOf, parameterIndex, parameterNameAt, resolveName, type ScopeMap, unwrap } from './scopes';
import { colouredArgument } from './colours';
import type { FunctionLike } from './logCallables';
import type { LogCall } from './rule';

/** The parameter an argument passes on: itself (`msg`), or the elements of the rest parameter spread there (`...msg`). */
export function messageParameter(arg: ts.Expression | undefined, fn: FunctionLike, scopes: ScopeMap): number {
  if (arg && ts.isSpreadElement(arg)) return restParameterIndex(arg.expression, fn, scopes);
  return messageValueParameter(arg, fn, scopes);
}

/**
 * The parameter whose `message` (or `msg`) property is the message: a helper taking a record
 * (Checkmate's `info(config) { this.logger.info(config.message, { service: config.service }) }`),
 * whose callers write `logger.info({ message: \`...\`, service })`. -1 when the message is not so.
 */
export function recordMessageParameter(arg: ts.Expression | undefined, fn: FunctionLike, scopes: ScopeMap): number {
  const e = arg && unwrap(arg);
  if (!e || !ts.isPropertyAccessExpression(e) || !RECORD_MESSAGE_KEYS.has(e.name.text)) return -1;
  return parameterIndex(e.expression, fn, scopes);
}

const RECORD_MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'msg']);

/**
 * The parameter a message value is: itself, or a local that calls it when it is a function (a lazy
 * message: zigbee2mqtt's `const message = messageOrLambda instanceof Function ? messageOrLambda() :
 * messageOrLambda`), the caller's text either way.
 */
function messageValueParameter(arg: ts.Expression | undefined, fn: FunctionLike, scopes: ScopeMap): number {
  const direct = parameterIndex(arg, fn, scopes);
  const e = arg && unwrap(arg);
  if (direct >= 0 || !e) return direct;
  // `value.toUpperCase()` (Leon's `LogHelper.title`): the caller's text, recased or trimmed.
  const recased = textOfTransformed(e);
  if (recased) return parameterIndex(recased, fn, scopes);
  if (!ts.isIdentifier(e)) return direct;
  const d = resolveName(scopes, e, e.text);
  const lazy = d?.kind === 'value' ? lazyMessageParts(d.init) : null;
  const index = lazy ? parameterIndex(lazy.value, fn, scopes) : -1;
  return index >= 0 && parameterIndex(lazy!.called, fn, scopes) === index ? index : -1;
}

/**
 * A lazy message's parts: `value instanceof Function ? called() : value`, the function called with no
 * arguments when the message is one and the value as it is otherwise; null for any other expression.
 */
export function lazyMessageParts(init: ts.Expression): { value: ts.Expression; called: ts.Expression } | null {
  const e = unwrap(init);
  if (!ts.isConditionalExpression(e)) return null;
  const whenTrue = unwrap(e.whenTrue);
  return ts.isCallExpression(whenTrue) && whenTrue.arguments.length === 0 ? { value: e.whenFalse, called: whenTrue.expression } : null;
}

/**
 * The parameter a logger's sink prints after a tag of its own (`` `[Node ${id}] ${message}` ``,
 * zwave-js-ui's `logNode(node, level, message, ...args)`): the line ends with the caller's message,
 * so the caller's text is the message to check. A template holding the parameter anywhere else
 * (`` `done ${what} now` ``) writes a message of the helper's own.
 */
export function taggedMessageParameter(arg: ts.Expression | undefined, fn: FunctionLike, scopes: ScopeMap): number {
  const e = arg && unwrap(arg);
  // A styling tag's template (chalk-template's `` chalkTemplate`{blue [${scope}]} ${message}}` ``,
  // Umbrel's logger): the braces closing its style blocks print nothing after the message.
  const styled = e && ts.isTaggedTemplateExpression(e);
  const t = styled ? e.template : e;
  if (t && ts.isBinaryExpression(t)) return concatenatedMessageParameter(t, fn, scopes);
  if (!t || !ts.isTemplateExpression(t)) return -1;
  const last = t.templateSpans[t.templateSpans.length - 1];
  const after = last.literal.text;
  return after === '' || (styled && /^\}+$/.test(after)) ? messageValueParameter(last.expression, fn, scopes) : -1;
}

/**
 * The parameter a `+` chain ends with, coloured or not (MiroTalk's Logger: `'[' + this.getDateTime() + '] ['
 * + this.appName + '] ' + colors.green(msg)`): the caller's message after a tag of the sink's own; -1 otherwise.
 */
export function concatenatedMessageParameter(e: ts.Expression, fn: FunctionLike, scopes: ScopeMap): number {
  const u = unwrap(e);
  if (!ts.isBinaryExpression(u) || u.operatorToken.kind !== ts.SyntaxKind.PlusToken) return -1;
  const last = unwrap(u.right);
  return messageValueParameter(colouredArgument(last, (id) => importOf(scopes, id)) ?? last, fn, scopes);
}


/**
 * The helper's message among a console call's arguments: console joins them all into one line, so a
 * parameter anywhere in it is printed; the last one is the message (a tag or prefix goes first:
 * `console.log(module, msg)`, `console.info(time, tag, level, ...msg)`).
 */
export function consoleMessageParameter(call: LogCall, fn: FunctionLike, scopes: ScopeMap): number {
  const args = call.node.arguments;
  // `console.log(...this.getArgs(args))`: everything printed is spread in, the message first among it.
  const firstArg = call.messageArg ?? (args[0] && ts.isSpreadElement(args[0]) ? args[0] : undefined);
  // Past the first argument only a logger's own sink counts (`...msg` spread, or a function named for
  // logging): `checkSubscription(email)` printing `'Request by:', email` is no log helper.
  const sink = isConsoleSinkShaped(fn);
  const direct = messageParameter(firstArg, fn, scopes);
  // A sink's tag of its own before the caller's message (AnythingLLM's CollectorApi.log:
  // `` console.log(`[CollectorApi] ${text}`, ...args) ``).
  const tagged = direct < 0 && sink ? taggedMessageParameter(firstArg, fn, scopes) : -1;
  const first = direct >= 0 ? direct : tagged;
  // The first parameter is the message, the caller's further arguments spread after it as console's
  // own are, when the sink tags it or its name says so (`log(text, ...args)`); a level or tag first
  // (`log(level, ...args)`) leaves the message among the rest.
  const firstIsMessage = first >= 0 && (tagged >= 0 || MESSAGE_NAME.test(parameterNameAt(fn, first)));
  for (let i = args.length - 1; i >= 1 && sink; i--) {
    const index = messageParameter(args[i], fn, scopes);
    if (index < 0) continue;
    return firstIsMessage && first < index && ts.isSpreadElement(args[i]) ? first : index;
  }
  return first;
}

/** A parameter named for a message: `text`, `msg`, `message`, `logMessage`. */
const MESSAGE_NAME = /^(?:text|str|line|content)$|msg|message/i;

/** A function shaped like a logger's sink: a rest parameter it prints (`...msg`), or a name for logging (`log`, `logInfo`). */
export function isConsoleSinkShaped(fn: FunctionLike): boolean {
  return fn.parameters.some((p) => p.dotDotDotToken) || namedForLogging(fn);
}

export const LOGGING_WORDS: ReadonlySet<string> = new Set(['log', 'logger', 'print', 'debug', 'info', 'warn', 'warning', 'error', 'trace', 'notice', 'fatal', 'verbose']);

/**
 * A method of a class named for logging (Leon's `LogHelper.success(value)`, express-typescript-boilerplate's
 * `Logger`): by `log` or `logger`, not a level's word (an `InfoService` or `ErrorHandler` is no logger).
 */
export function isMethodOfLoggingClass(fn: FunctionLike): boolean {
  const parent = fn.parent;
  return ts.isMethodDeclaration(fn) && ts.isClassLike(parent) && !!parent.name && words(parent.name.text).some((w) => w === 'log' || w === 'logger');
}

/** `log`, `logInfo`, `printWarning`, `debug_log`: a function (or the variable, key or export holding it: `exports.log = (msg, type) => ...`) named for logging. */
function namedForLogging(fn: FunctionLike): boolean {
  const parent = fn.parent;
  if (isMethodOfLoggingClass(fn)) return true;
  const assignedTo = parent && ts.isBinaryExpression(parent) && parent.right === fn && ts.isPropertyAccessExpression(parent.left) ? parent.left.name : undefined;
  const name = fn.name ?? assignedTo ?? (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) ? parent.name : undefined);
  if (!name || !ts.isIdentifier(name)) return false;
  return words(name.text).some((w) => LOGGING_WORDS.has(w));
}

/**
 * The rest parameter a spread passes on: itself (`...msg`), or through an array or a call that
 * prints it with more (`...[prefix, ...args]`, `...this.getArgs(args)`: Logto's ConsoleLog puts its
 * prefix in front), two levels deep (`...this.getArgs([prefix, ...args])`).
 */
function restParameterIndex(e: ts.Expression, fn: FunctionLike, scopes: ScopeMap, depth = 0): number {
  const x = unwrap(e);
  if (depth < 2 && (ts.isArrayLiteralExpression(x) || ts.isCallExpression(x))) {
    const items = ts.isArrayLiteralExpression(x) ? x.elements : x.arguments;
    for (const item of items) {
      const index = restParameterIndex(ts.isSpreadElement(item) ? item.expression : item, fn, scopes, depth + 1);
      if (index >= 0) return index;
    }
    return -1;
  }
  if (!ts.isIdentifier(x)) return -1;
  const d = resolveName(scopes, x, x.text);
  return d?.kind === 'param' && d.node.parent === fn && d.node.dotDotDotToken ? d.index : -1;
}

/**
 * The parameter a helper passes on as the fields: as it is, through one call that cleans it up
 * (`this.sanitize(extra)`), or spread into an object with more (`{ ...this.sanitize(extra), label }`);
 * -1 when none. What the caller writes there reaches the log record, so rules read it as fields.
 */
export function passedFields(arg: ts.Expression | undefined, fn: FunctionLike, scopes: ScopeMap): number {
  const direct = (e: ts.Expression): number => {
    const index = parameterIndex(e, fn, scopes);
    if (index >= 0) return index;
    const u = unwrap(e);
    return ts.isCallExpression(u) && u.arguments.length === 1 && isOwnCleanUp(u.expression, scopes) ? parameterIndex(u.arguments[0], fn, scopes) : -1;
  };
  if (!arg) return -1;
  const found = direct(arg);
  if (found >= 0) return found;
  const o = unwrap(arg);
  if (!ts.isObjectLiteralExpression(o)) return -1;
  const spread = o.properties.filter(ts.isSpreadAssignment).map((p) => direct(p.expression)).filter((i) => i >= 0);
  return spread.length === 1 ? spread[0] : -1;
}

/** The call hands the function's own rest parameter on, spread, right after the message (`this.log(level, message, ...parameters)`). */
export function passesOwnRest(call: LogCall, message: number, fn: FunctionLike, scopes: ScopeMap): boolean {
  const args = call.node.arguments;
  const at = call.messageArg ? args.indexOf(call.messageArg as ts.Expression) : -1;
  const next = at >= 0 ? args[at + 1] : undefined;
  return !!next && ts.isSpreadElement(next) && restParameterIndex(next.expression, fn, scopes) > message;
}

/**
 * A console call that prints, after the message, a later parameter of the helper as it is or through
 * `util.inspect` (MiroTalk's Logger: `console.error(prefix + msg, util.inspect(op, options))`): the
 * caller's further arguments are printed with its message, as console's own are.
 */
export function printsLaterParameter(call: LogCall, message: number, fn: FunctionLike, scopes: ScopeMap): boolean {
  const args = call.node.arguments;
  const at = call.messageArg ? args.indexOf(call.messageArg as ts.Expression) : -1;
  if (at < 0) return false;
  for (const a of args.slice(at + 1)) {
    const u = unwrap(a);
    const printed = ts.isCallExpression(u) && u.arguments.length >= 1 && isUtilMethod(u.expression, 'inspect') ? u.arguments[0] : u;
    if (parameterIndex(printed, fn, scopes) > message) return true;
  }
  return false;
}

/** A call in the body of `util.format(message, ...rest)` (or `format` imported from util) on the message parameter and the rest parameter. */
export function formatsMessage(body: ts.Node, message: number, fn: FunctionLike, scopes: ScopeMap): boolean {
  // An explicit stack, nested functions and classes left out (they run later, if ever).
  const stack: ts.Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== body && (ts.isFunctionLike(n) || ts.isClassLike(n))) continue;
    if (ts.isCallExpression(n) && n.arguments.length === 2 && isUtilMethod(n.expression, 'format')) {
      const [first, second] = n.arguments;
      if (parameterIndex(first, fn, scopes) === message && ts.isSpreadElement(second) && restParameterIndex(second.expression, fn, scopes) > message) return true;
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** `util.format`, `format`, `util.inspect`, `inspect` (as node's util exports them). */
function isUtilMethod(callee: ts.Expression, name: 'format' | 'inspect'): boolean {
  const c = unwrap(callee);
  return (ts.isPropertyAccessExpression(c) && c.name.text === name && ts.isIdentifier(c.expression) && c.expression.text === 'util') || (ts.isIdentifier(c) && c.text === name);
}

/**
 * A clean-up the project wrote (`this.sanitize(extra)`, `redact(extra)` with `redact` declared in the
 * file), not a library's conversion (`JSON.stringify(extra)`, `String(extra)`, an imported
 * `serializeError`): only the former keeps the fields' keys as the caller wrote them.
 */
function isOwnCleanUp(callee: ts.Expression, scopes: ScopeMap): boolean {
  const c = unwrap(callee);
  if (ts.isPropertyAccessExpression(c)) return c.expression.kind === ts.SyntaxKind.ThisKeyword;
  if (!ts.isIdentifier(c)) return false;
  const d = resolveName(scopes, c, c.text);
  return d?.kind === 'other' || d?.kind === 'value';
}

/** String methods that keep the text's words: `toUpperCase()`, `trim()`, `toString()` (a helper's `msg.toString()`). */
const TEXT_TRANSFORMS: ReadonlySet<string> = new Set(['toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'toString']);

/** The text `e` recases or trims (`value.toUpperCase()` → `value`), or null. */
export function textOfTransformed(e: ts.Expression): ts.Expression | null {
  const x = unwrap(e);
  return ts.isCallExpression(x) && x.arguments.length === 0 && ts.isPropertyAccessExpression(x.expression) && TEXT_TRANSFORMS.has(x.expression.name.text) ? x.expression.expression : null;
}

/**
 * The parameter a sink's message is when the sink joins its caller's message and rest arguments
 * into one text as console would (AnythingLLM's Telegram jobs: `log: (text, ...args) =>
 * log(args.length ? \`${text} ${args.join(' ')}\` : text)`), or -1. `parameterOf` says which of the
 * function's parameters an expression is (-1: none), `isRest` whether it is the rest parameter: the
 * message holds only those, the rest's `join` of a literal and its `length`, and text.
 */
export function joinedMessageParameter(message: ts.Expression | undefined, parameterOf: (e: ts.Identifier) => number, isRest: (e: ts.Expression) => boolean): number {
  if (!message) return -1;
  let joined = false;
  let first = -1;
  const stack: ts.Node[] = [message];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) {
      const i = parameterOf(n);
      if (i < 0) return -1;
      first = first < 0 ? i : Math.min(first, i);
      continue;
    }
    // `args.join(' ')`: the rest, as console prints it.
    if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'join' || !isRest(callee.expression) || !n.arguments.every((a) => ts.isStringLiteralLike(unwrap(a)))) return -1;
      joined = true;
      continue;
    }
    if (ts.isPropertyAccessExpression(n)) {
      if (n.name.text !== 'length' || !isRest(n.expression)) return -1;
      continue;
    }
    if (ts.isElementAccessExpression(n)) return -1;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return joined ? first : -1;
}

/** Whether `e` is the rest parameter (`...args`) of `fn` itself. */
export function isOwnRestParameter(e: ts.Expression, fn: FunctionLike, scopes: ScopeMap): boolean {
  const x = unwrap(e);
  if (!ts.isIdentifier(x)) return false;
  const d = resolveName(scopes, x, x.text);
  return d?.kind === 'param' && d.node.parent === fn && !!d.node.dotDotDotToken;
}
