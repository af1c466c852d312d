// What object literals hold for logging, beyond their methods (values.ts objectValue): a logger
// rebuilt from its own bound level methods, and the members `this` reaches inside a literal's methods.
import ts from './typescriptModule';
import { enclosingFunction, unwrap } from './scopes';
import type { LoggerLibrary } from './types';
import type { Value } from './valueTypes';

type ValueOf = (e: ts.Expression) => Value | null;

/** The level methods a logger rebuilt from bound methods must have. */
const BOUND_LEVELS: ReadonlySet<string> = new Set(['info', 'warn', 'error']);

/**
 * A logger rebuilt as an object of its own level methods bound to it (Formbricks's `{ info:
 * pinoLogger.info.bind(pinoLogger), warn: ..., error: ... }`, then `{ ...boundLogger, withContext }`):
 * that logger, when info, warn and error all come from loggers of one library. Null otherwise.
 */
export function boundLoggerObject(o: ts.ObjectLiteralExpression, valueOf: ValueOf): Value | null {
  let lib: LoggerLibrary | null = null;
  const levels = new Set<string>();
  const same = (l: LoggerLibrary) => (lib ??= l) === l;
  for (const p of o.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = valueOf(p.expression);
      if (spread?.t !== 'logger' || !same(spread.lib)) return null;
      for (const l of BOUND_LEVELS) levels.add(l);
      continue;
    }
    if (!ts.isPropertyAssignment(p) || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || !BOUND_LEVELS.has(p.name.text)) continue;
    // `info: console.info.bind(console)`, `info: console.info` (MagicMirror's Log): console's own
    // methods make a console-backed logger of the project's (message first, the rest printed after it).
    if (isConsoleMethod(p.initializer, p.name.text, valueOf)) {
      if (!same('custom')) return null;
      levels.add(p.name.text);
      continue;
    }
    const owner = boundMethodOwner(p.initializer, p.name.text);
    const v = owner ? valueOf(owner) : null;
    if (v?.t !== 'logger' || !same(v.lib)) return null;
    levels.add(p.name.text);
  }
  const found = lib as LoggerLibrary | null;
  return found && levels.has('info') && levels.has('warn') && levels.has('error') ? { t: 'logger', lib: found } : null;
}

/** `console.info` or `console.info.bind(console)` for the member `level` (console's own method of that name). */
function isConsoleMethod(init: ts.Expression, level: string, valueOf: ValueOf): boolean {
  let e = unwrap(init);
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'bind') {
    if (valueOf(e.arguments[0])?.t !== 'console') return false;
    e = unwrap(e.expression.expression);
  }
  return ts.isPropertyAccessExpression(e) && e.name.text === level && valueOf(e.expression)?.t === 'console';
}

/** `logger.info.bind(logger)` for the member `level`: `logger`; null for anything else. */
function boundMethodOwner(init: ts.Expression, level: string): ts.Expression | null {
  const e = unwrap(init);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'bind') return null;
  const method = unwrap(e.expression.expression);
  if (!ts.isPropertyAccessExpression(method) || method.name.text !== level) return null;
  const owner = unwrap(method.expression);
  const arg = unwrap(e.arguments[0]);
  return ts.isIdentifier(owner) && ts.isIdentifier(arg) && owner.text === arg.text ? owner : null;
}

/**
 * The object literal whose method `this` is in (arrows pass `this` through), or null: a function of
 * another kind, a class, or the top level comes first.
 */
export function enclosingObjectLiteral(thisNode: ts.Node): ts.ObjectLiteralExpression | null {
  for (let n = enclosingFunction(thisNode); n; n = enclosingFunction(n)) {
    if (ts.isArrowFunction(n)) continue;
    if (ts.isMethodDeclaration(n)) return ts.isObjectLiteralExpression(n.parent) ? n.parent : null;
    return ts.isFunctionExpression(n) && ts.isPropertyAssignment(n.parent) && ts.isObjectLiteralExpression(n.parent.parent) ? n.parent.parent : null;
  }
  return null;
}

/**
 * `this.name` inside an object literal's methods: its property of that name, or what one of its
 * methods assigns to `this.name` (Overleaf's logger, `const LoggingManager = { initialize() {
 * this.logger = bunyan.createLogger(...) }, info(attributes, message) { return this.logger.info(...) } }`).
 * Worked out once per literal and name; null while one is worked out (a cycle).
 */
export class ObjectLiteralMembers {
  private readonly known = new Map<ts.ObjectLiteralExpression, Map<string, Value | null>>();

  memberOf(o: ts.ObjectLiteralExpression, name: string, valueOf: ValueOf): Value | null {
    let members = this.known.get(o);
    if (!members) this.known.set(o, (members = new Map()));
    if (members.has(name)) return members.get(name)!;
    members.set(name, null);
    const v = propertyValue(o, name, valueOf) ?? assignedInMethods(o, name, valueOf);
    members.set(name, v);
    return v;
  }
}

function propertyValue(o: ts.ObjectLiteralExpression, name: string, valueOf: ValueOf): Value | null {
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return valueOf(p.initializer);
  }
  return null;
}

/** What a method of the literal assigns to `this.name` among its top-level statements. */
function assignedInMethods(o: ts.ObjectLiteralExpression, name: string, valueOf: ValueOf): Value | null {
  for (const p of o.properties) {
    const init = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : null;
    const fn = ts.isMethodDeclaration(p) ? p : init && ts.isFunctionExpression(init) ? init : null;
    for (const st of fn?.body?.statements ?? []) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const left = st.expression.left;
      if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword || left.name.text !== name) continue;
      const v = valueOf(st.expression.right);
      if (v) return v;
    }
  }
  return null;
}
