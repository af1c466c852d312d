// What a request path walks (requestPaths.ts, offPath.ts): a unit is a function's own body with the
// callbacks written in it; functions declared inside it, handlers written inside it and listeners it
// registers are not part of it. And which calls are not charged to whoever makes them first.
import ts from '../typescriptModule';
import type { ParsedServiceFile } from '../rule';
import { isTypeOnly, resolveName, unwrap } from '../scopes';
import { isFunctionLike } from '../treeAt';
import { EMITTER_LISTEN_METHODS } from './libraries';

/**
 * A function declared inside another runs only when called: a unit of its own. Callbacks written in
 * place (arguments, object members, returned functions) run as part of the function they are written in.
 */
function isNestedUnit(n: ts.Node): boolean {
  if (ts.isFunctionDeclaration(n) || ts.isClassLike(n)) return true;
  if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) return false;
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return !!p && (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p));
}

/** Methods that register a listener: the listener runs on later events, not as part of the call. */
const LISTENER_METHODS: ReadonlySet<string> = new Set([...EMITTER_LISTEN_METHODS, 'addEventListener']);

/** `emitter.on('error', (err) => ...)`: the callbacks it registers (not walked as part of the function that registers them). */
function listenerArguments(n: ts.Node): ReadonlySet<ts.Node> | null {
  if (!ts.isCallExpression(n)) return null;
  const callee = unwrap(n.expression);
  if (!ts.isPropertyAccessExpression(callee) || !LISTENER_METHODS.has(callee.name.text)) return null;
  return new Set(n.arguments.filter((a) => isFunctionLike(unwrap(a))));
}

/** The calls of a unit's own body, in source order: not those of nested units, handlers or listeners written inside it. */
export function unitCalls(unit: ts.Node, roots: ReadonlyMap<ts.Node, unknown>): Array<ts.CallExpression | ts.NewExpression> {
  const out: Array<ts.CallExpression | ts.NewExpression> = [];
  const stack: ts.Node[] = [];
  const push = (c: ts.Node) => void stack.push(c);
  unit.forEachChild(push);
  while (stack.length) {
    const n = stack.pop()!;
    if (isTypeOnly(n.kind) || ts.isDecorator(n)) continue;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) out.push(n);
    if (roots.has(n) || isNestedUnit(n) || (ts.isMethodDeclaration(n) && ts.isClassLike(n.parent))) continue;
    const listeners = listenerArguments(n);
    if (listeners) n.forEachChild((c) => void (listeners.has(c) || stack.push(c)));
    else n.forEachChild(push);
  }
  return out.sort((a, b) => a.pos - b.pos);
}

/**
 * A call whose result is kept in a module-level variable (`if (!client) client = createClient()`,
 * `cache ??= await load()`): it runs once per process, on whichever request comes first, so what it
 * does belongs to the process, not to requests.
 */
export function storedForTheProcess(call: ts.CallExpression, parsed: ParsedServiceFile): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p || !ts.isBinaryExpression(p) || p.right !== n) return false;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.QuestionQuestionEqualsToken && op !== ts.SyntaxKind.BarBarEqualsToken) return false;
  const left = unwrap(p.left);
  if (!ts.isIdentifier(left)) return false;
  const d = resolveName(parsed.scopes, left, left.text);
  const node = d?.kind === 'value' || d?.kind === 'other' ? d.node : undefined;
  if (!node) return false;
  for (let q = node.parent; q; q = q.parent) if (ts.isFunctionLike(q)) return false;
  return true;
}
