// Where Node does not carry a request's async context (the async-context-lost rule): a read of the
// context (an AsyncLocalStorage's getStore, cls-rtracer's id(), express-http-context's get, a
// cls-hooked namespace's get) inside a callback that runs outside the request, or a timer that
// runs inside one for ever. What each library looks like is in libraries.ts; this module follows a
// read up to the callback it sits in and names the situation.
import ts from '../typescriptModule';
import { unwrap } from '../scopes';
import { importedName, type ImportLookup } from './imports';
import { type DeclarationLookup, madeFrom } from './outgoing';
import { CLS_NAMESPACES, CONTEXT_LOSING_CALLBACKS, CONTEXT_READERS, type ContextLosingCallbacks, EMITTER_LISTEN_METHODS, IO_EMITTERS, STORE_READ_METHODS, STORE_RUN_METHODS } from './libraries';

export interface Lookups {
  lookup: ImportLookup;
  decl: DeclarationLookup;
  /** The request parameter of an enclosing handler or middleware (RuleContext.requestParamAt). */
  requestAt: (n: ts.Node) => ts.Identifier | null;
}

/** Readers whose store OpenTelemetry's instrumentations re-bind on the clients they patch: left out, they would only add noise. */
const SKIPPED_READER_MODULES = new Set(['@opentelemetry/api']);

/** `expr` holds an AsyncLocalStorage (`new AsyncLocalStorage()` from async_hooks) or a cls-hooked namespace made in the file. */
export function isStore(expr: ts.Expression, l: Pick<Lookups, 'lookup' | 'decl'>): boolean {
  const e = unwrap(expr);
  const init = ts.isIdentifier(e) ? l.decl(e)?.initializer : e;
  const made = init && unwrap(init);
  if (!made || (!ts.isNewExpression(made) && !ts.isCallExpression(made))) return false;
  const imp = importedName(l.lookup, made.expression);
  if (!imp) return false;
  const name = imp.member ?? imp.name;
  if (ts.isNewExpression(made)) return imp.module === 'async_hooks' && name === 'AsyncLocalStorage';
  return !!CLS_NAMESPACES[imp.module]?.has(name);
}

/** Whether the call reads the current request's context from a store: `als.getStore()`, `rTracer.id()`, `httpContext.get('k')`, `ns.get('k')`. */
export function isContextRead(call: ts.CallExpression, l: Pick<Lookups, 'lookup' | 'decl'>): boolean {
  const callee = unwrap(call.expression);
  const imp = importedName(l.lookup, callee);
  if (imp && !SKIPPED_READER_MODULES.has(imp.module) && CONTEXT_READERS[imp.module]?.has(imp.member ?? imp.name)) return true;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (method === 'getStore') return true;
  return STORE_READ_METHODS.has(method) && isStore(callee.expression, l);
}

/** Inside a request: in a handler or middleware, or in a callback a store runs (`als.run(store, () => ...)`). */
export function inRequestContext(node: ts.Node, l: Lookups): boolean {
  if (l.requestAt(node)) return true;
  for (let n = node.parent; n; n = n.parent) {
    if (!isFunction(n) || !n.parent || !ts.isCallExpression(n.parent) || !n.parent.arguments.includes(n as ts.Expression)) continue;
    const callee = unwrap(n.parent.expression);
    if (ts.isPropertyAccessExpression(callee) && STORE_RUN_METHODS.has(callee.name.text) && isStore(callee.expression, l)) return true;
  }
  return false;
}

