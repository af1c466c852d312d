// Which parameter is a request: the per-file question the logger model asks before it writes
// `req.log` or treats `x.headers` as a request's. True only for the request (Koa's ctx, Hono's c,
// Fastify's request or reply, Nest's @Req()) of a recognised handler or middleware, a parameter
// typed as a framework's request, or the first of an untyped `(req, res)` that answers through its
// second (a handler registered in another file); never for the first parameter of any other callback
// (`.catch((e) => ...)`, `items.forEach((m) => ...)`, `new Promise((resolve) => ...)`).
import ts from '../typescriptModule';
import type { ProjectModel } from '../project';
import { resolveName, type ScopeMap, unwrap } from '../scopes';
import { extractContextFor, mentionsFramework } from './context';
import { type ExtractContext, extractFacts, SERVER_CREATORS } from './extract';
import { REGISTRATION_METHODS } from './registrations';
import { callerParameters, isFunctionNode, requestParamIndex } from './factsBuilder';
import { typeFramework } from './frameworkValues';
import { isPassportVerifyRequest } from './passport';
import { FRAMEWORK_BY_ID } from './frameworks';
import { containsNode } from '../context/imports';
import type { FileFacts, HandlerFact, RouteFact } from './types';

export class HandlerRequests {
  private requestIndex: Map<ts.Node, number> | null = null;
  /** Functions found to answer through their second parameter (answersThroughSecond), by node. */
  private readonly answering = new Map<ts.Node, boolean>();
  /** Response methods of the frameworks the package depends on; null until first asked. */
  private responseMethods: ReadonlySet<string> | null = null;

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly scopes: ScopeMap,
    private readonly project: ProjectModel,
    private readonly file: string,
  ) {}

  /** The request parameter of `fn` when it is a recognised handler or middleware, else null. */
  requestParamOf(fn: ts.Node): ts.ParameterDeclaration | null {
    if (!isFunctionNode(fn) || cannotBeHandler(fn)) return null;
    const index = this.handlers().get(fn);
    return index === undefined ? null : (callerParameters(fn)[index] ?? null);
  }

  /** Whether `id` names a handler's request parameter (or one typed as a framework's request). */
  isHandlerRequest(id: ts.Identifier): boolean {
    const d = resolveName(this.scopes, id, id.text);
    return d?.kind === 'param' && this.isRequestParameter(d.node);
  }

  isRequestParameter(p: ts.ParameterDeclaration): boolean {
    // A parameter of a function type (`cb: (x) => void`) sits in a type, which walks leave without parents.
    if (!p.parent) return false;
    if (typeFramework(p.type, 'requestTypes', this.scopes)) return true;
    // A Passport verify callback with `passReqToCallback: true` gets the request first.
    if (isPassportVerifyRequest(p, this.scopes)) return true;
    return this.requestParamOf(p.parent) === p || this.answersThroughSecond(p);
  }

  /**
   * An untyped `(req, res[, next])` whose body answers through its second parameter with a method
   * only a response of a framework the package depends on has (`res.json(...)`, `reply.send(...)`):
   * its first parameter is the request, wherever the function is registered (a controllers file whose
   * routes are in another file, which a file's own handler discovery cannot see). Once per function.
   */
  private answersThroughSecond(p: ts.ParameterDeclaration): boolean {
    const fn = p.parent;
    if (!isFunctionNode(fn) || p.type || !ts.isIdentifier(p.name)) return false;
    const params = callerParameters(fn);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (params[0] !== p || params.length < 2 || params.length > 3 || !body) return false;
    let answers = this.answering.get(fn);
    if (answers === undefined) this.answering.set(fn, (answers = this.answersThrough(body, params[1])));
    return answers;
  }

  private answersThrough(body: ts.Node, second: ts.ParameterDeclaration): boolean {
    if (second.type || !ts.isIdentifier(second.name)) return false;
    const name = second.name.text;
    if (this.responseMethods === null) {
      const methods = new Set<string>();
      for (const id of extractContextFor(this.project, this.file).dependencyFrameworks) for (const m of FRAMEWORK_BY_ID.get(id)?.responseMethods ?? []) methods.add(m);
      this.responseMethods = methods;
    }
    const methods = this.responseMethods;
    if (methods.size === 0) return false;
    // `res.status(201).json(...)`: the chain's first call is on the parameter itself.
    return containsNode(body, (n) => {
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !methods.has(n.expression.name.text)) return false;
      const target = unwrap(n.expression.expression);
      if (!ts.isIdentifier(target) || target.text !== name) return false;
      const d = resolveName(this.scopes, target, name);
      return d?.kind === 'param' && d.node === second;
    });
  }

  /** Every recognised handler and middleware function of the file → its request parameter's index. Built once. */
  private handlers(): Map<ts.Node, number> {
    if (this.requestIndex) return this.requestIndex;
    const out = new Map<ts.Node, number>();
    this.requestIndex = out;
    const context = extractContextFor(this.project, this.file);
    // In a framework's package every file is looked at (routes on imported routers count by their shape).
    if (context.dependencyFrameworks.size === 0 && !mentionsFramework(this.sf.text)) return out;
    let extraction: ReturnType<typeof extractFacts>;
    try {
      extraction = extractFacts(this.file, this.sf, this.scopes, context, { linking: false });
    } catch {
      // The logger model asks while it recognises log calls: a failure here must not cost the file
      // its analysis. Knowing no handler is the safe answer (no `x.log` is written for a guess).
      return out;
    }
    const { facts, functionNodes } = extraction;
    const add = (h: HandlerFact) => {
      if (h.ref?.kind !== 'function') return;
      const index = requestParamIndex(h.rule, facts.functions[h.ref.fn]);
      if (index !== null) out.set(functionNodes[h.ref.fn], index);
    };
    for (const route of facts.routes) {
      if (!routeCounts(route, facts, context)) continue;
      for (const h of route.before) add(h);
      add(route.handler);
    }
    for (const a of facts.attaches) if (a.via === 'use' && a.owner.kind === 'owner' && facts.owners[a.owner.owner].framework) add(a.handler);
    return out;
  }
}

