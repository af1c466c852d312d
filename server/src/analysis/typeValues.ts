// What a written type says a value is (`logger: Logger`, `deps: { logger: Logger }`, `typeof
// logger`, a function type whose callbacks are handed loggers), and what an untyped parameter gets
// from its context (a callback's type, a GraphQL resolver map's type). The expression half is
// values.ts's ValueResolver; the two ask each other through ExpressionValues.
import ts from './typescriptModule';
import { type DocumentedType, jsDocParameterType, writtenParameterType } from './parameterTypes';
import { derivesLogger, isWinstonContainerClass, otherLoggingPackageType, WINSTON_CONTAINER } from './libraryValues';
import { GRAPHQL_CODEGEN_CONTEXT_PARAMETER, GRAPHQL_RESOLVER_CONTEXT_INDEX, LIBRARY_PACKAGES, LOG_HOLDER_TYPES, LOGGER_TYPES } from './libraries';
import type { ClassSummary, FunctionSummary, ImportLinks, LoggerShape } from './model/types';
import { type Declaration, requiredModule, resolveName, type ScopeMap, unwrap } from './scopes';
import type { LoggerLibrary } from './types';
import { MAX_DEPTH, type Value } from './valueTypes';
import { loggerMember, memberValue } from './memberValues';

/** The expression half of the model (values.ts), which types refer back to (`typeof logger`, a callee's type). */
export interface ExpressionValues {
  valueOf(expr: ts.Expression, depth?: number): Value | null;
  declarationValue(d: Declaration, depth?: number): Value | null;
  /** What an instance of a class of this file is for logging (`new Klass()`). */
  instanceOf(klass: ts.ClassLikeDeclaration): Value | null;
}

/** The logger library a module imports (`import pkg from 'log4js'`); null when none or several (a CommonJS require is not read). */
export function importedLoggerLibrary(sf: ts.SourceFile): LoggerLibrary | null {
  const known = importedLibraries.get(sf);
  if (known !== undefined) return known;
  const found = new Set<LoggerLibrary>();
  for (const st of sf.statements) {
    const spec = ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && !st.importClause?.isTypeOnly ? st.moduleSpecifier.text : null;
    const lib = spec ? LIBRARY_PACKAGES.find(([pkg]) => pkg === spec)?.[1] : undefined;
    if (lib && lib !== 'nestjs') found.add(lib);
  }
  const lib = found.size === 1 ? [...found][0] : null;
  importedLibraries.set(sf, lib);
  return lib;
}
const importedLibraries = new WeakMap<ts.SourceFile, LoggerLibrary | null>();

/** The types whose `['log']` is Fastify's logger (`FastifyRequest['log']`): the holders, and the logger type itself. */
const FASTIFY_LOGGER_OWNERS: ReadonlySet<string> = new Set([...LOG_HOLDER_TYPES.fastify[1], 'FastifyBaseLogger']);

/**
 * A project's own logger type (Unleash's `interface Logger { debug(message, ...args): void; info...;
 * warn...; error... }`, implemented by log4js): at least info, warn and error as methods (or
 * function-typed properties) whose first parameter is the message. In a module with no logger
 * library behind it, its library is `custom` (types.ts).
 */
export function isLoggerInterface(members: ts.NodeArray<ts.TypeElement>): boolean {
  const levels = new Set<string>();
  for (const m of members) {
    const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
    if (!name) continue;
    const params = methodParameters(m);
    if (params && params.length > 0) levels.add(name);
    // `info: logMethod`, a level typed by a named function type (NocoBase's SystemLogger): taken as one.
    else if (ts.isPropertySignature(m) && m.type && ts.isTypeReferenceNode(m.type) && LEVEL_NAMES.has(name)) levels.add(name);
  }
  // syslog's `warning` stands for warn (Nango's StrictLogger over winston's syslog levels).
  return levels.has('info') && (levels.has('warn') || levels.has('warning')) && levels.has('error');
}

/**
 * The part of a logger a helper needs, in a type literal of level methods alone, for a parameter named
 * for logging (code-server's `logError(logger: { error: (msg: string) => void }, ...)`): named
 * otherwise (`db: { info(m): void }`), such a type is as often something else.
 */
