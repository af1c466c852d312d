// The logger model: what an expression evaluates to, followed from its import or creation (as
// CodeQL's logging model does), never guessed from a variable's name. `metrics.info()` is not a
// log call because `metrics` is not traced back to a logger library. Imports of project modules
// are followed through the file's ImportLinks (model/types.ts): this file knows no other part of
// the project model, so the model's own summariser can use it without an import cycle.
import ts from './typescriptModule';
import { GRAPHQL_CODEGEN_CONTEXT_PARAMETER, GRAPHQL_RESOLVER_CONTEXT_INDEX, LOGGER_TYPES } from './libraries';
import { type FunctionLike, functionOf, NOTHING, summariseFunction } from './logCallables';
import type { CallbackTypeSummary, ClassSummary, FunctionSummary, ImportLinks, LoggerShape } from './model/types';
import { type Declaration, requiredModule, resolveName, type ScopeMap, unwrap } from './scopes';
import { enclosingClass } from './classMembers';
import type { LoggerLibrary } from './types';

export type Value =
  /** `origin`: the project module that creates it, when it was imported (absent: made in this file). */
  | { t: 'logger'; lib: LoggerLibrary; origin?: string }
  /** Calling it creates a logger (`pino`, winston's `createLogger`, `log4js.getLogger`). */
  | { t: 'factory'; lib: LoggerLibrary }
  /** A library or project module object (namespace import or require). */
  | { t: 'module'; module: string }
  | { t: 'console' }
  /** A console method detached from console (`const { log } = console`). */
  | { t: 'consoleMethod'; method: string }
  /** NestJS's Logger class: `new Logger()` creates a logger, `Logger.log()` logs. */
  | { t: 'nestLoggerClass' }
  | { t: 'fastifyFactory' }
  | { t: 'fastifyInstance' }
  /** A class declared in this file (a base class to look members up in). */
  | { t: 'localClass'; node: ts.ClassLikeDeclaration }
  /** A class exported by a project module, as its summary says. */
  | { t: 'importedClass'; cls: ClassSummary }
  /** A function that returns a logger or logs its arguments (logCallables.ts). */
  | { t: 'function'; fn: FunctionSummary }
  /** An object holding such functions (`logSchema.info(logger, msg, fields)`), by member name. */
  | { t: 'object'; members: ReadonlyMap<string, FunctionSummary> }
  /** A value typed with a type literal (`deps: { logger: Logger }`): `at` is where its type's names resolve. */
  | { t: 'typedObject'; type: ts.TypeLiteralNode | ts.InterfaceDeclaration; at: ts.Node }
  /** A value of a function type whose callbacks are handed loggers: what an untyped callback passed to it gets. */
  | { t: 'typedCallbacks'; callbacks: CallbackTypeSummary }
  /** An object some of whose members are loggers, as a callback's type says (`ctx: { logger: Logger }`). */
  | { t: 'loggerMembers'; members: ReadonlyMap<string, LoggerLibrary> }
  /** A GraphQL resolver map type (libraries.ts, GRAPHQL_CODEGEN_CONTEXT_PARAMETER): its resolvers' context, by logger members. */
  | { t: 'resolversType'; context: ReadonlyMap<string, LoggerLibrary> };

/**
 * The per-file question which parameter is a handler's request. Passed in rather than imported: the
 * handler model depends on the project model, which depends on this file.
 */
export interface RequestParameters {
  isRequestParameter(p: ts.ParameterDeclaration): boolean;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const MAX_DEPTH = 24;

export class ValueResolver {
  private readonly memo = new Map<ts.Node, Value | null>();
  private readonly classMembers = new Map<ts.ClassLikeDeclaration, Map<string, Value | null>>();
  private readonly classSummaries = new Map<ts.ClassLikeDeclaration, ClassSummary>();
  private readonly functionSummaries = new Map<FunctionLike, FunctionSummary>();

