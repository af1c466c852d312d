// What a name's declaration in the same file says: its written type, its constant initialiser.
// Declarations come from the scope model (RuleContext.declarationOf, built in the one walk); a name
// from another file is simply not known.
import ts from '../../typescriptModule';
import type { RuleContext } from '../../rule';
import { assignmentsToLocal, hasModifier, unwrap } from '../../scopes';
import { assignsThisMember, enclosingClass } from '../../classMembers';
export { isStringify } from '../../scopes';
import { isConstantLookup } from './translations';
import { colouredArgument, isColourCall } from '../../colours';

/** The part of a rule's context these helpers need: where a name was declared (the scope model). */
export type DeclarationLookup = Pick<RuleContext, 'declarationOf'>;

/**
 * The type written on a name's declaration (`const body: User = ...`), else the one its initialiser
 * is asserted to have (`= req.body as User`, `= <User>req.body`, `= req.body satisfies User`).
 */
export function declaredType(id: ts.Identifier, scope: DeclarationLookup): ts.TypeNode | undefined {
  const d = scope.declarationOf(id);
  if (!d) return undefined;
  return d.type ?? (d.initializer ? assertedType(d.initializer) : undefined);
}

/** The type of the outermost assertion, through parentheses, `!` and `await`: `(await read() as User)!`. */
function assertedType(init: ts.Expression): ts.TypeNode | undefined {
  let e = init;
  for (let i = 0; i < 64; i++) {
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) return e.type;
    if (!ts.isParenthesizedExpression(e) && !ts.isNonNullExpression(e) && !ts.isAwaitExpression(e)) return undefined;
    e = e.expression;
  }
  return undefined;
}

/** The `const` declaration a name resolves to, with its initialiser (`const path = req.path`); null for anything else. */
export function constDeclaration(id: ts.Identifier, scope: DeclarationLookup): (ts.VariableDeclaration & { initializer: ts.Expression }) | null {
  const d = scope.declarationOf(id);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer) return null;
  const list = d.parent;
  return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? (d as ts.VariableDeclaration & { initializer: ts.Expression }) : null;
}

/** The object literal a `const` is initialised with (`const meta = { id }`), else null. */
export function constObjectLiteral(id: ts.Identifier, scope: DeclarationLookup): ts.ObjectLiteralExpression | null {
  const init = constDeclaration(id, scope)?.initializer;
  const u = init && unwrap(init);
  return u && ts.isObjectLiteralExpression(u) ? u : null;
}

/** Property names of a type written in this file: a type literal, or an interface / type alias declared at top level. */
export function typeMemberNames(type: ts.TypeNode, sf: ts.SourceFile, depth = 0): string[] {
  if (depth > 4) return [];
  if (ts.isTypeLiteralNode(type)) return memberNames(type.members);
  if (ts.isArrayTypeNode(type)) return typeMemberNames(type.elementType, sf, depth + 1);
  if (ts.isParenthesizedTypeNode(type)) return typeMemberNames(type.type, sf, depth + 1);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => typeMemberNames(t, sf, depth + 1));
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const out: string[] = [];
    for (const decl of topLevelTypes(sf).get(type.typeName.text) ?? []) {
      if (ts.isInterfaceDeclaration(decl)) {
        out.push(...memberNames(decl.members));
        for (const h of decl.heritageClauses ?? []) for (const t of h.types) if (ts.isIdentifier(t.expression)) out.push(...typeMemberNames(ts.factory.createTypeReferenceNode(t.expression.text), sf, depth + 1));
      } else out.push(...typeMemberNames(decl.type, sf, depth + 1));
    }
    return out;
  }
  return [];
}

type TypeDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

/**
 * The file's top-level interfaces and type aliases by name, for the file last asked about: looking
 * a name up by scanning every statement, for every typed value logged, is quadratic in a large file.
 */
let typesOfFile: { sf: ts.SourceFile; byName: Map<string, TypeDeclaration[]> } | null = null;

function topLevelTypes(sf: ts.SourceFile): Map<string, TypeDeclaration[]> {
  if (typesOfFile?.sf !== sf) {
    const byName = new Map<string, TypeDeclaration[]>();
    for (const st of sf.statements) {
      if (!ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) continue;
      const list = byName.get(st.name.text);
      if (list) list.push(st);
      else byName.set(st.name.text, [st]);
    }
    typesOfFile = { sf, byName };
  }
  return typesOfFile.byName;
}

function memberNames(members: ts.NodeArray<ts.TypeElement>): string[] {
  return members.flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
}

/**
 * What a local variable may hold where it is read: its initialiser, and for `let`/`var` every value
 * assigned to it (`id = expr`) or added to it (`id += expr`, `id ??= expr`) in the block that
 * declares it. Empty for parameters, imports and names from elsewhere. Lets a rule see a message
 * built a few lines above its log call; `let data = ''` that a response's chunks are added to is
 * never constant text.
 */
export function localValues(id: ts.Identifier, scope: DeclarationLookup): ts.Expression[] {
  const d = scope.declarationOf(id);
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name)) return [];
  const list = d.parent;
  if (!ts.isVariableDeclarationList(list)) return [];
  const out = d.initializer ? [d.initializer] : [];
  if (list.flags & ts.NodeFlags.Const) return out;
  const assigned = assignmentsTo(d, scope);
  const reaching = straightLineAssignment(id, assigned);
  return reaching ? [reaching] : out.concat(assigned);
}

