// A project function that turns an error into text (`getErrorMessage(err)`): every value it
// returns is its parameter's message (`error.message`, `toErrorWithMessage(error).message`),
// `String(error)`, `${error}` or `error.toString()`, or a constant fallback. Logging its result
// loses the stack and type just as `err.message` does. Read from the body, never from the name.
import ts from './typescriptModule';
import type { FunctionLike } from './logCallables';
import { parameterIndex, type ScopeMap, unwrap } from './scopes';

/** Helpers that reduce an error to text are short: longer bodies are not read. */
const MAX_BODY = 2000;
/** What a body must contain to return an error's text at all (the cheap filter before the walk). */
const TEXT_HINT = /\.message\b|\bString\(|\$\{|\.toString\(/;

/** The index of the parameter whose error `fn` returns as text; undefined when it does not. */
export function returnedErrorText(fn: FunctionLike, scopes: ScopeMap): number | undefined {
  const body = fn.body;
  if (!body || fn.parameters.length === 0 || body.end - body.pos > MAX_BODY) return undefined;
  if (!TEXT_HINT.test(body.getSourceFile().text.slice(body.pos, body.end))) return undefined;
  const returned: ts.Expression[] = [];
  if (!ts.isBlock(body)) returned.push(body);
  else {
    // The body's own return statements, nested functions and classes left out.
    const stack: ts.Node[] = [body];
    while (stack.length) {
      const node = stack.pop()!;
      if (node !== body && (ts.isFunctionLike(node) || ts.isClassLike(node))) continue;
      if (ts.isReturnStatement(node)) {
        if (!node.expression) return undefined;
        returned.push(node.expression);
        continue;
      }
      ts.forEachChild(node, (c) => {
        stack.push(c);
      });
    }
  }
  let index: number | undefined;
  for (const r of returned) {
    const i = textOfParameter(r, fn, scopes, 0);
    if (i === null) return undefined;
    if (i === 'constant') continue;
    if (index !== undefined && index !== i) return undefined;
    index = i;
  }
  return index;
}

/** The parameter whose error `expr` is the text of; 'constant' for a string literal fallback; null otherwise. */
function textOfParameter(expr: ts.Expression, fn: FunctionLike, scopes: ScopeMap, depth: number): number | 'constant' | null {
  if (depth > 4) return null;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return 'constant';
  // `error instanceof Error ? error.message : String(error)`, `error?.message ?? 'unknown'`.
  if (ts.isConditionalExpression(e)) return both(textOfParameter(e.whenTrue, fn, scopes, depth + 1), textOfParameter(e.whenFalse, fn, scopes, depth + 1));
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return both(textOfParameter(e.left, fn, scopes, depth + 1), textOfParameter(e.right, fn, scopes, depth + 1));
  }
  // `error.message`, `(error as X).message`, `toErrorWithMessage(error).message`.
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'message') {
    const owner = unwrap(e.expression);
    const direct = parameterIndex(owner, fn, scopes);
    if (direct >= 0) return direct;
    if (ts.isCallExpression(owner) && owner.arguments.length === 1) {
      const i = parameterIndex(owner.arguments[0], fn, scopes);
      return i >= 0 ? i : null;
    }
    return null;
  }
  if (ts.isCallExpression(e)) {
    const c = e.expression;
    if (ts.isIdentifier(c) && c.text === 'String' && e.arguments.length === 1) return orNull(parameterIndex(e.arguments[0], fn, scopes));
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'toString' && e.arguments.length === 0) return orNull(parameterIndex(c.expression, fn, scopes));
    return null;
  }
  // `${error}` alone.
  if (ts.isTemplateExpression(e) && e.head.text === '' && e.templateSpans.length === 1 && e.templateSpans[0].literal.text === '') {
    return orNull(parameterIndex(e.templateSpans[0].expression, fn, scopes));
  }
  return null;
}

function both(a: number | 'constant' | null, b: number | 'constant' | null): number | 'constant' | null {
  if (a === null || b === null) return null;
  if (a === 'constant') return b;
  if (b === 'constant') return a;
  return a === b ? a : null;
}

function orNull(i: number): number | null {
  return i >= 0 ? i : null;
}

