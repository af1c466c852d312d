// What calling something gives, as the logger model reads it (values.ts ValueResolver asks here): a
// required module, a child of a logger (`logger.child()`, `createChildLogger()` on an object of
// helpers), a library's factory called (`pino()`, `winston.createLogger()`), Nest's container handing
// out its logger, a tRPC builder step, or a project function whose summary returns a logger, a
// facade's instance or console.
import ts from './typescriptModule';
import { type FunctionLike, functionNamed } from './logCallables';
import { requiredModule, type ScopeMap, unwrap } from './scopes';
import type { TypeValues } from './typeValues';
import { derivesLogger } from './libraryValues';
import type { Value } from './valueTypes';
import { PINO_HTTP_MEMBERS, trpcCall } from './memberValues';

/** What callValueOf needs of the value resolver. */
export interface CallContext {
  readonly scopes: ScopeMap;
  readonly types: TypeValues;
  valueOf(e: ts.Expression, depth?: number): Value | null;
  importValue(module: string, name: string): Value | null;
  returnedHelpers(fn: FunctionLike, depth?: number): Value | null;
}

/** A method that makes a child logger: `child`, `childLogger`, `createChildLogger`, `getChildLogger`. */
const CHILD_LOGGER = /^(?:(?:create|get|make|new)Child(?:Logger)?|child(?:Logger)?)$/;

export function callValueOf(call: ts.CallExpression, depth: number, ctx: CallContext): Value | null {
  const module = requiredModule(call);
  if (module) return ctx.importValue(module, '*');
  const callee = unwrap(call.expression);
  // `logger.child({...})` is a logger of the same library (derivesLogger).
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const target = ctx.valueOf(callee.expression, depth);
    // `logger.named('heart')` (code-server's @coder/logger): another name for a logger of the project's own kind.
    if (target?.t === 'logger' && derivesLogger(name, target.lib)) return target;
    // `logger.createChildLogger('apps')` on an object of log helpers (Umbrel's factory returning
    // itself for a scope): a child has its parent's helpers.
    if (target?.t === 'object' && CHILD_LOGGER.test(name) && !target.members.has(name)) return target;
    // `app.get(Logger)`: Nest's container handing out its logger (nestjs-pino's, or Nest's own).
    if (name === 'get' && call.arguments.length === 1 && ctx.valueOf(call.arguments[0], depth)?.t === 'nestLoggerClass') return { t: 'logger', lib: 'nestjs' };
    if (target?.t === 'module') {
      const member = ctx.importValue(target.module, name);
      if (member?.t === 'factory') return { t: 'logger', lib: member.lib };
      if (member?.t === 'fastifyFactory') return { t: 'fastifyInstance' };
    }
    if (target?.t === 'factory' && (name === 'default' || name === 'pino')) return { t: 'logger', lib: target.lib };
    if (target?.t === 'factory' && target.lib === 'winston' && name === 'child') return null;
    const trpc = trpcCall(call, target, name, ctx.types);
    if (trpc) return trpc;
  }
  const v = ctx.valueOf(callee, depth);
  if (v?.t === 'factory') return { t: 'logger', lib: v.lib };
  if (v?.t === 'fastifyFactory') return { t: 'fastifyInstance' };
  // pino-http's middleware carries the pino logger it writes with (`httpLogger.logger.info(...)`).
  if (v?.t === 'pinoHttpFactory') return { t: 'loggerMembers', members: PINO_HTTP_MEMBERS };
  // A project function that returns a logger (`getLogger()`, `extendLoggerComponent(logger, 'db')`).
  if (v?.t === 'function' && v.fn.returnsLogger) return { t: 'logger', lib: v.fn.returnsLogger };
  // One that returns a logging facade's instance (`getConsoleLogFromContext(ctx).error(...)`), from another module too.
  if (v?.t === 'function' && v.fn.returnsHelpers) return { t: 'object', members: v.fn.returnsHelpers };
  if (v?.t === 'function' && v.fn.returnsConsole) return { t: 'console' };
  if (v?.t === 'function' && v.fn.returnsLoggerMembers) return { t: 'loggerMembers', members: v.fn.returnsLoggerMembers };
  // A function of this file that makes a logging facade (`function defaultLogger() { ...; return new LoggerController(adapter) }`).
  const fn = ts.isIdentifier(callee) ? functionNamed(ctx.scopes, callee) : null;
  if (fn) return ctx.returnedHelpers(fn, depth);
  return null;
}
