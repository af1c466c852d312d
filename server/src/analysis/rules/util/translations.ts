// A message catalog lookup: `RED._('runtime.welcome')`, `log._('nodes.flows.error', { message: err.toString() })`,
// i18next's `t('key')` and `i18n.t(...)`, `__('key')`. With a constant key and nothing else it is the
// same words every time (in the reader's language): constant text. Its values object is printed into
// those words: an error there is logged as its text.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';

/** The names catalog lookups go by. */
const LOOKUP_NAMES: ReadonlySet<string> = new Set(['_', 't', '__']);

/** A lookup of a constant key: `x._('key')`, `t('key', values)`; null for any other call. */
function lookup(e: ts.Expression): ts.CallExpression | null {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || u.arguments.length === 0 || !isConstantKey(u.arguments[0])) return null;
  const c = u.expression;
  const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : null;
  return name !== null && LOOKUP_NAMES.has(name) ? u : null;
}

/** A lookup of a constant key with no values: constant text. */
export function isConstantLookup(e: ts.Expression): boolean {
  return lookup(e)?.arguments.length === 1;
}

/** The values a lookup prints into its words (`{ message: err.toString() }`'s initializers); empty for anything else. */
export function lookupValues(e: ts.Expression): ts.Expression[] {
  const values = lookup(e)?.arguments[1];
  const o = values && unwrap(values);
  if (!o || !ts.isObjectLiteralExpression(o)) return [];
  return o.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? [p.initializer] : ts.isShorthandPropertyAssignment(p) ? [p.name] : []));
}

/**
 * A key made of literals only: `'key'`, or a choice among such keys (`"api.nodes." + (enabled ?
 * "enabled" : "disabled")`, Node-RED's): one of a few fixed messages, each the same words every time.
 */
function isConstantKey(key: ts.Expression): boolean {
  const stack: ts.Expression[] = [key];
  // A key is a few parts: a longer expression is no key written by hand.
  for (let seen = 0; stack.length; seen++) {
    const e = unwrap(stack.pop()!);
    if (seen > 32) return false;
    if (ts.isStringLiteralLike(e)) continue;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(e.left, e.right);
    else if (ts.isConditionalExpression(e)) stack.push(e.whenTrue, e.whenFalse);
    else return false;
  }
  return true;
}
