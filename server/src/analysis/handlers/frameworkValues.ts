// What an expression is, for handler discovery: a framework import, an app or router (an owner),
// an Express route object, a function of this file, or an export of another module. Followed from
// the framework's import through the scope model (as the logger model follows loggers), never
// from names: `app` is an Express app because it was made by calling express's default export.
import ts from '../typescriptModule';
import { assignmentsToLocal, type Declaration, requiredModule, resolveName, type ScopeMap, unwrap } from '../scopes';
import { callerParameters, type FactsBuilder, type FunctionNode, isFunctionNode } from './factsBuilder';
import { type Creator, CREATOR_MODULES, FASTIFY_PLUGIN_MODULE, FRAMEWORK_BY_ID, FRAMEWORKS, type FrameworkSpec } from './frameworks';
import { propertyOf, staticString } from './paths';
import type { FrameworkId, Ref, RoutePath } from './types';

/** Something routes can be registered on, and how sure we are that it is one. */
export interface Receiver {
  ref: Ref;
  framework: FrameworkId | null;
  /** An import of another module or an untyped parameter: only the linker can tell what it is. */
  tentative: boolean;
}

export type ImportRef = Extract<Ref, { kind: 'import' }>;

export type FwValue =
  | { t: 'import'; module: string; name: string; member?: string }
  | { t: 'owner'; receiver: Receiver }
  /** Express's `app.route('/x')`: its methods register on `owner` at `path`. */
  | { t: 'route'; receiver: Receiver; path: RoutePath }
  | { t: 'function'; fn: number; node: FunctionNode }
  | { t: 'param'; node: ts.ParameterDeclaration }
  | { t: 'ref'; ref: ImportRef }
  | { t: 'fastifyPlugin' };

export type TypeTable = 'requestTypes' | 'instanceTypes' | 'pluginTypes';

const MAX_DEPTH = 24;
/** The largest function whose body is searched for what a variable declared without a value is assigned. */
const MAX_ASSIGNED_SCOPE = 200_000;

export class FrameworkValues {
  private readonly memo = new Map<ts.Node, FwValue | null>();
  private readonly functionDecls = new Map<ts.Node, Map<string, ts.FunctionDeclaration | null>>();

  constructor(
    readonly scopes: ScopeMap,
    readonly builder: FactsBuilder,
  ) {}

  valueOf(expr: ts.Expression, depth = 0): FwValue | null {
    const e = unwrap(expr);
    if (depth > MAX_DEPTH) return null;
    const cached = this.memo.get(e);
    if (cached !== undefined) return cached;
    this.memo.set(e, null); // cycles resolve to nothing
    const v = this.compute(e, depth + 1);
    this.memo.set(e, v);
    return v;
  }

  /** `expr` as something routes are registered on, or null. */
  receiverOf(expr: ts.Expression): Receiver | null {
    return this.asReceiver(this.valueOf(expr));
  }

  asReceiver(v: FwValue | null): Receiver | null {
    if (!v) return null;
    if (v.t === 'owner') return v.receiver;
    if (v.t === 'ref') return { ref: v.ref, framework: null, tentative: true };
    if (v.t === 'param') return this.paramOwner(v.node);
    return null;
  }

  /** `expr` as a reference the linker can follow (a function, an owner, another module's export). */
  refOf(expr: ts.Expression): Ref {
    const v = this.valueOf(expr);
    if (!v) return { kind: 'other' };
    switch (v.t) {
      case 'function':
        return { kind: 'function', fn: v.fn };
      case 'owner':
      case 'route':
        return v.receiver.ref;
      case 'ref':
        return v.ref;
      case 'param': {
        // A parameter is an owner only where routes are registered on it (or it is passed on as one).
        const owner = this.builder.existingOwner(v.node);
        return owner !== undefined ? { kind: 'owner', owner } : { kind: 'other' };
      }
      default:
        return { kind: 'other' };
    }
  }

