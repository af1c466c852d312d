// Request paths across files: everything a service runs on behalf of a request. Starting from each
// handler function and each middleware in front of one (handler discovery's places), calls are
// followed to workspace functions and methods (services/callTargets.ts: imports through the
// project's resolver, exported functions and object members, class methods through `this`, fields
// typed by constructor parameters, instances made with `new`), transitively. Each function is a
// unit: its own body with the callbacks written in it (`.then(() => ...)`, `items.map(...)`), not
// the functions declared inside it, which are units of their own when called. Every unit's calls
// are listed once and each unit is queued at most MAX_HANDLERS times (once per handler it records),
// so the walk is linear in the code it reaches.
//
// Code that runs outside requests (start-up code of the entry files, timer callbacks, queue
// consumers) is not a request path. A function reached from a handler and also from such code is
// still on a request path (the call made for the request logs without its id all the same); the
// rules say it also runs outside requests (offPath), computed only when a rule asks.
import * as path from 'node:path';
import ts from 'typescript';
import type { Handler } from '../handlers/types';
import { classifyFile } from '../project';
import { describeRoute } from '../rules/handler-missing-metrics';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { isTypeOnly, resolveName, unwrap } from '../scopes';
import { callTargetsOf, type FunctionAt, isFunctionLike } from '../services/callTargets';

/** Handlers recorded per function: enough to name where a finding comes from, and a bound on re-queueing. */
const MAX_HANDLERS = 3;

export type OffPath = 'start-up code' | 'a timer' | 'a queue consumer';

export interface ReachedFunction {
  readonly parsed: ParsedServiceFile;
  readonly node: ts.Node;
  /** Handlers whose requests reach it, the first found first (at most MAX_HANDLERS). */
  readonly handlers: Handler[];
  /** The function it was first reached from; null for a handler or middleware itself. */
  readonly via: ReachedFunction | null;
  /** Itself a handler or a middleware in front of one. */
  readonly root: boolean;
  /**
   * The parameter that holds the request: a handler's own, or the one the call that first reached it
   * passes the request into (`loadOrder(req, id)`); null when the request is not in scope.
   */
  readonly requestParam: ts.Identifier | null;
}

export interface RequestPaths {
  /** Every function on a request path, by node. */
  readonly reached: ReadonlyMap<ts.Node, ReachedFunction>;
  /** The calls and `new` expressions of a unit's own body (its callbacks included), in source order. */
  callsOf(fn: ReachedFunction): ReadonlyArray<ts.CallExpression | ts.NewExpression>;
  /** What else runs a function, outside requests (worked out on first use); empty when nothing. */
  offPath(fn: ReachedFunction): readonly OffPath[];
}

/** The service's request paths, computed once per service phase. */
export function requestPathsOf(service: ServiceView): RequestPaths {
  return service.memo('requestPaths', () => buildRequestPaths(service));
}

/** `UserService.find`, `loadOrder`, `GET /users/:id handler`: how a message names a function. */
export function functionName(fn: ts.Node): string | null {
  const named = (n: ts.Node | undefined): string | null => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : null);
  if ((ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn)) && fn.name) {
    const own = named(fn.name);
    const owner = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) ? named(fn.parent.name) : null;
    return own && owner ? `${owner}.${own}` : own;
  }
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p)) return named(p.name);
  if (p && ts.isPropertyDeclaration(p) && ts.isClassLike(p.parent)) {
    const own = named(p.name);
    const owner = named(p.parent.name);
    return own && owner ? `${owner}.${own}` : own;
  }
  if (p && ts.isPropertyAssignment(p)) return named(p.name);
  if (ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return null;
}

/** The named functions from the handler down to `fn` (the handler itself left out): `UserService.find → UserRepository.byId`. */
export function chainOf(fn: ReachedFunction): string[] {
  const names: string[] = [];
  for (let f: ReachedFunction | null = fn; f && !f.root && names.length < 8; f = f.via) {
    const name = functionName(f.node);
    if (name) names.unshift(name);
  }
  return names;
}

/**
 * How a finding names where its code runs: `the request path of GET /users/:id via UserService.find →
 * UserRepository.byId`, with the number of other routes that reach it, and what else runs it.
 */
