// A module's summary: what importing it gives, as far as logging goes. The loggers it exports
// (made there, or passed on from another module: `export * from './logger'`, `export { default as
// logger } from`, `module.exports = require('./logger')`, `export { logger }` of an import) and the
// classes it exports with their logger members (own and inherited). Imports are followed through
// the links, so a barrel's summary holds what its targets export; the modules followed are the
// summary's dependencies (a change to one of them makes it stale).
import ts from '../typescriptModule';
import { parseSource } from '../parse';
import { bindFile, hasModifier, requiredModule, resolveName, type ScopeMap, unwrap } from '../scopes';
import { ValueResolver, type Value } from '../values';
import { valueOfExport } from '../memberValues';
import { type FunctionLike, functionNamed, functionOf } from '../logCallables';
import { isLoggerInterface } from '../typeValues';
import type { LoggerLibrary } from '../types';
import { LIBRARY_PACKAGES } from '../libraries';
import { globalAssignments, memberAssignments, NO_GLOBALS } from '../globalAssignments';
import type { CallbackTypeSummary, ClassSummary, ExportedValue, LoggerShape, FunctionSummary, ImportLinks, LoggerExport } from './types';

export interface ModuleSummary {
  /** Export name → logger (`module.exports` for a whole-module export, `default` for a default export). */
  readonly loggers: ReadonlyMap<string, LoggerExport>;
  /** Export name → class with logger members. */
  readonly classes: ReadonlyMap<string, ClassSummary>;
  /** Export name → function that returns a logger or logs its arguments (logCallables.ts). */
  readonly functions: ReadonlyMap<string, FunctionSummary>;
  /** Export name → object holding such functions, by member name. */
  readonly objects: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>;
  /** Exported type name → the logger library it names (`export type Logger = typeof logger`). */
  readonly types: ReadonlyMap<string, LoggerLibrary>;
  /** Exported function type name → the loggers its callbacks are handed (`export type Schedule = (cb: (ctx: { logger: Logger }) => void) => void`). */
  readonly callbackTypes: ReadonlyMap<string, CallbackTypeSummary>;
  /** Exported object type name → its logger members (`export type GraphQLContext = Base & { log: Logger }`). */
  readonly shapeTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  /** Exported GraphQL resolver map type name → its context's logger members (`Resolvers<ContextType = GraphQLContext>`). */
  readonly resolverTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  /**
   * Exported type name → what calling a value of it gives: a logger (`type LogProvider = (category?:
   * string) => Logger`), or, for an object type, the members that give one (`interface Config {
   * getLogger: LogProvider }`: `config.getLogger('x')` is a logger).
   */
  readonly factoryTypes: ReadonlyMap<string, LoggerShape>;
  /** Exported tRPC procedure builder name → the logger members of its resolvers' `ctx` (`export const authedProcedure = t.procedure.use(auth)`). */
  readonly trpcBuilders: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  /** Exported objects with logger members, by name (`export const httpLogger = pinoHttp()`: `httpLogger.logger`). */
  readonly loggerObjects?: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  /**
   * Loggers the module puts on the global object, by the path other files reach them with:
   * `global.WIKI = WIKI; WIKI.logger = createLogger()` gives `WIKI.logger`, `global.log = pino()` gives `log`.
   */
  readonly globals: ReadonlyMap<string, LoggerLibrary>;
  /**
   * Members this module sets on another module's exports (`const yapi = require('./yapi.js');
   * yapi.commons = commons;` in YApi's entry): what that module's importers find there, by the
   * specifier as written here (resolved from this module) and the member.
   */
  readonly memberAssignments?: ReadonlyArray<{ readonly specifier: string; readonly member: string; readonly value: ExportedValue }>;
  /** Changes exactly when what importers can see changes. */
  readonly digest: string;
}

export const EMPTY_SUMMARY: ModuleSummary = { loggers: new Map(), classes: new Map(), functions: new Map(), objects: new Map(), types: new Map(), callbackTypes: new Map(), shapeTypes: new Map(), resolverTypes: new Map(), factoryTypes: new Map(), trpcBuilders: new Map(), globals: new Map(), digest: '[]' };