export function isFunction(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

/** Where a context read loses (or keeps for ever) the request's context. */
export type ContextLoss =
  /** A listener registered outside any request on an emitter whose events come from I/O. */
  | { kind: 'listener'; call: ts.CallExpression; callback: ts.Expression; emitter: string }
  /** A pooled client's callback inside a request. */
  | { kind: 'callback'; call: ts.CallExpression; callback: ts.Expression; library: ContextLosingCallbacks }
  /** `setInterval` started inside a request. */
  | { kind: 'timer'; call: ts.CallExpression; callback: ts.Expression };

/**
 * The callback a context read at `at` sits in, when Node does not carry the request's context into
 * it (or carries one request's into every later run): the nearest enclosing function passed to a
 * listener registration, a pooled client's callback API or `setInterval`. `direct`: the read is a
 * store read; a log call through a logger whose mixin reads the store is not (a start-up listener
 * logging without a request id is expected, not lost).
 */
export function contextLossAt(at: ts.Node, direct: boolean, l: Lookups, majorOf: (module: string) => number | null): ContextLoss | null {
  for (let n: ts.Node = at; n.parent; n = n.parent) {
    const parent = n.parent;
    if (!isFunction(n) || !ts.isCallExpression(parent) || !parent.arguments.includes(n)) continue;
    const callee = unwrap(parent.expression);
    if (isTimer(callee, l.lookup) && parent.arguments[0] === n) {
      return inRequestContext(parent, l) && !clearedLocally(parent) ? { kind: 'timer', call: parent, callback: n } : null;
    }
    if (ts.isPropertyAccessExpression(callee) && EMITTER_LISTEN_METHODS.has(callee.name.text) && parent.arguments[1] === n) {
      const emitter = direct ? ioEmitter(callee.expression, l) : null;
      return emitter && !inRequestContext(parent, l) ? { kind: 'listener', call: parent, callback: n, emitter } : null;
    }
    if (ts.isPropertyAccessExpression(callee) && parent.arguments[parent.arguments.length - 1] === n) {
      const library = losingLibrary(callee, l, majorOf);
      if (library) return inRequestContext(parent, l) ? { kind: 'callback', call: parent, callback: n, library } : null;
    }
  }
  return null;
}

/**
 * `const poll = setInterval(...)` in a function that also calls `clearInterval(poll)` (on the
 * response's close, after some ticks): the timer ends with the request it serves.
 */
function clearedLocally(call: ts.CallExpression): boolean {
  const decl = call.parent;
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || unwrap(decl.initializer!) !== call) return false;
  const name = decl.name.text;
  let scope: ts.Node | undefined = decl.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope || ts.isSourceFile(scope)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'clearInterval' && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && n.arguments[0].text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

/** The global `setInterval`, or timers' own. */
function isTimer(callee: ts.Expression, lookup: ImportLookup): boolean {
  if (ts.isIdentifier(callee) && callee.text === 'setInterval') {
    const imp = lookup(callee);
    return !imp || /^(node:)?timers$/.test(imp.module);
  }
  const imp = importedName(lookup, callee);
  return !!imp && imp.module === 'timers' && imp.member === 'setInterval';
}

/**
 * What the emitter is when its events come from I/O (IO_EMITTERS, or the global `process`), else
 * null: a plain EventEmitter's `emit` runs its listeners in the caller's context (a handler's, when
 * a handler emits), and an emitter not in view cannot be told.
 */
function ioEmitter(expr: ts.Expression, l: Pick<Lookups, 'lookup' | 'decl'>): string | null {
  const e = unwrap(expr);
  if (ts.isIdentifier(e) && e.text === 'process' && !l.lookup(e) && !l.decl(e)) return 'the process';
  for (const emitter of IO_EMITTERS) {
    if (emitter.made.some((name) => madeFrom(e, emitter.module, name, [], l.lookup, l.decl, 0))) return emitter.label;
  }
  return null;
}

function losingLibrary(callee: ts.PropertyAccessExpression, l: Pick<Lookups, 'lookup' | 'decl'>, majorOf: (module: string) => number | null): ContextLosingCallbacks | null {
  const method = callee.name.text;
  for (const lib of CONTEXT_LOSING_CALLBACKS) {
    if (lib.methods.length > 0 && !lib.methods.includes(method)) continue;
    if (!madeBy(callee.expression, lib, l) && !handedOver(callee.expression, lib, l)) continue;
    if (lib.belowMajor !== undefined) {
      const major = majorOf(lib.module);
      if (major === null || major >= lib.belowMajor) continue;
    }
    return lib;
  }
  return null;
}

function madeBy(expr: ts.Expression, lib: ContextLosingCallbacks, l: Pick<Lookups, 'lookup' | 'decl'>): boolean {
  return lib.made.some((name) => madeFrom(expr, lib.module, name, [], l.lookup, l.decl, 0));
}

/** `connection` in `pool.getConnection((err, connection) => connection.query(...))`: a client the library's own client handed to a callback. */
function handedOver(expr: ts.Expression, lib: ContextLosingCallbacks, l: Pick<Lookups, 'lookup' | 'decl'>): boolean {
  const e = unwrap(expr);
  if (!lib.handsOver || !ts.isIdentifier(e)) return false;
  const param = l.decl(e);
  if (!param || !ts.isParameter(param)) return false;
  const fn = param.parent;
  if (!isFunction(fn) || fn.parameters[lib.handsOver.parameter] !== param) return false;
  // The callback as passed: itself, or `AsyncResource.bind(callback)` (the fix for the outer callback).
  let arg: ts.Node = fn;
  while (ts.isParenthesizedExpression(arg.parent)) arg = arg.parent;
  if (ts.isCallExpression(arg.parent) && arg.parent.arguments[0] === arg && isAsyncResourceBind(arg.parent.expression, l)) arg = arg.parent;
  while (ts.isParenthesizedExpression(arg.parent)) arg = arg.parent;
  const call = arg.parent;
  if (!ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== arg) return false;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === lib.handsOver.method && madeBy(callee.expression, lib, l);
}

/** `AsyncResource.bind`, AsyncResource imported from async_hooks. */
function isAsyncResourceBind(expr: ts.Expression, l: Pick<Lookups, 'lookup'>): boolean {
  const imp = importedName(l.lookup, expr);
  return !!imp && imp.module === 'async_hooks' && imp.name === 'AsyncResource' && imp.member === 'bind';
}
