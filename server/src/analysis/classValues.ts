// What a class's members hold: `this.logger` declared, typed, assigned in the constructor or
// inherited from a base class (in the same file or imported, through the class's summary).
import ts from './typescriptModule';
import type { ClassSummary } from './model/types';
import { assignsThisMember, enclosingClass } from './classMembers';
import { hasModifier, unwrap } from './scopes';
import { type FunctionLike, memberFunction } from './logCallables';
import { FACADE_LEVEL_METHOD, FACADE_RECORD_METHOD, facadeLevelMethods, facadeRecordMethods } from './loggerFacade';
import type { FunctionSummary } from './model/types';
import { type ExpressionValues, instanceObject, type TypeValues } from './typeValues';
import type { LoggerLibrary } from './types';
import { MAX_DEPTH, type Value } from './valueTypes';

/** The expression half of the model, with what calling a function of the file does (logCallables.ts). */
export interface ClassContext extends ExpressionValues {
  functionSummary(fn: FunctionLike): FunctionSummary;
}

export class ClassValues {
  private readonly classMembers = new Map<ts.ClassLikeDeclaration, Map<string, Value | null>>();
  private readonly classSummaries = new Map<ts.ClassLikeDeclaration, ClassSummary>();
  /** Per class and side (instance, static): its methods that log their arguments, return a logger or make a metric. */
  private readonly methodObjects = new Map<ts.ClassLikeDeclaration, { instance?: Value | null; static?: Value | null }>();

  constructor(
    private readonly values: ClassContext,
    private readonly types: TypeValues,
  ) {}

  /**
   * What `new Klass()` is for logging: an object of log helpers when some of its methods pass their
   * parameters on to a logger (a project's facade: `class Logger { info(category, message, extra) {
   * this.output.info(message, ...) } }` then `export default new Logger()`), else its fields that hold loggers, else nothing.
   */
  instanceValue(klass: ts.ClassLikeDeclaration): Value | null {
    // A subclass of a library's logger class (Kuzzle's `Logger extends KuzzleLogger`): that library's logger.
    const loggerBase = this.loggerClassBase(klass);
    if (loggerBase) return { t: 'logger', lib: loggerBase };
    // A Nest logger of the project's own (HedgeDoc's `ConsoleLoggerService implements LoggerService`,
    // a class extending Nest's ConsoleLogger): its callers use Nest's method names and arguments.
    if (this.isNestLogger(klass)) {
      // But one whose error() hands its arguments on to another library's logger (Amplication's
      // AmplicationLogger over winston: `error(message, error?, ...args)`) logs as its helpers say;
      // one printing itself (HedgeDoc's, through console) keeps Nest's arguments.
      const facade = this.methodObject(klass, false);
      const error = facade?.t === 'object' ? facade.members.get('error')?.logs : undefined;
      return error && FORWARDED_LIBRARIES.has(error.lib) ? facade : { t: 'logger', lib: 'nestjs' };
    }
    // Else its fields that hold loggers, as an imported class's instance has (typeValues.ts instanceOfSummary):
    // code-server's `wrapper.logger.error(...)`, `wrapper` a `new ParentProcess()` with `logger = logger.named(...)`.
    const methods = this.methodObject(klass, false);
    const { members, helpers } = this.classSummary(klass);
    return instanceObject(methods?.t === 'object' ? methods.members : undefined, members, helpers);
  }

  /** The library whose logger class `klass` extends (directly), or null. */
  private loggerClassBase(klass: ts.ClassLikeDeclaration): LoggerLibrary | null {
    const expr = klass.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const v = expr && ts.isIdentifier(expr) ? this.values.valueOf(expr) : null;
    return v?.t === 'loggerClass' ? v.lib : null;
  }

  /** Whether `klass` implements Nest's LoggerService or extends one of its logger classes. */
  isNestLogger(klass: ts.ClassLikeDeclaration): boolean {
    for (const clause of klass.heritageClauses ?? []) {
      for (const t of clause.types) if (ts.isIdentifier(t.expression) && this.values.valueOf(t.expression)?.t === 'nestLoggerClass') return true;
    }
    return false;
  }

  /** `Klass.info(...)` of a class whose static methods are log helpers. */
  staticValue(klass: ts.ClassLikeDeclaration): Value | null {
    return this.methodObject(klass, true);
  }

