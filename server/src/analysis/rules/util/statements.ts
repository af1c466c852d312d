// Reading a statement's neighbours in its block: which statement holds a node, and the call a
// statement makes. Shared by the checks that look beside a console call (loggerClosed.ts, loggedBeside.ts).
import ts from '../../typescriptModule';
import { lowerBound } from '../../lowerBound';
import { unwrap } from '../../scopes';

/** The index of the statement holding `at`, by position (statements are in source order): a block of thousands stays linear. */
export function statementIndexAt(statements: ts.NodeArray<ts.Statement>, at: ts.Node): number {
  return lowerBound(statements.length, (k) => statements[k].end <= at.pos);
}

/** The call an expression statement makes, awaited or not (`logger.close()`, `await logger.error(...)`); null for any other statement. */
export function statementCall(statement: ts.Statement): ts.CallExpression | null {
  if (!ts.isExpressionStatement(statement)) return null;
  let e = unwrap(statement.expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  return ts.isCallExpression(e) ? e : null;
}
