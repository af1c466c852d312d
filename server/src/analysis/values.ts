// The logger model: what an expression evaluates to, followed from its import or creation (as
// CodeQL's logging model does), never guessed from a variable's name. `metrics.info()` is not a
// log call because `metrics` is not traced back to a logger library. Imports of project modules
// are followed through the file's ImportLinks (model/types.ts): this file knows no other part of
// the project model, so the model's own summariser can use it without an import cycle.
import ts from './typescriptModule';
import { type FunctionLike, functionOf, NOTHING, summariseFunction } from './logCallables';
import { objectFacadeMembers } from './loggerFacade';
import { nodeRedNodeAt, nodeRedNodeLookup } from './nodeRedNodes';
import type { ClassSummary, FunctionSummary, ImportLinks } from './model/types';
import { type Declaration, hasModifier, isFallback, resolveName, type ScopeMap, unwrap } from './scopes';
import { GlobalMembers } from './globalMembers';
import { enclosingClass, thisMember } from './classMembers';
import type { LoggerLibrary } from './types';
import { LEVEL_METHODS } from './libraries';
import { ClassValues, staticInstanceFields } from './classValues';
import { instanceOfSummary, TypeValues } from './typeValues';
import { constantTextsOf } from './constantTexts';
import { assignedAtTopLevel, assignedConsoleMethod, assignedLoggerInBlock } from './assignedValues';
import { libraryImportValue, otherLoggingPackageValue, WINSTON_CONTAINER } from './libraryValues';
import { MAX_DEPTH, type Value } from './valueTypes';
import { type CallContext, callValueOf } from './callValues';
import { functionValue, loggerFactory, loggerMember, memberValue, trpcOption, valueOfExport } from './memberValues';
import { boundLoggerObject, enclosingObjectLiteral, ObjectLiteralMembers } from './objectLiteralValues';
import { classExportNames, constructorMember, initialiserName } from './moduleInitialisers';
import { jsDocParameterType } from './parameterTypes';

export type { Value } from './valueTypes';

/**
 * The per-file question which parameter is a handler's request. Passed in rather than imported: the
 * handler model depends on the project model, which depends on this file.
 */
export interface RequestParameters {
  isRequestParameter(p: ts.ParameterDeclaration): boolean;
}

export class ValueResolver {
  private readonly memo = new Map<ts.Node, Value | null>();
  private readonly functionSummaries = new Map<FunctionLike, FunctionSummary>();
  /** What written types (and callbacks' contexts) say. */
  private readonly types: TypeValues;
  /** What class members hold. */
  private readonly classes: ClassValues;
  /** What is read off the global object. */
  private readonly globalMembers: GlobalMembers;
  /** What the model's questions about a call need (callValues.ts). */
  private readonly calls: CallContext;

  constructor(
    private readonly scopes: ScopeMap,
    private readonly links: ImportLinks,
    /** Which parameters are a recognised handler's request (handlers/requestParams.ts); none when absent. */
    private readonly requests?: RequestParameters,
  ) {
    this.types = new TypeValues(scopes, links, this);
    this.classes = new ClassValues(this, this.types);
    this.globalMembers = new GlobalMembers(scopes, links, (e, depth) => this.valueOf(e, depth));
    this.calls = {
      scopes,
      types: this.types,
      valueOf: (e, depth) => this.valueOf(e, depth),
      importValue: (module, name) => this.importValue(module, name),
      returnedHelpers: (fn, depth) => this.returnedHelpers(fn, depth),
    };
  }

  /** A type annotation naming a logger type of a library (`Logger` from 'pino', `winston.Logger`): see TypeValues. */
  typeValue(type: ts.TypeNode, at: ts.Node = type): Value | null {
    return this.types.typeValue(type, at);
  }

  /** The logger members of an object type: see TypeValues. */
  loggerMembersOf(type: ts.TypeNode, at: ts.Node): ReadonlyMap<string, LoggerLibrary> | null {
    return this.types.loggerMembersOf(type, at);
  }

  /** The logger members of an interface: see TypeValues. */
  interfaceLoggerMembers(decl: ts.InterfaceDeclaration): ReadonlyMap<string, LoggerLibrary> | null {
    return this.types.interfaceLoggerMembers(decl);
  }