  typeFramework(type: ts.TypeNode | undefined, table: TypeTable): FrameworkId | null {
    return typeFramework(type, table, this.scopes);
  }

  /** The owner a function's parameter holds (a plugin's `fastify`, `module.exports = (app) => ...`). */
  paramOwner(p: ts.ParameterDeclaration): Receiver | null {
    const fn = p.parent;
    if (!isFunctionNode(fn)) return null;
    const index = callerParameters(fn).indexOf(p);
    if (index < 0 || !ts.isIdentifier(p.name)) return null;
    const framework = this.paramFramework(p, fn, index);
    const fnId = this.builder.functionAt(fn);
    const owner = this.builder.ownerAt(p, (place) => ({ framework, role: 'plugin', prefixes: [''], ...place, param: { fn: fnId, index } }));
    this.builder.functionFact(fnId).paramOwners.set(index, owner);
    return { ref: { kind: 'owner', owner }, framework, tentative: framework === null };
  }

  private paramFramework(p: ts.ParameterDeclaration, fn: FunctionNode, index: number): FrameworkId | null {
    const typed = this.typeFramework(p.type, 'instanceTypes');
    if (typed || index !== 0) return typed;
    // `const plugin: FastifyPluginAsync = async (app) => ...`, `fp(async (app) => ...)`.
    const parent = fn.parent;
    if (parent && ts.isVariableDeclaration(parent) && parent.initializer === fn) return this.typeFramework(parent.type, 'pluginTypes');
    if (parent && ts.isCallExpression(parent) && parent.arguments[0] === fn && this.valueOf(parent.expression)?.t === 'fastifyPlugin') return 'fastify';
    return null;
  }

  private compute(e: ts.Expression, depth: number): FwValue | null {
    if (isFunctionNode(e)) return { t: 'function', fn: this.builder.functionAt(e), node: e };
    if (ts.isIdentifier(e)) return this.identifierValue(e, depth);
    if (ts.isCallExpression(e)) return this.callValue(e, depth);
    if (ts.isNewExpression(e)) {
      const callee = this.valueOf(e.expression, depth);
      if (callee?.t === 'ref' && !callee.ref.member) return callee; // an instance of another module's class: as getInstance above
      return callee?.t === 'import' ? this.create(e, callee, 'new') : null;
    }
    if (ts.isPropertyAccessExpression(e)) return this.memberValue(e.expression, e.name.text, depth);
    if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return this.memberValue(e.expression, e.argumentExpression.text, depth);
    return null;
  }

  private identifierValue(id: ts.Identifier, depth: number): FwValue | null {
    const d = resolveName(this.scopes, id, id.text);
    if (!d) return null;
    switch (d.kind) {
      case 'import':
        return importValue(d.module, d.name);
      case 'value':
        return this.valueOf(d.init, depth);
      case 'destructure': {
        const from = this.valueOf(d.from, depth);
        return from ? this.member(from, d.property) : null;
      }
      case 'param':
        return { t: 'param', node: d.node };
      case 'other': {
        const fn = this.functionDeclarationOf(id, d);
        if (fn) return { t: 'function', fn: this.builder.functionAt(fn), node: fn };
        // `var server; ... server = restify.createServer(config)` (Triton CloudAPI): what it is assigned.
        return d.node && !d.node.initializer ? this.assignedValue(d.node, d, depth) : null;
      }
    }
    return null;
  }

