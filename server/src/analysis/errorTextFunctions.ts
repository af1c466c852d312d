// A project function that turns an error into text (`getErrorMessage(err)`): every value it
// returns is its parameter's message (`error.message`, `toErrorWithMessage(error).message`),
// `String(error)`, `${error}` or `error.toString()`, JSON text of what it builds from its parameter,
// or a constant fallback. Logging its result
// loses the stack and type just as `err.message` does. Read from the body, never from the name.
import ts from './typescriptModule';
import type { FunctionLike } from './logCallables';
import { isFallback, isStringify, parameterIndex, parameterNameAt, resolveName, type ScopeMap, unwrap } from './scopes';

/** Helpers that reduce an error to text are short (Nango's stringifyError, 2,900 characters, among the longest): longer bodies are not read. */
const MAX_BODY = 4000;
/** What a body must contain to return an error's text at all (the cheap filter before the walk). */
const TEXT_HINT = /\.message\b|\bString\(|\$\{|\.toString\(|\bJSON\.stringify\(/;

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
  // The parameter returned as it is (`if (typeof error === 'string') return error`) is its text only
  // beside a return that makes text of it: alone, that is an identity function.
  let madeText = false;
  for (const r of returned) {
    const t = textOfParameter(r, fn, scopes, 0);
    if (t === null) return undefined;
    if (t === 'constant') continue;
    const i = typeof t === 'number' ? t : t.self;
    if (typeof t === 'number') madeText = true;
    if (index !== undefined && index !== i) return undefined;
    index = i;
  }
  return madeText ? index : undefined;
}

/** What a returned expression is: the text of a parameter's error, that parameter as it is, a constant, or something else (null). */
type Returned = number | { self: number } | 'constant' | null;

/** The parameter whose error `expr` is the text of; 'constant' for a string literal fallback; null otherwise. */
function textOfParameter(expr: ts.Expression, fn: FunctionLike, scopes: ScopeMap, depth: number): Returned {
  if (depth > 4) return null;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return 'constant';
  if (ts.isIdentifier(e)) return identifierText(e, fn, scopes);
  // `error instanceof Error ? error.message : String(error)`, `error?.message ?? 'unknown'`.
  if (ts.isConditionalExpression(e)) return both(textOfParameter(e.whenTrue, fn, scopes, depth + 1), textOfParameter(e.whenFalse, fn, scopes, depth + 1));
  if (isFallback(e)) {
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
    if (ts.isIdentifier(c) && c.text === 'String' && e.arguments.length === 1) {
      const inner = unwrap(e.arguments[0]);
      const t = ts.isIdentifier(inner) ? identifierText(inner, fn, scopes) : null;
      return typeof t === 'object' && t ? t.self : t === 'constant' ? null : t;
    }
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'toString' && e.arguments.length === 0) return orNull(parameterIndex(c.expression, fn, scopes));
    // `JSON.stringify(filtered)` of what the body built from a parameter (Nango's stringifyError:
    // `const serialized = serializeError(err)`, ..., `return JSON.stringify(filtered)`): JSON text.
    if (isStringify(e) && e.arguments.length >= 1 && !ts.isSpreadElement(e.arguments[0])) return builtFromParameter(e.arguments[0], fn, scopes);
    return null;
  }
  // `${error}` alone.
  if (ts.isTemplateExpression(e) && e.head.text === '' && e.templateSpans.length === 1 && e.templateSpans[0].literal.text === '') {
    return orNull(parameterIndex(e.templateSpans[0].expression, fn, scopes));
  }
  // `${error.code}: ${error.message}`, `${error.code}: ${validationMessage}` (built from `error.cause`:
  // Karakeep's getErrorMessage): text made of an error parameter's parts alone.
  if (ts.isTemplateExpression(e)) {
    let index: number | null = null;
    for (const span of e.templateSpans) {
      const i = builtFromParameter(span.expression, fn, scopes);
      if (i === null || (index !== null && i !== index) || !ERROR_PARAMETER.test(parameterNameAt(fn, i))) return null;
      index = i;
    }
    return index;
  }
  return null;
}

/**
 * A name returned or printed: a parameter as it is, a string parameter (the caller's fallback text:
 * `fallback ?? 'Unknown error'`), or the `message` destructured from a parameter (`const { message }
 * = error as { message: unknown }`).
 */
function identifierText(id: ts.Identifier, fn: FunctionLike, scopes: ScopeMap): Returned {
  const d = resolveName(scopes, id, id.text);
  if (d?.kind === 'param' && d.node.parent === fn && !d.node.dotDotDotToken) {
    return d.node.type?.kind === ts.SyntaxKind.StringKeyword ? 'constant' : { self: d.index };
  }
  if (d?.kind === 'destructure' && d.property === 'message') return orNull(parameterIndex(d.from, fn, scopes));
  return null;
}

function both(a: Returned, b: Returned): Returned {
  if (a === null || b === null) return null;
  if (a === 'constant') return b;
  if (b === 'constant') return a;
  const ai = typeof a === 'number' ? a : a.self;
  const bi = typeof b === 'number' ? b : b.self;
  if (ai !== bi) return null;
  return typeof a === 'number' || typeof b === 'number' ? ai : a;
}

/** Locals followed back to a parameter (`filtered` from `enriched` from `serialized` from `err`). */
const MAX_LOCAL_STEPS = 4;
/** Nodes read in all while looking for a parameter (a helper's are short): the walk stays linear. */
const MAX_BUILT_NODES = 400;

/**
 * The parameter `expr` is built from: the parameter itself, or a local of the function whose
 * initializer is built from one, followed a few steps; one named for an error first
 * (`line(event, err)` → `err`), else the first. Null when none is, or when the text keeps a
 * parameter's stack (`{ message: err.message, stack: err.stack }` is the whole error as text).
 */
function builtFromParameter(expr: ts.Expression, fn: FunctionLike, scopes: ScopeMap): number | null {
  const found = new Set<number>();
  /** Parameters whose `.stack` the text keeps (an options parameter's `opts?.stack` flag is none of the error's). */
  const stackKept = new Set<number>();
  let nodes = 0;
  const visit = (n: ts.Node, steps: number): void => {
    if (++nodes > MAX_BUILT_NODES) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'stack') {
      const of = parameterIndex(n.expression, fn, scopes);
      if (of >= 0) stackKept.add(of);
    }
    if (ts.isIdentifier(n)) {
      const d = resolveName(scopes, n, n.text);
      if (d?.kind === 'param' && d.node.parent === fn && !d.node.dotDotDotToken) found.add(d.index);
      // A local of this function (`const serialized = serializeError(err)`), followed a few steps.
      else if (d?.kind === 'value' && steps < MAX_LOCAL_STEPS && d.init.pos >= fn.pos && d.init.end <= fn.end) visit(d.init, steps + 1);
      return;
    }
    // A property's name is no reference (`{ message: x }`, `a.b`): only what it holds is.
    if (ts.isPropertyAccessExpression(n)) return visit(n.expression, steps);
    if (ts.isPropertyAssignment(n)) return visit(n.initializer, steps);
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, (c) => visit(c, steps));
  };
  visit(expr, 0);
  if (found.size === 0) return null;
  const indexes = [...found].sort((a, b) => a - b);
  const chosen = indexes.find((i) => ERROR_PARAMETER.test(parameterNameAt(fn, i))) ?? indexes[0];
  return stackKept.has(chosen) ? null : chosen;
}

/** A parameter named for an error (`err`, `error`, `e`, `ex`, `cause`, `reason`, `fetchError`). */
const ERROR_PARAMETER = /^(?:e|ex|exc|cause|reason)$|^err(?:or)?$|Err(?:or)?$/;

function orNull(i: number): number | null {
  return i >= 0 ? i : null;
}