  private methodObject(klass: ts.ClassLikeDeclaration, statics: boolean, depth = 0): Value | null {
    let known = this.methodObjects.get(klass);
    if (!known) this.methodObjects.set(klass, (known = {}));
    const side = statics ? 'static' : 'instance';
    if (known[side] !== undefined) return known[side]!;
    known[side] = null; // a method that makes another instance of its class (a cycle) adds nothing
    const members = new Map<string, FunctionSummary>();
    for (const m of klass.members) {
      if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) || hasModifier(m, ts.SyntaxKind.StaticKeyword) !== statics || isPrivate(m)) continue;
      const fn = memberFunction(m);
      const summary = fn ? this.values.functionSummary(fn) : undefined;
      if (summary && (summary.logs || summary.returnsLogger || summary.makesMetric || summary.returnsHelpers || summary.returnsConsole)) members.set(m.name.text, summary);
    }
    // A facade whose sink the model cannot follow still logs through its level methods (loggerFacade.ts).
    const levels = facadeLevelMethods(klass, statics, (n) => !!members.get(n)?.logs);
    for (const name of levels) if (!members.has(name)) members.set(name, FACADE_LEVEL_METHOD);
    // Beside them, a `log(record)` handing the same sink a whole record.
    if (levels.length > 0) for (const name of facadeRecordMethods(klass, statics)) if (!members.has(name)) members.set(name, FACADE_RECORD_METHOD);
    // Methods inherited from a base class of this file, where this class does not declare them.
    const base = depth < MAX_DEPTH ? this.baseClassOf(klass, depth) : null;
    const inherited = base?.t === 'localClass' ? this.methodObject(base.node, statics, depth + 1) : null;
    if (inherited?.t === 'object') for (const [name, s] of inherited.members) if (!members.has(name) && !declares(klass, name)) members.set(name, s);
    const v: Value | null = members.size > 0 ? { t: 'object', members } : null;
    known[side] = v;
    return v;
  }

  /** A member of a class, its own or inherited from its base class (in this file or imported). */
  memberOf(klass: ts.ClassLikeDeclaration, name: string, depth: number): Value | null {
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
        const helpers = base.cls.helpers?.get(name);
        v = lib ? { t: 'logger', lib } : helpers ? { t: 'object', members: helpers } : null;
      }
    }
    members.set(name, v);
    return v;
  }

  /**
   * What the method `name` of a class does for logging (for `this.name(...)` inside it): its own, else
   * the one it inherits from its base class, in this file or imported (its module's summary). A base
   * class's private method is not inherited; an overload's signature has no body, so its
   * implementation is the one read; anything else of that name hides the base class's. Overseerr's
   * scanners call `this.log(message, 'info')`, declared once in BaseScanner in another file.
   */
  method(klass: ts.ClassLikeDeclaration, name: string, statics: boolean, depth = 0): FunctionSummary | null {
    let declared = false;
    for (const m of klass.members) {
      if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== name || hasModifier(m, ts.SyntaxKind.StaticKeyword) !== statics || (depth > 0 && isPrivate(m))) continue;
      const fn = memberFunction(m);
      if (fn) return this.values.functionSummary(fn);
      if (!(ts.isMethodDeclaration(m) && !m.body)) declared = true;
    }
    if (declared) return null;
    const base = depth < MAX_DEPTH ? this.baseClassOf(klass, depth) : null;
    if (base?.t === 'importedClass') return (statics ? base.cls.statics : base.cls.methods)?.get(name) ?? null;
    return base?.t === 'localClass' ? this.method(base.node, name, statics, depth + 1) : null;
  }

  /** The class `klass` extends, when it is one the model can see into. */
  private baseClassOf(klass: ts.ClassLikeDeclaration, depth: number): Value | null {
    const clause = klass.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    const expr = clause?.types[0]?.expression;
    if (!expr || depth > MAX_DEPTH) return null;
    const v = this.values.valueOf(expr, depth);
    return v?.t === 'localClass' || v?.t === 'importedClass' ? v : null;
  }

  private findMember(klass: ts.ClassLikeDeclaration, name: string, depth: number): Value | null {
    // An object type that names no logger (matrix-appservice-irc's `log: BridgedClientLogger`, an
    // interface of debug, info and error) leaves what the constructor assigns to say, if it assigns.
    let typedObject: Value | null = null;
    for (const m of klass.members) {
      // `get log() { return this._logger; }` (NocoBase's Application): what it returns.
      if (ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) {
        const [only] = m.body?.statements ?? [];
        if (only && ts.isReturnStatement(only) && only.expression && depth < MAX_DEPTH) return this.values.valueOf(only.expression, depth + 1);
        return m.type ? this.types.typeValue(m.type) : null;
      }
      if (ts.isPropertyDeclaration(m) && m.name && ts.isIdentifier(m.name) && m.name.text === name) {
        if (m.initializer) return this.values.valueOf(m.initializer, depth);
        // A type that says nothing (Kuzzle's `protected readonly logger: any`) leaves the constructor's assignment to say.
        const typed = m.type ? this.types.typeValue(m.type) : null;
        if (typed?.t === 'typedObject') typedObject = typed;
        else if (typed) return typed;
      }
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length && p.type) return this.types.typeValue(p.type);
        }
        for (const st of m.body?.statements ?? []) {
          if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
          const { left, operatorToken, right } = st.expression;
          if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
          if (left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return this.values.valueOf(right, depth) ?? typedObject;
        }
      }
    }
    return typedObject;
  }

  /** A member of the class enclosing `at` that holds a logger (`this.logger`), for fixes to write to. */
  classLogger(at: ts.Node): { name: string; lib: LoggerLibrary } | null {
    const klass = enclosingClass(at);
    if (!klass) return null;
    // A fix writes to it: a field only declared (`logger: Logger;`, NocoBase's WSServer) may never be set.
    for (const [name, lib] of this.classSummary(klass).members) if (!declaredOnly(klass, name)) return { name, lib };
    return null;
  }

  /** The members of a class that hold a logger, its own (in declaration order) first, then inherited ones. */
  classSummary(klass: ts.ClassLikeDeclaration, depth = 0): ClassSummary {
    const known = this.classSummaries.get(klass);
    if (known) return known;
    const members = new Map<string, LoggerLibrary>();
    const helpers = new Map<string, ReadonlyMap<string, FunctionSummary>>();
    const summary: { members: typeof members; helpers?: typeof helpers } = { members };
    this.classSummaries.set(klass, summary); // a class that extends itself (through a cycle) inherits nothing more
    for (const name of declaredMemberNames(klass)) {
      const v = this.memberOf(klass, name, depth);
      if (v?.t === 'logger') members.set(name, v.lib);
      else if (v?.t === 'object' && !v.loggers && !v.helpers && [...v.members.values()].some((s) => s.logs)) helpers.set(name, v.members);
    }
    const base = depth < MAX_DEPTH ? this.baseClassOf(klass, depth) : null;
    const inherited = base?.t === 'localClass' ? this.classSummary(base.node, depth + 1) : base?.t === 'importedClass' ? base.cls : undefined;
    for (const [name, lib] of inherited?.members ?? []) if (!members.has(name)) members.set(name, lib);
    for (const [name, h] of inherited?.helpers ?? []) if (!members.has(name) && !helpers.has(name)) helpers.set(name, h);
    // Written only when present: the summaries (and digests) of classes without stay as they were.
    if (helpers.size > 0) summary.helpers = helpers;
    return summary;
  }
}

