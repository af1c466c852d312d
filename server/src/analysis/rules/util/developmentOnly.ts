// Code that runs only in development: inside `if (env.isDevelopment)` or `if (process.env.NODE_ENV
// === 'development')`, or the else branch of `NODE_ENV !== 'development'`. What it logs is for the
// developer at the keyboard (Outline prints sign-in links there) and never reaches production logs,
// so the message-quality rules leave it alone. "Not production" is not development: staging and
// test environments ship their logs too.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';

/** `isDevelopment`, `isDev`, `isLocal`, `devMode`, `__DEV__`: never a bare `dev` or `local` (a local account, `req.query.dev`). */
const DEV_NAME = /^(?:is(?:dev|development|local)(?:mode|env)?|dev(?:elopment)?mode|__DEV__)$/i;
const ENV_NAME = /^(?:NODE_ENV|ENVIRONMENT|APP_ENV|ENV)$/;
const DEV_VALUES = new Set(['development', 'dev']);
const MAX_CLIMB = 64;

/** Whether `node` sits in a branch that runs only in development. */
export function runsOnlyInDevelopment(node: ts.Node): boolean {
  // A bounded climb: a development guard sits a few statements above the call, and a bound keeps a
  // file of thousands of deeply nested log calls linear.
  let steps = 0;
  for (let child = node, parent = node.parent; parent && steps < MAX_CLIMB; child = parent, parent = parent.parent, steps++) {
    if (!ts.isIfStatement(parent)) continue;
    if (child === parent.thenStatement && isDevelopmentTest(parent.expression, true)) return true;
    if (child === parent.elseStatement && isDevelopmentTest(parent.expression, false)) return true;
  }
  return false;
}

/** Whether `e` being `truthy` (true: the then branch; false: the else branch) means development. */
function isDevelopmentTest(expr: ts.Expression, truthy: boolean): boolean {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return isDevelopmentTest(e.operand, !truthy);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `a && b` true: both hold, so either being a development test is enough; false tells nothing.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return truthy && (isDevelopmentTest(e.left, true) || isDevelopmentTest(e.right, true));
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return false;
    const value = envComparison(e.left, e.right) ?? envComparison(e.right, e.left);
    if (value === null) return false;
    // `NODE_ENV === 'development'` true, or `NODE_ENV !== 'development'` false.
    return equal === truthy && DEV_VALUES.has(value);
  }
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : null;
  return truthy && !!name && DEV_NAME.test(name);
}

/** The string `literal` is compared with when `env` names the environment variable (`process.env.NODE_ENV`, `env.ENVIRONMENT`). */
function envComparison(env: ts.Expression, literal: ts.Expression): string | null {
  const v = unwrap(env);
  const l = unwrap(literal);
  const name = ts.isPropertyAccessExpression(v) ? v.name.text : ts.isIdentifier(v) ? v.text : null;
  return name && ENV_NAME.test(name) && ts.isStringLiteralLike(l) ? l.text.toLowerCase() : null;
}