  /** The context a GraphQL resolver map type's resolvers get: see TypeValues. */
  resolverContextOf(alias: ts.TypeAliasDeclaration): ReadonlyMap<string, LoggerLibrary> | null {
    return this.types.resolverContextOf(alias);
  }

  /** A member of the class enclosing `at` that holds a logger (`this.logger`), for fixes to write to. */
  classLogger(at: ts.Node): { name: string; lib: LoggerLibrary } | null {
    return this.classes.classLogger(at);
  }

  /** The members of a class that hold a logger, its own first, then inherited ones. */
  classSummary(klass: ts.ClassLikeDeclaration): ClassSummary {
    return this.classes.classSummary(klass);
  }

  /** What a method of the class around `thisNode` does for logging (`this.error(message, err)` in a facade's `fatal`); null when there is none. */
  thisMethod(thisNode: ts.Node, name: string): FunctionSummary | null {
    // `this` is the class's (instance, or the class itself in a static method) only in a class
    // method, or an arrow inside one: in a function or an object literal's method it is something else.
    // A class field's arrow (`info = (...args) => this.plain(prefix, ...args)`) is such a place too.
    const at = thisMember(thisNode);
    if (!at || !(ts.isMethodDeclaration(at.member) || ts.isPropertyDeclaration(at.member))) return null;
    return this.classes.method(at.klass, name, hasModifier(at.member, ts.SyntaxKind.StaticKeyword));
  }

  /** What a module that exports `klass` says of it: the members that hold a logger and the methods that log. */
  exportedClassSummary(klass: ts.ClassLikeDeclaration): ClassSummary {
    const instance = this.classes.instanceValue(klass);
    const statics = this.classes.staticValue(klass);
    const staticInstances = staticInstanceFields(klass);
    return {
      ...this.classes.classSummary(klass),
      ...(instance?.t === 'object' ? { methods: instance.members } : {}),
      ...(statics?.t === 'object' ? { statics: statics.members } : {}),
      ...(staticInstances.length > 0 ? { staticInstances } : {}),
      // Its static facade stays (Vendure's `Logger.info(message, ctx)` on a class that implements LoggerService too).
      ...(instance?.t === 'logger' ? { instanceLogger: instance.lib } : {}),
    };
  }

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

  /** The texts a name may hold when it is declared with string literals: see constantTexts.ts. */
  constantTexts(id: ts.Identifier): string[] | null {
    return constantTextsOf(id, this.scopes);
  }

  instanceOf(klass: ts.ClassLikeDeclaration): Value | null {
    return this.classes.instanceValue(klass);
  }

  /** Whether `expr` names a parameter (its value comes from its written type). */
  isParameter(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    return ts.isIdentifier(e) && resolveName(this.scopes, e, e.text)?.kind === 'param';
  }

  /**
   * Whether `expr` is a parameter whose type no JSDoc names a class for: a JavaScript parameter with
   * `@param {import('./LibraryScan')} libraryScan` (or `{LibraryScan}`) is documented, and its class's log
   * helpers are log calls whatever their names (`libraryScan.addLog(level, message)`).
   */
  isUndocumentedParameter(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return false;
    const d = resolveName(this.scopes, e, e.text);
    return d?.kind === 'param' && jsDocParameterType(d.node) === null;
  }

  /** The parameter whose error the function `callee` returns as text (`getErrorMessage` → `err.message`), else null. */
  errorTextParameter(callee: ts.Expression): number | null {
    const v = this.valueOf(callee);
    return v?.t === 'function' && v.fn.returnsErrorText !== undefined ? v.fn.returnsErrorText : null;
  }

  /** The property under which the function `callee` returns the error it caught (`tryCatch(promise)` → `error`), else null. */
  caughtErrorProperty(callee: ts.Expression): string | null {
    const v = this.valueOf(callee);
    return v?.t === 'function' ? (v.fn.returnsCaught ?? null) : null;
  }

  /** Whether `expr` is the whole input of a request (a tRPC resolver's `input`). */
  isRequestInput(expr: ts.Expression): boolean {
    return this.valueOf(expr)?.t === 'trpcInput';
  }

  /** The request-logger library when `expr` is a handler's request/reply/context parameter. */
  isRequestParam(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return false;
    const d = resolveName(this.scopes, e, e.text);
    // A recognised handler's or middleware's request parameter; never any callback's first parameter.
    return d?.kind === 'param' && (this.requests?.isRequestParameter(d.node) ?? false);
  }