/** Names of a class's fields: declared properties, constructor parameter properties, `this.x =` in the constructor. */
function declaredMemberNames(klass: ts.ClassLikeDeclaration): Set<string> {
  const names = new Set<string>();
  for (const m of klass.members) {
    if ((ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m)) && ts.isIdentifier(m.name)) names.add(m.name.text);
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

/**
 * Whether the class declares field `name` without anything that sets it: no initializer, no
 * decorator (dependency injection sets those), no `!` (the author says something else sets it), not
 * a constructor's parameter property, and no `this.name =` anywhere in the class. An inherited field
 * is not declared here: false.
 */
function declaredOnly(klass: ts.ClassLikeDeclaration, name: string): boolean {
  // Asked once per fix: remembered per class, so a class of many console calls is walked once per field.
  let known = declaredOnlyFields.get(klass);
  if (!known) declaredOnlyFields.set(klass, (known = new Map()));
  let answer = known.get(name);
  if (answer === undefined) known.set(name, (answer = computeDeclaredOnly(klass, name)));
  return answer;
}

const declaredOnlyFields = new WeakMap<ts.ClassLikeDeclaration, Map<string, boolean>>();

function computeDeclaredOnly(klass: ts.ClassLikeDeclaration, name: string): boolean {
  const field = klass.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
  // `!` and `declare` both say something else sets it.
  if (!field || field.initializer || field.exclamationToken || ts.getDecorators(field)?.length || hasModifier(field, ts.SyntaxKind.DeclareKeyword)) return false;
  const parameterProperty = (m: ts.ClassElement) => ts.isConstructorDeclaration(m) && m.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name && !!ts.getModifiers(p)?.length);
  return !klass.members.some((m) => parameterProperty(m) || assignsThisMember(m, name));
}

/** `private` and `#name` members cannot be called from outside the class. */
function isPrivate(m: ts.ClassElement): boolean {
  return (!!m.name && ts.isPrivateIdentifier(m.name)) || hasModifier(m, ts.SyntaxKind.PrivateKeyword);
}

function declares(klass: ts.ClassLikeDeclaration, name: string): boolean {
  return klass.members.some((m) => !!m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name);
}

/** Libraries a Nest LoggerService may hand its calls to, whose arguments then decide (instanceValue). */
const FORWARDED_LIBRARIES: ReadonlySet<LoggerLibrary> = new Set(['pino', 'winston', 'bunyan', 'log4js']);

/** The class's static fields that hold an instance of it: `static readonly internal = new Logger()`. */
export function staticInstanceFields(klass: ts.ClassLikeDeclaration): string[] {
  const name = klass.name?.text;
  if (!name) return [];
  const out: string[] = [];
  for (const m of klass.members) {
    if (!ts.isPropertyDeclaration(m) || !hasModifier(m, ts.SyntaxKind.StaticKeyword) || !m.initializer || !ts.isIdentifier(m.name)) continue;
    const init = unwrap(m.initializer);
    if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === name) out.push(m.name.text);
  }
  return out;
}
