// Where a name used in a log call was declared, in the same file: the nearest enclosing parameter
// or variable of that name (catch variables included). Enough for rules that look at a value's
// declared type or its initialiser; a name from another file is simply not known.
import ts from 'typescript';

export type Declaration = ts.VariableDeclaration | ts.ParameterDeclaration;

export function findDeclaration(id: ts.Identifier): Declaration | null {
  const name = id.text;
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isCatchClause(n)) {
      const v = n.variableDeclaration;
      if (v && ts.isIdentifier(v.name) && v.name.text === name) return v;
    }
    if (ts.isFunctionLike(n)) {
      const p = (n as ts.SignatureDeclaration).parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name);
      if (p) return p;
    }
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      const d = variablesOf(n).get(name);
      if (d) return d;
    }
  }
  return null;
}

type StatementContainer = ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause;

/** Variables declared directly in a block, by name; built once per block (a file can hold thousands of log calls). */
const variablesCache = new WeakMap<ts.Node, Map<string, ts.VariableDeclaration>>();

function variablesOf(container: StatementContainer): Map<string, ts.VariableDeclaration> {
  let map = variablesCache.get(container);
  if (map) return map;
  map = new Map();
  for (const st of container.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && !map.has(d.name.text)) map.set(d.name.text, d);
  }
  variablesCache.set(container, map);
  return map;
}

/** The type written on a name's declaration, if any. */
export function declaredType(id: ts.Identifier): ts.TypeNode | undefined {
  return findDeclaration(id)?.type;
}

/** The object literal a `const` is initialised with (`const meta = { id }`), else null. */
export function constObjectLiteral(id: ts.Identifier): ts.ObjectLiteralExpression | null {
  const d = findDeclaration(id);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer) return null;
  const list = d.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return null;
  let init: ts.Expression = d.initializer;
  while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
  return ts.isObjectLiteralExpression(init) ? init : null;
}

/** Property names of a type written in this file: a type literal, or an interface / type alias declared at top level. */
export function typeMemberNames(type: ts.TypeNode, sf: ts.SourceFile, depth = 0): string[] {
  if (depth > 4) return [];
  if (ts.isTypeLiteralNode(type)) return memberNames(type.members);
  if (ts.isArrayTypeNode(type)) return typeMemberNames(type.elementType, sf, depth + 1);
  if (ts.isParenthesizedTypeNode(type)) return typeMemberNames(type.type, sf, depth + 1);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => typeMemberNames(t, sf, depth + 1));
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    const out: string[] = [];
    for (const st of sf.statements) {
      const decl = ts.isExportDeclaration(st) ? null : st;
      if (decl && ts.isInterfaceDeclaration(decl) && decl.name.text === name) {
        out.push(...memberNames(decl.members));
        for (const h of decl.heritageClauses ?? []) for (const t of h.types) if (ts.isIdentifier(t.expression)) out.push(...typeMemberNames(ts.factory.createTypeReferenceNode(t.expression.text), sf, depth + 1));
      }
      if (decl && ts.isTypeAliasDeclaration(decl) && decl.name.text === name) out.push(...typeMemberNames(decl.type, sf, depth + 1));
    }
    return out;
  }
  return [];
}

function memberNames(members: ts.NodeArray<ts.TypeElement>): string[] {
  return members.flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
}
