// A console call whose comment says it is there on purpose (Nango's runner: `// used on purpose to
// not append jobs formatting to runner` above the console.log that passes a child's output through
// raw; matrix-appservice-irc's `// Log to stderr first and foremost` before its crash handler's winston
// calls). The finding stands, but a person decides on the fix: console-logging offers it, not applied.
import ts from '../../typescriptModule';

/**
 * Words a comment uses to say the code is meant as it is, or that it writes to the stream itself
 * (matrix-appservice-irc: `// Log to stderr first and foremost, to avoid any chance of us missing a flush`).
 */
const ON_PURPOSE = /\b(?:on purpose|intentional(?:ly)?|deliberate(?:ly)?|by design|std(?:err|out))\b/i;

/** Nodes climbed from the call to its statement, at most. */
const MAX_CLIMB = 64;

export const DELIBERATE_NOTE = ' (a comment says this console call is on purpose: check it first)';

/** Whether a comment just before the statement holding `call`, or after it on its line, says it is on purpose. */
export function commentSaysOnPurpose(call: ts.Node, sf: ts.SourceFile): boolean {
  let statement: ts.Node = call;
  // A comment sits by a statement a few nodes up; a call nested deeper in an expression (a generated
  // chain of thousands) has no comment of its own, and climbing from each such call would be quadratic.
  for (let steps = 0; statement.parent && !isStatementLike(statement); steps++) {
    if (steps === MAX_CLIMB) return false;
    statement = statement.parent;
  }
  // Never the file's own header (a call in a class field's arrow reaches no statement of its own).
  if (ts.isSourceFile(statement)) return false;
  const text = sf.text;
  const ranges = [...(ts.getLeadingCommentRanges(text, statement.pos) ?? []), ...(ts.getTrailingCommentRanges(text, statement.end) ?? [])];
  return ranges.some((r) => ON_PURPOSE.test(text.slice(r.pos, Math.min(r.end, r.pos + 2000))));
}

function isStatementLike(n: ts.Node): boolean {
  return ts.isExpressionStatement(n) || ts.isReturnStatement(n) || ts.isVariableStatement(n) || ts.isIfStatement(n) || ts.isBlock(n) || ts.isClassElement(n) || ts.isSourceFile(n);
}