export interface SummaryLinks extends ImportLinks {
  /** The summary of the module `specifier` names, for `export *` (null: not a project module). */
  summaryOf(specifier: string): ModuleSummary | null;
}

/** A module's tree and scopes, which summariseModule reads and does not change: one parse serves each round of an import cycle. */
export interface ModuleTree {
  readonly text: string;
  readonly sf: ts.SourceFile;
  readonly scopes: ScopeMap;
}

export function parseModule(file: string, text: string): ModuleTree {
  const sf = parseSource(file, text);
  return { text, sf, scopes: bindFile(sf) };
}

export function summariseModule(file: string, text: string, links: SummaryLinks, tree: ModuleTree = parseModule(file, text)): ModuleSummary {
  const { sf, scopes } = tree;
  const values = new ValueResolver(scopes, links);
  const loggers = new Map<string, LoggerExport>();
  const classes = new Map<string, ClassSummary>();
  const functions = new Map<string, FunctionSummary>();
  const objects = new Map<string, ReadonlyMap<string, FunctionSummary>>();
  const types = new Map<string, LoggerLibrary>();
  const callbackTypes = new Map<string, CallbackTypeSummary>();
  const shapeTypes = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  const resolverTypes = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  const factoryTypes = new Map<string, LoggerShape>();
  const trpcBuilders = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  const loggerObjects = new Map<string, ReadonlyMap<string, LoggerLibrary>>();
  const stars: string[] = [];
  const put = (name: string, v: Value | null, type?: ts.TypeNode) => {
    if (v?.t === 'logger') loggers.set(name, { lib: v.lib, origin: v.origin ?? file });
    else if (v?.t === 'localClass') classes.set(name, values.exportedClassSummary(v.node));
    else if (v?.t === 'importedClass') classes.set(name, v.cls);
    else if (v?.t === 'function') functions.set(name, v.fn);
    else if (v?.t === 'object') objects.set(name, v.members);
    else if (v?.t === 'trpcBuilder') trpcBuilders.set(name, v.context);
    else if (v?.t === 'loggerMembers') loggerObjects.set(name, v.members);
    else if (type) {
      // `export declare const logger: Logger` (a declaration file) or a typed export made elsewhere.
      const typed = values.typeValue(type, type.parent ?? type);
      if (typed?.t === 'logger') loggers.set(name, { lib: typed.lib, origin: file });
    }
  };
  /** The logger library this module builds on (the one it imports), for a logger interface it declares itself. */
  const ownLibrary = importedLoggerLibrary(sf);
  /** Logger interfaces declared in this module, exported or not, by name: a factory type may return one declared below it. */
  const ownLoggerTypes = new Map<string, LoggerLibrary>();
  if (ownLibrary) {
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) && isLoggerInterface(st.members)) ownLoggerTypes.set(st.name.text, ownLibrary);
      else if (ts.isTypeAliasDeclaration(st) && ts.isTypeLiteralNode(st.type) && isLoggerInterface(st.type.members)) ownLoggerTypes.set(st.name.text, ownLibrary);
    }
  }
  /** What calling a value of a written type gives: a logger when it is a function type returning one, or a factory type imported. */
  const callResult = (type: ts.TypeNode, at: ts.Node): LoggerLibrary | null => {
    if (ts.isFunctionTypeNode(type)) return loggerOfType(type.type, at);
    const v = values.typeValue(type, at);
    return v?.t === 'function' && v.fn.returnsLogger ? v.fn.returnsLogger : null;
  };
  const loggerOfType = (type: ts.TypeNode | undefined, at: ts.Node): LoggerLibrary | null => {
    if (!type) return null;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && ownLoggerTypes.has(type.typeName.text)) return ownLoggerTypes.get(type.typeName.text)!;
    const v = values.typeValue(type, at);
    return v?.t === 'logger' ? v.lib : null;
  };
  /** The members of an object type that give a logger when called (`getLogger: LogProvider`, `makeLogger(): Logger`). */
  const factoryMembers = (members: ts.NodeArray<ts.TypeElement>, at: ts.Node): Map<string, LoggerLibrary> => {
    const out = new Map<string, LoggerLibrary>();
    for (const m of members) {
      const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
      if (!name) continue;
      const lib = ts.isMethodSignature(m) ? loggerOfType(m.type, at) : ts.isPropertySignature(m) && m.type ? callResult(m.type, at) : null;
      if (lib) out.set(name, lib);
    }
    return out;
  };
  /** `interface Logger extends WinstonLogger { trace: LeveledLogMethod }` (NocoBase's): a library's logger type with more. */
  const extendedLogger = (st: ts.InterfaceDeclaration): LoggerLibrary | null => {
    for (const clause of st.heritageClauses ?? []) {
      for (const t of clause.types) {
        const v = ts.isIdentifier(t.expression) ? values.typeValue(ts.factory.createTypeReferenceNode(t.expression.text), st) : null;
        if (v?.t === 'logger') return v.lib;
      }
    }
    return null;
  };
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const extended = extendedLogger(st);
      if (extended) types.set(st.name.text, extended);
      else if (ownLibrary && isLoggerInterface(st.members)) types.set(st.name.text, ownLibrary);
      else if (isLoggerInterface(st.members)) types.set(st.name.text, 'custom');
      else {
        const members = factoryMembers(st.members, st);
        if (members.size > 0) factoryTypes.set(st.name.text, { members });
        const loggers = values.interfaceLoggerMembers(st);
        if (loggers) shapeTypes.set(st.name.text, loggers);
      }
    } else if (ts.isTypeAliasDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && ts.isFunctionTypeNode(st.type) && loggerOfType(st.type.type, st)) {
      // `export type LogProvider = (category?: string) => Logger`: calling a value of it gives a logger.
      factoryTypes.set(st.name.text, { lib: loggerOfType(st.type.type, st)! });
    } else if (ts.isTypeAliasDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const v = values.typeValue(st.type, st);
      if (ownLibrary && ts.isTypeLiteralNode(st.type) && isLoggerInterface(st.type.members)) types.set(st.name.text, ownLibrary);
      else if (v?.t === 'logger') types.set(st.name.text, v.lib);
      else if (v?.t === 'typedCallbacks') callbackTypes.set(st.name.text, v.callbacks);
      else {
        const shape = values.loggerMembersOf(st.type, st);
        if (shape) shapeTypes.set(st.name.text, shape);
        const context = values.resolverContextOf(st);
        if (context) resolverTypes.set(st.name.text, context);
        const factories = ts.isTypeLiteralNode(st.type) ? factoryMembers(st.type.members, st) : null;
        if (factories?.size) factoryTypes.set(st.name.text, { members: factories });
      }
    } else if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      if (!st.exportClause) {
        if (from && !st.isTypeOnly) stars.push(from);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          const local = (el.propertyName ?? el.name).text;
          // A type passed on (`export type { Logger } from './logging'`, or imported then listed: `import { type Logger } from
          // './logger'; export { Logger }`) keeps naming a logger.
          const imported = from ? null : resolveName(scopes, sf, local);
          const passed = from ? links.exportOf(from, local) : imported?.kind === 'import' ? links.exportOf(imported.module, imported.name) : null;
          // A local interface listed (`interface Logger extends WinstonLogger {...}; export { Logger }`).
          const declared = from || imported ? null : sf.statements.find((d): d is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(d) && d.name.text === local);
          const extended = declared ? extendedLogger(declared) : null;
          if (extended) types.set(el.name.text, extended);
          else if (passed?.t === 'loggerType') types.set(el.name.text, passed.lib);
          else if (passed?.t === 'callbackType') callbackTypes.set(el.name.text, passed.callbacks);
          else if (passed?.t === 'shapeType') shapeTypes.set(el.name.text, passed.members);
          else if (passed?.t === 'resolversType') resolverTypes.set(el.name.text, passed.context);
          else if (passed?.t === 'factoryType') factoryTypes.set(el.name.text, passed.shape);
          if (el.isTypeOnly || st.isTypeOnly) continue;
          put(el.name.text, from ? valueOfExport(links.exportOf(from, local)) : values.valueOf(identifierAt(local, st)));
        }
      }
    } else if (ts.isExportAssignment(st)) {
      put('default', values.valueOf(st.expression));
    } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name)) put(d.name.text, d.initializer ? values.valueOf(d.initializer) : null, d.type);
        }
      } else if (ts.isClassDeclaration(st) && (st.name || isDefault)) {
        classes.set(isDefault ? 'default' : st.name!.text, values.exportedClassSummary(st));
      } else if (ts.isFunctionDeclaration(st) && (st.name || isDefault)) {
        put(isDefault ? 'default' : st.name!.text, { t: 'function', fn: values.functionSummary(st) });
      }
    } else if (ts.isExpressionStatement(st)) {
      noteCommonJsExport(st.expression, values, links, put, scopes);
    } else if (ts.isVariableStatement(st)) {
      // `var log = module.exports = { ... }` (Node-RED's log module): the export, named locally too.
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (init && ts.isBinaryExpression(init) && init.operatorToken.kind === ts.SyntaxKind.EqualsToken) noteCommonJsExport(init, values, links, put, scopes);
      }
    }
  }
  // Names a module declares itself win over the same names passed on by `export *` (as in ES modules).
  for (const from of stars) {
    const target = links.summaryOf(from);
    for (const [name, v] of target?.loggers ?? []) if (name !== 'default' && !loggers.has(name)) loggers.set(name, v);
    for (const [name, c] of target?.classes ?? []) if (name !== 'default' && !classes.has(name)) classes.set(name, c);
    for (const [name, f] of target?.functions ?? []) if (name !== 'default' && !functions.has(name)) functions.set(name, f);
    for (const [name, o] of target?.objects ?? []) if (name !== 'default' && !objects.has(name)) objects.set(name, o);
    for (const [name, lib] of target?.types ?? []) if (!types.has(name)) types.set(name, lib);
    for (const [name, cb] of target?.callbackTypes ?? []) if (!callbackTypes.has(name)) callbackTypes.set(name, cb);
    for (const [name, m] of target?.shapeTypes ?? []) if (!shapeTypes.has(name)) shapeTypes.set(name, m);
    for (const [name, m] of target?.resolverTypes ?? []) if (!resolverTypes.has(name)) resolverTypes.set(name, m);
    for (const [name, f] of target?.factoryTypes ?? []) if (!factoryTypes.has(name)) factoryTypes.set(name, f);
    for (const [name, b] of target?.trpcBuilders ?? []) if (name !== 'default' && !trpcBuilders.has(name)) trpcBuilders.set(name, b);
    for (const [name, m] of target?.loggerObjects ?? []) if (name !== 'default' && !loggerObjects.has(name)) loggerObjects.set(name, m);
  }
  for (const [name, fn] of functions) if (!fn.logs && !fn.returnsLogger && fn.returnsErrorText === undefined && !fn.returnsCaught && !fn.makesMetric && !fn.returnsHelpers && !fn.returnsConsole) functions.delete(name);
  const globals = globalLoggers(sf, scopes, values);
  const assignedMembers = moduleMemberAssignments(file, sf, scopes, values, links);
  const digest = digestOf(loggers, classes, functions, objects, types, callbackTypes, shapeTypes, resolverTypes, factoryTypes, trpcBuilders);
  // Written only when present: the digest of a module without them stays as it was.
  const g = [...globals].map(([name, lib]) => `${name}=${lib}`).sort();
  // Written only when present, as the globals are: other modules' digests stay as they were.
  const lo = [...loggerObjects].map(([name, m]) => `${name}{${[...m].map(([k, lib]) => `${k}=${lib}`).join(',')}}`).sort();
  // Written only when present, as the globals are.
  const ma = assignedMembers.map((a) => `${a.specifier}:${a.member}=${JSON.stringify(a.value, (k, v) => (v instanceof Map ? [...v] : v))}`).sort();
  const parts = [digest, ...(g.length || lo.length || ma.length ? [g] : []), ...(lo.length || ma.length ? [lo] : []), ...(ma.length ? [ma] : [])];
  return {
    loggers, classes, functions, objects, types, callbackTypes, shapeTypes, resolverTypes, factoryTypes, trpcBuilders,
    ...(loggerObjects.size ? { loggerObjects } : {}),
    globals,
    ...(assignedMembers.length ? { memberAssignments: assignedMembers } : {}),
    digest: parts.length > 1 ? JSON.stringify(parts) : digest,
  };
}