export function describePath(paths: RequestPaths, fn: ReachedFunction): string {
  const h = fn.handlers[0];
  const chain = chainOf(fn);
  const others = fn.handlers.length > 1 ? ` (and ${fn.handlers.length >= MAX_HANDLERS ? 'other routes' : 'one other route'})` : '';
  const off = paths.offPath(fn);
  const via = chain.length ? ` via ${chain.join(' → ')}` : '';
  const also = off.length ? ` (it also runs from ${off.join(' and ')}, outside requests)` : '';
  return `the request path of ${describeRoute(h.method, h.path)}${others}${via}${also}`;
}

function buildRequestPaths(service: ServiceView): RequestPaths {
  const targets = callTargetsOf(service);
  const reached = new Map<ts.Node, ReachedFunction>();
  const calls = new Map<ts.Node, Array<ts.CallExpression | ts.NewExpression>>();
  const edges = new Map<ts.Node, Array<{ call: ts.CallExpression; target: FunctionAt }>>();
  const roots = new Map<ts.Node, { parsed: ParsedServiceFile; handlers: Handler[]; requestIndex: number | null }>();
  const serviceFile = new Map<string, boolean>();
  const isService = (file: string) => {
    let v = serviceFile.get(file);
    if (v === undefined) serviceFile.set(file, (v = classifyFile(service.project, file) === 'service'));
    return v;
  };

  const addRoot = (at: FunctionAt | null, h: Handler, requestIndex: number | null) => {
    if (!at) return;
    let r = roots.get(at.node);
    if (!r) roots.set(at.node, (r = { parsed: at.parsed, handlers: [], requestIndex }));
    if (r.handlers.length < MAX_HANDLERS && !r.handlers.includes(h)) r.handlers.push(h);
  };
  for (const h of service.handlers) {
    // A test's app serves no requests.
    if (!isService(h.file) || (h.rootFile && !isService(h.rootFile))) continue;
    const at = h.handler ? targets.functionAtPlace(h.handler) : null;
    addRoot(at, h, at ? parameterIndexNamed(at.node, h.requestParam) : null);
    for (const m of h.inFront ?? []) {
      if (!m.fn || !isService(m.fn.file)) continue;
      const mw = targets.functionAtPlace(m.fn);
      // Express error middleware takes the error first.
      addRoot(mw, h, mw && isFunctionLike(mw.node) ? (mw.node.parameters.length === 4 ? 1 : 0) : null);
    }
  }

  const callsOfNode = (node: ts.Node) => {
    let list = calls.get(node);
    if (!list) calls.set(node, (list = unitCalls(node, roots)));
    return list;
  };
  const edgesOf = (at: FunctionAt) => {
    let list = edges.get(at.node);
    if (list) return list;
    list = [];
    for (const call of callsOfNode(at.node)) {
      if (!ts.isCallExpression(call) || storedForTheProcess(call, at.parsed)) continue;
      const target = targets.callTarget(at.parsed, call);
      if (target && target.node !== at.node && isService(target.parsed.file)) list.push({ call, target });
    }
    edges.set(at.node, list);
    return list;
  };

  const queue: ReachedFunction[] = [];
  for (const [node, r] of roots) {
    const param = r.requestIndex !== null && isFunctionLike(node) ? node.parameters[r.requestIndex]?.name : undefined;
    const fn: ReachedFunction = { parsed: r.parsed, node, handlers: [...r.handlers], via: null, root: true, requestParam: param && ts.isIdentifier(param) ? param : null };
    reached.set(node, fn);
    queue.push(fn);
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i];
    for (const { call, target } of edgesOf(from)) {
      let to = reached.get(target.node);
      if (!to) {
        to = { parsed: target.parsed, node: target.node, handlers: [], via: from, root: false, requestParam: requestPassed(from, call, target.node) };
        reached.set(target.node, to);
      }
      let grew = false;
      for (const h of from.handlers) {
        if (to.handlers.length >= MAX_HANDLERS) break;
        if (!to.handlers.includes(h)) {
          to.handlers.push(h);
          grew = true;
        }
      }
      if (grew) queue.push(to);
    }
  }

  let off: Map<ts.Node, OffPath[]> | null = null;
  return {
    reached,
    callsOf: (fn) => callsOfNode(fn.node),
    offPath(fn) {
      off ??= offPathUnits(service, roots, reached, edgesOf, isService);
      return off.get(fn.node) ?? [];
    },
  };
}

function parameterIndexNamed(fn: ts.Node, name: string | null): number | null {
  if (!name || !isFunctionLike(fn)) return null;
  const i = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
  return i >= 0 ? i : null;
}

