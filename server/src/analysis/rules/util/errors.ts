// Which expressions hold an error: a catch clause variable, a `.catch(e => ...)` parameter, the
// first parameter of a Node-style callback, something typed as an Error, or `new XError(...)`.
import ts from '../../typescriptModule';
import { ARRAY_CALLBACK_METHODS, isFallback, unwrap } from '../../scopes';
import type { LogCall, RuleContext } from '../../rule';
import { colouredValue, type DeclarationLookup, isStringify } from './declarations';
import { messageParts } from './messageParts';
import { writtenParameterType } from '../../parameterTypes';

const ERROR_PARAM_NAMES = /^(err|error|e|ex|exc|exception|cause)$/;
/** The names that say an error on their own, whatever else is known (`err`, `error`). */
const ERROR_NAME = /^err(or)?$/;
/**
 * A Node-style callback's first parameter named for its error in other words (`err2`, `mkdirErr`,
 * `readError`: The Lounge's `fs.mkdir(folder, (mkdirErr) => ...)`), alone or not.
 */
const CALLBACK_ERROR_NAME = /^err(?:or)?\d+$|^[a-z][a-zA-Z0-9]*(?:Err|Error)\d*$/;

export function isErrorValue(expr: ts.Expression, scope: ErrorLookup, aliases = 0): boolean {
  const e = unwrap(expr);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && /Error$/.test(e.expression.text);
  if (ts.isPropertyAccessExpression(e)) return isRejectionReason(e) || isResultError(e) || isSafeParseError(e, scope) || isCaughtResultMember(e, scope) || isStackedErrorMember(e);
  if (!ts.isIdentifier(e)) return false;
  const d = scope.declarationOf(e);
  // The narrowing is looked for last: most names are no error to begin with (a 20,000-term message's).
  if (d) return declaresError(d, scope, aliases) && !provedNoError(e);
  // `const { data, error: quotaError } = await tryCatch(promise)`: what the helper caught.
  const from = scope.destructuredFrom?.(e);
  return !!from && caughtUnder(from.from, scope) === from.property;
}

/**
 * The property under which the call `expr` (through `await`) returns what its workspace function
 * caught (caughtErrors.ts: the tryCatch idiom); null for anything else.
 */
function caughtUnder(expr: ts.Expression, scope: ErrorLookup): string | null {
  const call = unwrap(expr);
  return ts.isCallExpression(call) && scope.caughtErrorProperty ? scope.caughtErrorProperty(call.expression) : null;
}

/** `result.error` of `const result = await tryCatch(promise)`: what the helper caught. */
function isCaughtResultMember(e: ts.PropertyAccessExpression, scope: ErrorLookup): boolean {
  const of = unwrap(e.expression);
  if (!ts.isIdentifier(of) || !scope.caughtErrorProperty) return false;
  const d = scope.declarationOf(of);
  return !!d && ts.isVariableDeclaration(d) && !!d.initializer && caughtUnder(d.initializer, scope) === e.name.text;
}

/** Levels of `!` and `&&` read in one test. */
const MAX_TEST_DEPTH = 16;

/** Levels climbed looking for the test that guards an expression (a settled promise's status, a Result's state). */
const MAX_GUARD_CLIMB = 16;

/**
 * Whether `node` runs only where a test just held: the then branch of an `if` or a conditional and
 * the right side of `&&` when `holds(test, false)`, the else branch when `holds(test, true)` (the
 * test failed). The climb stops at the enclosing function.
 */