  /**
   * The framework value a variable declared without one is assigned in its function (the first in the
   * source that is one). Once per declaration: its function is walked once, however often the name is read.
   */
  private assignedValue(node: ts.VariableDeclaration, d: Declaration, depth: number): FwValue | null {
    const known = this.assignedMemo.get(d);
    if (known !== undefined) return known;
    this.assignedMemo.set(d, null); // a cycle through its own assignment resolves to nothing
    const assignments = assignmentsToLocal(node, (x) => resolveName(this.scopes, x, x.text) === d, MAX_ASSIGNED_SCOPE).sort((a, b) => a.pos - b.pos);
    let value: FwValue | null = null;
    for (const a of assignments) {
      if (a.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      value = this.valueOf(a.right, depth);
      if (value) break;
    }
    this.assignedMemo.set(d, value);
    return value;
  }
  private readonly assignedMemo = new Map<Declaration, FwValue | null>();

  /** The function declaration a name bound as `other` stands for (the scope model keeps no node for them). */
  private functionDeclarationOf(id: ts.Identifier, d: Declaration): ts.FunctionDeclaration | null {
    let scope: ts.Node | undefined = id;
    while (scope && this.scopes.get(scope)?.get(id.text) !== d) scope = scope.parent;
    if (!scope) return null;
    let names = this.functionDecls.get(scope);
    if (!names) {
      names = new Map();
      this.functionDecls.set(scope, names);
      const statements = (scope as { statements?: ts.NodeArray<ts.Statement> }).statements ?? [];
      for (const st of statements) if (ts.isFunctionDeclaration(st) && st.name && st.body) names.set(st.name.text, st);
    }
    return names.get(id.text) ?? null;
  }

  private callValue(call: ts.CallExpression, depth: number): FwValue | null {
    const module = requiredModule(call);
    if (module) return importValue(module, '*');
    if (call.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = call.arguments[0];
      return arg && ts.isStringLiteralLike(arg) ? importValue(arg.text, '*') : null;
    }
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiverValue = this.valueOf(callee.expression, depth);
      // `Server.getInstance()` of an imported class: its instance, whose members (`.app`) the linker
      // finds in the class's module (exports.ts classRef).
      if (receiverValue?.t === 'ref' && !receiverValue.ref.member && INSTANCE_GETTERS.has(callee.name.text)) return receiverValue;
      const chained = receiverValue && this.chainValue(call, receiverValue, callee.name.text);
      if (chained !== undefined) return chained;
    }
    const v = this.valueOf(callee, depth);
    if (!v) return null;
    if (v.t === 'import') return this.create(call, v, 'call');
    if (v.t === 'fastifyPlugin') {
      const plugin = call.arguments[0] && this.valueOf(call.arguments[0], depth);
      if (plugin?.t === 'function') this.builder.functionFact(plugin.fn).skipsPrefix = true;
      return plugin?.t === 'function' ? plugin : null;
    }
    return null;
  }

  /**
   * What a method call on an owner returns: registrations return the owner (calls chain), Express's
   * `route(path)` a route object, Hono's `basePath(p)` an owner mounted at `p`, Koa's `routes()` the
   * router as middleware. Undefined when `v` is not an owner or route.
   */
  private chainValue(call: ts.CallExpression, v: FwValue, method: string): FwValue | null | undefined {
    if (v.t === 'route') return ROUTE_CHAIN.has(method) ? v : null;
    if (v.t === 'param' && !ANY_CHAIN.has(method) && method !== 'basePath') return undefined; // `items.map(...)`: not made an owner
    const receiver = this.asReceiver(v);
    if (!receiver) return undefined;
    const spec = receiver.framework ? specOf(receiver.framework) : null;
    if (method === 'route' && call.arguments.length === 1 && (!spec || spec.id === 'express')) {
      return { t: 'route', receiver, path: staticString(call.arguments[0], this.scopes) };
    }
    if (method === 'basePath' && (!spec || spec.id === 'hono') && receiver.ref.kind === 'owner') {
      const parent = receiver.ref.owner;
      const prefix = call.arguments[0] ? staticString(call.arguments[0], this.scopes) : '';
      const owner = this.builder.ownerAt(call, (place) => ({ framework: receiver.framework, role: 'router', prefixes: [''], ...place, derivedFrom: { parent, prefix } }));
      return { t: 'owner', receiver: { ref: { kind: 'owner', owner }, framework: receiver.framework, tentative: receiver.tentative } };
    }
    if (isChainMethod(spec, method)) return { t: 'owner', receiver };
    // Express's settings return the app (`app.set('env', 'production').disable('x-powered-by').get('/', index)`:
    // The Lounge); `app.set('env')` with no value reads the setting back.
    if ((!spec || spec.id === 'express') && EXPRESS_SETTINGS.has(method) && (method !== 'set' || call.arguments.length >= 2)) return { t: 'owner', receiver };
    return null;
  }

