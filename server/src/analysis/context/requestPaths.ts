// Request paths across files: everything a service runs on behalf of a request. Starting from each
// handler function and each middleware in front of one (handler discovery's places), calls are
// followed to workspace functions and methods (services/callTargets.ts: imports through the
// project's resolver, exported functions and object members, class methods through `this`, fields
// typed by constructor parameters, instances made with `new`), transitively. Each function is a
// unit (pathUnits.ts): its own body with the callbacks written in it (`.then(() => ...)`), not the
// functions declared inside it (units of their own when called) nor the listeners it registers; a
// call whose result is kept for the process (a lazily made client) is not followed. Every unit's
// calls are listed once and each unit is queued at most MAX_HANDLERS times (once per handler it
// records), so the walk is linear in the code it reaches.
//
// Code that runs outside requests (start-up code of the entry files, timer callbacks, queue
// consumers: offPath.ts) is not a request path. A function reached from a handler and also from such
// code is still on a request path (the call made for the request logs without its id all the same);
// the rules say it also runs outside requests, worked out only when a rule asks.
import ts from '../typescriptModule';
import type { Handler } from '../handlers/types';
import { functionName } from '../functionName';
import { classifyFile } from '../project';
import { computedNote, describeRoute } from '../rules/handler-missing-metrics';
import type { ParsedServiceFile, ServiceView } from '../rule';
import { resolveName, unwrap } from '../scopes';
import { callTargetsOf, type FunctionAt } from '../services/callTargets';
import { isFunctionLike } from '../treeAt';
import { type OffPath, offPathUnits } from './offPath';
import { storedForTheProcess, unitCalls } from './pathUnits';

export type { OffPath };

/** Handlers recorded per function: enough to name where a finding comes from, and a bound on re-queueing. */
const MAX_HANDLERS = 3;

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
  /** The functions on request paths a function calls (each once), in the order of its calls. */
  calleesOf(fn: ReachedFunction): readonly ReachedFunction[];
}

/** The service's request paths, computed once per service phase. */
export function requestPathsOf(service: ServiceView): RequestPaths {
  return service.memo('requestPaths', () => buildRequestPaths(service));
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
  return `the request path of ${describeRoute(h.method, h.path, h.shownPath)}${computedNote(h.path, h.shownPath)}${others}${via}${also}`;
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
    calleesOf(fn) {
      const out = new Set<ReachedFunction>();
      for (const { target } of edgesOf(fn)) {
        const to = reached.get(target.node);
        if (to) out.add(to);
      }
      return [...out];
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
