// A console call right after the code closed the logger a fix would write (Nango's shutdown:
// `logger.close(); console.info('Closed');`). winston's close() removes its transports, so the
// record would go nowhere: console is there on purpose, and console-logging offers no fix.
import ts from '../../typescriptModule';
import { enclosingStop } from '../../scopes';
import { statementCall, statementIndexAt } from './statements';

/** How many statements before the call (in each enclosing block) are looked at: the close is next to it. */
const LOOK_BACK = 12;
const CLOSING_METHODS: ReadonlySet<string> = new Set(['close', 'end']);

/** Whether a statement shortly before `at`, in its block or an enclosing one of its function, closes `logger` (its source text). */
export function loggerClosedBefore(at: ts.Node, logger: string, sf: ts.SourceFile): boolean {
  // Scope to scope (blocks are walk stops), not node by node: from deep in a long expression a climb per call would be quadratic.
  for (let s = enclosingStop(at); s && !ts.isFunctionLike(s); s = enclosingStop(s)) {
    if (!ts.isBlock(s) && !ts.isSourceFile(s)) continue;
    const statements = s.statements;
    const i = statementIndexAt(statements, at);
    for (let j = i - 1; j >= 0 && j >= i - LOOK_BACK; j--) if (closes(statements[j], logger, sf)) return true;
  }
  return false;
}

function closes(statement: ts.Statement, logger: string, sf: ts.SourceFile): boolean {
  const e = statementCall(statement);
  return !!e && ts.isPropertyAccessExpression(e.expression) && CLOSING_METHODS.has(e.expression.name.text) && e.expression.expression.getText(sf) === logger;
}
