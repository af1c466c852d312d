// Where a class member gets its value: `this.name` inside a class is what its field is initialised
// with or typed as, a typed constructor parameter property, or what the constructor assigns to it.
// (The logger model in values.ts walks members the same way and could use this too.) thisMember says
// which member's `this` a node sees, for values.ts thisMethod and classLogReceivers.ts.
import ts from './typescriptModule';
import { enclosingStop } from './scopes';

export type MemberSource = { readonly init: ts.Expression } | { readonly type: ts.TypeNode };

/**
 * The class member whose `this` is the one at `node`: a method, constructor, accessor, field or static
 * block of a class, reached through arrows only; null in a plain function or an object literal's
 * method, where `this` is something else. Climbs scope to scope, as enclosingClass does.
 */
export function thisMember(node: ts.Node): { member: ts.ClassElement; klass: ts.ClassLikeDeclaration } | null {
  let below: ts.Node = node;
  for (let n = enclosingStop(node); n; below = n, n = enclosingStop(n)) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return null;
    if (ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) return ts.isClassLike(n.parent) ? { member: n, klass: n.parent } : null;
    if (ts.isClassLike(n)) {
      // A field's initialiser or a static block: the member between the class and the stop below it.
      let m: ts.Node = below;
      while (m.parent && m.parent !== n) m = m.parent;
      return m.parent === n && ts.isClassElement(m) ? { member: m, klass: n } : null;
    }
  }
  return null;
}

/** The class whose instance `this` is at `thisNode`; null inside a plain function, where `this` is something else. */
export function enclosingClass(thisNode: ts.Node): ts.ClassLikeDeclaration | null {
  // Scope to scope (enclosingStop, whose stops include every class and function), not node by node:
  // from deep in a long expression that would make a file's walk quadratic.
  for (let n = enclosingStop(thisNode); n; n = enclosingStop(n)) {
    if (ts.isClassLike(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return null;
  }
  return null;
}

/** What gives member `name` of `klass` its value, the first found in member order. */
export function memberSource(klass: ts.ClassLikeDeclaration, name: string): MemberSource | null {
  for (const m of klass.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) {
      if (m.initializer) return { init: m.initializer };
      if (m.type) return { type: m.type };
    }
    if (!ts.isConstructorDeclaration(m)) continue;
    for (const p of m.parameters) {
      if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length && p.type) return { type: p.type };
    }
    for (const st of m.body?.statements ?? []) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
      const { left, operatorToken, right } = st.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
      if (left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return { init: right };
    }
  }
  return null;
}

/**
 * Whether code under `node` sets `this.name =` on the class's instance. A `function` inside has a
 * `this` of its own: what it sets is not the field (an arrow function's `this` is the method's).
 */
export function assignsThisMember(node: ts.Node, name: string): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.expression.kind === ts.SyntaxKind.ThisKeyword && n.left.name.text === name) return true;
    ts.forEachChild(n, (c) => {
      if (!ts.isFunctionDeclaration(c) && !ts.isFunctionExpression(c)) stack.push(c);
    });
  }
  return false;
}