/**
 * The request parameter of the nearest enclosing function that is a recognised handler or
 * middleware, or that takes a parameter typed as a framework's request (`(req: Request, res: Response)`
 * in a controllers file whose routes are registered elsewhere): RuleContext.requestParamAt, and what
 * the service phase's request paths leave to the file phase.
 */
export function requestParamAt(requests: HandlerRequests, at: ts.Node): ts.Identifier | null {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const p = requests.requestParamOf(n) ?? n.parameters.find((q) => q.type && requests.isRequestParameter(q));
    if (p) return ts.isIdentifier(p.name) ? p.name : null;
  }
  return null;
}

/**
 * An inline callback of a call no framework registers with (`.catch(...)`, `.forEach(...)`,
 * `new Promise(...)`, `emitter.on(...)` aside): answered without looking at the rest of the file.
 */
function cannotBeHandler(fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const call = fn.parent;
  if (call && ts.isNewExpression(call)) return true;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false; // a wrapper (`asyncHandler(fn)`, `fp(fn)`) may be registered
  const outer = call.parent;
  const wrapped = outer && (ts.isCallExpression(outer) || ts.isNewExpression(outer)) && outer.arguments?.includes(call);
  return !wrapped && !REGISTRATION_METHODS.has(callee.name.text) && !SERVER_CREATORS.has(callee.name.text);
}

/**
 * A route on a known app or router counts. One on an object imported from a relative module or
 * received as a parameter counts when it has the shape only a route has: an HTTP method, a path
 * starting with `/`, in a package that depends on a framework (`import { router } from './router'`
 * then `router.get('/users', (req, res) => ...)`). A package's client (`request.get('/x', (err, res) => ...)`) does not.
 */
function routeCounts(route: RouteFact, facts: FileFacts, context: ExtractContext): boolean {
  const owner = route.owner;
  if (owner.kind === 'owner' && facts.owners[owner.owner].framework) return true;
  if (context.dependencyFrameworks.size === 0) return false;
  if (!route.paths.every((p) => p !== null && p.startsWith('/'))) return false;
  return owner.kind === 'owner' || (owner.kind === 'import' && owner.specifier.startsWith('.'));
}
