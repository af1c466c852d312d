// A class that is a logging facade by its shape: its `info`, `warn` and `error` methods each hand
// every argument they get to one call (`info() { return this.log('info', arguments) }`,
// `error = (...args) => this.sink.error(...args)`). Where the model follows that call to a logger,
// the methods' own summaries say so (logCallables.ts); where it cannot (the sink is an adapter the
// constructor is given: Parse Server's LoggerController over its WinstonLoggerAdapter), the shape
// alone makes its level methods log calls, message first and fields second as the level methods of
// winston, bunyan and console-style facades take them, with no fix (library `custom`). Static level
// methods that hand their parameters, in order, to the same level method of something else are one
// too (Vendure's `static info(message, context) { Logger.logger.info(message, context); }` over the
// VendureLogger the app configures).
import ts from './typescriptModule';
import { ALL_LEVEL_METHODS } from './libraries';
import { type FunctionLike, functionOf, memberFunction, soleExpression } from './logCallables';
import type { FunctionSummary } from './model/types';
import { hasModifier, unwrap } from './scopes';

/** What a facade's level method does: logs its first argument as the message, its second as fields, and prints what follows with them (winston's splat fills `%s` from it). */
export const FACADE_LEVEL_METHOD: FunctionSummary = { logs: { lib: 'custom', message: 0, fields: 1, rest: true } };

/** A facade's `log(record)` handing its sink a whole record (loggerFacade facadeRecordMethods): the record's message is the message. */
export const FACADE_RECORD_METHOD: FunctionSummary = { logs: { lib: 'custom', message: 0, record: true } };

/** A hand-rolled logger object's level method: its one parameter is the message, written as it is by a sink the model cannot follow. */
export const OBJECT_FACADE_LEVEL_METHOD: FunctionSummary = { logs: { lib: 'custom', message: 0 } };
/** One that hands its sink the parameters after the message too (web-check's `warn: (msg, extra) => write('warn', ..., msg, extra)`): they are printed with it. */
const OBJECT_FACADE_LEVEL_METHOD_WITH_REST: FunctionSummary = { logs: { lib: 'custom', message: 0, rest: true } };

/** What each level method of a hand-rolled logger object does (objectFacadeLevelMethods), by name. */
export function objectFacadeMembers(o: ts.ObjectLiteralExpression): Map<string, FunctionSummary> {
  const out = new Map<string, FunctionSummary>();
  const names = objectFacadeLevelMethods(o);
  if (names.length === 0) return out;
  for (const p of o.properties) {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || !names.includes(p.name.text)) continue;
    const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? functionOf(p.initializer) : null;
    out.set(p.name.text, fn && handsFurtherParameters(fn) ? OBJECT_FACADE_LEVEL_METHOD_WITH_REST : OBJECT_FACADE_LEVEL_METHOD);
  }
  return out;
}

/** Whether the level method's one call is also handed its parameters after the message. */
function handsFurtherParameters(fn: FunctionLike): boolean {
  const call = onlyCall(fn);
  const further = fn.parameters.slice(1).flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : []));
  return !!call && further.length > 0 && call.arguments.some((a) => ts.isIdentifier(a) && further.includes(a.text));
}

/** Every facade has these three; a class with only some of them (a validator's `error()`) is not one. */
const REQUIRED_LEVELS = ['info', 'warn', 'error'];

/**
 * The level methods of an object literal that is a hand-rolled logger (Node-RED's @node-red/util log:
 * `info: function(msg) { log.log({ level: log.INFO, msg: msg }) }`): each hands its first parameter to
 * one call of another name than its own level, as an argument or a property of an object argument
 * (a record with its level), and info, warn (or warning) and error all do. Forwarding to the same
 * level of something else (`info: (m) => toast.info(m)`) is a notifier as often as a logger: not one.
 */
export function objectFacadeLevelMethods(o: ts.ObjectLiteralExpression): string[] {
  const found: string[] = [];
  for (const p of o.properties) {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || !ALL_LEVEL_METHODS.has(p.name.text)) continue;
    const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? functionOf(p.initializer) : null;
    if (fn && handsMessageToSink(fn, p.name.text)) found.push(p.name.text);
  }
  const has = (l: string) => found.includes(l);
  return has('info') && (has('warn') || has('warning')) && has('error') ? found : [];
}

