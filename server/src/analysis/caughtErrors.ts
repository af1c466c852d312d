// A project function that returns what it caught under a property of a result object: the
// "tryCatch" idiom (Karakeep's and OpenPanel's `tryCatch(promise)`: `try { return { data: await
// promise, error: null } } catch (error) { return { data: null, error: error as E } }`). Its
// callers' `const { data, error } = await tryCatch(...)` then hold an error under that name.
// Read from the body, never from the name.
import ts from './typescriptModule';
import type { FunctionLike } from './logCallables';
import { unwrap } from './scopes';

/** Such helpers are short: longer bodies are not read. */
const MAX_BODY = 2000;

/** The property the function returns its caught error under, from a return in a catch clause of its own body; undefined otherwise. */
export function caughtErrorProperty(fn: FunctionLike): string | undefined {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.end - body.pos > MAX_BODY) return undefined;
  // Only the body's own statements, no text read: a try statement at its top (the idiom's shape).
  for (const st of body.statements) {
    if (!ts.isTryStatement(st) || !st.catchClause?.variableDeclaration || !ts.isIdentifier(st.catchClause.variableDeclaration.name)) continue;
    const caught = st.catchClause.variableDeclaration.name.text;
    for (const s of st.catchClause.block.statements) {
      if (!ts.isReturnStatement(s) || !s.expression) continue;
      const property = propertyHolding(unwrap(s.expression), caught);
      if (property) return property;
    }
  }
  return undefined;
}

/** The property of an object literal whose value is the name `caught` (through `as`): `{ error }`, `{ error: e as E }`. */
function propertyHolding(e: ts.Expression, caught: string): string | null {
  if (!ts.isObjectLiteralExpression(e)) return null;
  for (const p of e.properties) {
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === caught) return p.name.text;
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const v = unwrap(p.initializer);
    if (ts.isIdentifier(v) && v.text === caught) return p.name.text;
  }
  return null;
}