  constructor(
    private readonly scopes: ScopeMap,
    private readonly links: ImportLinks,
    /** Which parameters are a recognised handler's request (handlers/requestParams.ts); none when absent. */
    private readonly requests?: RequestParameters,
  ) {}

  valueOf(expr: ts.Expression, depth = 0): Value | null {
    if (depth > MAX_DEPTH) return null;
    const e = unwrap(expr);
    const cached = this.memo.get(e);
    if (cached !== undefined) return cached;
    this.memo.set(e, null); // cycles resolve to nothing
    const v = this.compute(e, depth + 1);
    this.memo.set(e, v);
    return v;
  }

  /** Whether `expr` names a parameter (its value comes from its written type). */
  isParameter(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    return ts.isIdentifier(e) && resolveName(this.scopes, e, e.text)?.kind === 'param';
  }

  /** The parameter whose error the function `callee` returns as text (`getErrorMessage` → `err.message`), else null. */
  errorTextParameter(callee: ts.Expression): number | null {
    const v = this.valueOf(callee);
    return v?.t === 'function' && v.fn.returnsErrorText !== undefined ? v.fn.returnsErrorText : null;
  }

  /** The request-logger library when `expr` is a handler's request/reply/context parameter. */
  isRequestParam(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return false;
    const d = resolveName(this.scopes, e, e.text);
    return d?.kind === 'param' && this.paramIsRequest(d.node, d.index);
  }

