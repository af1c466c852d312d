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
import { type FunctionLike, memberFunction, soleExpression } from './logCallables';
import type { FunctionSummary } from './model/types';
import { hasModifier } from './scopes';

/** What a facade's level method does: logs its first argument as the message, its second as fields, and prints what follows with them (winston's splat fills `%s` from it). */
export const FACADE_LEVEL_METHOD: FunctionSummary = { logs: { lib: 'custom', message: 0, fields: 1, rest: true } };

/** Every facade has these three; a class with only some of them (a validator's `error()`) is not one. */
const REQUIRED_LEVELS = ['info', 'warn', 'error'];

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
    if (fn && (passesAllArguments(fn) || (statics && forwardsToSameLevel(fn, m.name.text)))) forwarding.push(m.name.text);
  }
  return forwarding.length > 0 && REQUIRED_LEVELS.every((l) => forwarding.includes(l) || logs(l)) ? forwarding : [];
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
