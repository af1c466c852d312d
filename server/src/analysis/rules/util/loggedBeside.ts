// A console call printing an error that the statement beside it logs through a logger already
// (HyperDX's task runner: `console.log(err); logger.error({ err: serializeError(err) }, 'Task
// execution failed')`). Writing the console call to the logger too would log the error twice, once
// at the console call's level: a person decides whether to drop it, so the fix is not applied by fix-all.
import ts from '../../typescriptModule';
import { unwrap } from '../../scopes';
import type { RuleContext } from '../../rule';
import { statementCall, statementIndexAt } from './statements';

/** Whether the statement just before or after the one `call` makes logs `error` (a name) through a logger. */
export function errorLoggedBeside(call: ts.CallExpression, error: ts.Expression, ctx: Pick<RuleContext, 'isLogger'>): boolean {
  const name = unwrap(error);
  const statement = call.parent;
  if (!ts.isIdentifier(name) || !ts.isExpressionStatement(statement)) return false;
  const holder = statement.parent;
  if (!ts.isBlock(holder) && !ts.isSourceFile(holder) && !ts.isCaseOrDefaultClause(holder)) return false;
  const statements = holder.statements;
  const i = statementIndexAt(statements, call);
  return [statements[i - 1], statements[i + 1]].some((s) => !!s && logsName(s, name.text, ctx));
}

function logsName(statement: ts.Statement, name: string, ctx: Pick<RuleContext, 'isLogger'>): boolean {
  const e = statementCall(statement);
  if (!e || !ts.isPropertyAccessExpression(e.expression) || !ctx.isLogger(e.expression.expression)) return false;
  return e.arguments.some((a) => mentions(a, name));
}

/** Whether `name` is read anywhere in `node` (each node visited once). */
function mentions(node: ts.Node, name: string): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n) && n.text === name) return true;
    // A property's own name (`{ err: x }`, `a.err`) reads nothing.
    ts.forEachChild(n, (c) => {
      if (ts.isPropertyAccessExpression(n) && c === n.name) return;
      if (ts.isPropertyAssignment(n) && c === n.name) return;
      stack.push(c);
    });
  }
  return false;
}

/** What a console fix's title adds when the error is logged beside it (errorLoggedBeside). */
export const LOGGED_BESIDE_NOTE = ' (the statement beside it logs this error already: one of them may go)';