  private compute(e: ts.Expression, depth: number): Value | null {
    if (ts.isIdentifier(e)) return this.identifierValue(e, depth);
    if (ts.isCallExpression(e)) return this.callValue(e, depth) ?? nodeRedNodeLookup(e);
    if (ts.isNewExpression(e)) {
      const callee = this.valueOf(e.expression, depth);
      if (callee?.t === 'nestLoggerClass') return { t: 'logger', lib: 'nestjs' };
      // An instance of a class of this file whose methods are log helpers (a project's logging facade).
      if (callee?.t === 'localClass') return this.classes.instanceValue(callee.node);
      if (callee?.t === 'importedClass') return instanceOfSummary(callee.cls);
      if (callee?.t === 'loggerContainerClass') return WINSTON_CONTAINER;
      if (callee?.t === 'loggerClass') return { t: 'logger', lib: callee.lib };
      // `new Proxy(logger, handler)` (NocoBase's createSystemLogger) forwards to its target.
      if (ts.isIdentifier(e.expression) && e.expression.text === 'Proxy' && e.arguments?.length === 2 && !resolveName(this.scopes, e.expression, 'Proxy')) return this.valueOf(e.arguments[0], depth);
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
    // `req.log || defaultLogger`, `injected ?? logger`: a logger either way. So is either branch of a
    // choice (code-server's `wrapper = isChild ? new ChildProcess() : new ParentProcess()`, each with its `logger`).
    if (isFallback(e) || ts.isConditionalExpression(e)) {
      const [a, b] = ts.isConditionalExpression(e) ? [e.whenTrue, e.whenFalse] : [e.left, e.right];
      const left = this.valueOf(a, depth);
      const right = this.valueOf(b, depth);
      if (left && right) return left.t === 'logger' ? left : right.t === 'logger' ? right : left;
      return left ?? right;
    }
    if (ts.isClassExpression(e)) return { t: 'localClass', node: e };
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return functionValue(this.functionSummary(e));
    if (ts.isObjectLiteralExpression(e)) return this.objectValue(e, depth);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return nodeRedNodeAt(e);
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
  private objectValue(o: ts.ObjectLiteralExpression, depth = 0): Value | null {
    const bound = boundLoggerObject(o, (e) => (depth < MAX_DEPTH ? this.valueOf(e, depth + 1) : null));
    if (bound) return bound;
    const members = new Map<string, FunctionSummary>();
    for (const p of o.properties) {
      if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? functionOf(p.initializer) : null;
      const summary = fn ? this.functionSummary(fn) : NOTHING;
      if (summary !== NOTHING) members.set(p.name.text, summary);
    }
    // A hand-rolled logger whose sink the model cannot follow (handlers it emits records to) still logs through its level methods.
    for (const [name, method] of objectFacadeMembers(o)) if (!members.has(name)) members.set(name, method);
    return members.size > 0 ? { t: 'object', members } : null;
  }

  private identifierValue(id: ts.Identifier, depth: number): Value | null {
    const d = resolveName(this.scopes, id, id.text);
    if (!d) {
      if (id.text === 'console') return { t: 'console' };
      // `log.info(...)` with `global.log = pino()` in another module.
      const lib = this.links.globalLogger?.(id.text);
      return lib ? { t: 'logger', lib } : null;
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
      case 'value': {
        // What the initializer is, else what the declared type says (`const logCtx: LogContext = getLogCtx()`).
        const v = this.valueOf(d.init, depth);
        const type = v || !ts.isVariableDeclaration(d.node) ? undefined : d.node.type;
        return v ?? (type ? this.types.typeValue(type, d.node) : null);
      }
      case 'destructure': {
        const v = this.destructuredValue(d.from, d.property, depth);
        // `const { logger = defaultLogger } = options`: the default, when what is destructured says nothing.
        return v ?? (d.fallback ? this.valueOf(d.fallback, depth) : null);
      }
      case 'param':
        return this.types.paramValue(d.node, d.index) ?? this.injectedValue(d.node, d.index);
      case 'class':
        return { t: 'localClass', node: d.node };
      case 'other': {
        if (d.fn) return functionValue(this.functionSummary(d.fn));
        // `let logCtx: LogContextOrigin | undefined;`, assigned later (Nango): what its declared type says.
        if (d.node && !d.node.initializer) return assignedConsoleMethod(d.node, this, this.scopes) ?? assignedAtTopLevel(d.node, this) ?? assignedLoggerInBlock(d.node, this, this.scopes) ?? (d.node.type ? this.types.typeValue(d.node.type, d.node) : null);
        if (d.node) return assignedConsoleMethod(d.node, this, this.scopes);
        if (!d.param) return null;
        if (!d.param.node.type) {
          // `(now, { logger }) => ...` passed where the callback's type hands it `{ logger: Logger }`.
          const contextual = this.types.contextualParamValue(d.param.node, depth);
          if (contextual?.t === 'trpcResolverOptions') return trpcOption(contextual, d.param.property);
          if (contextual?.t === 'loggerMembers') return loggerMember(contextual, d.param.property);
          // `function init({ log }) {...}` called as `other.init(runtime)` by another module.
          const index = (d.param.node.parent as ts.SignatureDeclaration).parameters.indexOf(d.param.node);
          const injected = this.injectedValue(d.param.node, index);
          return injected ? (this.memberOf(injected, d.param.property) ?? null) : null;
        }
        const typed = this.types.typeValue(d.param.node.type, d.param.node);
        return typed?.t === 'typedObject' ? this.types.typedMember(typed, d.param.property) : null;
      }
      default:
        return null;
    }
  }

  /**
   * An untyped parameter of a module's initialiser, as other modules call it (`redNodes.init(runtime)`
   * in Node-RED's runtime entry, `runtime` holding the logger as `log`): moduleInitialisers.ts.
   */
  private injectedValue(p: ts.ParameterDeclaration, index: number): Value | null {
    if (p.type || !this.links.injectedArgument) return null;
    // A constructor's parameter, as another module constructs the class (`new JobQueue(db, logger)`).
    if (ts.isConstructorDeclaration(p.parent)) {
      for (const name of classExportNames(p.parent.parent)) {
        const v = valueOfExport(this.links.injectedArgument(constructorMember(name), index));
        if (v) return v;
      }
      return null;
    }
    const member = initialiserName(p.parent);
    return member ? valueOfExport(this.links.injectedArgument(member, index)) : null;
  }

  /** What `const { property } = fromExpr` binds. */
  private destructuredValue(fromExpr: ts.Expression, property: string, depth: number): Value | null {
    const from = this.valueOf(fromExpr, depth);
    if (!from) return null;
    if (from.t === 'console') return { t: 'consoleMethod', method: property };
    return this.memberOf(from, property) ?? null;
  }

  /**
   * A member of a value whose members the model knows by name (a module's export, an object's log
   * helper, a typed object's or a context's logger, a tRPC resolver's options), read alike as
   * `x.name` and `const { name } = x`; undefined for a value of another kind.
   */
  private memberOf(target: Value, name: string): Value | null | undefined {
    switch (target.t) {
      // `let loggingFunction = console.log` (Homebridge's Logger), `const print = console.info`: the method itself.
      case 'console':
        return LEVEL_METHODS.console.has(name) ? { t: 'consoleMethod', method: name } : undefined;
      case 'module':
        return this.importValue(target.module, name);
      case 'object':
        return memberValue(target, name);
      case 'typedObject':
        return this.types.typedMember(target, name);
      case 'loggerMembers':
        return loggerMember(target, name);
      case 'loggerFactories':
        return loggerFactory(target, name);
      case 'trpcResolverOptions':
        return trpcOption(target, name);
      default:
        return undefined;
    }
  }

  /** What importing `name` from `module` gives. */
  importValue(module: string, name: string): Value | null {
    const library = libraryImportValue(module, name);
    if (library !== undefined) return library;
    const project = this.projectModuleValue(module, name);
    return project || this.links.isProjectModule?.(module) ? project : otherLoggingPackageValue(module, name);
  }

  /** An import of a project module (relative, a `paths` alias, a workspace package), followed to what it exports. */
  private projectModuleValue(specifier: string, name: string): Value | null {
    const v = this.links.exportOf(specifier, name) ?? (name !== '*' && name !== 'default' ? (this.links.assignedMember?.(specifier, name) ?? null) : null);
    if (!v) return null;
    return valueOfExport(v) ?? { t: 'module', module: specifier };
  }

  private callValue(call: ts.CallExpression, depth: number): Value | null {
    return callValueOf(call, depth, this.calls);
  }

  /**
   * The object of log helpers a function of this file returns (an instance of a logging facade),
   * when its written return type is such a class or its body returns one expression at its top level: `return new LoggerController(adapter)`,
   * `return logger`. Null for anything else (a logger it returns is its summary's returnsLogger).
   */
  returnedHelpers(fn: FunctionLike, depth = 0, typedReturn?: Value | null): Value | null {
    const body = fn.body;
    if (!body || depth > MAX_DEPTH) return null;
    // Its written return type says so, however many ways it returns (`(context): ConsoleLog => { ... }`);
    // a caller that read the type already hands it over.
    const typed = typedReturn !== undefined ? typedReturn : fn.type ? this.types.typeValue(fn.type, fn) : null;
    if (typed?.t === 'object') return typed;
    const returned = ts.isBlock(body) ? body.statements.filter(ts.isReturnStatement) : [];
    const expr = !ts.isBlock(body) ? body : returned.length === 1 ? returned[0].expression : undefined;
    // Only an instance made there, a name holding one or an object of functions written there (a logger
    // factory's `return { log: (message) => ..., error: ... }`) can be a facade's: other returns are not followed (calls are hot).
    const e = expr && unwrap(expr);
    const followed = e && (ts.isNewExpression(e) || ts.isIdentifier(e) || (ts.isObjectLiteralExpression(e) && e.properties.some(isFunctionMember)));
    const v = followed ? this.valueOf(e, depth + 1) : null;
    return v?.t === 'object' ? v : null;
  }

  private propertyValue(objectExpr: ts.Expression, name: string, depth: number): Value | null {
    const global = this.globalMembers.member(objectExpr, name, depth);
    if (global !== undefined) return global;
    const obj = unwrap(objectExpr);
    if (obj.kind === ts.SyntaxKind.ThisKeyword) return this.thisMember(obj, name, depth);
    const target = this.valueOf(obj, depth);
    const member = target ? this.memberOf(target, name) : undefined;
    if (member !== undefined) return member;
    if (target?.t === 'factory' && target.lib === 'pino' && (name === 'default' || name === 'pino')) return target;
    if (target?.t === 'fastifyInstance' && name === 'log') return { t: 'logger', lib: 'pino' };
    if (target?.t === 'trpcBuilder' && name === 'procedure') return target;
    if (target?.t === 'localClass') {
      if (staticInstanceFields(target.node).includes(name)) return this.classes.instanceValue(target.node);
      const statics = this.classes.staticValue(target.node);
      return statics?.t === 'object' ? memberValue(statics, name) : null;
    }
    if (target?.t === 'importedClass') {
      if (target.cls.staticInstances?.includes(name)) {
        return target.cls.methods ? { t: 'object', members: target.cls.methods } : target.cls.instanceLogger ? { t: 'logger', lib: target.cls.instanceLogger } : null;
      }
      const fn = target.cls.statics?.get(name);
      return fn ? { t: 'function', fn } : null;
    }
    if (name === 'log' && this.links.providesRequestLogger && this.isRequestParam(obj)) return { t: 'logger', lib: this.links.requestLoggerLibrary ?? 'pino' };
    return null;
  }

  /** What the members of object literals hold, read once per literal (objectLiteralValues.ts). */
  private readonly literalMembers = new ObjectLiteralMembers();

  /**
   * `this.name` inside a class: a field initialised with a logger, typed as one, assigned one in the
   * constructor, or inherited. Inside a method of an object literal: its property of that name, or what
   * one of its methods assigns to `this.name` (Overleaf's logger, `const LoggingManager = { initialize()
   * { this.logger = bunyan.createLogger(...) }, info(attributes, message) { return this.logger.info(...) } }`).
   */
  private thisMember(thisNode: ts.Node, name: string, depth: number): Value | null {
    const literal = enclosingObjectLiteral(thisNode);
    if (literal) return depth < MAX_DEPTH ? this.literalMembers.memberOf(literal, name, (e) => this.valueOf(e, depth + 1)) : null;
    const klass = enclosingClass(thisNode);
    return klass ? this.classes.memberOf(klass, name, depth) : null;
  }
}

/** A method or a property holding a function written there. */
function isFunctionMember(p: ts.ObjectLiteralElementLike): boolean {
  return ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && functionOf(p.initializer) !== null);
}
