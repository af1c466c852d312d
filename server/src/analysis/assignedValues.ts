// What a variable declared without a value holds, read from its assignments: a `let f;` its block
// only ever assigns console's methods, or a module's `let logger: any` its top-level statements
// assign a logger. The expression half of the model (values.ts) asks here for such names.
import ts from './typescriptModule';
import { assignmentsToLocal, declares, type ScopeMap, unwrap } from './scopes';
import type { LoggerLibrary } from './types';
import type { Value } from './valueTypes';
import { initialiserBodies } from './moduleInitialisers';

/** The largest block read for a variable's assignments (a helper's body, not a module's worth of code). */
const MAX_ASSIGNING_BLOCK = 4000;

interface Values {
  valueOf(expr: ts.Expression): Value | null;
}

/**
 * A `let f;` that its block only ever assigns console's methods (`switch (type) { case 'warn': f =
 * console.warn; break; default: f = console.log; }` then `f(type + ':', msg)`, YApi's log helper):
 * a console method. Anything else assigned, or no assignment, and it is unknown.
 */
export function assignedConsoleMethod(decl: ts.VariableDeclaration, values: Values, scopes: ScopeMap): Value | null {
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || list.flags & ts.NodeFlags.Const) return null;
  // `let loggingFunction = console.log; switch (level) { case 'warn': loggingFunction = console.error; ... }`
  // (Homebridge's Logger): the initial value is one of the methods too.
  const initial = decl.initializer ? consoleMethodOf(decl.initializer, values) : null;
  if (decl.initializer && !initial) return null;
  let method: string | null = initial;
  let first = decl.initializer ? decl.initializer.pos : 0;
  for (const a of assignmentsToLocal(decl, declares(scopes, decl), MAX_ASSIGNING_BLOCK)) {
    const assigned = a.operatorToken.kind === ts.SyntaxKind.EqualsToken ? consoleMethodOf(a.right, values) : null;
    if (!assigned) return null;
    // Named after the first assignment in the text (the walk meets them last first).
    if (!method || a.pos < first) {
      method = assigned;
      first = a.pos;
    }
  }
  return method ? { t: 'consoleMethod', method } : null;
}

/**
 * A `let logLevel;` that its block assigns loggers of one library, and otherwise only a silent
 * stand-in (an object literal of empty methods): MagicMirror's makeLogger, whose `logLevel` is
 * console's bound methods when logging is on and `{ debug () {}, info () {}, ... }` when off. That logger.
 */
export function assignedLoggerInBlock(decl: ts.VariableDeclaration, values: Values, scopes: ScopeMap): Value | null {
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || list.flags & ts.NodeFlags.Const || decl.initializer) return null;
  let lib: LoggerLibrary | null = null;
  for (const a of assignmentsToLocal(decl, declares(scopes, decl), MAX_ASSIGNING_BLOCK)) {
    if (a.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
    if (isSilentStandIn(a.right)) continue;
    const v = values.valueOf(a.right);
    if (v?.t !== 'logger' || (lib !== null && v.lib !== lib)) return null;
    lib = v.lib;
  }
  return lib ? { t: 'logger', lib } : null;
}

/** `{ debug () {}, info: function () {} }`: an object literal whose members are all functions with empty bodies. */
function isSilentStandIn(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isObjectLiteralExpression(u) || u.properties.length === 0) return false;
  return u.properties.every((p) => {
    const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? unwrap(p.initializer) : null;
    return !!fn && (ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) && !!fn.body && ts.isBlock(fn.body) && fn.body.statements.length === 0;
  });
}

/**
 * A module's `let requestLogger: any` that its top-level statements assign only loggers of one
 * library (`requestLogger = createLogger({...})`, Flowise's request logger): that library's logger.
 * The statements of the module's initialisers count as the top level's (Node-RED's `var log;` set by
 * `function init(runtime) { log = runtime.log; }`: moduleInitialisers.ts), and a variable assigned
 * once holds an object of log helpers that way too (`runtime = _runtime`, then `runtime.log.info(...)`).
 */
export function assignedAtTopLevel(decl: ts.VariableDeclaration, values: Values): Value | null {
  const list = decl.parent;
  const sf = list?.parent?.parent;
  if (!ts.isVariableDeclarationList(list) || list.flags & ts.NodeFlags.Const || !sf || !ts.isSourceFile(sf) || !ts.isIdentifier(decl.name)) return null;
  const name = decl.name.text;
  let lib: LoggerLibrary | null = null;
  let only: Value | null = null;
  let count = 0;
  for (const statements of [sf.statements, ...initialiserBodiesOf(sf).map((b) => b.statements)]) {
    for (const st of statements) {
      const e = ts.isExpressionStatement(st) ? unwrap(st.expression) : null;
      if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(e.left) || e.left.text !== name) continue;
      const v = values.valueOf(e.right);
      // An object beside any other value is no one thing.
      if (count++ > 0 && (v?.t === 'object' || only?.t === 'object')) return null;
      only = v;
      if (v?.t === 'logger' && (!lib || lib === v.lib)) lib = v.lib;
      else if (v?.t !== 'object') return null;
    }
  }
  // An object of helpers only when it is the one value assigned; else loggers of one library only.
  if (count === 1 && only?.t === 'object') return only;
  return lib && only?.t === 'logger' ? { t: 'logger', lib } : null;
}

/** A module's initialiser bodies, found once per file (every `let x;` of it may ask). */
const initialisers = new WeakMap<ts.SourceFile, ts.Block[]>();
function initialiserBodiesOf(sf: ts.SourceFile): ts.Block[] {
  let known = initialisers.get(sf);
  if (!known) initialisers.set(sf, (known = initialiserBodies(sf)));
  return known;
}

/** The console method an expression is: `console.warn` read as a value (not called), or a name holding one. */
function consoleMethodOf(e: ts.Expression, values: Values): string | null {
  const x = unwrap(e);
  if (ts.isPropertyAccessExpression(x) && values.valueOf(x.expression)?.t === 'console') return x.name.text;
  const v = values.valueOf(x);
  return v?.t === 'consoleMethod' ? v.method : null;
}