  private create(node: ts.CallExpression | ts.NewExpression, callee: Extract<FwValue, { t: 'import' }>, how: 'call' | 'new'): FwValue | null {
    if (callee.module === FASTIFY_PLUGIN_MODULE) return null;
    for (const spec of FRAMEWORKS) {
      const creator = spec.creators.find((c) => matchesCreator(c, callee, how));
      if (!creator) continue;
      const args = node.arguments ?? [];
      const owner = this.builder.ownerAt(node, (place) => ({ framework: spec.id, role: creator.role, prefixes: [this.prefixOption(creator, args[0])], ...place }));
      return { t: 'owner', receiver: { ref: { kind: 'owner', owner }, framework: spec.id, tentative: false } };
    }
    return null;
  }

  private prefixOption(creator: Creator, options: ts.Expression | undefined): RoutePath {
    if (!creator.prefixOption || !options) return '';
    const o = unwrap(options);
    if (!ts.isObjectLiteralExpression(o)) return '';
    const value = propertyOf(o, creator.prefixOption);
    return value ? staticString(value, this.scopes) : '';
  }

  private memberValue(objectExpr: ts.Expression, name: string, depth: number): FwValue | null {
    const obj = unwrap(objectExpr);
    if (obj.kind === ts.SyntaxKind.ThisKeyword) {
      const init = classMemberInitializer(obj, name);
      return init ? this.valueOf(init, depth) : null;
    }
    const v = this.valueOf(obj, depth);
    return v ? this.member(v, name) : null;
  }

  private member(v: FwValue, name: string): FwValue | null {
    if (v.t === 'import') {
      if (v.member) return null;
      return v.name === 'default' || v.name === '*' ? importValue(v.module, name) : { ...v, member: name };
    }
    if (v.t === 'ref') {
      if (v.ref.member) return null;
      return { t: 'ref', ref: v.ref.name === '*' ? { kind: 'import', specifier: v.ref.specifier, name } : { ...v.ref, member: name } };
    }
    return null;
  }
}

/** The framework whose `table` names the type of this annotation (`Request` from express, `FastifyInstance`). */
export function typeFramework(type: ts.TypeNode | undefined, table: TypeTable, scopes: ScopeMap): FrameworkId | null {
  if (!type || !ts.isTypeReferenceNode(type)) return null;
  const tn = type.typeName;
  let module: string;
  let name: string;
  // Resolved from the type node itself: walks may not descend into types, so only it has a parent.
  if (ts.isIdentifier(tn)) {
    const d = resolveName(scopes, type, tn.text);
    if (d?.kind !== 'import') return null;
    module = d.module;
    name = d.name;
  } else {
    if (!ts.isIdentifier(tn.left)) return null;
    const d = resolveName(scopes, type, tn.left.text);
    if (d?.kind !== 'import' || (d.name !== '*' && d.name !== 'default')) return null;
    module = d.module;
    name = tn.right.text;
  }
  for (const f of FRAMEWORKS) if (f[table]?.[module]?.has(name)) return f.id;
  return null;
}

/** What importing `name` from `module` gives: a framework import to follow, or another module's export. */
function importValue(module: string, name: string): FwValue {
  if (module === FASTIFY_PLUGIN_MODULE) return { t: 'fastifyPlugin' };
  if (CREATOR_MODULES.has(module)) return { t: 'import', module, name };
  return { t: 'ref', ref: { kind: 'import', specifier: module, name } };
}