function runsWhere(node: ts.Node, holds: (test: ts.Expression, failed: boolean) => boolean): boolean {
  let steps = 0;
  for (let child: ts.Node = node, parent = node.parent; parent && steps < MAX_GUARD_CLIMB; child = parent, parent = parent.parent, steps++) {
    if (ts.isIfStatement(parent) && child !== parent.expression && holds(parent.expression, child === parent.elseStatement)) return true;
    if (ts.isConditionalExpression(parent) && child !== parent.condition && holds(parent.condition, child === parent.whenFalse)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && holds(parent.left, false)) return true;
    // Below `if (test) return ...;` in the same block, the test failed (homarr's `if (result.status === 'fulfilled') return ...`).
    if (ts.isBlock(parent) && leftEarlyWhere(parent, child, holds)) return true;
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

/** Statements looked at above a node for an early exit (a guard comes first). */
const MAX_EARLY_EXITS = 16;

/** Whether a statement above `child` in `block` leaves it when its test holds: below it, the test failed. */
function leftEarlyWhere(block: ts.Block, child: ts.Node, holds: (test: ts.Expression, failed: boolean) => boolean): boolean {
  const leaves = (st: ts.Statement): boolean => ts.isReturnStatement(st) || ts.isThrowStatement(st) || ts.isContinueStatement(st) || (ts.isBlock(st) && st.statements.length > 0 && leaves(st.statements[st.statements.length - 1]));
  const statements = block.statements;
  for (let i = 0; i < statements.length && i < MAX_EARLY_EXITS && statements[i].end <= child.pos; i++) {
    const st = statements[i];
    if (ts.isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement) && holds(st.expression, true)) return true;
  }
  return false;
}

/** The member names an error goes by on a job or a result (`job.error`). */
const ERROR_MEMBERS: ReadonlySet<string> = new Set(['error', 'err']);

/**
 * `job.error` whose stack the same message prints (`` `failed: ${job.error}\n${job.error.stack}` ``,
 * Karakeep's queue workers): only an Error has one. A `res.error` printed alone may be any text.
 */
function isStackedErrorMember(e: ts.PropertyAccessExpression): boolean {
  const of = unwrap(e.expression);
  if (!ERROR_MEMBERS.has(e.name.text) || !ts.isIdentifier(of)) return false;
  const sameMember = (x: ts.Expression) => {
    const u = unwrap(x);
    return ts.isPropertyAccessExpression(u) && u.name.text === e.name.text && ts.isIdentifier(unwrap(u.expression)) && (unwrap(u.expression) as ts.Identifier).text === of.text;
  };
  const readsStack = (x: ts.Expression) => {
    const u = unwrap(x);
    return ts.isPropertyAccessExpression(u) && u.name.text === 'stack' && sameMember(u.expression);
  };
  let n: ts.Node = e;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  if (n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.name.text === 'stack') return true;
  // Its own span, or the `.stack` span of one, in a template: another span of it reads the stack.
  const span = n.parent && ts.isTemplateSpan(n.parent) ? n.parent : n.parent?.parent && ts.isTemplateSpan(n.parent.parent) ? n.parent.parent : null;
  const template = span?.parent;
  return !!template && ts.isTemplateExpression(template) && template.templateSpans.some((s) => readsStack(s.expression));
}

/**
 * `result.reason` where `result.status === 'rejected'` was just tested (`Promise.allSettled`'s
 * results): what the promise was rejected with, an error nearly always.
 */
function isRejectionReason(e: ts.PropertyAccessExpression): boolean {
  const of = unwrap(e.expression);
  if (e.name.text !== 'reason' || !ts.isIdentifier(of)) return false;
  return runsWhere(e, (test, failed) => (!failed && testsRejected(test, of.text)) || (failed && testsRejected(test, of.text, 'fulfilled')));
}

/**
 * `result.error` where `result.isErr()` was just tested, or in the else branch of `result.isOk()`:
 * the error of a Result (neverthrow's, and the hand-written ones shaped like it: Nango's
 * `if (pubsubConnect.isErr()) logger.error(`... ${pubsubConnect.error.message}`)`).
 */
function isResultError(e: ts.PropertyAccessExpression): boolean {
  const of = unwrap(e.expression);
  if (e.name.text !== 'error' || !ts.isIdentifier(of) || !readAsError(e)) return false;
  return runsWhere(e, (test, failed) => resultStateWhenTrue(test, of.text, !failed) === 'err');
}

/**
 * Whether a Result's error is used as an Error where it stands: its `.message` or `.stack` read, or
 * handed to a function (`stringifyError(res.error)`). A Result's error may be a string or a plain
 * object (`Result<number, 'NotFound' | 'Invalid'>`): printed alone it says nothing of a stack.
 */
function readAsError(e: ts.Expression): boolean {
  let n: ts.Node = e;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (p && ts.isPropertyAccessExpression(p) && p.expression === n) return p.name.text === 'message' || p.name.text === 'stack';
  return !!p && ts.isCallExpression(p) && p.arguments.some((a) => a === n) && !(ts.isIdentifier(p.expression) && p.expression.text === 'String');
}

/**
 * What a test of `name`'s Result state says when it comes out as `outcome`: `name.isErr()` true
 * says 'err', `!name.isOk()` too; in a chain of `&&` that held, any part's word; null when it says
 * nothing of the Result.
 */
function resultStateWhenTrue(test: ts.Expression, name: string, outcome: boolean, depth = 0): 'err' | 'ok' | null {
  // A test is short: a chain of thousands of `&&` is not read whole.
  if (depth > MAX_TEST_DEPTH) return null;
  const t = unwrap(test);
  if (ts.isPrefixUnaryExpression(t) && t.operator === ts.SyntaxKind.ExclamationToken) return resultStateWhenTrue(t.operand, name, !outcome, depth + 1);
  // Only a chain that held says what each of its parts did.
  if (outcome && ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return resultStateWhenTrue(t.left, name, true, depth + 1) ?? resultStateWhenTrue(t.right, name, true, depth + 1);
  if (!ts.isCallExpression(t) || t.arguments.length !== 0 || !ts.isPropertyAccessExpression(t.expression)) return null;
  const of = unwrap(t.expression.expression);
  if (!ts.isIdentifier(of) || of.text !== name) return null;
  const method = t.expression.name.text;
  if (method !== 'isErr' && method !== 'isOk') return null;
  return (method === 'isErr') === outcome ? 'err' : 'ok';
}

/**
 * `parsed.error` of `const parsed = schema.safeParse(input)` (Zod's, and Valibot's `safeParse` alike):
 * a ZodError, an Error whose text is the issues' (OpenStatus's `error_message: parsed.error.message`).
 */
export function isSafeParseError(e: ts.PropertyAccessExpression, scope: DeclarationLookup): boolean {
  const of = unwrap(e.expression);
  if (e.name.text !== 'error' || !ts.isIdentifier(of)) return false;
  const d = scope.declarationOf(of);
  let init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : null;
  if (init && ts.isAwaitExpression(init)) init = unwrap(init.expression);
  return !!init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && SAFE_PARSE.has(init.expression.name.text);
}
const SAFE_PARSE: ReadonlySet<string> = new Set(['safeParse', 'safeParseAsync']);

/** `name.status === 'rejected'` (or another state), alone or, for a test that held, in a chain of `&&`. */
function testsRejected(test: ts.Expression, name: string, state = 'rejected'): boolean {
  const t = unwrap(test);
  if (!ts.isBinaryExpression(t)) return false;
  // A chain that failed says nothing of each part: only `status === 'fulfilled'` alone does.
  if (t.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return state === 'rejected' && (testsRejected(t.left, name) || testsRejected(t.right, name));
  if (t.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && t.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const [a, b] = [unwrap(t.left), unwrap(t.right)];
  const status = (x: ts.Expression) => ts.isPropertyAccessExpression(x) && x.name.text === 'status' && ts.isIdentifier(unwrap(x.expression)) && (unwrap(x.expression) as ts.Identifier).text === name;
  const rejected = (x: ts.Expression) => ts.isStringLiteralLike(x) && x.text === state;
  return (status(a) && rejected(b)) || (status(b) && rejected(a));
}

/** Names for a name followed (`const a = b`): a few, so that a cycle of them ends. */
const MAX_ALIASES = 4;

/** Whether a variable or parameter holds an error by its declaration. */
function declaresError(d: ts.VariableDeclaration | ts.ParameterDeclaration, scope: DeclarationLookup, aliases: number): boolean {
  if (ts.isCatchClause(d.parent)) return true;
  if (ts.isParameter(d)) {
    const fn = d.parent as ts.SignatureDeclaration;
    return paramHoldsError(fn, d, fn.parameters.indexOf(d));
  }
  if (d.type) return typeIsError(d.type, namedError(d));
  // Each step to another name's declaration counts, so names defined by each other (`var a = b;
  // var b = toError(a)`, `const c = toError(c)`) end.
  if (aliases >= MAX_ALIASES) return false;
  const init = d.initializer && unwrap(d.initializer);
  if (init && ts.isCallExpression(init)) return madeFromError(init, scope, aliases + 1);
  // Another name for an error (`const errCaused = err as ErrorCaused` in Etherpad's catch blocks).
  if (init && ts.isIdentifier(init)) return isErrorValue(init, scope, aliases + 1);
  // `err instanceof Error ? err : new Error(String(err))` (Formbricks's routes): an error either way.
  if (init && ts.isConditionalExpression(init)) return isErrorValue(init.whenTrue, scope, aliases + 1) && isErrorValue(init.whenFalse, scope, aliases + 1);
  return !!init && ts.isNewExpression(init) && isErrorValue(init, scope, aliases + 1);
}

/** Levels climbed looking for a narrowing `if`: a guard sits a few statements above. */
const MAX_NARROWING_CLIMB = 32;

/**
 * Whether the code around `id` has just found it is no Error: the else branch of `if (reason
 * instanceof Error)`, the then branch of `if (!(reason instanceof Error))` (Unleash logs
 * `String(reason)` only there). Only `Error` itself: what is no RateLimitError may be another error.
 * (A conditional's sides are left to errorAsText, which reads `e instanceof Error ? e.message : String(e)` as text either way.)
 */
function provedNoError(id: ts.Identifier): boolean {
  let steps = 0;
  for (let child: ts.Node = id, parent = id.parent; parent && steps < MAX_NARROWING_CLIMB && !ts.isFunctionLike(parent); child = parent, parent = parent.parent, steps++) {
    if (!ts.isIfStatement(parent)) continue;
    if (child === parent.elseStatement && testsInstanceOfError(parent.expression, id.text, true)) return true;
    if (child === parent.thenStatement && testsInstanceOfError(parent.expression, id.text, false)) return true;
  }
  return false;
}

/** `name instanceof Error` (`positive`), or `!(name instanceof Error)` (not). */
function testsInstanceOfError(test: ts.Expression, name: string, positive: boolean): boolean {
  const t = unwrap(test);
  if (ts.isPrefixUnaryExpression(t) && t.operator === ts.SyntaxKind.ExclamationToken) return testsInstanceOfError(t.operand, name, !positive);
  if (!positive || !ts.isBinaryExpression(t) || t.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return false;
  const left = unwrap(t.left);
  const right = unwrap(t.right);
  return ts.isIdentifier(left) && left.text === name && ts.isIdentifier(right) && right.text === 'Error';
}

/** A function named for turning something into an error: `toError`, `ensureError`, `normalizeError`, `resolveError`, `wrapError`. */
const ERROR_MAKER = /^(?:to|as|ensure|normali[sz]e|resolve|wrap|coerce|cast)(?:[A-Z]\w*)?Error$/;

/**
 * An error made from an error (`const error = resolveError(e)` in a catch clause: Parse Server's
 * triggers turn whatever a cloud function threw into a `Parse.Error`): the call of a function named
 * for it, given an error first. A name alone is not enough (`formatError(err)` returns text).
 */
function madeFromError(call: ts.CallExpression, scope: DeclarationLookup, aliases: number): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  return !!name && ERROR_MAKER.test(name) && call.arguments.length >= 1 && isErrorValue(call.arguments[0], scope, aliases);
}

/**
 * Whether a written type is an error's: named for one (`HttpError`, `NodeJS.ErrnoException`), or, for
 * a name that says error itself (`err`, `error`: `named`), a type whose name begins with it (Etherpad's
 * `err: ErrorCaused`, a class extending Error); `code: ErrorCode` is no error.
 */
function typeIsError(type: ts.TypeNode, named = false): boolean {
  // `Error | null`, `Error & { cause?: Error }`: an error when there is one.
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some((t) => typeIsError(t, named));
  if (ts.isParenthesizedTypeNode(type)) return typeIsError(type.type, named);
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return /(Error|Exception)$/.test(name) || (named && /^Error[A-Z]/.test(name));
}

/** A variable or parameter named `err` or `error`. */
function namedError(d: ts.VariableDeclaration | ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(d.name) && ERROR_NAME.test(d.name.text);
}

function isAnyOrUnknown(type: ts.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword;
}

/** An option naming a callback for errors: `onError`, `onUploadError`, `handleError`. */
const ERROR_CALLBACK_OPTION = /^(?:on|handle)[A-Z]?\w*Error$/;

/** Callbacks of these methods get items, not errors: `items.forEach((e) => ...)`. */
const ITEM_CALLBACK_METHODS: ReadonlySet<string> = new Set([...ARRAY_CALLBACK_METHODS, 'then']);

function paramHoldsError(fn: ts.SignatureDeclaration, p: ts.ParameterDeclaration, index: number): boolean {
  // Its own type, or the one the function type written on its variable gives it (`const handleErrors: (res: Response, error: Error) => void = (res, error) => ...`).
  const written = writtenParameterType(p);
  if (written && !isAnyOrUnknown(written) && typeIsError(written, namedError(p))) return true;
  // Express's error middleware, wherever it is written and however its error is typed
  // (`const onError: ErrorRequestHandler = (err, req, res, next) => ...`, `(err: ErrorCaused, req, res, next) => ...`).
  if (index === 0 && fn.parameters.length === 4 && namedError(p)) return true;
  if (p.type && !isAnyOrUnknown(p.type)) return false;
  // `err: any` says no more than no type at all; `error: unknown` is how TypeScript passes a caught error on.
  if (p.type && namedError(p)) return true;
  if (index !== 0 || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isIdentifier(p.name)) return false;
  // An error callback given as an option (`new Scheduler({ onError: async (err) => ... })`: Nango's).
  if (ts.isPropertyAssignment(fn.parent) && ERROR_CALLBACK_OPTION.test(fn.parent.name.getText()) && ERROR_PARAM_NAMES.test(p.name.text)) return true;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.some((a) => a === fn)) return false;
  const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;
  // promise.catch(e => ...), promise.then(ok, e => ...)
  if (method === 'catch') return true;
  if (method === 'then') return call.arguments[1] === fn;
  // emitter.on('error', (e) => ...)
  const first = call.arguments[0];
  // `process.on('uncaughtException', (err) => ...)`, `process.on('unhandledRejection', (reason) => ...)`: what was thrown (an error, nearly always).
  if ((method === 'on' || method === 'once') && first && ts.isStringLiteralLike(first) && PROCESS_ERROR_EVENTS.has(first.text)) return call.arguments[1] === fn;
  if (method && ITEM_CALLBACK_METHODS.has(method)) return false;
  // A Node-style callback passed last: `(err, data) => ...`; a lone `e` is too often an event or item.
  const name = p.name.text;
  const namedForError = CALLBACK_ERROR_NAME.test(name);
  if (call.arguments[call.arguments.length - 1] !== fn || !(namedForError || ERROR_PARAM_NAMES.test(name))) return false;
  return namedForError || ERROR_NAME.test(name) || fn.parameters.length >= 2;
}

/** Events whose listener's first parameter is what was thrown or rejected. */
const PROCESS_ERROR_EVENTS: ReadonlySet<string> = new Set(['error', 'uncaughtException', 'unhandledRejection', 'uncaughtExceptionMonitor']);

/** Where names are declared, and (in a rule's context) which workspace functions return an error's text. */
export type ErrorLookup = DeclarationLookup & Partial<Pick<RuleContext, 'errorTextParameter' | 'destructuredFrom' | 'caughtErrorProperty' | 'importOf'>>;

/**
 * The error an expression turns into text, if it does: `err.message`, `String(err)`, `err.toString()`,
 * `err + ''`, `${err}`, or a call of a workspace function that returns its error's text (`getErrorMessage(err)`).
 */
export function errorAsText(expr: ts.Expression, scope: ErrorLookup): ts.Expression | null {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'message' && isErrorValue(e.expression, scope)) return unwrap(e.expression);
  // `err?.['message']`, `err['message']`.
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) && e.argumentExpression.text === 'message' && isErrorValue(e.expression, scope)) return unwrap(e.expression);
  // `const { message } = err as Error`: the error's message under its own name.
  if (ts.isIdentifier(e) && scope.destructuredFrom) {
    const d = scope.destructuredFrom(e);
    if (d && d.property === 'message' && isErrorValue(d.from, scope)) return unwrap(d.from);
  }
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    // `colors.red(err.message)`, `chalk.red(getErrorMessage(err))`: the error's text in a terminal colour.
    const coloured = scope.importOf ? colouredValue(e, scope as Pick<RuleContext, 'importOf'>) : null;
    // A colour function makes a string of what it is given: an error itself too (mongo-express's `pico.red(error)`).
    if (coloured) return errorAsText(coloured, scope) ?? (isErrorValue(coloured, scope) ? unwrap(coloured) : null);
    if (ts.isIdentifier(c) && c.text === 'String' && e.arguments.length === 1 && isErrorValue(e.arguments[0], scope)) return unwrap(e.arguments[0]);
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'toString' && e.arguments.length === 0 && isErrorValue(c.expression, scope)) return unwrap(c.expression);
    // `JSON.stringify(err)`: an Error's own properties are not enumerable, so it prints `{}`.
    if (isStringify(e) && e.arguments.length >= 1 && isErrorValue(e.arguments[0], scope)) return unwrap(e.arguments[0]);
    // `JSON.stringify(err.message)`, `String(err.message)`: the error's text, quoted or not, is text still.
    const printsText = (ts.isIdentifier(c) && c.text === 'String') || isStringify(e);
    if (printsText && e.arguments.length >= 1 && !ts.isSpreadElement(e.arguments[0])) {
      const text = errorAsText(e.arguments[0], scope);
      if (text) return text;
    }
    // Only a plain function name, or one of a module or object (`utils.getErrorMessage(err)`: Juice
    // Shop's namespace import), is followed (cheap: the argument must hold an error first).
    if ((ts.isIdentifier(c) || (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression))) && e.arguments.length > 0 && scope.errorTextParameter && e.arguments.some((a) => isErrorValue(a, scope))) {
      const i = scope.errorTextParameter(c);
      const arg = i !== null ? e.arguments[i] : undefined;
      if (arg && !ts.isSpreadElement(arg) && isErrorValue(arg, scope)) return unwrap(arg);
    }
  }
  // `err instanceof Error ? err.message : String(err)`: text either way (a constant fallback allowed).
  if (ts.isConditionalExpression(e)) {
    const a = ts.isStringLiteralLike(unwrap(e.whenTrue)) ? 'constant' : errorAsText(e.whenTrue, scope);
    const b = ts.isStringLiteralLike(unwrap(e.whenFalse)) ? 'constant' : errorAsText(e.whenFalse, scope);
    if (a && b && (a !== 'constant' || b !== 'constant')) return a === 'constant' ? (b as ts.Expression) : a;
    // `err instanceof Error ? err.message : err`: an Error is logged as its text (what is not an Error goes as it is).
    const itself = (text: ts.Expression | 'constant' | null, other: ts.Expression) => {
      const o = unwrap(other);
      return text && text !== 'constant' && ts.isIdentifier(text) && ts.isIdentifier(o) && o.text === text.text;
    };
    if (itself(a, e.whenFalse)) return a as ts.Expression;
    if (itself(b, e.whenTrue)) return b as ts.Expression;
    return null;
  }
  // `err.message || err.toString()`, `err.message ?? 'unknown'`: text either way (a constant fallback allowed).
  // `error.message || error` (Juice Shop's WebSocket onerror): the text, or the value itself when it has none.
  if (isFallback(e)) {
    const a = errorAsText(e.left, scope);
    const right = unwrap(e.right);
    const itself = !!a && ts.isIdentifier(a) && ts.isIdentifier(right) && right.text === a.text;
    return a && (ts.isStringLiteralLike(right) || itself || errorAsText(e.right, scope)) ? a : null;
  }
  // `${err}` or `err + ''`: the error and nothing else, as a string.
  const parts = messageParts(e);
  if (parts && parts.every((p) => p.kind === 'value' || p.text.trim() === '')) {
    const values = parts.filter((p) => p.kind === 'value');
    if (values.length === 1 && isErrorValue(values[0].expr, scope)) return unwrap(values[0].expr);
  }
  // `` `[${err.code}]: ${err.message}` ``: the error's text with others of its members, in punctuation.
  if (parts && parts.every((p) => p.kind === 'value' || !/[\p{L}\d]/u.test(p.text))) {
    let error: ts.Expression | null = null;
    for (const p of parts) if (p.kind === 'value') error ??= errorAsText(p.expr, scope);
    const name = error && ts.isIdentifier(error) ? error.text : null;
    const ofError = (x: ts.Expression) => {
      const u = unwrap(x);
      const of = ts.isPropertyAccessExpression(u) ? unwrap(u.expression) : u;
      return ts.isIdentifier(of) && of.text === name;
    };
    if (name && parts.every((p) => p.kind !== 'value' || ofError(p.expr))) return error;
  }
  return null;
}