/** The target's parameter a call passes the caller's request into (`audit(req, 'x')` → audit's first parameter). */
function requestPassed(from: ReachedFunction, call: ts.CallExpression, target: ts.Node): ts.Identifier | null {
  const request = from.requestParam;
  if (!request || !isFunctionLike(target)) return null;
  const i = call.arguments.findIndex((a) => {
    const e = unwrap(a);
    if (!ts.isIdentifier(e) || e.text !== request.text) return false;
    const d = resolveName(from.parsed.scopes, e, e.text);
    return d?.kind === 'param' && d.node.name === request;
  });
  const p = i >= 0 ? target.parameters[i] : undefined;
  return p && !p.dotDotDotToken && ts.isIdentifier(p.name) ? p.name : null;
}

/**
 * A function declared inside another runs only when called: a unit of its own. Callbacks written in
 * place (arguments, object members, returned functions) run as part of the function they are written in.
 */
function isNestedUnit(n: ts.Node): boolean {
  if (ts.isFunctionDeclaration(n) || ts.isClassLike(n)) return true;
  if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) return false;
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return !!p && (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p));
}

/** Methods that register a listener: the listener runs on later events, not as part of the call. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

/** `emitter.on('error', (err) => ...)`: the callbacks it registers (not walked as part of the function that registers them). */
function listenerArguments(n: ts.Node): ReadonlySet<ts.Node> | null {
  if (!ts.isCallExpression(n)) return null;
  const callee = unwrap(n.expression);
  if (!ts.isPropertyAccessExpression(callee) || !LISTENER_METHODS.has(callee.name.text)) return null;
  return new Set(n.arguments.filter((a) => isFunctionLike(unwrap(a))));
}

/** The calls of a unit's own body, in source order: not those of nested units, handlers or listeners written inside it. */
function unitCalls(unit: ts.Node, roots: ReadonlyMap<ts.Node, unknown>): Array<ts.CallExpression | ts.NewExpression> {
  const out: Array<ts.CallExpression | ts.NewExpression> = [];
  const stack: ts.Node[] = [];
  const push = (c: ts.Node) => void stack.push(c);
  unit.forEachChild(push);
  while (stack.length) {
    const n = stack.pop()!;
    if (isTypeOnly(n.kind) || ts.isDecorator(n)) continue;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) out.push(n);
    if (roots.has(n) || isNestedUnit(n) || (ts.isMethodDeclaration(n) && ts.isClassLike(n.parent))) continue;
    const listeners = listenerArguments(n);
    if (listeners) n.forEachChild((c) => void (listeners.has(c) || stack.push(c)));
    else n.forEachChild(push);
  }
  return out.sort((a, b) => a.pos - b.pos);
}

/**
 * A call whose result is kept in a module-level variable (`if (!client) client = createClient()`,
 * `cache ??= await load()`): it runs once per process, on whichever request comes first, so what it
 * does belongs to the process, not to requests.
 */
function storedForTheProcess(call: ts.CallExpression, parsed: ParsedServiceFile): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p || !ts.isBinaryExpression(p) || p.right !== n) return false;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.QuestionQuestionEqualsToken && op !== ts.SyntaxKind.BarBarEqualsToken) return false;
  const left = unwrap(p.left);
  if (!ts.isIdentifier(left)) return false;
  const d = resolveName(parsed.scopes, left, left.text);
  const node = d?.kind === 'value' || d?.kind === 'other' ? d.node : undefined;
  if (!node) return false;
  for (let q = node.parent; q; q = q.parent) if (ts.isFunctionLike(q)) return false;
  return true;
}