/**
 * The value a `let` holds where `id` reads it when the last assignment before the read is a statement
 * of its own in the same statement list (`msg = 'Clearing'; log.info('db', msg)`): that one, whatever
 * was assigned elsewhere; null when another may reach it (an assignment in a branch or a loop).
 */
function straightLineAssignment(id: ts.Identifier, assigned: readonly ts.Expression[]): ts.Expression | null {
  let last: ts.Expression | null = null;
  for (const value of assigned) if (value.pos < id.pos && (!last || value.pos > last.pos)) last = value;
  const statement = last?.parent?.parent;
  if (!last || !statement || !ts.isExpressionStatement(statement)) return null;
  // `text += more` adds to what was there before: every earlier value still reaches the read.
  if ((last.parent as ts.BinaryExpression).operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  // Inside a loop or a function below that statement, a later assignment may reach the read too.
  let use: ts.Node = id;
  while (use.parent && use.parent !== statement.parent) {
    use = use.parent;
    if (ts.isIterationStatement(use, false) || ts.isFunctionLike(use)) return null;
  }
  return use.parent === statement.parent && use !== statement ? last : null;
}

/** Per declaration, the values assigned to it in its block (walked once per declaration a rule asks about). */
let assignedOfFile: { sf: ts.SourceFile; byDecl: Map<ts.VariableDeclaration, ts.Expression[]> } | null = null;

function assignmentsTo(d: ts.VariableDeclaration, scope: DeclarationLookup): ts.Expression[] {
  const sf = d.getSourceFile();
  if (assignedOfFile?.sf !== sf) assignedOfFile = { sf, byDecl: new Map() };
  const known = assignedOfFile.byDecl.get(d);
  if (known) return known;
  const found = assignmentsToLocal(d, (id) => scope.declarationOf(id) === d).map((a) => a.right);
  assignedOfFile.byDecl.set(d, found);
  return found;
}

/**
 * Whether an expression is text known before the program runs: a string literal, a `+` of such, or
 * a local name that only ever holds one (`const LOG = GREEN + 'WS: ' + RESET`). A message that is a
 * constant prefix plus literal text is a constant message.
 */
export function isConstantText(expr: ts.Expression, scope: DeclarationLookup & Pick<RuleContext, 'importOf'>, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return true;
  if (depth > 8) return false;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isConstantText(e.left, scope, depth + 1) && isConstantText(e.right, scope, depth + 1);
  }
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isConstantText(s.expression, scope, depth + 1));
  // `chalk.green('npm run alteration deploy')`: constant text in colour is constant text.
  // `RED._('runtime.welcome')`: a catalog's words for a constant key (util/translations.ts).
  if (ts.isCallExpression(e)) return isConstantLookup(e) || (isColourCall(e.expression, (id) => scope.importOf(id)) && e.arguments.every((a) => isConstantText(a, scope, depth + 1)));
  // `MDNSAdvertiser.CIAO`: an enum's (or a constants class's) member spelt as a constant, the same words every time.
  if (ts.isPropertyAccessExpression(e)) return isEnumLikeMember(e) || isReadonlyTextField(e);
  if (!ts.isIdentifier(e)) return false;
  const d = scope.declarationOf(e);
  if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !ts.isIdentifier(d.name)) return false;
  const values = localValues(e, scope);
  // A module-level `let`/`var` may be assigned anywhere: only a `const` is known there.
  const list = d.parent;
  const isConst = ts.isVariableDeclarationList(list) && !!(list.flags & ts.NodeFlags.Const);
  if (!isConst && ts.isSourceFile(list.parent?.parent ?? list)) return false;
  // A `const` number (`const BUFFER_TIMEOUT_MS = 5000` in ``Request took >${BUFFER_TIMEOUT_MS} to
  // complete``) writes the same words every time; a `let` counter (`let cleaned = 0; cleaned += n`) does not.
  return values.length > 0 && values.every((v) => isConstantText(v, scope, depth + 1) || (isConst && ts.isNumericLiteral(unwrap(v))));
}

/** The value a colour call prints (`chalk.yellow(key)` → `key`), else null: as a field it is the value, not its escape codes. */
export function colouredValue(e: ts.Expression, scope: Pick<RuleContext, 'importOf'>): ts.Expression | null {
  return colouredArgument(e, (id) => scope.importOf(id));
}

/**
 * `this.name` where the class around it declares `readonly name = 'Amazon Polly TTS Synthesizer'` (Leon's
 * synthesizers): a readonly field set to text where it is declared, the same words every time.
 */
function isReadonlyTextField(e: ts.PropertyAccessExpression): boolean {
  if (e.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
  const klass = enclosingClass(e);
  const field = klass?.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === e.name.text);
  if (!klass || !field || !hasModifier(field, ts.SyntaxKind.ReadonlyKeyword) || hasModifier(field, ts.SyntaxKind.StaticKeyword) || !field.initializer || !ts.isStringLiteralLike(unwrap(field.initializer))) return false;
  // A readonly field may still be set in the constructor (`constructor(n) { this.name = n }`): then it is not constant.
  const ctor = klass.members.find(ts.isConstructorDeclaration);
  return !ctor?.body || !assignsThisMember(ctor.body, e.name.text);
}

/** `Owner.MEMBER`: a PascalCase name's ALL_CAPS member (`HttpStatus.NOT_FOUND`); not `process.env.PORT`, whose owner is no name. */
function isEnumLikeMember(e: ts.PropertyAccessExpression): boolean {
  const owner = e.expression;
  const member = e.name.text;
  return ts.isIdentifier(owner) && /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(owner.text) && /^[A-Z][A-Z0-9_]*$/.test(member) && member.length > 1;
}
