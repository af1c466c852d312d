// A message made by a function of the file that writes its argument into a template of its own
// (Novu's `this.descriptiveLogMessage(\`Is being delayed ${times} times\`)` returning
// `[Provider: ${this.providerId}] ${message}`): what the message says is that argument with a
// prefix, so the argument is read as the message (unstructured-log-message).
import ts from '../../typescriptModule';
import { enclosingClass } from '../../classMembers';
import { type FunctionLike, memberFunction } from '../../logCallables';
import { unwrap } from '../../scopes';

/** The argument a formatter call writes into its template, when `message` is such a call; else null. */
export function formattedArgument(message: ts.Expression): ts.Expression | null {
  const call = unwrap(message);
  if (!ts.isCallExpression(call) || call.arguments.length === 0) return null;
  const fn = calledFunction(call);
  if (!fn || fn.parameters.length === 0 || !ts.isIdentifier(fn.parameters[0].name)) return null;
  const returned = onlyReturned(fn);
  const param = fn.parameters[0].name.text;
  if (!returned || !ts.isTemplateExpression(returned)) return null;
  return returned.templateSpans.some((s) => ts.isIdentifier(unwrap(s.expression)) && (unwrap(s.expression) as ts.Identifier).text === param) ? call.arguments[0] : null;
}

/** `this.name(...)` of the enclosing class, or `name(...)` declared at the file's top level. */
function calledFunction(call: ts.CallExpression): FunctionLike | null {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const klass = enclosingClass(callee);
    const m = klass?.members.find((x) => x.name && ts.isIdentifier(x.name) && x.name.text === callee.name.text);
    return m ? memberFunction(m) : null;
  }
  if (!ts.isIdentifier(callee)) return null;
  for (const st of callee.getSourceFile().statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === callee.text && st.body) return st;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && d.name.text === callee.text && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
      }
    }
  }
  return null;
}

/** The expression a function body of one `return` (or an arrow's expression body) gives back. */
function onlyReturned(fn: FunctionLike): ts.Expression | null {
  const body = fn.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return unwrap(body);
  if (body.statements.length !== 1) return null;
  const st = body.statements[0];
  return ts.isReturnStatement(st) && st.expression ? unwrap(st.expression) : null;
}