function isLoggerSubset(type: ts.TypeLiteralNode, at: ts.Node): boolean {
  if (!ts.isParameter(at) || !ts.isIdentifier(at.name) || !LOGGER_NAME.test(at.name.text)) return false;
  return type.members.length > 0 && type.members.every((m) => !!methodParameters(m) && !!m.name && ts.isIdentifier(m.name) && LEVEL_NAMES.has(m.name.text));
}
const LOGGER_NAME = /^(?:log|logger)$|Logger$/;
/**
 * Level names a logger type's members are recognised by (a cut-down type's, a level typed by name).
 * `log` is not among them: a type with only `log` is as often a printer as a logger.
 */
const LEVEL_NAMES: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal']);

/** The parameters of a method member, or of a property typed with a function type; null for any other member. */
function methodParameters(m: ts.TypeElement): ts.NodeArray<ts.ParameterDeclaration> | null {
  if (ts.isMethodSignature(m)) return m.parameters;
  return ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type) ? m.type.parameters : null;
}

/**
 * An instance of a class another module declares, for logging: its methods that log (a facade), or
 * else its fields that hold loggers (`public logger: pino.BaseLogger`); null when it has neither.
 */
export function instanceOfSummary(cls: ClassSummary): Value | null {
  if (cls.instanceLogger) return { t: 'logger', lib: cls.instanceLogger };
  return instanceObject(cls.methods, cls.members, cls.helpers);
}

/**
 * An instance as its class's parts make it: an object of its methods that log (with the members that
 * hold loggers or objects of log helpers), or only those members, or nothing.
 */
export function instanceObject(
  methods: ReadonlyMap<string, FunctionSummary> | undefined,
  loggers: ReadonlyMap<string, LoggerLibrary>,
  helpers: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>> | undefined,
): Value | null {
  if (!methods && !helpers) return loggers.size > 0 ? { t: 'loggerMembers', members: loggers } : null;
  return { t: 'object', members: methods ?? new Map(), ...(loggers.size > 0 ? { loggers } : {}), ...(helpers ? { helpers } : {}) };
}

/** The methods of a tRPC procedure builder that take the resolver. */
const TRPC_RESOLVER_METHODS = new Set(['query', 'mutation', 'subscription']);

export class TypeValues {
  constructor(
    private readonly scopes: ScopeMap,
    private readonly links: ImportLinks,
    private readonly values: ExpressionValues,
  ) {}