/**
 * `X.m = value` at the top level where `X` is a project module this one requires or imports whole
 * (`const yapi = require('./yapi.js')`, `import * as registry from './registry'`) and the value is
 * something importers can use: a logger, a log helper, or a module of helpers (`yapi.commons =
 * commons`, `commons` being `require('./utils/commons')`). See ModuleSummary.memberAssignments.
 */
function moduleMemberAssignments(file: string, sf: ts.SourceFile, scopes: ScopeMap, values: ValueResolver, links: SummaryLinks): Array<{ specifier: string; member: string; value: ExportedValue }> {
  const out: Array<{ specifier: string; member: string; value: ExportedValue }> = [];
  for (const { object, member, value } of memberAssignments(sf)) {
    const d = resolveName(scopes, object, object.text);
    const specifier = d?.kind === 'value' ? requiredModule(unwrap(d.init)) : d?.kind === 'import' && (d.name === '*' || d.name === 'default') ? d.module : null;
    // A project module (relative, an alias, a workspace package), not a package's: one the links follow.
    if (!specifier || !links.summaryOf(specifier)) continue;
    const v = exportableValue(values.valueOf(value), links, file);
    if (v) out.push({ specifier, member, value: v });
  }
  return out;
}

/** A value as another module can hold it: a module of helpers becomes the object of its helper functions. */
function exportableValue(v: Value | null, links: SummaryLinks, file: string): ExportedValue | null {
  if (v?.t === 'logger') return { t: 'logger', lib: v.lib, origin: v.origin ?? file };
  if (v?.t === 'function') return { t: 'function', fn: v.fn };
  if (v?.t === 'object') return { t: 'object', members: v.members };
  if (v?.t === 'module') {
    const functions = links.summaryOf(v.module)?.functions;
    return functions && functions.size > 0 ? { t: 'object', members: functions } : null;
  }
  return null;
}