/** Levels of `a ?? b` looked into for an error kept whole (at most 16 sides). */
const MAX_FALLBACK_DEPTH = 4;

/**
 * The errors a log call keeps whole, by name: a field holding the error (`{ err }`, `{ error: e }`)
 * or the error as pino's and bunyan's first argument, which they serialise with its stack; any
 * argument of console's, which prints the stack; any argument of a project's log helper besides its
 * message. Winston's whole meta argument keeps an error's stack; a meta object's field writes it as `{}`. The error's text beside one of these (`logger.warn({ err }, err.message)`) loses nothing.
 */
export function errorsKeptWhole(call: LogCall, ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  // `e.message || e`: the left side alone is read (a chain of thousands of `||` is not walked here).
  const textFirst = (e: ts.BinaryExpression) => {
    const left = unwrap(e.left);
    return !isFallback(left) && errorAsText(left, ctx) !== null;
  };
  const add = (expr: ts.Expression, depth = 0) => {
    const e = unwrap(expr);
    if (ts.isIdentifier(e) && isErrorValue(e, ctx)) out.add(e.text);
    // `error.parent ?? error` (Outline's Sequelize errors): the error is logged whole either way it goes.
    // Not `e.message || e` (Saltcorn's `console.error('failed:', e.message || e)`): the error's text,
    // and the error itself only when it has none.
    else if (depth < MAX_FALLBACK_DEPTH && isFallback(e) && !textFirst(e)) {
      add(e.left, depth + 1);
      add(e.right, depth + 1);
    }
  };
  // A project's log helper given the error itself beside the message (Outline's `Logger.error(message, error)`):
  // what the helper does with it is its own business; the error was handed over whole.
  if (call.wrapper) for (const a of call.node.arguments) if (a !== call.messageArg && !ts.isSpreadElement(a)) add(a);
  const fields = call.fieldsArg && unwrap(call.fieldsArg);
  // winston: the error as the whole meta argument is written with its stack (`info.stack = meta.stack`,
  // checked with winston 3.19); inside a meta object it is `{}`.
  if (call.library === 'winston') {
    if (fields && !ts.isObjectLiteralExpression(fields)) add(fields);
    return out;
  }
  if (fields && ts.isObjectLiteralExpression(fields)) {
    for (const p of fields.properties) {
      if (ts.isShorthandPropertyAssignment(p)) add(p.name);
      else if (ts.isPropertyAssignment(p)) add(p.initializer);
    }
  } else if (fields && call.library !== 'console') add(fields);
  if (printsArgumentsAsConsole(call)) for (const a of call.node.arguments) if (!ts.isSpreadElement(a)) add(a);
  return out;
}

/**
 * console, log4js and a project's console-backed logger print every argument with util.format: an
 * error among them with its stack, except where a `%j` placeholder takes it (JSON.stringify writes `{}`).
 */
export function printsArgumentsAsConsole(call: LogCall): boolean {
  return call.library === 'console' || call.library === 'log4js' || call.library === 'custom';
}
