// Code that runs only as a command-line command, in a module the server imports for something else:
// Logto's `logto db alteration` command lives in the module whose `getAvailableAlterations` the
// server calls, so the file is service code, yet its handler and the file's own functions only that
// handler calls run in the operator's terminal. Told per function: a yargs CommandModule's `handler`
// (an object with `command` and `handler`), the handler of yargs' `.command(name, describe, builder,
// handler)`, commander's `.action(fn)`, the branch that runs when the file is executed directly
// (`if (require.main === module)`, `if (process.argv[1] === __filename)`: Etherpad's tsort.ts runs its
// self-test so), and functions of the file that are not exported and are called only from those, or
// from callbacks inside them (as deep as that goes).
import ts from '../../typescriptModule';
import { hasModifier, unwrap } from '../../scopes';

/** Only files that may declare a command are walked. */
const MAY_DECLARE_COMMAND = /\bcommand\s*:|\.command\s*\(|\.action\s*\(|\brequire\.main\b|\bargv\[1\]|\bimport\.meta\.main\b/;
/** Substring tests first: most files hold none of these, and one pattern of many alternatives costs more per file. */
function mayDeclareCommand(text: string): boolean {
  return (text.includes('command') || text.includes('.action') || text.includes('.main') || text.includes('argv[1]')) && MAY_DECLARE_COMMAND.test(text);
}

/** How many local functions deep a call chain from a handler is followed. */
const MAX_DEPTH = 4;

interface FileIndex {
  /** Identifiers by name, for the references of a local function. */
  readonly byName: Map<string, ts.Identifier[]>;
  /** Names the file exports (`export { a, b }`, `module.exports = { a }`, `exports.a =`). */
  readonly exported: Set<string>;
  readonly verdicts: Map<ts.Node, boolean>;
}

const files = new WeakMap<ts.SourceFile, FileIndex | null>();

/**
 * Whether `node` runs only when a command-line command does (see above). `loadedByServer`: the file is
 * service code because the server imports it (RoleVerdict.loadedByServer), so running it directly is
 * a command; a service's own entry guarded so (`if (require.main === module) app.listen(...)`) is not.
 */
export function runsOnlyAsCommand(node: ts.Node, loadedByServer: boolean): boolean {
  const sf = node.getSourceFile();
  let index = files.get(sf);
  if (index === undefined) files.set(sf, (index = mayDeclareCommand(sf.text) ? indexFile(sf) : null));
  if (!index) return false;
  for (let child: ts.Node = node, n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); child = n, n = n.parent) {
    if (loadedByServer && isMainBranch(n, child)) return true;
    if (ts.isFunctionLike(n) && onlyUnderCommand(n, index, 0, new Set(), loadedByServer)) return true;
  }
  return false;
}

/** Whether `child` is the then branch of `n`, an `if` that holds only when the file is executed directly. */
function isMainBranch(n: ts.Node, child: ts.Node): boolean {
  return ts.isIfStatement(n) && n.thenStatement === child && isMainTest(n.expression);
}

/**
 * `require.main === module`, `process.argv[1] === __filename` (or against `fileURLToPath(import.meta.url)`,
 * `import.meta.url === pathToFileURL(process.argv[1]).href`), `import.meta.main`, or a conjunction holding one.
 */
function isMainTest(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'main' && ts.isMetaProperty(e.expression)) return true;
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return isMainTest(e.left) || isMainTest(e.right);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const sides = [e.left.getText(), e.right.getText()];
  const is = (a: RegExp, b: RegExp) => (a.test(sides[0]) && b.test(sides[1])) || (a.test(sides[1]) && b.test(sides[0]));
  return is(/^require\.main$/, /^module$/) || is(/\bprocess\.argv\[1\]/, /\b__filename\b|\bimport\.meta\.url\b/);
}

function onlyUnderCommand(fn: ts.SignatureDeclaration, index: FileIndex, depth: number, visiting: Set<ts.Node>, mainIsCommand: boolean): boolean {
  const known = index.verdicts.get(fn);
  if (known !== undefined) return known;
  if (visiting.has(fn) || depth > MAX_DEPTH) return false;
  visiting.add(fn);
  const verdict = isCommandHandler(fn) || calledOnlyUnderCommand(fn, index, depth, visiting, mainIsCommand);
  visiting.delete(fn);
  if (depth === 0 || verdict) index.verdicts.set(fn, verdict);
  return verdict;
}