/**
 * The loggers a module puts on the global object, among its top-level statements: `global.X = <logger>`
 * (reached as `X`), and `X.m = <logger>` where `X` is global (`global.X = X` in this module, or no
 * declaration of its own). See ModuleSummary.globals.
 */
function globalLoggers(sf: ts.SourceFile, scopes: ScopeMap, values: ValueResolver): Map<string, LoggerLibrary> {
  const out = new Map<string, LoggerLibrary>();
  const assigned = globalAssignments(sf);
  for (const { name, value } of assigned.onGlobal) {
    const v = values.valueOf(value);
    if (v?.t === 'logger') out.set(name, v.lib);
  }
  for (const { object, member, value } of assigned.onNames) {
    if (!assigned.names.has(object.text) && resolveName(scopes, object, object.text)) continue;
    const v = values.valueOf(value);
    if (v?.t === 'logger') out.set(`${object.text}.${member}`, v.lib);
  }
  // `global.kuzzle = this` in a class's constructor (Kuzzle's): the instance's logger members, as `kuzzle.log`.
  if (assigned !== NO_GLOBALS) {
    for (const st of sf.statements) {
      if (!ts.isClassDeclaration(st)) continue;
      const name = constructorGlobalName(st);
      if (name) for (const [member, lib] of values.exportedClassSummary(st).members) out.set(`${name}.${member}`, lib);
    }
  }
  return out;
}