  private compute(e: ts.Expression, depth: number): Value | null {
    if (ts.isIdentifier(e)) return this.identifierValue(e, depth);
    if (ts.isCallExpression(e)) return this.callValue(e, depth);
    if (ts.isNewExpression(e)) {
      const callee = this.valueOf(e.expression, depth);
      if (callee?.t === 'nestLoggerClass') return { t: 'logger', lib: 'nestjs' };
      if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'Logger') {
        const m = this.valueOf(e.expression.expression, depth);
        if (m?.t === 'module' && m.module === 'winston') return { t: 'logger', lib: 'winston' };
      }
      return null;
    }
    if (ts.isPropertyAccessExpression(e) || (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression))) {
      const name = ts.isPropertyAccessExpression(e) ? e.name.text : (e.argumentExpression as ts.StringLiteralLike).text;
      return this.propertyValue(e.expression, name, depth);
    }
    // `req.log || defaultLogger`, `injected ?? logger`: a logger either way.
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      const left = this.valueOf(e.left, depth);
      const right = this.valueOf(e.right, depth);
      if (left && right) return left.t === 'logger' ? left : right.t === 'logger' ? right : left;
      return left ?? right;
    }
    if (ts.isClassExpression(e)) return { t: 'localClass', node: e };
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return functionValue(this.functionSummary(e));
    if (ts.isObjectLiteralExpression(e)) return this.objectValue(e);
    return null;
  }

  /** What calling a function of this file does for logging, worked out once per function. */
  functionSummary(fn: FunctionLike): FunctionSummary {
    const known = this.functionSummaries.get(fn);
    if (known) return known;
    this.functionSummaries.set(fn, NOTHING); // recursion: a function calling itself adds nothing
    const summary = summariseFunction(fn, this, this.scopes);
    this.functionSummaries.set(fn, summary);
    return summary;
  }

  /** An object literal with members that return a logger or log their arguments; null when it has none. */
  private objectValue(o: ts.ObjectLiteralExpression): Value | null {
    const members = new Map<string, FunctionSummary>();
    for (const p of o.properties) {
      if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? functionOf(p.initializer) : null;
      const summary = fn ? this.functionSummary(fn) : NOTHING;
      if (summary !== NOTHING) members.set(p.name.text, summary);
    }
    return members.size > 0 ? { t: 'object', members } : null;
  }

  private identifierValue(id: ts.Identifier, depth: number): Value | null {
    const d = resolveName(this.scopes, id, id.text);
    if (!d) {
      if (id.text === 'console') return { t: 'console' };
      return null;
    }
    return this.declarationValue(d, depth);
  }

  /** Per declaration: every use of an imported logger resolves through the same import once. */
  private readonly declMemo = new Map<Declaration, Value | null>();

  declarationValue(d: Declaration, depth = 0): Value | null {
    const cached = this.declMemo.get(d);
    if (cached !== undefined) return cached;
    this.declMemo.set(d, null); // cycles resolve to nothing
    const v = this.computeDeclarationValue(d, depth);
    this.declMemo.set(d, v);
    return v;
  }

  private computeDeclarationValue(d: Declaration, depth: number): Value | null {
    switch (d.kind) {
      case 'import':
        return this.importValue(d.module, d.name);
      case 'value':
        return this.valueOf(d.init, depth);
      case 'destructure': {
        const v = this.destructuredValue(d.from, d.property, depth);
        // `const { logger = defaultLogger } = options`: the default, when what is destructured says nothing.
        return v ?? (d.fallback ? this.valueOf(d.fallback, depth) : null);
      }
      case 'param':
        return this.paramValue(d.node, d.index);
      case 'class':
        return { t: 'localClass', node: d.node };
      case 'other': {
        if (d.fn) return functionValue(this.functionSummary(d.fn));
        if (!d.param) return null;
        if (!d.param.node.type) {
          // `(now, { logger }) => ...` passed where the callback's type hands it `{ logger: Logger }`.
          const contextual = this.contextualParamValue(d.param.node, depth);
          return contextual?.t === 'loggerMembers' ? loggerMember(contextual, d.param.property) : null;
        }
        const typed = this.typeValue(d.param.node.type, d.param.node);
        return typed?.t === 'typedObject' ? this.typedMember(typed, d.param.property) : null;
      }
      default:
        return null;
    }
  }

  /** What `const { property } = fromExpr` binds. */
  private destructuredValue(fromExpr: ts.Expression, property: string, depth: number): Value | null {
    const from = this.valueOf(fromExpr, depth);
    if (!from) return null;
    if (from.t === 'console') return { t: 'consoleMethod', method: property };
    if (from.t === 'module') return this.importValue(from.module, property);
    if (from.t === 'object') return memberValue(from, property);
    if (from.t === 'typedObject') return this.typedMember(from, property);
    if (from.t === 'loggerMembers') return loggerMember(from, property);
    return null;
  }

  /** What importing `name` from `module` gives. */
  importValue(module: string, name: string): Value | null {
    switch (module) {
      case 'pino':
        return name === 'default' || name === '*' || name === 'pino' ? { t: 'factory', lib: 'pino' } : null;
      case 'winston':
        if (name === 'createLogger') return { t: 'factory', lib: 'winston' };
        return name === 'default' || name === '*' ? { t: 'module', module } : null;
      case 'bunyan':
        if (name === 'createLogger') return { t: 'factory', lib: 'bunyan' };
        return name === 'default' || name === '*' ? { t: 'module', module } : null;
      case 'log4js':
        if (name === 'getLogger') return { t: 'factory', lib: 'log4js' };
        return name === 'default' || name === '*' ? { t: 'module', module } : null;
      case '@nestjs/common':
        if (name === 'Logger' || name === 'ConsoleLogger') return { t: 'nestLoggerClass' };
        return name === '*' ? { t: 'module', module } : null;
      case 'fastify':
        return name === 'default' || name === '*' || name === 'fastify' || name === 'Fastify' ? { t: 'fastifyFactory' } : null;
    }
    return this.projectModuleValue(module, name);
  }

  /** An import of a project module (relative, a `paths` alias, a workspace package), followed to what it exports. */
  private projectModuleValue(specifier: string, name: string): Value | null {
    const v = this.links.exportOf(specifier, name);
    if (!v) return null;
    if (v.t === 'logger') return { t: 'logger', lib: v.lib, origin: v.origin };
    if (v.t === 'class') return { t: 'importedClass', cls: v.cls };
    if (v.t === 'function') return { t: 'function', fn: v.fn };
    if (v.t === 'object') return { t: 'object', members: v.members };
    return { t: 'module', module: specifier };
  }

  private callValue(call: ts.CallExpression, depth: number): Value | null {
    const module = requiredModule(call);
    if (module) return this.importValue(module, '*');
    const callee = unwrap(call.expression);
    // `logger.child({...})` is a logger of the same library.
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      const target = this.valueOf(callee.expression, depth);
      if (target?.t === 'logger' && name === 'child') return target;
      if (target?.t === 'module') {
        const member = this.importValue(target.module, name);
        if (member?.t === 'factory') return { t: 'logger', lib: member.lib };
        if (member?.t === 'fastifyFactory') return { t: 'fastifyInstance' };
      }
      if (target?.t === 'factory' && (name === 'default' || name === 'pino')) return { t: 'logger', lib: target.lib };
      if (target?.t === 'factory' && target.lib === 'winston' && name === 'child') return null;
    }
    const v = this.valueOf(callee, depth);
    if (v?.t === 'factory') return { t: 'logger', lib: v.lib };
    if (v?.t === 'fastifyFactory') return { t: 'fastifyInstance' };
    // A project function that returns a logger (`getLogger()`, `extendLoggerComponent(logger, 'db')`).
    if (v?.t === 'function' && v.fn.returnsLogger) return { t: 'logger', lib: v.fn.returnsLogger };
    return null;
  }

  private propertyValue(objectExpr: ts.Expression, name: string, depth: number): Value | null {
    const obj = unwrap(objectExpr);
    if (ts.isIdentifier(obj) && GLOBAL_OBJECTS.has(obj.text) && !resolveName(this.scopes, obj, obj.text)) {
      return name === 'console' ? { t: 'console' } : null;
    }
    if (obj.kind === ts.SyntaxKind.ThisKeyword) return this.thisMember(obj, name, depth);
    const target = this.valueOf(obj, depth);
    if (target?.t === 'module') {
      if (target.module === 'pino' || target.module === 'winston' || target.module === 'bunyan' || target.module === 'log4js') {
        return this.importValue(target.module, name);
      }
      return this.importValue(target.module, name);
    }
    if (target?.t === 'factory' && target.lib === 'pino' && (name === 'default' || name === 'pino')) return target;
    if (target?.t === 'fastifyInstance' && name === 'log') return { t: 'logger', lib: 'pino' };
    if (target?.t === 'object') return memberValue(target, name);
    if (target?.t === 'typedObject') return this.typedMember(target, name);
    if (target?.t === 'loggerMembers') return loggerMember(target, name);
    if (name === 'log' && this.links.providesRequestLogger && this.isRequestParam(obj)) return { t: 'logger', lib: 'pino' };
    return null;
  }

  /** `this.name` inside a class: a field initialised with a logger, typed as one, assigned one in the constructor, or inherited. */
  private thisMember(thisNode: ts.Node, name: string, depth: number): Value | null {
    const klass = enclosingClass(thisNode);
    return klass ? this.memberOf(klass, name, depth) : null;
  }

  /** A member of a class, its own or inherited from its base class (in this file or imported). */
  private memberOf(klass: ts.ClassLikeDeclaration, name: string, depth: number): Value | null {
    let members = this.classMembers.get(klass);
    if (!members) this.classMembers.set(klass, (members = new Map()));
    if (members.has(name)) return members.get(name)!;
    members.set(name, null); // a class that extends itself (through a cycle) has nothing
    let v = this.findMember(klass, name, depth);
    if (!v) {
      const base = this.baseClassOf(klass, depth);
      if (base?.t === 'localClass') v = this.memberOf(base.node, name, depth + 1);
      else if (base?.t === 'importedClass') {
        const lib = base.cls.members.get(name);
        v = lib ? { t: 'logger', lib } : null;
      }
    }
    members.set(name, v);
    return v;
  }

  /** The class `klass` extends, when it is one the model can see into. */
  private baseClassOf(klass: ts.ClassLikeDeclaration, depth: number): Value | null {
    const clause = klass.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    const expr = clause?.types[0]?.expression;
    if (!expr || depth > MAX_DEPTH) return null;
    const v = this.valueOf(expr, depth);
    return v?.t === 'localClass' || v?.t === 'importedClass' ? v : null;
  }

  private findMember(klass: ts.ClassLikeDeclaration, name: string, depth: number): Value | null {
    for (const m of klass.members) {
      if (ts.isPropertyDeclaration(m) && m.name && ts.isIdentifier(m.name) && m.name.text === name) {
        if (m.initializer) return this.valueOf(m.initializer, depth);
        if (m.type) return this.typeValue(m.type);
      }
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length && p.type) return this.typeValue(p.type);
        }
        for (const st of m.body?.statements ?? []) {
          if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
          const { left, operatorToken, right } = st.expression;
          if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
          if (left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return this.valueOf(right, depth);
        }
      }
    }
    return null;
  }

  /** A member of the class enclosing `at` that holds a logger (`this.logger`), for fixes to write to. */
  classLogger(at: ts.Node): { name: string; lib: LoggerLibrary } | null {
    const klass = enclosingClass(at);
    if (!klass) return null;
    const [first] = this.classSummary(klass).members;
    return first ? { name: first[0], lib: first[1] } : null;
  }

  /** The members of a class that hold a logger, its own (in declaration order) first, then inherited ones. */
  classSummary(klass: ts.ClassLikeDeclaration, depth = 0): ClassSummary {
    const known = this.classSummaries.get(klass);
    if (known) return known;
    const members = new Map<string, LoggerLibrary>();
    const summary: ClassSummary = { members };
    this.classSummaries.set(klass, summary); // a class that extends itself (through a cycle) inherits nothing more
    for (const name of declaredMemberNames(klass)) {
      const v = this.memberOf(klass, name, depth);
      if (v?.t === 'logger') members.set(name, v.lib);
    }
    const base = depth < MAX_DEPTH ? this.baseClassOf(klass, depth) : null;
    const inherited = base?.t === 'localClass' ? this.classSummary(base.node, depth + 1).members : base?.t === 'importedClass' ? base.cls.members : undefined;
    for (const [name, lib] of inherited ?? []) if (!members.has(name)) members.set(name, lib);
    return summary;
  }

  /** A type annotation naming a logger type of a library (`Logger` from 'pino', `winston.Logger`). */
  typeValue(type: ts.TypeNode, at: ts.Node = type, depth = 0): Value | null {
    // `typeof logger`: the type of a value the model follows.
    if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName)) {
      const d = resolveName(this.scopes, at, type.exprName.text);
      const v = d && depth < MAX_DEPTH ? this.declarationValue(d, depth + 1) : null;
      return v?.t === 'logger' ? { t: 'logger', lib: v.lib } : null;
    }
    // `deps: { logger: Logger; db: Knex }`: its members are looked up by name.
    if (ts.isTypeLiteralNode(type)) return { t: 'typedObject', type, at };
    // `schedule: (cron: string, task: (ctx: { logger: Logger }) => void) => void`: what its callbacks get.
    if (ts.isFunctionTypeNode(type)) return this.callbackTypeValue(type, at, depth);
    if (!ts.isTypeReferenceNode(type)) return null;
    if (this.isConsoleType(type, at)) return { t: 'console' };
    const tn = type.typeName;
    // Resolve from `at`, a node the walk visited: it does not descend into types, so their inner nodes have no parent.
    if (ts.isIdentifier(tn)) {
      const d = resolveName(this.scopes, at, tn.text);
      // `deps: CreateDeps` with `type CreateDeps = { logger: Logger }` (or an interface) in this file.
      if (!d) {
        const named = this.namedObjectType(tn, at);
        return named ? { t: 'typedObject', type: named, at } : null;
      }
      if (d.kind !== 'import') return null;
      const entry = LOGGER_TYPES[d.module];
      if (entry) return entry[1].has(d.name) ? { t: 'logger', lib: entry[0] } : null;
      // A project module's exported type that names a logger (`export type Logger = typeof logger`).
      const exported = this.links.exportOf(d.module, d.name);
      if (exported?.t === 'callbackType') return { t: 'typedCallbacks', callbacks: exported.callbacks };
      if (exported?.t === 'shapeType') return { t: 'loggerMembers', members: exported.members };
      if (exported?.t === 'resolversType') return { t: 'resolversType', context: exported.context };
      return exported?.t === 'loggerType' ? { t: 'logger', lib: exported.lib } : null;
    }
    if (ts.isIdentifier(tn.left)) {
      const d = resolveName(this.scopes, at, tn.left.text);
      const entry = d?.kind === 'import' ? LOGGER_TYPES[d.module] : undefined;
      // `pino.Logger` of `import * as pino`, `import pino` or `import { pino } from 'pino'` (the namespace the library exports under its own name).
      if (d?.kind !== 'import' || (d.name !== '*' && d.name !== 'default' && d.name !== entry?.[0])) return null;
      if (entry && entry[1].has(tn.right.text)) return { t: 'logger', lib: entry[0] };
    }
    return null;
  }

  /**
   * The global `Console` type, or a part of it (`Pick<Console, 'log' | 'error'>`, `Partial<Console>`):
   * a logger so typed is console (`constructor(logger: Console = console)`), its calls console calls.
   */
  private isConsoleType(type: ts.TypeReferenceNode, at: ts.Node): boolean {
    const tn = type.typeName;
    if (!ts.isIdentifier(tn)) return false;
    if (tn.text === 'Console') return !resolveName(this.scopes, at, 'Console');
    if ((tn.text === 'Pick' || tn.text === 'Partial' || tn.text === 'Readonly') && type.typeArguments?.length) {
      const inner = type.typeArguments[0];
      return ts.isTypeReferenceNode(inner) && this.isConsoleType(inner, at) && !resolveName(this.scopes, at, tn.text);
    }
    return false;
  }

  /** Top-level object types of this file by name (type aliases of a type literal, interfaces without heritage), read once. */
  private objectTypes: Map<string, ts.TypeLiteralNode | ts.InterfaceDeclaration> | null = null;

  /** The object type a type name written in this file names, when it is declared at its top level. */
  private namedObjectType(name: ts.Identifier, at: ts.Node): ts.TypeLiteralNode | ts.InterfaceDeclaration | null {
    if (!this.objectTypes) {
      const sf = at.getSourceFile() as ts.SourceFile | undefined;
      if (!sf) return null; // a node inside a type has no parent to find its file by
      this.objectTypes = new Map();
      for (const st of sf.statements) {
        if (ts.isTypeAliasDeclaration(st) && ts.isTypeLiteralNode(st.type) && !st.typeParameters) this.objectTypes.set(st.name.text, st.type);
        else if (ts.isInterfaceDeclaration(st) && !st.typeParameters && !st.heritageClauses) this.objectTypes.set(st.name.text, st);
      }
    }
    return this.objectTypes.get(name.text) ?? null;
  }

  /** The member `name` of an object typed with a type literal, by its written type. */
  private typedMember(o: Extract<Value, { t: 'typedObject' }>, name: string): Value | null {
    for (const m of o.type.members) {
      if (ts.isPropertySignature(m) && m.type && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name) {
        const v = this.typeValue(m.type, o.at);
        return v?.t === 'logger' || v?.t === 'typedCallbacks' ? v : null;
      }
    }
    return null;
  }

  private paramValue(p: ts.ParameterDeclaration, _index: number): Value | null {
    if (p.type) return this.typeValue(p.type, p);
    const contextual = this.contextualParamValue(p, 0);
    return contextual?.t === 'loggerMembers' && contextual.members.size === 0 ? null : contextual;
  }

  /**
   * An untyped parameter of a callback passed straight to a function whose type says what the
   * callback gets (`scheduleExecution('*\/5 * * * *', 'task', async (now, ctx) => ctx.logger...)`
   * with `scheduleExecution: ScheduleExecution`): the type TypeScript gives it by context.
   */
  private contextualParamValue(p: ts.ParameterDeclaration, depth: number): Value | null {
    const fn = p.parent;
    // Cheap checks first: a function expression that is an argument of a call.
    if (!fn) return null;
    if (ts.isMethodDeclaration(fn)) return this.resolverContextValue(fn, p, depth);
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return null;
    if (fn.parent && ts.isPropertyAssignment(fn.parent)) return this.resolverContextValue(fn, p, depth);
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call)) return null;
    const argIndex = call.arguments.indexOf(fn);
    if (argIndex < 0 || depth > MAX_DEPTH) return null;
    const callee = this.valueOf(call.expression, depth + 1);
    if (callee?.t !== 'typedCallbacks') return null;
    const shape = callee.callbacks.get(argIndex)?.get(fn.parameters.indexOf(p));
    return shape ? shapeValue(shape) : null;
  }

  /**
   * The context parameter of a GraphQL resolver in a resolver map typed with a generated resolvers
   * type (`{ Query: { run: (parent, args, ctx) => ctx.log... } } as Resolvers`): the map's object
   * literals are climbed to the annotation, cast or `satisfies` that types them. Resolvers sit two
   * levels in (type, then field) or three (`{ subscribe, resolve }`).
   */
  private resolverContextValue(fn: ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression, p: ts.ParameterDeclaration, depth: number): Value | null {
    if (fn.parameters.indexOf(p) !== GRAPHQL_RESOLVER_CONTEXT_INDEX) return null;
    let node: ts.Node = ts.isMethodDeclaration(fn) ? fn : fn.parent; // the method, or the property assignment
    let levels = 0;
    for (;;) {
      const object = node.parent;
      if (!object || !ts.isObjectLiteralExpression(object) || levels > 3) return null;
      levels++;
      // `(enabled ? { ... } : { ... }) as Resolvers`: through parentheses and either branch of a conditional.
      let up: ts.Node = object.parent;
      while (up && (ts.isParenthesizedExpression(up) || (ts.isConditionalExpression(up) && levels > 1))) up = up.parent;
      if (up && ts.isPropertyAssignment(up)) {
        node = up;
        continue;
      }
      if (levels < 2 || !up) return null;
      const type = ts.isAsExpression(up) || ts.isSatisfiesExpression(up) || (ts.isVariableDeclaration(up) && up.initializer === object) ? up.type : undefined;
      const v = type && depth < MAX_DEPTH ? this.typeValue(type, up, depth + 1) : null;
      return v?.t === 'resolversType' ? { t: 'loggerMembers', members: v.context } : null;
    }
  }

  /** The context a GraphQL resolver map type's resolvers get, by logger members (`Resolvers<ContextType = GraphQLContext>`). */
  resolverContextOf(alias: ts.TypeAliasDeclaration): ReadonlyMap<string, LoggerLibrary> | null {
    const param = alias.typeParameters?.find((t) => t.name.text === GRAPHQL_CODEGEN_CONTEXT_PARAMETER);
    return param?.default ? this.loggerMembersOf(param.default, alias) : null;
  }

  /** The logger members of an object type (a type literal, an intersection holding one, a named one): null when none. */
  loggerMembersOf(type: ts.TypeNode, at: ts.Node): ReadonlyMap<string, LoggerLibrary> | null {
    const shape = this.loggerShape(type, at, 0);
    return shape && 'members' in shape ? shape.members : null;
  }

  /** What a function type's callback parameters are handed, by parameter index; null when no logger. */
  private callbackTypeValue(type: ts.FunctionTypeNode, at: ts.Node, depth: number): Value | null {
    const callbacks = new Map<number, Map<number, LoggerShape>>();
    type.parameters.forEach((param, i) => {
      if (!param.type || !ts.isFunctionTypeNode(param.type)) return;
      param.type.parameters.forEach((cbParam, j) => {
        const shape = cbParam.type && depth < MAX_DEPTH ? this.loggerShape(cbParam.type, at, depth + 1) : null;
        if (!shape) return;
        let byParam = callbacks.get(i);
        if (!byParam) callbacks.set(i, (byParam = new Map()));
        byParam.set(j, shape);
      });
    });
    return callbacks.size > 0 ? { t: 'typedCallbacks', callbacks } : null;
  }

  /** A logger type, or an object type with logger members (`{ logger: Logger; job: Job }`). */
  private loggerShape(type: ts.TypeNode, at: ts.Node, depth: number): LoggerShape | null {
    if (ts.isIntersectionTypeNode(type)) {
      // `BaseContext & AuthContext & { log: Logger }`: the members of every part.
      const merged = new Map<string, LoggerLibrary>();
      for (const part of type.types) {
        const s = depth < MAX_DEPTH ? this.loggerShape(part, at, depth + 1) : null;
        if (s && 'members' in s) for (const [k, lib] of s.members) merged.set(k, lib);
      }
      return merged.size > 0 ? { members: merged } : null;
    }
    const v = this.typeValue(type, at, depth);
    if (v?.t === 'logger') return { lib: v.lib };
    if (v?.t === 'loggerMembers') return v.members.size > 0 ? { members: v.members } : null;
    if (v?.t !== 'typedObject') return null;
    const members = new Map<string, LoggerLibrary>();
    for (const m of v.type.members) {
      if (!ts.isPropertySignature(m) || !m.type || !m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
      const mv = this.typeValue(m.type, v.at, depth + 1);
      if (mv?.t === 'logger') members.set(m.name.text, mv.lib);
    }
    return members.size > 0 ? { members } : null;
  }

  /**
   * A handler's request, reply or context: the request parameter of a recognised handler or
   * middleware, or a parameter typed as a framework's request; never any callback's first parameter.
   */
  private paramIsRequest(p: ts.ParameterDeclaration, _index: number): boolean {
    return this.requests?.isRequestParameter(p) ?? false;
  }
}

function functionValue(fn: FunctionSummary): Value | null {
  return fn === NOTHING ? null : { t: 'function', fn };
}

function shapeValue(shape: LoggerShape): Value {
  return 'lib' in shape ? { t: 'logger', lib: shape.lib } : { t: 'loggerMembers', members: shape.members };
}

function loggerMember(o: Extract<Value, { t: 'loggerMembers' }>, name: string): Value | null {
  const lib = o.members.get(name);
  return lib ? { t: 'logger', lib } : null;
}

function memberValue(o: Extract<Value, { t: 'object' }>, name: string): Value | null {
  const fn = o.members.get(name);
  return fn ? { t: 'function', fn } : null;
}

/** Names of a class's fields: declared properties, constructor parameter properties, `this.x =` in the constructor. */
function declaredMemberNames(klass: ts.ClassLikeDeclaration): Set<string> {
  const names = new Set<string>();
  for (const m of klass.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name)) names.add(m.name.text);
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && ts.getModifiers(p)?.length) names.add(p.name.text);
      for (const st of m.body?.statements ?? []) {
        if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && ts.isPropertyAccessExpression(st.expression.left) && st.expression.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
          names.add(st.expression.left.name.text);
        }
      }
    }
  }
  return names;
}
