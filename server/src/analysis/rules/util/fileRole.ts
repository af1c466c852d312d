// Which console calls the service logging standards apply to. Console output outside service code
// is for a person (a test, a script, a build, a CLI) or runs in a browser, not in the server
// process: the rules leave it alone. So is console output inside the project's own log helper
// (the logger's sink, such as a facade printing with console outside production), except for what
// it prints (sensitive-log-data asks only isConsoleOutsideServiceCode). Calls of a structured logger
// keep their rules in every file.
import ts from '../../typescriptModule';
import type { LogCall, RuleContext } from '../../rule';
import { enclosingFunction, hasModifier, unwrap } from '../../scopes';
import { runsOnlyInBrowser } from './browserOnly';
import { printsHelp } from './helpText';
import { runsOnlyAsCommand } from './commandOnly';

export function isConsoleOutsideService(call: LogCall, ctx: RuleContext): boolean {
  return isConsoleOutsideServiceCode(call, ctx) || (call.library === 'console' && (ctx.insideLogHelper(call.node) || replacesConsoleMethod(call.node)));
}

/**
 * Inside a function put in place of one of console's methods (`console.log = (...args) => { if (...)
 * originalLog(...args) }`, Fonoster's filter of a noisy library's notice): the console it calls is the
 * original, handed what the caller gave; the callers are the console calls to report.
 */
function replacesConsoleMethod(node: ts.Node): boolean {
  const fn = enclosingFunction(node);
  const assignment = fn?.parent;
  if (!fn || !assignment || !ts.isBinaryExpression(assignment) || assignment.right !== fn || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const target = unwrap(assignment.left);
  return ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'console';
}

/** A console call in code that is not service code (by the file's role, and in a page, the function; or in a function only a browser can run, or one printing a command's help). */
export function isConsoleOutsideServiceCode(call: LogCall, ctx: RuleContext): boolean {
  return call.library === 'console' && (!runsInServer(call.node, ctx) || runsOnlyInBrowser(call.node, ctx) || printsHelp(call.node));
}

/**
 * Whether `node` runs in the server: service code (but not a command-line command's handler in a
 * module the server imports for something else: commandOnly.ts), or in a Next.js page (browser code
 * by its file) the page's `getServerSideProps`, which Next.js runs on the server for every request.
 */
export function runsInServer(node: ts.Node, ctx: RuleContext): boolean {
  return (ctx.fileKind === 'service' && !runsOnlyAsCommand(node, ctx.loadedByServer)) || (ctx.fileKind === 'browser' && inServerSideProps(node));
}

/** Whether `node` runs for a person at a terminal: a script or CLI file, or a command's handler in service code (commandOnly.ts). */
export function runsAtTerminal(node: ts.Node, ctx: RuleContext): boolean {
  return ctx.fileKind === 'cli' || ctx.fileKind === 'script' || (ctx.fileKind === 'service' && runsOnlyAsCommand(node, ctx.loadedByServer));
}

const SERVER_DATA_FUNCTIONS = new Set(['getServerSideProps']);

function inServerSideProps(node: ts.Node): boolean {
  let fn: ts.Node | undefined;
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) if (ts.isFunctionLike(n)) fn = n;
  if (!fn) return false;
  // `export async function getServerSideProps(...)` or `export const getServerSideProps = async (...) => ...`.
  if (ts.isFunctionDeclaration(fn)) return !!fn.name && SERVER_DATA_FUNCTIONS.has(fn.name.text) && hasModifier(fn, ts.SyntaxKind.ExportKeyword);
  const decl = fn.parent;
  return !!decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && SERVER_DATA_FUNCTIONS.has(decl.name.text) && hasModifier(decl.parent.parent, ts.SyntaxKind.ExportKeyword);
}

