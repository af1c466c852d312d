// Modules set up by an initialiser another module calls with its state (Node-RED's runtime: its entry
// builds `var runtime = { log: log, settings, ... }` and calls `redNodes.init(runtime)`, whose `init`
// keeps `log = runtime.log` in a module variable and passes `runtime` on to `flows.init(runtime)`).
// The caller's half: which initialiser of which module each call hands which logging value
// (ModuleSummary.injectedArguments). The callee's half: whether a function is such an initialiser,
// and the functions whose assignments set module state. Only the idiom's names are followed: a
// caller→parameter flow for every function would need every call of the project.
import ts from './typescriptModule';
import { resolveName, type ScopeMap, unwrap, wholeModuleOf } from './scopes';
import type { Value } from './valueTypes';
import type { ExportedValue, FunctionSummary } from './model/types';
import type { LoggerLibrary } from './types';
import { commonJsTarget } from './handlers/exports';

/** The names an initialiser goes by. */
export const INITIALISER_NAMES: ReadonlySet<string> = new Set(['init', 'initialize', 'initialise', 'setup', 'configure']);

/** A call of one, by text: the cheap test before a module's calls are walked. */
const INITIALISER_CALL = new RegExp(String.raw`\.(?:${[...INITIALISER_NAMES].join('|')})\s*\(`);
/**
 * `new JobQueue(db, settings, logger)`: a class constructed with an argument named for logging, by
 * text (bounded, so that no long argument list is scanned twice).
 */
const CONSTRUCTED_WITH_LOGGER = /\bnew\s+[\w$.]{1,80}\s*\([^()]{0,400}?\b[\w$]{0,40}[lL]og(?:ger)?\b/;

/** Whether a module may hand another module's initialiser, or a class of one, a logging value. */
export function mayCallInitialiser(text: string): boolean {
  return INITIALISER_CALL.test(text) || CONSTRUCTED_WITH_LOGGER.test(text);
}

/**
 * The member name under which a module's `new C(...)` of a class another module exports is recorded:
 * `new:default` for its default export (or a CommonJS module that is the class), `new:C` for a named one.
 */
export function constructorMember(exportName: string): string {
  return `new:${exportName}`;
}

export interface InjectedArgument {
  /** The module called, as this module writes it. */
  readonly specifier: string;
  readonly member: string;
  readonly index: number;
  readonly value: ExportedValue;
}

interface Values {
  valueOf(expr: ts.Expression): Value | null;
}

/**
 * Every `X.init(a, b)` in a module, `X` being a project module it requires or imports whole, with
 * the arguments that hold loggers: a logger, an object of log helpers, or an object with members
 * that are either (`runtime`, its `log` member the logger).
 */
export function injectedArguments(sf: ts.SourceFile, scopes: ScopeMap, values: Values, isProjectModule: (specifier: string) => boolean): InjectedArgument[] {
  if (!mayCallInitialiser(sf.text)) return [];
  const out: InjectedArgument[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    // `new JobQueue(db, ..., logger)` of a class a project module exports (Checkmate's entry building its services).
    if (ts.isNewExpression(node) && node.arguments?.length) {
      const constructed = constructedClass(node.expression, scopes);
      if (constructed && isProjectModule(constructed.specifier)) {
        node.arguments.forEach((arg, index) => {
          const value = injectableValue(arg, scopes, values);
          if (value) out.push({ specifier: constructed.specifier, member: constructorMember(constructed.name), index, value });
        });
      }
    }
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = unwrap(node.expression);
      const member = ts.isPropertyAccessExpression(callee) && INITIALISER_NAMES.has(callee.name.text) ? callee : null;
      const receiver = member && unwrap(member.expression);
      const specifier = receiver && ts.isIdentifier(receiver) ? wholeModuleOf(receiver, scopes) : null;
      if (member && specifier && isProjectModule(specifier)) {
        node.arguments.forEach((arg, index) => {
          const value = injectableValue(arg, scopes, values);
          if (value) out.push({ specifier, member: member.name.text, index, value });
        });
      }
    }
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return out;
}

/** The module and export name of the class `new X(...)` constructs, when X is imported or required: `default` for a whole module. */
function constructedClass(callee: ts.Expression, scopes: ScopeMap): { specifier: string; name: string } | null {
  const e = unwrap(callee);
  if (ts.isIdentifier(e)) {
    const d = resolveName(scopes, e, e.text);
    if (d?.kind === 'import') return { specifier: d.module, name: d.name === '*' ? 'default' : d.name };
    const whole = wholeModuleOf(e, scopes);
    return whole ? { specifier: whole, name: 'default' } : null;
  }
  // `new services.JobQueue(...)`, `services` a namespace import or a required module.
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    const whole = wholeModuleOf(e.expression, scopes);
    return whole ? { specifier: whole, name: e.name.text } : null;
  }
  return null;
}

/**
 * The names a module exports a class of its own under: `export default class`, `export class C`,
 * `export default C`, `export { C as D }`, `module.exports = C` (its default), `exports.D = C`.
 */
