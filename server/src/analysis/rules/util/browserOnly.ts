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

/** Whether `node` sits in a function that runs only in a browser (its own body or an enclosing function's uses the DOM unguarded). */
export function runsOnlyInBrowser(node: ts.Node, ctx: RuleContext): boolean {
  for (let n = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    let known = verdicts.get(n);
    if (known === undefined) verdicts.set(n, (known = needsBrowser(n, ctx)));
    if (known) return true;
  }
  return false;
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