  /** A type annotation naming a logger type of a library (`Logger` from 'pino', `winston.Logger`). */
  typeValue(type: ts.TypeNode, at: ts.Node = type, depth = 0): Value | null {
    // `logCtx: LogContextOrigin | undefined` (Nango), `(Logger)`: what the value is when it is there.
    const present = presentType(type);
    if (present !== type) return present && depth < MAX_DEPTH ? this.typeValue(present, at, depth + 1) : null;
    // `typeof logger`: the type of a value the model follows.
    if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName)) {
      const d = resolveName(this.scopes, at, type.exprName.text);
      const v = d && depth < MAX_DEPTH ? this.values.declarationValue(d, depth + 1) : null;
      return v?.t === 'logger' ? { t: 'logger', lib: v.lib } : null;
    }
    // `deps: { logger: Logger; db: Knex }`: its members are looked up by name; a type that is itself
    // a logger's (info, warn and error taking a message) is the project's own logger.
    if (ts.isTypeLiteralNode(type)) return isLoggerInterface(type.members) || isLoggerSubset(type, at) ? { t: 'logger', lib: 'custom' } : { t: 'typedObject', type, at };
    // `schedule: (cron: string, task: (ctx: { logger: Logger }) => void) => void`: what its callbacks get.
    if (ts.isFunctionTypeNode(type)) return this.callbackTypeValue(type, at, depth);
    if (ts.isIndexedAccessTypeNode(type)) return this.frameworkLoggerType(type, at) ?? this.indexedMemberType(type, at, depth);
    if (!ts.isTypeReferenceNode(type)) return null;
    if (this.isConsoleType(type, at)) return { t: 'console' };
    const derived = this.derivedLoggerType(type, at, depth);
    if (derived) return derived;
    const tn = type.typeName;
    // Resolve from `at`, a node the walk visited: it does not descend into types, so their inner nodes have no parent.
    if (ts.isIdentifier(tn)) {
      const d = resolveName(this.scopes, at, tn.text);
      // `deps: CreateDeps` with `type CreateDeps = { logger: Logger }` (or an interface) in this file.
      if (!d) {
        const named = this.namedObjectType(tn, at);
        // The library of the module it is declared in (Nango's StrictLogger beside its winston logger), else `custom`.
        if (named && isLoggerInterface(named.members)) {
          const sf = at.getSourceFile() as ts.SourceFile | undefined; // none for a node inside a type
          return { t: 'logger', lib: (sf && importedLoggerLibrary(sf)) ?? 'custom' };
        }
        return named ? { t: 'typedObject', type: named, at } : null;
      }
      // `locker: S3Locker`, a class of this file: an instance, as `new S3Locker()` is.
      if (d.kind === 'class') return depth < MAX_DEPTH ? this.values.instanceOf(d.node) : null;
      if (d.kind !== 'import') return null;
      if (isWinstonContainerClass(d.module, d.name)) return WINSTON_CONTAINER;
      // `fastify: FastifyInstance`, `request: FastifyRequest` handed to a helper: their `log` is Fastify's pino logger.
      const holder = Object.hasOwn(LOG_HOLDER_TYPES, d.module) ? LOG_HOLDER_TYPES[d.module] : undefined;
      if (holder?.[1].has(d.name)) return { t: 'loggerMembers', members: new Map([['log', holder[0]]]) };
      const entry = Object.hasOwn(LOGGER_TYPES, d.module) ? LOGGER_TYPES[d.module] : undefined;
      if (entry) return entry[1].has(d.name) ? { t: 'logger', lib: entry[0] } : null;
      // A project module's exported type that names a logger (`export type Logger = typeof logger`).
      const exported = this.links.exportOf(d.module, d.name);
      if (exported?.t === 'callbackType') return { t: 'typedCallbacks', callbacks: exported.callbacks };
      if (exported?.t === 'shapeType') return { t: 'loggerMembers', members: exported.members };
      if (exported?.t === 'factoryType') return 'lib' in exported.shape ? { t: 'function', fn: { returnsLogger: exported.shape.lib } } : { t: 'loggerFactories', members: exported.shape.members };
      if (exported?.t === 'resolversType') return { t: 'resolversType', context: exported.context };
      // `consoleLog: ConsoleLog`, a project's logger class: an instance, whose methods that log are log
      // helpers; `context: ReqContextClass`, a class holding loggers: an instance, whose fields are they.
      if (exported?.t === 'class') return instanceOfSummary(exported.cls);
      if (exported?.t === 'loggerType') return { t: 'logger', lib: exported.lib };
      // A package named for logging that is no project module (a workspace package so named is read as one): its type by its name.
      return exported || this.links.isProjectModule?.(d.module) ? null : otherLoggingPackageType(d.module, d.name);
    }
    if (ts.isIdentifier(tn.left)) {
      const d = resolveName(this.scopes, at, tn.left.text);
      const entry = d?.kind === 'import' && Object.hasOwn(LOGGER_TYPES, d.module) ? LOGGER_TYPES[d.module] : undefined;
      // `pino.Logger` of `import * as pino`, `import pino` or `import { pino } from 'pino'` (the namespace the library exports under its own name).
      if (d?.kind !== 'import' || (d.name !== '*' && d.name !== 'default' && d.name !== entry?.[0])) return null;
      if (entry && entry[1].has(tn.right.text)) return { t: 'logger', lib: entry[0] };
      if (isWinstonContainerClass(d.module, tn.right.text)) return WINSTON_CONTAINER;
    }
    return null;
  }

  /**
   * `FastifyRequest['log']`, `FastifyInstance['log']`: Fastify's own pino logger, as a helper taking
   * the request's logger is typed (OpenPanel's webhook helpers take `log: FastifyRequest['log']`).
   */
  private frameworkLoggerType(type: ts.IndexedAccessTypeNode, at: ts.Node): Value | null {
    const index = type.indexType;
    if (!ts.isLiteralTypeNode(index) || !ts.isStringLiteral(index.literal) || index.literal.text !== 'log') return null;
    const object = type.objectType;
    if (!ts.isTypeReferenceNode(object) || !ts.isIdentifier(object.typeName)) return null;
    const d = resolveName(this.scopes, at, object.typeName.text);
    return d?.kind === 'import' && d.module === 'fastify' && FASTIFY_LOGGER_OWNERS.has(d.name) ? { t: 'logger', lib: 'pino' } : null;
  }

  /**
   * `Umbreld['logger']`: the type of a member of a class (or of any type the model follows), as
   * Umbrel's modules type the child logger they make from the daemon's (`logger: Umbreld['logger']`).
   */
  private indexedMemberType(type: ts.IndexedAccessTypeNode, at: ts.Node, depth: number): Value | null {
    const index = type.indexType;
    if (!ts.isLiteralTypeNode(index) || !ts.isStringLiteral(index.literal) || depth >= MAX_DEPTH) return null;
    const object = this.typeValue(type.objectType, at, depth + 1);
    if (object?.t === 'object') return memberValue(object, index.literal.text);
    return object?.t === 'loggerMembers' ? loggerMember(object, index.literal.text) : null;
  }

  /**
   * `ReturnType<typeof logger.withContext>`, `ReturnType<typeof logger.child>`: the logger a logger's
   * deriving method returns (libraryValues.ts derivesLogger), as Formbricks's helpers type the one handed in.
   */
  private derivedLoggerType(type: ts.TypeReferenceNode, at: ts.Node, depth: number): Value | null {
    const [arg] = type.typeArguments ?? [];
    if (!ts.isIdentifier(type.typeName) || type.typeName.text !== 'ReturnType' || !arg || !ts.isTypeQueryNode(arg) || resolveName(this.scopes, at, 'ReturnType')) return null;
    // `ReturnType<typeof createLogger>`: what the function returns (a logger, or an object of log helpers).
    if (ts.isIdentifier(arg.exprName)) {
      const d = depth < MAX_DEPTH ? resolveName(this.scopes, at, arg.exprName.text) : null;
      return d ? returnedValue(this.values.declarationValue(d, depth + 1)) : null;
    }
    const { left, right } = arg.exprName;
    if (!ts.isIdentifier(left)) return null;
    const d = resolveName(this.scopes, at, left.text);
    const v = d && depth < MAX_DEPTH ? this.values.declarationValue(d, depth + 1) : null;
    return v?.t === 'logger' && derivesLogger(right.text, v.lib) ? { t: 'logger', lib: v.lib } : null;
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
  typedMember(o: Extract<Value, { t: 'typedObject' }>, name: string): Value | null {
    for (const m of o.type.members) {
      if (ts.isPropertySignature(m) && m.type && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name) {
        const v = this.typeValue(m.type, o.at);
        // `object`: an instance of a logging facade class (`{ logCtx }: { logCtx: LogContext }`, Nango).
        return v?.t === 'logger' || v?.t === 'typedCallbacks' || v?.t === 'loggerMembers' || v?.t === 'object' ? v : null;
      }
    }
    return null;
  }

  paramValue(p: ts.ParameterDeclaration, _index: number): Value | null {
    const written = writtenParameterType(p);
    if (written) return this.typeValue(written, p);
    // `@param {import('./LibraryScan')} libraryScan` in JavaScript: an instance of the class that module exports.
    const documented = jsDocParameterType(p);
    if (documented) return this.documentedInstance(documented, p);
    const contextual = this.contextualParamValue(p, 0);
    return contextual?.t === 'loggerMembers' && contextual.members.size === 0 ? null : contextual;
  }

  /** An instance of the class a JSDoc type names: a module's export, or a class the file declares, imports or requires. */
  private documentedInstance(documented: DocumentedType, at: ts.Node): Value | null {
    let module: string;
    let name: string;
    if ('module' in documented) ({ module, name } = documented);
    else {
      const d = resolveName(this.scopes, at, documented.local);
      if (d?.kind === 'class') return this.values.instanceOf(d.node);
      if (d?.kind === 'import') [module, name] = [d.module, d.name === '*' ? 'default' : d.name];
      else {
        const required = d?.kind === 'value' ? requiredModule(unwrap(d.init)) : null;
        if (!required) return null;
        [module, name] = [required, 'default'];
      }
    }
    const exported = this.links.exportOf(module, name);
    return exported?.t === 'class' ? instanceOfSummary(exported.cls) : null;
  }

  /**
   * An untyped parameter of a callback passed straight to a function whose type says what the
   * callback gets (`scheduleExecution('*\/5 * * * *', 'task', async (now, ctx) => ctx.logger...)`
   * with `scheduleExecution: ScheduleExecution`): the type TypeScript gives it by context.
   */
  contextualParamValue(p: ts.ParameterDeclaration, depth: number): Value | null {
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
    // A tRPC resolver (`authedProcedure.input(z).query(({ ctx, input }) => ...)`): its options carry the builder's context.
    const callee0 = call.expression;
    if (argIndex === 0 && fn.parameters.indexOf(p) === 0 && ts.isPropertyAccessExpression(callee0) && TRPC_RESOLVER_METHODS.has(callee0.name.text)) {
      const builder = this.values.valueOf(callee0.expression, depth + 1);
      if (builder?.t === 'trpcBuilder') return { t: 'trpcResolverOptions', context: builder.context };
    }
    const callee = this.values.valueOf(call.expression, depth + 1);
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

  /** The logger members of an interface (`interface JobRunIO { logger: { info(...args): void; ... } }`): null when none. */
  interfaceLoggerMembers(decl: ts.InterfaceDeclaration): ReadonlyMap<string, LoggerLibrary> | null {
    const shape = this.membersShape({ t: 'typedObject', type: decl, at: decl }, 0);
    return shape && 'members' in shape ? shape.members : null;
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
    return v?.t === 'typedObject' ? this.membersShape(v, depth) : null;
  }

  /** The members of an object type that are loggers, by their written types. */
  private membersShape(v: Extract<Value, { t: 'typedObject' }>, depth: number): LoggerShape | null {
    const members = new Map<string, LoggerLibrary>();
    for (const m of v.type.members) {
      if (!ts.isPropertySignature(m) || !m.type || !m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
      const mv = this.typeValue(m.type, v.at, depth + 1);
      if (mv?.t === 'logger') members.set(m.name.text, mv.lib);
    }
    return members.size > 0 ? { members } : null;
  }
}

function shapeValue(shape: LoggerShape): Value {
  return 'lib' in shape ? { t: 'logger', lib: shape.lib } : { t: 'loggerMembers', members: shape.members };
}

/**
 * The type a value has when it is there: `T | undefined` and `T | null` are T, `(T)` is T; a union
 * of two types or more besides those is none of them (null). Any other type is itself.
 */
function presentType(type: ts.TypeNode): ts.TypeNode | null {
  if (ts.isParenthesizedTypeNode(type)) return presentType(type.type);
  if (!ts.isUnionTypeNode(type)) return type;
  const rest = type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
  return rest.length === 1 ? presentType(rest[0]) : null;
}

/**
 * The strings a written type allows when it is a union of string literals (`level: 'info' | 'warn'`,
 * or a type alias of one declared at the top of the file): a log helper's level parameter. Null for
 * any other type (or none).
 */
export function literalUnion(type: ts.TypeNode | undefined, depth = 0): string[] | null {
  if (!type || depth > 4) return null;
  if (ts.isParenthesizedTypeNode(type)) return literalUnion(type.type, depth + 1);
  if (ts.isLiteralTypeNode(type)) return ts.isStringLiteral(type.literal) ? [type.literal.text] : null;
  if (ts.isUnionTypeNode(type)) {
    const out: string[] = [];
    for (const t of type.types) {
      const texts = literalUnion(t, depth + 1);
      if (!texts) return null;
      out.push(...texts);
    }
    return out;
  }
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
    const name = type.typeName.text;
    for (const st of type.getSourceFile().statements) {
      if (ts.isTypeAliasDeclaration(st) && st.name.text === name && !st.typeParameters) return literalUnion(st.type, depth + 1);
    }
  }
  return null;
}

/** What calling a function value gives: the logger or the object of log helpers it returns. */
function returnedValue(v: Value | null): Value | null {
  if (v?.t !== 'function') return null;
  if (v.fn.returnsLogger) return { t: 'logger', lib: v.fn.returnsLogger };
  return v.fn.returnsHelpers ? { t: 'object', members: v.fn.returnsHelpers } : null;
}