/** `log.log({ level, msg })`, `write('info', msg)`: one call, named otherwise than `level`, given the first parameter. */
function handsMessageToSink(fn: FunctionLike, level: string): boolean {
  const call = onlyCall(fn);
  const first = fn.parameters[0];
  if (!call || !first || first.dotDotDotToken || !ts.isIdentifier(first.name)) return false;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
  if (name === null || name === level) return false;
  const message = first.name.text;
  const isMessage = (e: ts.Expression) => ts.isIdentifier(e) && e.text === message;
  return call.arguments.some((a) => isMessage(a) || (ts.isObjectLiteralExpression(a) && a.properties.some((q) => (ts.isPropertyAssignment(q) && isMessage(q.initializer)) || (ts.isShorthandPropertyAssignment(q) && q.name.text === message))));
}

/**
 * The level-named methods of `klass` (its static ones, or its instance ones) that pass all their
 * arguments on, or (static ones) their parameters in order to the same level method of something else, when these
 * and the methods already known to log (`logs`: passing their parameters to a logger the model
 * follows) cover `info`, `warn` and `error`; else an empty list.
 */
export function facadeLevelMethods(klass: ts.ClassLikeDeclaration, statics: boolean, logs: (name: string) => boolean): string[] {
  const forwarding: string[] = [];
  for (const m of klass.members) {
    if (!m.name || !ts.isIdentifier(m.name) || !ALL_LEVEL_METHODS.has(m.name.text) || hasModifier(m, ts.SyntaxKind.StaticKeyword) !== statics) continue;
    const fn = memberFunction(m);
    // Parameters forwarded to a same-named method count on the static side only: an instance's
    // `info(m) { this.toast.info(m) }` is as often a notifier's as a logger's.
    if (fn && (passesAllArguments(fn) || (statics && forwardsToSameLevel(fn, m.name.text)) || writesLevelledRecord(fn, m.name.text))) forwarding.push(m.name.text);
  }
  return forwarding.length > 0 && REQUIRED_LEVELS.every((l) => forwarding.includes(l) || logs(l)) ? forwarding : [];
}

/**
 * A facade's `log(record)` that hands its sink the record it is given whole (Nango's LogContext:
 * `async log(msg) { return await this.transport.log(msg, {...}) }`, beside its level methods): its
 * callers write `logCtx.log({ type: 'log', level: 'info', message })`. Only asked of a class whose
 * level methods make it a facade.
 */
export function facadeRecordMethods(klass: ts.ClassLikeDeclaration, statics: boolean): string[] {
  const out: string[] = [];
  for (const m of klass.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== 'log' || hasModifier(m, ts.SyntaxKind.StaticKeyword) !== statics) continue;
    const fn = memberFunction(m);
    if (fn && handsRecordToSink(fn)) out.push(m.name.text);
  }
  return out;
}

function handsRecordToSink(fn: FunctionLike): boolean {
  const record = firstParameterName(fn);
  return !!record && sinkCalls(fn).some((call) => call.arguments.some((a) => ts.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === record));
}

/** The name of a function's first parameter when it is a plain one (not `...rest`, not destructured) and the body a block; else null. */
function firstParameterName(fn: FunctionLike): string | null {
  const first = fn.parameters[0];
  return first && !first.dotDotDotToken && ts.isIdentifier(first.name) && fn.body && ts.isBlock(fn.body) ? first.name.text : null;
}

/** The calls of a log sink the statements of a function's block make (returned or not): `return await this.transport.log(...)`, `void sink.write(...)`. */
function sinkCalls(fn: FunctionLike): ts.CallExpression[] {
  if (!fn.body || !ts.isBlock(fn.body)) return [];
  const out: ts.CallExpression[] = [];
  for (const st of fn.body.statements) {
    const e = ts.isReturnStatement(st) ? st.expression : ts.isExpressionStatement(st) ? st.expression : undefined;
    // unwrap takes off the await and parentheses.
    const call = e && unwrap(ts.isVoidExpression(e) ? e.expression : e);
    if (call && ts.isCallExpression(call) && isLogSink(call.expression)) out.push(call);
  }
  return out;
}

