// How code names a function: by its own name, or by what it is assigned to (a variable, an object's
// property, a class field), with its class for a method. Messages and hovers show it; the rules read
// its last part (`help` of `Cli.help`).
import ts from './typescriptModule';

/** `UserService.find`, `loadOrder`, `GET /users/:id handler`: how a message names a function. */
export function functionName(fn: ts.Node): string | null {
  const named = (n: ts.Node | undefined): string | null => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : null);
  if ((ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn)) && fn.name) {
    const own = named(fn.name);
    const owner = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) ? named(fn.parent.name) : null;
    return own && owner ? `${owner}.${own}` : own;
  }
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p)) return named(p.name);
  if (p && ts.isPropertyDeclaration(p) && ts.isClassLike(p.parent)) {
    const own = named(p.name);
    const owner = named(p.parent.name);
    return own && owner ? `${owner}.${own}` : own;
  }
  if (p && ts.isPropertyAssignment(p)) return named(p.name);
  // `notifications.reset = (level) => ...`, `exports.load = function () {}`: the member it is assigned to.
  if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === fn && !(ts.isFunctionExpression(fn) && fn.name)) {
    return ts.isPropertyAccessExpression(p.left) ? p.left.name.text : named(p.left);
  }
  if (ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return null;
}
