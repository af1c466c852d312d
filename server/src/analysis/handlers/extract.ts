// The per-file extractor: one walk over a parsed file (parents set, scope model built) collecting
// the calls and classes that may register routes, then facts: owners, routes, attachments
// (mounts, plugins, middleware), exports, Next.js file routes. Linear in the file's size.
import ts from '../typescriptModule';
import { isTypeOnly, resolveName, type ScopeMap, unwrap } from '../scopes';
import { FactsBuilder, type FunctionNode } from './factsBuilder';
import { FRAMEWORKS, NEXT_ROUTE_EXPORTS } from './frameworks';
import { FrameworkValues } from './frameworkValues';
import { readExports } from './exports';
import { readGlobalPrefix, readNestController } from './nest';
import { nextRouteOf, reactRouterRouteOf } from './paths';
import { labelOf, REGISTRATION_METHODS, RegistrationReader } from './registrations';
import type { FileFacts, FrameworkId, Ref } from './types';

export interface ExtractContext {
  /** The file's path relative to its package folder, with `/` separators (Next.js routes by file); null outside one. */
  packageRelativePath: string | null;
  /** Frameworks the file's package depends on. */
  dependencyFrameworks: ReadonlySet<FrameworkId>;
}

export interface ExtractOptions {
  /**
   * For the linker: positions, exports and functions called with an app. The per-file
   * request-parameter query needs only the registrations (and Next.js route exports).
   */
  linking: boolean;
}

export interface Extraction {
  facts: FileFacts;
  /** The function node of each function fact. */
  functionNodes: readonly FunctionNode[];
}

const SK = ts.SyntaxKind;
const FIRST_NODE = SK.FirstNode;
const CALL = SK.CallExpression;
const forEachChild = ts.forEachChild;

/** The calls and classes of a file that may register routes (a walk of every node, once; leaves and types are not entered). */
export function collectCandidates(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const stack: ts.Node[] = [sf];
  const push = (c: ts.Node) => {
    if (c.kind >= FIRST_NODE && !isTypeOnly(c.kind)) stack.push(c);
  };
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === CALL || isCandidate(node)) out.push(node);
    forEachChild(node, push);
  }
  return out;
}

export function isCandidate(node: ts.Node): boolean {
  if (node.kind === CALL) return true;
  return (node.kind === SK.ClassDeclaration || node.kind === SK.ClassExpression) && ts.getDecorators(node as ts.ClassLikeDeclaration) !== undefined;
}

/**
 * The facts of one file. `candidates`: its calls and decorated classes, when the caller's own walk
 * collected them (else this walks the file). The walk order does not matter: owners are numbered
 * by node, and the frameworks of plugin parameters are settled at the end.
 */
export function extractFacts(file: string, sf: ts.SourceFile, scopes: ScopeMap, context: ExtractContext, options: ExtractOptions, candidates?: readonly ts.Node[]): Extraction {
  const builder = new FactsBuilder(file, sf, options.linking);
  const values = new FrameworkValues(scopes, builder);
  const reader = new RegistrationReader(values, sf);
  for (const node of candidates ?? collectCandidates(sf)) {
    if (ts.isCallExpression(node)) visitCall(node, values, reader, options);
    else readNestController(node as ts.ClassLikeDeclaration, values);
  }
  const nextRoute = context.packageRelativePath !== null && context.dependencyFrameworks.has('nextjs');
  const routeModule = context.packageRelativePath !== null && context.dependencyFrameworks.has('react-router') ? reactRouterRouteOf(context.packageRelativePath) : null;
  if (options.linking || nextRoute || routeModule !== null) readExports(sf, values);
  if (nextRoute) readNextRoutes(sf, context.packageRelativePath!, values, reader);
  if (routeModule !== null) readResourceRoute(sf, routeModule, values, reader);
  if (options.linking) noteReturnedOwners(builder, scopes);
  settleParamFrameworks(builder.facts);
  return { facts: builder.facts, functionNodes: builder.functionNodes };
}

/** Names a node:http server is made by (`http.createServer`): other calls of a member are never looked at as creations. */
export const SERVER_CREATORS: ReadonlySet<string> = new Set(FRAMEWORKS.flatMap((f) => f.creators.filter((c) => c.role === 'server').flatMap((c) => c.exports)));

