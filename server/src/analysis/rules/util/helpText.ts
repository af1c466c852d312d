// Console output that is a command's help or usage text, in a file that also starts the server
// (parse-server's CLI prints its usage from the file whose `start` runs the server): printed for the
// person who typed the command, never a log record. Told by the function it sits in: one named for
// help or usage (`const help = function () {...}`, `function printUsage()`), or commander's
// `program.on('--help', () => {...})` listener.
import ts from '../../typescriptModule';

const HELP_NAME = /^(?:print|show|output|display)?(?:help|usage)(?:text|message)?$/i;
/** How far up a help function may be: its console calls sit directly in it or in a callback of it. */
const MAX_FUNCTIONS = 3;

/** Whether `node` sits in a function that prints a command's help or usage. */
export function printsHelp(node: ts.Node): boolean {
  let functions = 0;
  for (let n = node.parent; n && !ts.isSourceFile(n) && functions < MAX_FUNCTIONS; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    functions++;
    const name = functionName(n);
    if (name && HELP_NAME.test(name)) return true;
    if (isHelpListener(n)) return true;
  }
  return false;
}

function functionName(fn: ts.SignatureDeclaration): string | null {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const p = fn.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  return null;
}

/** `program.on('--help', () => {...})`: commander's listener for the help text. */
function isHelpListener(fn: ts.SignatureDeclaration): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[1] !== fn) return false;
  const callee = call.expression;
  const first = call.arguments[0];
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'on' && !!first && ts.isStringLiteralLike(first) && first.text === '--help';
}
