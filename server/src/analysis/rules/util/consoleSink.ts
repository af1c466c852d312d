// A log helper's own console call: `exports.log = (msg, type) => { ...; f(type + ':', msg) }` (YApi)
// prints its caller's message after a tag made of its own parameters. The text is the caller's,
// checked where the helper is called; the tag (the level's name) is no value of the record. A tag
// made from anything else (`console.debug(\`[${jobId}]\`, ...args)`, Documenso's job logger) puts a
// value in the text and stays a finding, as does any call printing no parameter of its function.
import ts from '../../typescriptModule';
import type { LogCall, RuleContext } from '../../rule';
import { enclosingFunction, unwrap } from '../../scopes';
import { isConsoleSinkShaped } from '../../logCallables';

export function printsCallerMessageAfterOwnTag(call: LogCall, ctx: Pick<RuleContext, 'declarationOf'>): boolean {
  const fn = enclosingFunction(call.node);
  const [tag, ...rest] = call.node.arguments;
  // Only a logger's sink by its shape (a name for logging, a rest parameter): a listener printing
  // `Job ${jobId} failed` and its `err` is no helper, and its message is its own.
  if (!fn || !tag || rest.length === 0 || !isConsoleSinkShaped(fn)) return false;
  const isOwnParameter = (e: ts.Expression): boolean => {
    const x = unwrap(ts.isSpreadElement(e) ? e.expression : e);
    if (!ts.isIdentifier(x)) return false;
    const d = ctx.declarationOf(x);
    return !!d && ts.isParameter(d) && d.parent === fn;
  };
  return rest.some(isOwnParameter) && onlyParametersIn(tag, isOwnParameter);
}

/** Whether every name in `e` (its text aside) is one of the function's parameters: an explicit stack, no recursion. */
function onlyParametersIn(e: ts.Expression, isOwnParameter: (e: ts.Expression) => boolean): boolean {
  const stack: ts.Node[] = [e];
  let names = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) {
      if (!isOwnParameter(n)) return false;
      names++;
      continue;
    }
    if (ts.isPropertyAccessExpression(n) || ts.isCallExpression(n) || ts.isElementAccessExpression(n)) return false;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return names > 0;
}