/** `global.X = this` (or `globalThis.X`) among a class constructor's statements: X. */
function constructorGlobalName(klass: ts.ClassDeclaration): string | null {
  const ctor = klass.members.find(ts.isConstructorDeclaration);
  for (const st of ctor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const { left, right } = st.expression;
    if (unwrap(right).kind !== ts.SyntaxKind.ThisKeyword || !ts.isPropertyAccessExpression(left)) continue;
    const object = unwrap(left.expression);
    if (ts.isIdentifier(object) && (object.text === 'global' || object.text === 'globalThis')) return left.name.text;
  }
  return null;
}

/** `module.exports = x`, `module.exports = { a, b: c }`, `module.exports = require('./m')`, `exports.x = y`. */
function noteCommonJsExport(
  e: ts.Expression,
  values: ValueResolver,
  links: SummaryLinks,
  put: (name: string, v: Value | null) => void,
  scopes: ScopeMap,
): void {
  if (ts.isCallExpression(e)) return noteDefinedExport(e, values, put, scopes);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = memberPath(e.left);
  const right = unwrap(e.right);
  if (target === 'module.exports') {
    const required = requireOf(right);
    if (required) {
      // The whole module passed on: every name, its default and its whole-module export too.
      const summary = links.summaryOf(required);
      for (const [name, v] of summary?.loggers ?? []) put(name, { t: 'logger', lib: v.lib, origin: v.origin });
      for (const [name, c] of summary?.classes ?? []) put(name, { t: 'importedClass', cls: c });
      for (const [name, fn] of summary?.functions ?? []) put(name, { t: 'function', fn });
      for (const [name, members] of summary?.objects ?? []) put(name, { t: 'object', members });
    } else if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) put(p.name.text, values.valueOf(p.name));
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.name.text, values.valueOf(p.initializer));
        // `module.exports = { init(uid) { return winston.createLogger(...) } }`: a method is a function export too.
        else if (ts.isMethodDeclaration(p) && p.body && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) put(p.name.text, { t: 'function', fn: values.functionSummary(p) });
      }
      // A hand-rolled logger exported whole (Node-RED's `module.exports = { info: function(msg) {...}, ... }`).
      const whole = values.valueOf(right);
      if (whole?.t === 'object') put('module.exports', whole);
    } else put('module.exports', values.valueOf(right));
    return;
  }
  const m = target ? /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target) : null;
  if (m) put(m[1], values.valueOf(right));
}

