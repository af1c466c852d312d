// Functions that can run only in a browser, in a file the server loads too (an editor's shared
// helpers, a page's component library): one that makes DOM elements (`document.createElement`,
// `new Image()`) or reads `window` would throw in Node before it logged anything. Outline's server
// loads the editor's FileHelper for its schema, whose getVideoDimensions prints with console when a
// <video> fails to load. Code that asks `typeof window` first is isomorphic and stays the server's.
import ts from '../../typescriptModule';
import type { RuleContext } from '../../rule';
import { workMeter } from '../../workMeter';

/** Members of the global `document` only a browser has. */
const DOCUMENT_MEMBERS = new Set(['createElement', 'createElementNS', 'createTextNode', 'querySelector', 'querySelectorAll', 'getElementById', 'getElementsByClassName', 'getElementsByTagName', 'body', 'head', 'documentElement', 'cookie', 'addEventListener']);
/** Browser-only classes (Node 20 has none of them). */
const BROWSER_CLASSES = new Set(['Image', 'Audio', 'FileReader']);
const BROWSER_GLOBALS = new Set(['window', 'document']);

/** Per function: whether its own body (nested functions aside) needs a browser. Weak: it goes with the tree. */
const verdicts = new WeakMap<ts.Node, boolean>();

/**
 * Whether `node` sits in a function that runs only in a browser (its own body or an enclosing
 * function's uses the DOM unguarded), or in the branch of an `if` that only a browser takes
 * (`if (typeof window !== 'undefined' && ...)`, the `else` of `if (typeof document === 'undefined')`:
 * Postiz's shared Sentry set-up opens its report dialog so).
 */
export function runsOnlyInBrowser(node: ts.Node, ctx: RuleContext): boolean {
  for (let child: ts.Node = node, n = node.parent; n && !ts.isSourceFile(n); child = n, n = n.parent) {
    if (ts.isIfStatement(n) && child !== n.expression && browserGuard(n.expression) === (child === n.thenStatement)) return true;
    if (!ts.isFunctionLike(n)) continue;
    let known = verdicts.get(n);
    if (known === undefined) verdicts.set(n, (known = needsBrowser(n, ctx)));
    if (known) return true;
  }
  return false;
}

/**
 * What an `if`'s condition asks of the runtime: true when it holds only in a browser (`typeof window
 * !== 'undefined'`, alone or first of an `&&`), false when only outside one (`typeof window ===
 * 'undefined'`, alone or first of an `||`), null when it asks neither.
 */
function browserGuard(condition: ts.Expression): boolean | null {
  let e = condition;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const left = browserGuard(e.left);
    // `a && b` holds only where `a` does; `a || b` fails only where `a` does.
    return e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? (left === true ? true : null) : left === false ? false : null;
  }
  if (!ts.isBinaryExpression(e)) return null;
  const op = e.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return null;
  const [probe, literal] = ts.isTypeOfExpression(e.left) ? [e.left, e.right] : [e.right, e.left];
  if (!ts.isTypeOfExpression(probe) || !ts.isIdentifier(probe.expression) || !BROWSER_GLOBALS.has(probe.expression.text) || !ts.isStringLiteral(literal)) return null;
  // `typeof window === 'undefined'` holds outside a browser; `=== 'object'` inside one.
  const inBrowserWhenEqual = literal.text !== 'undefined';
  return equal ? inBrowserWhenEqual : !inBrowserWhenEqual;
}

function needsBrowser(fn: ts.SignatureDeclaration, ctx: RuleContext): boolean {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return false;
  let uses = false;
  let guarded = false;
  const stack: ts.Node[] = [body];
  while (stack.length > 0 && !guarded) {
    const n = stack.pop()!;
    workMeter().step();
    if (n !== body && ts.isFunctionLike(n)) continue; // its own verdict, asked when a call sits in it
    if (ts.isTypeOfExpression(n) && ts.isIdentifier(n.expression) && BROWSER_GLOBALS.has(n.expression.text)) guarded = true;
    else if (!uses && isDomUse(n, ctx)) uses = true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return uses && !guarded;
}

function isDomUse(n: ts.Node, ctx: RuleContext): boolean {
  if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
    const name = n.expression.text;
    if (name === 'window' || (name === 'document' && DOCUMENT_MEMBERS.has(n.name.text))) return isGlobal(n.expression, ctx);
  }
  if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && BROWSER_CLASSES.has(n.expression.text)) return isGlobal(n.expression, ctx);
  return false;
}

/** Not declared, imported or destructured in the file: the runtime's own (a server's `document` is usually a row). */
function isGlobal(id: ts.Identifier, ctx: RuleContext): boolean {
  return ctx.declarationOf(id) === null && ctx.importOf(id) === null && !ctx.destructuredFrom?.(id);
}
