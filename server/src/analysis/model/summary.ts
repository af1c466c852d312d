// A module's summary: what importing it gives, as far as logging goes. The loggers it exports
// (made there, or passed on from another module: `export * from './logger'`, `export { default as
// logger } from`, `module.exports = require('./logger')`, `export { logger }` of an import) and the
// classes it exports with their logger members (own and inherited). Imports are followed through
// the links, so a barrel's summary holds what its targets export; the modules followed are the
// summary's dependencies (a change to one of them makes it stale).
import ts from '../typescriptModule';
import { parseSource } from '../parse';
import { bindFile, hasModifier, resolveName, type ScopeMap, unwrap, wholeModuleOf } from '../scopes';
import { ValueResolver, type Value } from '../values';
import { valueOfExport } from '../memberValues';
import type { LoggerLibrary } from '../types';
import { globalAssignments, memberAssignments, NO_GLOBALS } from '../globalAssignments';
import { noteCommonJsExport } from './commonJsExports';
import { TypeExports } from './typeExports';
import { type InjectedArgument, injectedArguments } from '../moduleInitialisers';
import { digestOf } from './summaryDigest';
import { exportedMetrics, mayExportMetrics } from '../metrics/exportedMetrics';
import { type CallbackTypeSummary, type ClassSummary, type ExportedMetrics, type ExportedValue, type LoggerShape, type FunctionSummary, type ImportLinks, type LoggerExport, summarisesSomething } from './types';

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
  /**
   * Loggers this module hands another module's initialiser (`redNodes.init(runtime)` with `runtime =
   * { log: log, ... }` in Node-RED's runtime): what that initialiser's parameter holds (moduleInitialisers.ts).
   */
  readonly injectedArguments?: ReadonlyArray<InjectedArgument>;
  /** Export name → the metric or object of metrics it gives (metrics/exportedMetrics.ts); absent when none. */
  readonly metrics?: ReadonlyMap<string, ExportedMetrics>;
  /** Changes exactly when what importers can see changes. */
  readonly digest: string;
}

export const EMPTY_SUMMARY: ModuleSummary = { loggers: new Map(), classes: new Map(), functions: new Map(), objects: new Map(), types: new Map(), callbackTypes: new Map(), shapeTypes: new Map(), resolverTypes: new Map(), factoryTypes: new Map(), trpcBuilders: new Map(), globals: new Map(), digest: '[]' };

export interface SummaryLinks extends ImportLinks {
  /** The summary of the module `specifier` names, for `export *` (null: not a project module). */
  summaryOf(specifier: string): ModuleSummary | null;
  metricOf(specifier: string, name: string): ExportedMetrics | null;
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
  const typeExports = new TypeExports(sf, values);
  for (const st of sf.statements) {
    if (typeExports.readDeclaration(st)) continue;
    if (ts.isExportDeclaration(st)) {
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
          const declared = from || imported ? undefined : sf.statements.find((d): d is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(d) && d.name.text === local);
          typeExports.passOn(el.name.text, passed, declared);
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
      // A UMD wrapper (`(function () { if (typeof module !== 'undefined') { module.exports = makeLogger(); } ... }())`,
      // MagicMirror's js/logger.js): the exports its body's statements make.
      for (const inner of wrappedStatements(st.expression)) noteCommonJsExport(inner.expression, values, links, put, scopes);
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
    typeExports.passOnAll(target);
    for (const [name, b] of target?.trpcBuilders ?? []) if (name !== 'default' && !trpcBuilders.has(name)) trpcBuilders.set(name, b);
    for (const [name, m] of target?.loggerObjects ?? []) if (name !== 'default' && !loggerObjects.has(name)) loggerObjects.set(name, m);
  }
  for (const [name, fn] of functions) if (!summarisesSomething(fn)) functions.delete(name);
  const globals = globalLoggers(sf, scopes, values);
  const assignedMembers = moduleMemberAssignments(file, sf, scopes, values, links);
  const injected = injectedArguments(sf, scopes, values, (specifier) => links.isProjectModule?.(specifier) ?? links.summaryOf(specifier) !== null);
  const { types, callbackTypes, shapeTypes, resolverTypes, factoryTypes } = typeExports;
  const digest = digestOf(loggers, classes, functions, objects, types, callbackTypes, shapeTypes, resolverTypes, factoryTypes, trpcBuilders);
  // The globals, logger objects, member assignments and initialiser arguments are written only up to the
  // last list that is not empty: a module without the later ones keeps the digest it had before they existed.
  const json = (v: ExportedValue) => JSON.stringify(v, (k, x) => (x instanceof Map ? [...x] : x));
  const g = [...globals].map(([name, lib]) => `${name}=${lib}`).sort();
  const lo = [...loggerObjects].map(([name, m]) => `${name}{${[...m].map(([k, lib]) => `${k}=${lib}`).join(',')}}`).sort();
  const ma = assignedMembers.map((a) => `${a.specifier}:${a.member}=${json(a.value)}`).sort();
  const ia = injected.map((a) => `${a.specifier}:${a.member}:${a.index}=${json(a.value)}`).sort();
  // Only a module that may hold or pass on metrics is read for them (most modules export none).
  const metrics = mayExportMetrics(tree.text) ? exportedMetrics(sf, scopes, links) : null;
  const mx = metrics ? [...metrics].map(([name, v]) => `${name}=${JSON.stringify(v, (k, x) => (x instanceof Map ? [...x] : x))}`).sort() : [];
  const lists = [g, lo, ma, ia, mx];
  while (lists.length > 0 && lists[lists.length - 1].length === 0) lists.pop();
  const parts = [digest, ...lists];
  return {
    loggers, classes, functions, objects, types, callbackTypes, shapeTypes, resolverTypes, factoryTypes, trpcBuilders,
    ...(loggerObjects.size ? { loggerObjects } : {}),
    globals,
    ...(assignedMembers.length ? { memberAssignments: assignedMembers } : {}),
    ...(injected.length ? { injectedArguments: injected } : {}),
    ...(metrics?.size ? { metrics } : {}),
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
    const specifier = wholeModuleOf(object, scopes);
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

/** An identifier from an export clause, resolvable from the statement's scope. */
function identifierAt(name: string, parent: ts.Node): ts.Expression {
  const id = ts.factory.createIdentifier(name);
  (id as { parent: ts.Node }).parent = parent;
  return id;
}

/**
 * The expression statements of a top-level function expression called at once (an IIFE), its `if`
 * branches and blocks included, its nested functions left out; none for any other expression.
 */
function wrappedStatements(expr: ts.Expression): ts.ExpressionStatement[] {
  const call = unwrap(expr);
  if (!ts.isCallExpression(call)) return [];
  const fn = unwrap(call.expression);
  if (!(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || !ts.isBlock(fn.body)) return [];
  const out: ts.ExpressionStatement[] = [];
  const stack: ts.Statement[] = [...fn.body.statements];
  while (stack.length) {
    const st = stack.pop()!;
    if (ts.isExpressionStatement(st)) out.push(st);
    else if (ts.isBlock(st)) stack.push(...st.statements);
    else if (ts.isIfStatement(st)) {
      stack.push(st.thenStatement);
      if (st.elseStatement) stack.push(st.elseStatement);
    }
  }
  return out;
}
