// Terminal colour calls (`chalk.bold.red(text)`, `pc.green(text)`, `colors.green(msg)`): they return
// their argument's text wrapped in escape codes, so the text printed is the argument's. Read by the
// rules (a field's value, a message's words) and by the log-helper model (a sink's message parameter).
import ts from './typescriptModule';
import { memberChainRoot, unwrap } from './scopes';

/** Terminal colour libraries: a call of one returns its text coloured. */
export const COLOUR_MODULES: ReadonlySet<string> = new Set(['chalk', 'picocolors', 'kleur', 'colorette', 'ansi-colors', 'cli-color', 'colors', 'colors/safe', 'yoctocolors', 'ansis', 'kolorist']);

/**
 * The argument a colour call prints (`chalk.yellow(key)` → `key`), else null. `importOf` says which
 * module a name is imported or required from (the file's scope model).
 */
export function colouredArgument(e: ts.Expression, importOf: ImportOf): ts.Expression | null {
  const u = unwrap(e);
  return ts.isCallExpression(u) && u.arguments.length === 1 && !ts.isSpreadElement(u.arguments[0]) && isColourCall(u.expression, importOf) ? u.arguments[0] : null;
}

/** Whether a callee is a colour library's (`chalk.bold.red`, `pc.green`), by the import its root name comes from. */
export function isColourCall(callee: ts.Expression, importOf: ImportOf): boolean {
  const root = memberChainRoot(callee);
  const imported = ts.isIdentifier(root) ? importOf(root) : null;
  return !!imported && COLOUR_MODULES.has(imported.module);
}

type ImportOf = (id: ts.Identifier) => { module: string } | null;