function visitCall(call: ts.CallExpression, values: FrameworkValues, reader: RegistrationReader, options: ExtractOptions): void {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (REGISTRATION_METHODS.has(method)) {
      const v = values.valueOf(callee.expression);
      if (v?.t === 'route') {
        reader.readRouteObject(call, v.receiver, v.path, method);
        return;
      }
      const receiver = v && values.asReceiver(v);
      if (receiver && reader.read(call, receiver, method)) return;
    }
    if (method === 'setGlobalPrefix' && readGlobalPrefix(call, values)) return;
    if (!SERVER_CREATORS.has(method)) {
      if (options.linking) readOwnerPassedToFunction(call, values);
      return;
    }
  }
  const made = values.valueOf(call);
  if (made?.t === 'owner' && made.receiver.ref.kind === 'owner') {
    const id = made.receiver.ref.owner;
    if (values.builder.existingOwner(call) === id && values.builder.facts.owners[id].role === 'server') readServerHandler(call, made.receiver.ref, values, reader);
    return;
  }
  if (options.linking) readOwnerPassedToFunction(call, values);
}

/** `http.createServer([options], handler)`: the handler serves every method and path (unless it is an app). */
function readServerHandler(call: ts.CallExpression, server: Ref, values: FrameworkValues, reader: RegistrationReader): void {
  const last = call.arguments[call.arguments.length - 1];
  if (!last || ts.isObjectLiteralExpression(unwrap(last))) return;
  if (values.valueOf(last)?.t === 'owner') return; // `createServer(app)` serves an app whose routes are its own (the linker drops an imported one)
  // `createServer(WIKI.app)`: a member of an object the file cannot see into is an app kept there far
  // more often than a bare request listener.
  const u = unwrap(last);
  if (ts.isPropertyAccessExpression(u) && !values.valueOf(last)) return;
  const handler = reader.handlerFact(last, 'first');
  values.builder.facts.routes.push({ owner: server, method: 'ALL', paths: ['*'], handler, before: [], ...values.builder.placeOf(call), tentative: false });
}

/**
 * `registerRoutes(app)`, `require('./routes')(app)`: a function of this or another module called
 * with an owner registers on it through its parameter; the linker follows the call.
 */
function readOwnerPassedToFunction(call: ts.CallExpression, values: FrameworkValues): void {
  if (call.arguments.length === 0) return;
  const callee = values.valueOf(call.expression);
  if (callee?.t !== 'function' && callee?.t !== 'ref') return;
  const target: Ref = callee.t === 'function' ? { kind: 'function', fn: callee.fn } : callee.ref;
  call.arguments.forEach((arg, index) => {
    const v = values.valueOf(arg);
    if (v?.t !== 'owner' && v?.t !== 'param') return;
    const receiver = values.asReceiver(v);
    if (!receiver) return;
    const handler = { ref: null, rule: 'first' as const, label: labelOf(call.expression, values.builder.sf) };
    values.builder.facts.attaches.push({ owner: receiver.ref, via: 'call', prefix: '', target, paramIndex: index, handler, ...values.builder.placeOf(call) });
  });
}

/** Next.js: `app/**\/route.ts` exports one handler per HTTP method; `pages/api/**` default-exports one for all. */
function readNextRoutes(sf: ts.SourceFile, relPath: string, values: FrameworkValues, reader: RegistrationReader): void {
  const route = nextRouteOf(relPath);
  if (!route) return;
  const owner = values.builder.ownerAt(sf, () => ({ framework: 'nextjs', role: 'app', prefixes: [route.path], line: 0, column: 0 }));
  const exported = values.builder.facts.exports;
  if (route.kind === 'pages-api') {
    if (exported.has('default')) addExportRoute(sf, owner, 'default', 'ALL', 'ALL', values, reader);
    return;
  }
  for (const name of exported.keys()) if (NEXT_ROUTE_EXPORTS.has(name)) addExportRoute(sf, owner, name, name, name, values, reader);
}

