// Console output that is a command's help or usage text, in a file that also starts the server
// (parse-server's CLI prints its usage from the file whose `start` runs the server): printed for the
// person who typed the command, never a log record. Told by the function it sits in: one named for
// help or usage (`const help = function () {...}`, `function printUsage()`), commander's
// `program.on('--help', () => {...})` listener, or the branch a `--help` or `--version` flag takes
// (code-server's entry: `if (args.help) { console.log('Usage: ...') }`).
import ts from '../../typescriptModule';
import { functionName } from '../../functionName';

const HELP_NAME = /^(?:print|show|output|display)?(?:help|usage)(?:text|message)?$/i;
/** How far up a help function may be: its console calls sit directly in it or in a callback of it. */
const MAX_FUNCTIONS = 3;

/** Whether `node` sits in a function that prints a command's help or usage. */
export function printsHelp(node: ts.Node): boolean {
  let functions = 0;
  for (let child: ts.Node = node, n = node.parent; n && !ts.isSourceFile(n) && functions < MAX_FUNCTIONS; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && child === n.thenStatement && testsHelpFlag(n.expression)) return true;
    if (!ts.isFunctionLike(n)) continue;
    functions++;
    if (namesOf(n).some((name) => name && HELP_NAME.test(name))) return true;
    if (isHelpListener(n)) return true;
  }
  return false;
}

/** The names a function goes by: its own and what it is assigned to (the last part of functionName's `Class.name`). */
function namesOf(fn: ts.SignatureDeclaration): Array<string | undefined> {
  const own = fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name)) ? fn.name.text : undefined;
  return [own, functionName(fn)?.split('.').pop()];
}

/** `program.on('--help', () => {...})`: commander's listener for the help text. */
function isHelpListener(fn: ts.SignatureDeclaration): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[1] !== fn) return false;
  const callee = call.expression;
  const first = call.arguments[0];
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'on' && !!first && ts.isStringLiteralLike(first) && first.text === '--help';
}

/** The flags whose branch prints for the person who typed the command: `args.help`, `argv.version`, `options.h`. */
const HELP_FLAGS = new Set(['help', 'h', 'version', 'v', 'usage']);

/** `args.help`, `argv['version']`, alone or first of an `&&` (`args.version && !args.json`). */
function testsHelpFlag(condition: ts.Expression): boolean {
  let e = condition;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return testsHelpFlag(e.left);
  if (ts.isPropertyAccessExpression(e)) return HELP_FLAGS.has(e.name.text);
  return ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) && HELP_FLAGS.has(e.argumentExpression.text);
}
