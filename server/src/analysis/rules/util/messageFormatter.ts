// A message made by a function of the file that writes its argument into a template of its own
// (Novu's `this.descriptiveLogMessage(\`Is being delayed ${times} times\`)` returning
// `[Provider: ${this.providerId}] ${message}`): what the message says is that argument with a
// prefix, so the argument is read as the message (unstructured-log-message).
import ts from '../../typescriptModule';
import { enclosingClass } from '../../classMembers';
import { type FunctionLike, memberFunction, soleExpression } from '../../logCallables';
import type { RuleContext } from '../../rule';
import { unwrap } from '../../scopes';

/** The argument a formatter call writes into its template, when `message` is such a call; else null. */
export function formattedArgument(message: ts.Expression, ctx: RuleContext): ts.Expression | null {
  const call = unwrap(message);
  if (!ts.isCallExpression(call) || call.arguments.length === 0) return null;
  const fn = calledFunction(call, ctx);
  if (!fn || fn.parameters.length === 0 || !ts.isIdentifier(fn.parameters[0].name)) return null;
  const sole = soleExpression(fn);
  const returned = sole?.returned ? sole.expression : null;
  const param = fn.parameters[0].name.text;
  if (!returned || !ts.isTemplateExpression(returned)) return null;
  return returned.templateSpans.some((s) => ts.isIdentifier(unwrap(s.expression)) && (unwrap(s.expression) as ts.Identifier).text === param) ? call.arguments[0] : null;
}

/** `this.name(...)` of the enclosing class, or a function `name(...)` of the file. */
function calledFunction(call: ts.CallExpression, ctx: RuleContext): FunctionLike | null {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const klass = enclosingClass(callee);
    const m = klass?.members.find((x) => x.name && ts.isIdentifier(x.name) && x.name.text === callee.name.text);
    return m ? memberFunction(m) : null;
  }
  return ts.isIdentifier(callee) ? ctx.functionNamed(callee) : null;
}