/** A route a file-routed framework serves through an export of the file (Next.js's `GET`, React Router's `loader`), at that export. */
function addExportRoute(sf: ts.SourceFile, owner: number, name: string, method: string, label: string, values: FrameworkValues, reader: RegistrationReader): void {
  const builder = values.builder;
  const at = exportNode(sf, name);
  // `export const GET = withAuth(async (req) => ...)`: the wrapped function is the handler.
  const init = at && ts.isVariableDeclaration(at) ? at.initializer : undefined;
  const ref = (init && reader.handlerFact(init, 'first').ref) ?? builder.facts.exports.get(name) ?? { kind: 'other' };
  const lc = at ? builder.placeOf(at) : { line: 0, column: 0 };
  builder.facts.routes.push({ owner: { kind: 'owner', owner }, method, paths: [''], handler: { ref, rule: 'first', label }, before: [], ...lc, tentative: false });
}

/** What a React Router / Remix resource route's exports answer: its loader GET, its action the other methods. */
const RESOURCE_ROUTE_EXPORTS: ReadonlyArray<[string, string]> = [['loader', 'GET'], ['action', 'POST']];

/**
 * React Router (framework mode) / Remix: a route module with a loader or action and no component
 * (no default export) is a resource route, an HTTP endpoint of its own (`app/routes/api+/health.ts`).
 * A page's loader serves its page's data: the page is not counted as an endpoint.
 */
function readResourceRoute(sf: ts.SourceFile, routePath: string, values: FrameworkValues, reader: RegistrationReader): void {
  const exported = values.builder.facts.exports;
  if (exported.has('default') || !RESOURCE_ROUTE_EXPORTS.some(([name]) => exported.has(name))) return;
  const owner = values.builder.ownerAt(sf, () => ({ framework: 'react-router', role: 'app', prefixes: [routePath], line: 0, column: 0 }));
  for (const [name, method] of RESOURCE_ROUTE_EXPORTS) if (exported.has(name)) addExportRoute(sf, owner, name, method, name, values, reader);
}

/** The statement or declaration exporting `name`, for the route's position. */
function exportNode(sf: ts.SourceFile, name: string): ts.Node | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && (st.name?.text === name || (name === 'default' && ts.getModifiers(st)?.some((m) => m.kind === SK.DefaultKeyword)))) return st;
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d;
    if (ts.isExportAssignment(st) && name === 'default') return st;
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (el.name.text === name) return el;
    }
  }
  return undefined;
}

/**
 * Within one file: a plugin function registered on a Fastify app (or a function called with an
 * app) holds that framework's instance in its parameter. Repeated until nothing changes (plugins
 * nest); each round settles at least one owner, so at most as many rounds as owners.
 */
export function settleParamFrameworks(facts: FileFacts): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of facts.attaches) {
      if (a.owner.kind !== 'owner' || a.target.kind !== 'function' || a.via === 'use') continue;
      const framework = facts.owners[a.owner.owner].framework;
      const paramOwner = facts.functions[a.target.fn].paramOwners.get(a.via === 'call' ? a.paramIndex : 0);
      if (framework && paramOwner !== undefined && facts.owners[paramOwner].framework === null) {
        facts.owners[paramOwner].framework = framework;
        changed = true;
      }
    }
  }
}

/**
 * The owner each function of the facts returns from its top level (`return api` where `const api =
 * express.Router()` has routes registered on it): calling it gives that router, which
 * `app.all('/entries*', configure(app))` forwards to (Nightscout). Only owners the walk already
 * made count: a function returning a bare `express()` makes none here.
 */
function noteReturnedOwners(builder: FactsBuilder, scopes: ScopeMap): void {
  builder.functionNodes.forEach((fn, id) => {
    const body = (fn as { body?: ts.Node }).body;
    const returned = !body ? [] : ts.isBlock(body) ? body.statements.filter(ts.isReturnStatement).map((r) => r.expression) : [body as ts.Expression];
    const e = returned.length === 1 && returned[0] ? unwrap(returned[0]) : null;
    if (!e) return;
    const d = ts.isIdentifier(e) ? resolveName(scopes, e, e.text) : undefined;
    const made = d?.kind === 'value' ? unwrap(d.init) : d?.kind === 'param' ? d.node : e;
    const owner = builder.existingOwner(made);
    if (owner !== undefined) builder.functionFact(id).returnsOwner = owner;
  });
}