/**
 * `Object.defineProperty(module.exports, 'logger', { get: getLogger })` (or `{ value: logger }`): an
 * export whose value a getter returns, so that a logger set later is the one importers see (Parse
 * Server's logger module exports its default and `logger` so).
 */
function noteDefinedExport(call: ts.CallExpression, values: ValueResolver, put: (name: string, v: Value | null) => void, scopes: ScopeMap): void {
  const callee = memberPath(call.expression);
  const [target, name, descriptor] = call.arguments;
  if (callee !== 'Object.defineProperty' || !target || !name || !descriptor || !ts.isStringLiteralLike(name) || !ts.isObjectLiteralExpression(descriptor)) return;
  if (!['module.exports', 'exports'].includes(memberPath(target) ?? '')) return;
  for (const p of descriptor.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
    if (key === 'value' && ts.isPropertyAssignment(p)) return put(name.text, values.valueOf(p.initializer));
    if (key !== 'get') continue;
    const getter = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? getterFunction(p.initializer, scopes) : null;
    if (!getter) return;
    const returnsLogger = values.functionSummary(getter).returnsLogger;
    return put(name.text, returnsLogger ? { t: 'logger', lib: returnsLogger } : values.returnedHelpers(getter));
  }
}

/** The function a getter names: written there, or a function of the module named by an identifier. */
function getterFunction(e: ts.Expression, scopes: ScopeMap): FunctionLike | null {
  const own = functionOf(e);
  return own || !ts.isIdentifier(e) ? own : functionNamed(scopes, e);
}

/** `a.b.c` as text, for the left side of an assignment; null for anything else. */
function memberPath(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const head = memberPath(e.expression);
    return head ? `${head}.${e.name.text}` : null;
  }
  return null;
}

function requireOf(e: ts.Expression): string | null {
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0])) {
    return e.arguments[0].text;
  }
  return null;
}

/** The logger library a module imports (`import pkg from 'log4js'`); null when none or several (a CommonJS require is not read). */
function importedLoggerLibrary(sf: ts.SourceFile): LoggerLibrary | null {
  const found = new Set<LoggerLibrary>();
  for (const st of sf.statements) {
    const spec = ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && !st.importClause?.isTypeOnly ? st.moduleSpecifier.text : null;
    const lib = spec ? LIBRARY_PACKAGES.find(([pkg]) => pkg === spec)?.[1] : undefined;
    if (lib && lib !== 'nestjs') found.add(lib);
  }
  return found.size === 1 ? [...found][0] : null;
}