/**
 * `info(message, meta) { return await this.transport.log({ level: 'info', message, meta, ... }) }`
 * (Nango's LogContext, which writes a customer's activity log): a statement of the body hands a
 * sink a record holding the method's own level by name and its first parameter (the fields may be
 * reshaped on the way: `meta: rest`). A notifier's `info(m)` has no record with a level in it.
 */
function writesLevelledRecord(fn: FunctionLike, level: string): boolean {
  const message = firstParameterName(fn);
  return !!message && sinkCalls(fn).some((call) => call.arguments.some((a) => ts.isObjectLiteralExpression(a) && isLevelledRecord(a, level, message)));
}

/**
 * A sink named for writing a log: `this.transport.log(...)`, `this.sink.write(...)`, `appendRecord(...)`.
 * A notifier hands the same `{ level, message }` to `this.socket.emit('toast', ...)` or `toasts.show(...)`.
 */
const LOG_SINK_NAME = /log|write|append|transport|sink/i;

function isLogSink(callee: ts.Expression): boolean {
  const u = unwrap(callee);
  if (ts.isIdentifier(u)) return LOG_SINK_NAME.test(u.text);
  if (!ts.isPropertyAccessExpression(u)) return false;
  const receiver = unwrap(u.expression);
  return LOG_SINK_NAME.test(u.name.text) || (ts.isPropertyAccessExpression(receiver) && LOG_SINK_NAME.test(receiver.name.text)) || (ts.isIdentifier(receiver) && LOG_SINK_NAME.test(receiver.text));
}

/**
 * `{ level: 'info', message }`: a level, and the message parameter as a value (shorthand or not). The
 * level is the method's own by name, or for a method that is none of info, warn and error any level
 * at all: Nango's `http(message, ...)` writes `{ type: 'http', level, message }` with a level chosen
 * from the response, and its deprecated `trace(message)` writes `level: 'debug'`.
 */
function isLevelledRecord(o: ts.ObjectLiteralExpression, level: string, message: string): boolean {
  const anyLevel = !REQUIRED_LEVELS.includes(level);
  let hasLevel = false;
  const held = new Set<string>();
  for (const p of o.properties) {
    if (ts.isShorthandPropertyAssignment(p)) {
      if (p.name.text === 'level' && anyLevel) hasLevel = true;
      else held.add(p.name.text);
    } else if (ts.isPropertyAssignment(p)) {
      const v = p.initializer;
      if (ts.isIdentifier(p.name) && p.name.text === 'level') hasLevel ||= anyLevel || (ts.isStringLiteralLike(v) && v.text === level);
      else if (ts.isIdentifier(v)) held.add(v.text);
    }
  }
  return hasLevel && held.has(message);
}

/** The call a body of one statement makes (returned or not), else undefined. */
function onlyCall(fn: FunctionLike): ts.CallExpression | undefined {
  const call = soleExpression(fn)?.expression;
  return call && ts.isCallExpression(call) ? call : undefined;
}

/** `info(message, context) { sink.info(message, context) }`: every parameter, in order, first in a call of the same level method. */
function forwardsToSameLevel(fn: FunctionLike, level: string): boolean {
  const call = onlyCall(fn);
  if (!call || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== level) return false;
  const params = fn.parameters;
  if (params.length === 0 || call.arguments.length < params.length) return false;
  return params.every((p, i) => !p.dotDotDotToken && ts.isIdentifier(p.name) && ts.isIdentifier(call.arguments[i]) && call.arguments[i].text === p.name.text);
}

/**
 * A body of one statement, a call (returned or not) given the function's whole argument list:
 * `arguments` or its only parameter, a rest parameter (as it is or spread).
 */
function passesAllArguments(fn: FunctionLike): boolean {
  const call = onlyCall(fn);
  if (!call) return false;
  const params = fn.parameters;
  const rest = params.length === 1 && params[0].dotDotDotToken && ts.isIdentifier(params[0].name) ? params[0].name.text : null;
  if (params.length > 0 && !rest) return false;
  return call.arguments.some((a) => {
    const inner = ts.isSpreadElement(a) ? a.expression : a;
    if (!ts.isIdentifier(inner)) return false;
    return (inner.text === 'arguments' && !rest) || inner.text === rest;
  });
}