/** Files whose text may start a timer or consume a queue. */
const MAY_RUN_OFF_PATH = /\bset(?:Interval|Timeout|Immediate)\s*\(|\bschedule(?:Job)?\s*\(|\bCronJob\b|\beach(?:Message|Batch)\b|\.consume\s*\(|\bnew\s+Worker\s*\(|\.process\s*\(|@(?:Cron|Interval|Timeout|Process|EventPattern|MessagePattern)\b/;
const TIMER_CALLS = new Set(['setInterval', 'setTimeout', 'setImmediate', 'schedule', 'scheduleJob', 'CronJob']);
const CONSUMER_CALLS = new Set(['consume', 'Worker', 'process', 'run']);
const TIMER_DECORATORS = new Set(['Cron', 'Interval', 'Timeout']);
const CONSUMER_DECORATORS = new Set(['Process', 'EventPattern', 'MessagePattern']);

/**
 * The functions that run outside requests: timer callbacks and queue consumers (in files whose text
 * names them) and the start-up code of the entry files, followed through calls as request paths are.
 */
function offPathUnits(
  service: ServiceView,
  roots: ReadonlyMap<ts.Node, unknown>,
  onPath: ReadonlyMap<ts.Node, ReachedFunction>,
  edgesOf: (at: FunctionAt) => ReadonlyArray<{ target: FunctionAt }>,
  isService: (file: string) => boolean,
): Map<ts.Node, OffPath[]> {
  const targets = callTargetsOf(service);
  const out = new Map<ts.Node, OffPath[]>();
  // Each function is queued at most once per kind (three kinds): linear.
  const queue: Array<{ at: FunctionAt; kind: OffPath }> = [];
  const mark = (at: FunctionAt | null, kind: OffPath) => {
    if (!at || roots.has(at.node)) return;
    let kinds = out.get(at.node);
    if (kinds?.includes(kind)) return;
    if (!kinds) out.set(at.node, (kinds = []));
    kinds.push(kind);
    queue.push({ at, kind });
  };
  const insideRequest = (n: ts.Node) => {
    for (let p = n.parent; p; p = p.parent) if (onPath.has(p)) return true;
    return false;
  };
  const entries = new Set(service.entryPoints.flatMap((e) => (e.target ? [path.resolve(service.root, e.target)] : [])));
  for (const file of service.files) {
    if (!isService(file)) continue;
    const entry = entries.has(file);
    const text = entry ? undefined : service.project.readFile(file);
    if (!entry && (text === undefined || !MAY_RUN_OFF_PATH.test(text))) continue;
    const parsed = service.parsed(file);
    if (!parsed) continue;
    for (const call of unitCallsDeep(parsed.sourceFile)) {
      const kind = offPathKind(call);
      if (!kind || insideRequest(call)) continue;
      for (const arg of call.arguments ?? []) {
        const a = unwrap(arg);
        if (ts.isObjectLiteralExpression(a)) {
          // kafkajs `consumer.run({ eachMessage })`
          for (const p of a.properties) {
            if (ts.isMethodDeclaration(p)) mark({ parsed, node: p }, kind);
            else if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) mark(targets.functionOf(parsed, ts.isPropertyAssignment(p) ? p.initializer : p.name), kind);
          }
        } else mark(targets.functionOf(parsed, a), kind);
      }
    }
    for (const st of parsed.sourceFile.statements) {
      if (!ts.isClassDeclaration(st)) continue;
      for (const m of st.members) {
        const names = ts.isMethodDeclaration(m) ? (ts.getDecorators(m) ?? []).map((d) => decoratorName(d)) : [];
        if (names.some((n) => n && TIMER_DECORATORS.has(n))) mark({ parsed, node: m }, 'a timer');
        else if (names.some((n) => n && CONSUMER_DECORATORS.has(n))) mark({ parsed, node: m }, 'a queue consumer');
      }
    }
    if (entry) {
      // The entry file's own statements run at start-up: what they call does too.
      for (const call of unitCalls(parsed.sourceFile, roots)) {
        if (!ts.isCallExpression(call)) continue;
        mark(targets.callTarget(parsed, call), 'start-up code');
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const { at, kind } = queue[i];
    for (const { target } of edgesOf(at)) mark(target, kind);
  }
  for (const kinds of out.values()) kinds.sort();
  return out;
}

/** Every call and `new` of a file (for timers and consumers, wherever they are set up). */
function unitCallsDeep(sf: ts.SourceFile): Array<ts.CallExpression | ts.NewExpression> {
  const out: Array<ts.CallExpression | ts.NewExpression> = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const n = stack.pop()!;
    if (isTypeOnly(n.kind)) continue;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) out.push(n);
    n.forEachChild((c) => void stack.push(c));
  }
  return out;
}

function offPathKind(call: ts.CallExpression | ts.NewExpression): OffPath | null {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (!name) return null;
  if (TIMER_CALLS.has(name)) return 'a timer';
  if (!CONSUMER_CALLS.has(name)) return null;
  // `run` only as kafkajs's `consumer.run({ eachMessage })`.
  if (name === 'run') {
    const arg = call.arguments?.[0] && unwrap(call.arguments[0]);
    return arg && ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && /^each(?:Message|Batch)$/.test(p.name.text)) ? 'a queue consumer' : null;
  }
  return 'a queue consumer';
}

function decoratorName(d: ts.Decorator): string | null {
  const e = unwrap(d.expression);
  const callee = ts.isCallExpression(e) ? unwrap(e.expression) : e;
  return ts.isIdentifier(callee) ? callee.text : null;
}