export function classExportNames(klass: ts.ClassLikeDeclaration): string[] {
  const sf = klass.getSourceFile();
  if (!ts.isSourceFile(klass.parent) || !klass.name) return [];
  const exported = ts.canHaveModifiers(klass) ? ts.getModifiers(klass) : undefined;
  if (exported?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [exported.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ? 'default' : klass.name.text];
  const name = klass.name.text;
  const isName = (x: ts.Expression) => ts.isIdentifier(unwrap(x)) && (unwrap(x) as ts.Identifier).text === name;
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isExportAssignment(st) && isName(st.expression)) out.push('default');
    else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if ((el.propertyName ?? el.name).text === name) out.push(el.name.text);
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && isName(st.expression.right)) {
      const target = commonJsTarget(st.expression.left);
      if (target) out.push(target === '*' ? 'default' : target);
    }
  }
  return out;
}

/** What an argument hands the initialiser for logging, as another module can hold it; null when nothing. */
function injectableValue(arg: ts.Expression, scopes: ScopeMap, values: Values): ExportedValue | null {
  const v = values.valueOf(arg);
  if (v?.t === 'logger') return { t: 'logger', lib: v.lib, origin: v.origin ?? arg.getSourceFile().fileName };
  if (v?.t === 'loggerMembers') return { t: 'loggerMembers', members: v.members };
  const e = unwrap(arg);
  // `runtime`, declared `var runtime = { log: log, ... }`: its members that hold loggers or log helpers.
  const d = ts.isIdentifier(e) ? resolveName(scopes, e, e.text) : undefined;
  const literal = ts.isObjectLiteralExpression(e) ? e : d?.kind === 'value' && ts.isObjectLiteralExpression(unwrap(d.init)) ? (unwrap(d.init) as ts.ObjectLiteralExpression) : null;
  const held = literal ? heldLoggers(literal, values) : null;
  if (v?.t === 'object') return { t: 'object', members: v.members, ...(v.loggers ? { loggers: v.loggers } : {}), ...(v.helpers ? { helpers: v.helpers } : {}), ...held };
  if (v?.t === 'function') return { t: 'function', fn: v.fn };
  return held ? { t: 'object', members: new Map(), ...held } : null;
}

/** The members of an object literal that are loggers, or objects of log helpers (a hand-rolled logger); null when none. */
function heldLoggers(o: ts.ObjectLiteralExpression, values: Values): { loggers?: Map<string, LoggerLibrary>; helpers?: Map<string, ReadonlyMap<string, FunctionSummary>> } | null {
  const loggers = new Map<string, LoggerLibrary>();
  const helpers = new Map<string, ReadonlyMap<string, FunctionSummary>>();
  for (const p of o.properties) {
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : null;
    if (!value || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const u = unwrap(value);
    // Functions written in place are the object's own members (ValueResolver's object value).
    if (ts.isFunctionExpression(u) || ts.isArrowFunction(u)) continue;
    const v = values.valueOf(value);
    if (v?.t === 'logger') loggers.set(p.name.text, v.lib);
    else if (v?.t === 'object' && v.members.size > 0) helpers.set(p.name.text, v.members);
  }
  if (!loggers.size && !helpers.size) return null;
  return { ...(loggers.size ? { loggers } : {}), ...(helpers.size ? { helpers } : {}) };
}

/**
 * The initialiser name a function goes by, when it is one: `function init(runtime) {}` at the top
 * level, `init: function (runtime) {}` or `init(runtime) {}` in an object literal (`module.exports =
 * { init }`), `exports.init = function (runtime) {}`; null otherwise.
 */
export function initialiserName(fn: ts.Node): string | null {
  let name: string | null = null;
  if (ts.isFunctionDeclaration(fn) && fn.name && ts.isSourceFile(fn.parent)) name = fn.name.text;
  else if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent) && ts.isIdentifier(fn.name)) name = fn.name.text;
  else if (ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) {
    let holder: ts.Node = fn.parent;
    while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
    if (ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name) && ts.isObjectLiteralExpression(holder.parent)) name = holder.name.text;
    else if (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(holder.left)) name = holder.left.name.text;
  }
  return name && INITIALISER_NAMES.has(name) ? name : null;
}

/**
 * The bodies of a module's initialisers, whose assignments set module state as the top level's do:
 * top-level function declarations, and functions in an object literal or assigned to a member at the
 * top level (`module.exports = { init: function (runtime) {...} }`).
 */
export function initialiserBodies(sf: ts.SourceFile): ts.Block[] {
  const out: ts.Block[] = [];
  const take = (fn: ts.Node | undefined) => {
    if (fn && (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) || ts.isMethodDeclaration(fn)) && fn.body && ts.isBlock(fn.body) && initialiserName(fn)) out.push(fn.body);
  };
  const fromObject = (o: ts.Expression) => {
    const u = unwrap(o);
    if (!ts.isObjectLiteralExpression(u)) return;
    for (const p of u.properties) take(ts.isPropertyAssignment(p) ? unwrap(p.initializer) : p);
  };
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st)) take(st);
    else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      take(unwrap(st.expression.right));
      fromObject(st.expression.right);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (d.initializer) fromObject(d.initializer);
    }
  }
  return out;
}
