// Whether a logger expression carries the request's context (handler-missing-request-context): it
// starts from a parameter of an enclosing function (`req.log`, a logger handed in, destructured from
// what was handed in), from `this` (a class's own logger: its injection decides, as with nestjs-pino),
// from a local made from one of those, from a helper given one (`extendLogger(req.log, 'x')`), or,
// in the service phase, from a workspace function that reads AsyncLocalStorage (`getRequestLogger()`
// returning the store's logger). Module-level loggers carry no request context.
import ts from '../typescriptModule';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { isFallback, resolveName, type ScopeMap, unwrap } from '../scopes';
import { callTargetsOf } from '../services/callTargets';
import type { LoggerLibrary } from '../types';
import { type ContextLibraryId, READS_STORE } from './libraries';

/** What a name inside a function is bound to, as far as request scope goes; null for module-level and unknown names. */
export type Binding = { kind: 'param' } | { kind: 'init'; init: ts.Expression } | null;
export type Bindings = (id: ts.Identifier) => Binding;

/** Bindings from the file phase's RuleContext.declarationOf (variables and parameters). */
export function bindingsFromDeclarations(declarationOf: (id: ts.Identifier) => ts.VariableDeclaration | ts.ParameterDeclaration | null): Bindings {
  return (id) => {
    const d = declarationOf(id);
    if (!d || isModuleLevel(d)) return null;
    if (ts.isParameter(d)) return { kind: 'param' };
    return d.initializer ? { kind: 'init', init: d.initializer } : null;
  };
}

/** Bindings from a file's scope model, destructuring included (`const { logger } = params`, `({ logger }) => ...`). */
export function bindingsFromScopes(scopes: ScopeMap): Bindings {
  return (id) => {
    const d = resolveName(scopes, id, id.text);
    if (!d) return null;
    switch (d.kind) {
      case 'param':
        return { kind: 'param' };
      case 'value':
        return isModuleLevel(d.node) ? null : { kind: 'init', init: d.init };
      case 'destructure':
        return isModuleLevel(d.from) ? null : { kind: 'init', init: d.from };
      case 'other':
        // A piece of a destructured parameter has neither a declaration node nor a function.
        return d.node || d.fn || isModuleLevel(id) ? null : { kind: 'param' };
      default:
        return null;
    }
  };
}

/** Whether the receiver holds request context (see the top of the file). `readsContext`: a call that returns the request's logger. */
export function isRequestScoped(receiver: ts.Expression, bindings: Bindings, readsContext?: (call: ts.CallExpression) => boolean, depth = 0): boolean {
  if (depth > 4) return false;
  const e = unwrap(receiver);
  // `getRequestLogger() || moduleLogger`: the request's when there is a request.
  if (isFallback(e)) {
    return isRequestScoped(e.left, bindings, readsContext, depth + 1);
  }
  // `(req.log ? req.log : logger)`: the request's where the request has one.
  if (ts.isConditionalExpression(e)) return isRequestScoped(e.whenTrue, bindings, readsContext, depth + 1) || isRequestScoped(e.whenFalse, bindings, readsContext, depth + 1);
  const base = chainBase(e);
  if (base.kind === ts.SyntaxKind.ThisKeyword) return true;
  // `(getRequestLogger() || cacheLogger).child({ cacheName })` (Speckle's cache): a child of either.
  if (base !== e && isFallback(base)) return isRequestScoped(base, bindings, readsContext, depth + 1);
  if (ts.isIdentifier(base)) {
    const b = bindings(base);
    if (b?.kind === 'param') return true;
    if (b?.kind === 'init' && isRequestScoped(b.init, bindings, readsContext, depth + 1)) return true;
  }
  // A logger derived from the request's by a helper: `extendLogger(req.log, 'billing')`.
  const call = derivingCall(e);
  if (!call) return false;
  if (readsContext?.(call)) return true;
  return call.arguments.some((a) => isRequestScoped(a, bindings, readsContext, depth + 1));
}

/** The expression a logger chain starts from: `req` in `req.log.child({...}).info`, `logger` in `logger.info`. */
function chainBase(expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  for (let i = 0; i < 32; i++) {
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
    else if (ts.isCallExpression(e)) e = unwrap(e.expression);
    else break;
  }
  return e;
}

/** The innermost call a receiver chain starts from (`helper(req.log)` in `helper(req.log).child()`), when the chain has one. */
function derivingCall(expr: ts.Expression): ts.CallExpression | null {
  let e = unwrap(expr);
  let found: ts.CallExpression | null = null;
  for (let i = 0; i < 32; i++) {
    if (ts.isCallExpression(e)) found = e;
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e)) e = unwrap(e.expression);
    else break;
  }
  return found;
}

/** Declared at the top of the module (not inside any function). */
function isModuleLevel(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return false;
  return true;
}

/** How deep a getter is followed to the store read (`getRequestLogger` → `getRequestContext` → `storage.getStore()`). */
const MAX_READER_DEPTH = 3;

/**
 * Whether a call returns something read from AsyncLocalStorage: the workspace function it calls (or
 * one that calls, up to a depth) reads `.getStore()`. Memoised per function for the service.
 */
export function contextReaders(service: ServiceView): (parsed: ParsedServiceFile, call: ts.CallExpression) => boolean {
  const memo = service.memo('contextReaders', () => new Map<ts.Node, boolean>());
  const targets = callTargetsOf(service);
  const reads = (parsed: ParsedServiceFile, call: ts.CallExpression, depth: number): boolean => {
    const fn = targets.callTarget(parsed, call);
    if (!fn) return false;
    const known = memo.get(fn.node);
    if (known !== undefined) return known;
    memo.set(fn.node, false); // recursion answers no
    let found = READS_STORE.test(fn.node.getText(fn.parsed.sourceFile));
    if (!found && depth < MAX_READER_DEPTH) {
      const stack: ts.Node[] = [fn.node];
      while (!found && stack.length) {
        const n = stack.pop()!;
        if (ts.isCallExpression(n) && reads(fn.parsed, n, depth + 1)) found = true;
        n.forEachChild((c) => void stack.push(c));
      }
    }
    memo.set(fn.node, found);
    return found;
  };
  return (parsed, call) => reads(parsed, call, 0);
}

/**
 * A log call whose logger reads the request's context itself, whatever its receiver: NestJS's
 * `Logger` (static or made with `new Logger(Ctx)`) in a service with nestjs-pino, which backs
 * Nest's logger (`app.useLogger(app.get(Logger))`) and takes each record's logger from the
 * request's AsyncLocalStorage store (Docmost's `Logger.warn(...)` in a helper the handler calls).
 */
export function loggerReadsRequestContext(library: LoggerLibrary | 'console', libraries: readonly ContextLibraryId[]): boolean {
  return library === 'nestjs' && libraries.includes('nestjs-pino');
}