/** A local function (not exported) every reference of which is a call inside a command's code. */
function calledOnlyUnderCommand(fn: ts.SignatureDeclaration, index: FileIndex, depth: number, visiting: Set<ts.Node>, mainIsCommand: boolean): boolean {
  const name = localName(fn, index);
  if (!name) return false;
  const refs = (index.byName.get(name.text) ?? []).filter((id) => id !== name);
  if (refs.length === 0) return false;
  return refs.every((id) => {
    const call = id.parent;
    if (!ts.isCallExpression(call) || call.expression !== id) return false;
    // Up through the callbacks the call sits in (`prompt(..., (err, password) => add(...))` inside the
    // action: The Lounge's `users add`): any function around it that runs only under a command will do.
    for (let child: ts.Node = call, n: ts.Node | undefined = call.parent; n && !ts.isSourceFile(n); child = n, n = n.parent) {
      if (mainIsCommand && isMainBranch(n, child)) return true;
      if (ts.isFunctionLike(n) && onlyUnderCommand(n, index, depth + 1, visiting, mainIsCommand)) return true;
    }
    return false;
  });
}

/** The name of a function declared in the file's top level and not exported: `function f()`, `const f = () =>`. */
function localName(fn: ts.SignatureDeclaration, index: FileIndex): ts.Identifier | null {
  let name: ts.Identifier | null = null;
  let statement: ts.Node | undefined;
  if (ts.isFunctionDeclaration(fn) && fn.name) [name, statement] = [fn.name, fn];
  else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    [name, statement] = [fn.parent.name, fn.parent.parent?.parent];
  }
  if (!name || !statement || !ts.isSourceFile(statement.parent) || hasModifier(statement, ts.SyntaxKind.ExportKeyword) || index.exported.has(name.text)) return null;
  return name;
}

function isCommandHandler(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  // `{ command: 'alteration <action>', handler: async (argv) => {...} }` (a method `handler() {}` too).
  const property = ts.isPropertyAssignment(parent) ? parent : ts.isMethodDeclaration(fn) ? fn : null;
  if (property && property.name && ts.isIdentifier(property.name) && property.name.text === 'handler' && ts.isObjectLiteralExpression(property.parent)) {
    return property.parent.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'command');
  }
  if (!ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return false;
  const method = parent.expression.name.text;
  const args = parent.arguments;
  // yargs `.command(name, describe, builder, handler)`; commander `.action(fn)`.
  if (method === 'command') return args.length >= 3 && args[args.length - 1] === fn && !startsService(args[0]);
  return method === 'action' && args.length === 1 && args[0] === fn && !startsService(commanderName(parent.expression.expression));
}

/** Commands that start the service itself (The Lounge's `thelounge start`): their handler is the server's start, not an operator's command. */
const SERVICE_COMMANDS = new Set(['start', 'serve', 'server', 'run']);

/** Whether a command's name (`'start'`, `'serve [port]'`, `['start', 's']`) is one that starts the service. */
function startsService(name: ts.Expression | undefined): boolean {
  const n = name && unwrap(name);
  if (!n) return false;
  if (ts.isArrayLiteralExpression(n)) return n.elements.some((e) => startsService(e));
  return ts.isStringLiteralLike(n) && SERVICE_COMMANDS.has(n.text.trim().split(/\s+/)[0]);
}

/**
 * The name of the commander command a chain of its methods is called on: `new Command('start')` or
 * `program.command('start')` at the chain's root, through the variable declared with it in this
 * file (`const program = new Command('start'); program.description(...).action(fn)`).
 */
function commanderName(receiver: ts.Expression): ts.Expression | undefined {
  let e = unwrap(receiver);
  for (let steps = 0; steps < 32; steps++) {
    if (ts.isNewExpression(e)) return e.arguments?.[0];
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      if (e.expression.name.text === 'command') return e.arguments[0];
      e = unwrap(e.expression.expression);
      continue;
    }
    if (!ts.isIdentifier(e)) return undefined;
    const declared = declarationInit(e);
    if (!declared) return undefined;
    e = unwrap(declared);
  }
  return undefined;
}

/** The initializer of the variable a name is declared with in its file's top level (`const program = new Command('start')`). */
function declarationInit(id: ts.Identifier): ts.Expression | undefined {
  for (const st of id.getSourceFile().statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text) return d.initializer;
  }
  return undefined;
}

function indexFile(sf: ts.SourceFile): FileIndex {
  const byName = new Map<string, ts.Identifier[]>();
  const exported = new Set<string>();
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      let list = byName.get(node.text);
      if (!list) byName.set(node.text, (list = []));
      list.push(node);
    } else if (ts.isExportSpecifier(node)) exported.add((node.propertyName ?? node.name).text);
    else if (ts.isShorthandPropertyAssignment(node) || ts.isPropertyAssignment(node)) {
      // `module.exports = { deploy }`: a name handed out through the module object.
      const obj = node.parent;
      const assign = obj.parent;
      const value = ts.isShorthandPropertyAssignment(node) ? node.name : node.initializer;
      if (ts.isBinaryExpression(assign) && assign.right === obj && assign.left.getText(sf) === 'module.exports' && ts.isIdentifier(value)) exported.add(value.text);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.right) && /^(?:module\.)?exports\b/.test(node.left.getText(sf))) {
      exported.add(node.right.text);
    }
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return { byName, exported, verdicts: new Map() };
}
