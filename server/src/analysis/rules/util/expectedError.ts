// An expected error: one the code has classified (`if (err instanceof RateLimitError)`,
// `if (isExpectedNetworkError(err))`, `if (error.code === 'ECONNREFUSED')`) and logs below the error
// level. Its text is then the whole information a reader needs (a timeout, a rate limit, a refused
// connection to a customer's URL), and the unexpected ones go elsewhere with the object: Outline's
// plugins and services log so, and judged by hand those are not findings.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import type { LogCall } from '../../rule';
import type { DeclarationLookup } from './declarations';
import { isSafeParseError } from './errors';

/** Levels below error: what they log is expected. */
const BELOW_ERROR = new Set(['warn', 'warning', 'notice', 'info', 'http', 'verbose', 'debug', 'trace', 'silly']);
/** A condition is read this deep at most (a classification is short). */
const MAX_CONDITION_NODES = 200;

/** Whether `error` (the value whose text `call` logs) is classified by an `if` the call sits in the body of, below error level. */
export function isClassifiedExpected(call: LogCall, error: ts.Expression, scope: DeclarationLookup): boolean {
  const level = call.levelArg && ts.isStringLiteralLike(unwrap(call.levelArg)) ? (unwrap(call.levelArg) as ts.StringLiteralLike).text : call.method;
  if (!BELOW_ERROR.has(level)) return false;
  // A schema's verdict on input (`parsed.error` of `schema.safeParse(input)`) below error level: the
  // issues it lists are what a reader needs (Docmost's `Invalid yjsSelection ...: ${parsed.error.message}`).
  const e = unwrap(error);
  if (ts.isPropertyAccessExpression(e) && isSafeParseError(e, scope)) return true;
  const names = errorNames(error, scope);
  if (names.size === 0) return false;
  let child: ts.Node = call.node;
  for (let n = call.node.parent; n && !ts.isFunctionLike(n) && !ts.isSourceFile(n); child = n, n = n.parent) {
    if (ts.isIfStatement(n) && n.thenStatement === child && classifies(n.expression, names)) return true;
    if (ts.isIfStatement(n) && n.elseStatement === child && classifiesWhenFalse(n.expression, names)) return true;
  }
  return false;
}

/** The names the error goes by: itself, and what it was made from (`const error = toError(err)`). */
function errorNames(error: ts.Expression, scope: DeclarationLookup): Set<string> {
  const out = new Set<string>();
  const e = unwrap(error);
  if (!ts.isIdentifier(e)) return out;
  out.add(e.text);
  const d = scope.declarationOf(e);
  const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : null;
  const from = init && ts.isCallExpression(init) ? init.arguments[0] : undefined;
  if (from && ts.isIdentifier(unwrap(from))) out.add((unwrap(from) as ts.Identifier).text);
  return out;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
]);

/**
 * A member of the error the condition tests the value of: compared (`err.code === 'ECONNREFUSED'`,
 * `err.status >= 500`; not `err.code !== 'ENOENT'`, which keeps every other error), searched (`err.message.includes('...')`) or looked up (`codes.includes(err.code)`);
 * not its mere presence (`if (err && err.message)`).
 */
function testsMember(access: ts.PropertyAccessExpression, whenFalse = false): boolean {
  const p = access.parent;
  // In the else of `err.code !== 'ENOENT'` the error is the one expected.
  if (whenFalse) return ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || p.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken);
  // `err.code !== 'ENOENT'` leaves out the one expected error: the branch holds every other, the unexpected ones
  // (code-server's settings and The Lounge's uploader log those so).
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || p.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) return false;
  if (ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind)) return true;
  if (ts.isPropertyAccessExpression(p) && p.expression === access && ts.isCallExpression(p.parent) && p.parent.expression === p) return true;
  return ts.isCallExpression(p) && p.arguments.some((a) => unwrap(a) === access);
}

/**
 * A condition whose else branch holds classified errors only: one that leaves a class out
 * (`!(err instanceof RateLimitError)`, `!isExpected(err)`, `err.code !== 'ENOENT'`), or several
 * joined by `||` (the else holds where each is false). Under `&&` the else holds other errors too.
 */
function classifiesWhenFalse(condition: ts.Expression, names: ReadonlySet<string>): boolean {
  const c = unwrap(condition);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.BarBarToken) return classifiesWhenFalse(c.left, names) || classifiesWhenFalse(c.right, names);
  if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return false;
  return classifies(c, names, true);
}

/**
 * A condition that tests what the error is: `x instanceof Y`, `isY(x)`, `x.code === ...` (not `if (err)`);
 * `whenFalse`: one that is false only for a class of errors (a negated test, `x.code !== ...`).
 */
function classifies(condition: ts.Expression, names: ReadonlySet<string>, whenFalse = false): boolean {
  const stack: ts.Node[] = [condition];
  for (let seen = 0; stack.length && seen < MAX_CONDITION_NODES; seen++) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const p = node.parent;
      // `e instanceof Error` is a type guard every error passes (Dockge's `if (e instanceof Error) log.warn(..., e.message)`), no class of errors.
      // Negated (`!(error instanceof UnleashError)`, `!isExpected(err)`), it leaves out one class: the branch holds every other, the unexpected ones (Unleash's handleErrors).
      if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && p.left === node && !isBaseError(p.right) && isNegated(p) === whenFalse) return true;
      if (ts.isCallExpression(p) && p.arguments.some((a) => unwrap(a) === node) && isNegated(p) === whenFalse) return true;
      if (ts.isPropertyAccessExpression(p) && p.expression === node && testsMember(p, whenFalse)) return true;
    }
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** Whether a test is negated: under an odd number of `!` (through parentheses; `!!x` is `x`). */
function isNegated(test: ts.Expression): boolean {
  let negated = false;
  for (let n: ts.Node = test; n.parent; n = n.parent) {
    if (ts.isParenthesizedExpression(n.parent)) continue;
    if (!ts.isPrefixUnaryExpression(n.parent) || n.parent.operator !== ts.SyntaxKind.ExclamationToken) break;
    negated = !negated;
  }
  return negated;
}

/** `Error` itself, the class every error is an instance of. */
function isBaseError(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isIdentifier(u) && u.text === 'Error';
}