/** An identifier from an export clause, resolvable from the statement's scope. */
function identifierAt(name: string, parent: ts.Node): ts.Expression {
  const id = ts.factory.createIdentifier(name);
  (id as { parent: ts.Node }).parent = parent;
  return id;
}

function digestOf(
  loggers: ReadonlyMap<string, LoggerExport>,
  classes: ReadonlyMap<string, ClassSummary>,
  functions: ReadonlyMap<string, FunctionSummary>,
  objects: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>,
  types: ReadonlyMap<string, LoggerLibrary>,
  callbackTypes: ReadonlyMap<string, CallbackTypeSummary>,
  shapeTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
  resolverTypes: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
  factoryTypes: ReadonlyMap<string, LoggerShape>,
  trpcBuilders: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>,
): string {
  const l = [...loggers].map(([name, v]) => `${name}=${v.lib}@${v.origin}`).sort();
  // Newer parts of a summary are written only when present: the digest of a module without them stays as it was.
  const fn = (f: FunctionSummary): string =>
    JSON.stringify([
      f.returnsLogger ?? null,
      f.logs ?? null,
      ...(f.returnsErrorText !== undefined || f.makesMetric || f.returnsHelpers ? [f.returnsErrorText ?? null] : []),
      ...(f.makesMetric || f.returnsHelpers ? [f.makesMetric ?? null] : []),
      ...(f.returnsHelpers ? [methods('returns', f.returnsHelpers)] : []),
      ...(f.returnsConsole ? ['console'] : []),
      ...(f.returnsCaught ? [`caught:${f.returnsCaught}`] : []),
    ]);
  // A class's methods that log are written only when it has some (the digest of a class without stays as it was).
  const methods = (label: string, m: ReadonlyMap<string, FunctionSummary> | undefined): string => (m ? `${label}(${[...m].map(([k, s]) => `${k}${fn(s)}`).join(',')})` : '');
  const c = [...classes].map(([name, cls]) => `${name}{${[...cls.members].map(([m, lib]) => `${m}=${lib}`).join(',')}}${methods('methods', cls.methods)}${methods('statics', cls.statics)}${cls.instanceLogger ?? ''}${cls.staticInstances ? `instances(${cls.staticInstances.join(',')})` : ''}`).sort();
  const f = [...functions].map(([name, s]) => `${name}${fn(s)}`).sort();
  const o = [...objects].map(([name, members]) => `${name}{${[...members].map(([m, s]) => `${m}${fn(s)}`).join(',')}}`).sort();
  const t = [...types].map(([name, lib]) => `${name}=${lib}`).sort();
  const shape = (v: LoggerShape) => ('lib' in v ? v.lib : `{${[...v.members].map(([m, lib]) => `${m}=${lib}`).join(',')}}`);
  const cb = [...callbackTypes].map(([name, byParam]) => `${name}(${[...byParam].map(([i, ps]) => `${i}:(${[...ps].map(([j, v]) => `${j}:${shape(v)}`).join(',')})`).join(',')})`).sort();
  const members = (m: ReadonlyMap<string, LoggerLibrary>) => `{${[...m].map(([k, lib]) => `${k}=${lib}`).join(',')}}`;
  const st = [...shapeTypes].map(([name, m]) => `${name}${members(m)}`).sort();
  const rt = [...resolverTypes].map(([name, m]) => `${name}${members(m)}`).sort();
  // Without functions, objects, types and the typed shapes, the digest is what it was before they were summarised (cached results stay valid).
  const ft = [...factoryTypes].map(([name, v]) => `${name}${shape(v)}`).sort();
  const tb = [...trpcBuilders].map(([name, m]) => `${name}${members(m)}`).sort();
  if (tb.length) return JSON.stringify([l, c, f, o, t, cb, st, rt, ft, tb]);
  if (ft.length) return JSON.stringify([l, c, f, o, t, cb, st, rt, ft]);
  if (cb.length || st.length || rt.length) return JSON.stringify([l, c, f, o, t, cb, st, rt]);
  return JSON.stringify(f.length || o.length || t.length ? [l, c, f, o, t] : [l, c]);
}