function matchesCreator(c: Creator, v: Extract<FwValue, { t: 'import' }>, how: 'call' | 'new'): boolean {
  return c.module === v.module && c.exports.includes(v.name) && c.member === v.member && (c.how === 'either' || c.how === how);
}

export function specOf(id: FrameworkId): FrameworkSpec {
  return FRAMEWORK_BY_ID.get(id)!;
}

/** Static methods that hand out a class's (single) instance. */
const INSTANCE_GETTERS = new Set(['getInstance', 'instance', 'getSingleton', 'shared', 'getShared']);

/** Methods of an Express route object (`app.route('/x').get(h).post(h)`). */
const ROUTE_CHAIN = new Set(specOf('express').routeMethods.keys());

/** Registration methods of every framework: a call of one of these on an owner returns the owner. */
const ANY_CHAIN = new Set<string>(['register', 'route', 'addHook', 'routes', 'middleware', 'prefix', 'on']);
for (const f of FRAMEWORKS) {
  for (const m of f.routeMethods.keys()) ANY_CHAIN.add(m);
  for (const m of f.useMethods) ANY_CHAIN.add(m);
  for (const m of f.hooks.keys()) ANY_CHAIN.add(m);
}

/** Express application methods that change a setting and return the app. */
const EXPRESS_SETTINGS = new Set(['set', 'enable', 'disable', 'engine']);

function isChainMethod(spec: FrameworkSpec | null, method: string): boolean {
  if (!spec) return ANY_CHAIN.has(method);
  if (spec.routeMethods.has(method) || spec.useMethods.has(method) || spec.hooks.has(method) || spec.mountMethod?.name === method) return true;
  if (spec.id === 'fastify') return method === 'addHook';
  if (spec.id === 'koa') return method === 'routes' || method === 'middleware' || method === 'prefix';
  if (spec.id === 'hono') return method === 'on';
  return false;
}

/** `this.name`'s value in a class, from the method or function `thisNode` is in: see instanceValues. */
function classMemberInitializer(thisNode: ts.Node, name: string): ts.Expression | null {
  let cls: ts.Node | undefined = thisNode.parent;
  while (cls && !ts.isClassLike(cls)) {
    if (ts.isFunctionDeclaration(cls) || ts.isFunctionExpression(cls)) return null; // `this` is not the instance there
    cls = cls.parent;
  }
  return cls ? (instanceValues(cls as ts.ClassLikeDeclaration).get(name)?.[0] ?? null) : null;
}

const instanceValuesOf = new WeakMap<ts.ClassLikeDeclaration, ReadonlyMap<string, readonly ts.Expression[]>>();

/**
 * What a class's instances hold, by member name, each name's values in the order they count: a
 * field's initializer, then the constructor's top-level `this.name = value`, then a method's
 * (`start() { this.app = express(); ... }`), in member order. A field declared without a value
 * (`app;`, `app = null;`) is assigned later: `null` and `undefined` are left out. Read once per class.
 */
export function instanceValues(cls: ts.ClassLikeDeclaration): ReadonlyMap<string, readonly ts.Expression[]> {
  let known = instanceValuesOf.get(cls);
  if (known) return known;
  const out = new Map<string, ts.Expression[]>();
  const add = (name: string, value: ts.Expression) => {
    if (isNothing(value)) return;
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  };
  const assignments = (m: ts.ConstructorDeclaration | ts.MethodDeclaration) => {
    for (const st of m.body?.statements ?? []) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
      const { left, operatorToken, right } = st.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
      if (left.expression.kind === ts.SyntaxKind.ThisKeyword) add(left.name.text, right);
    }
  };
  for (const m of cls.members) if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.initializer) add(m.name.text, m.initializer);
  for (const m of cls.members) if (ts.isConstructorDeclaration(m)) assignments(m);
  for (const m of cls.members) if (ts.isMethodDeclaration(m)) assignments(m);
  instanceValuesOf.set(cls, (known = out));
  return known;
}

/** `null` or `undefined`: a field declared now and given its value later. */
function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
}
