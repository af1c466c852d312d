// A cheap lexical scope model for one file: every declaration recorded at the node that scopes it,
// so that an identifier resolves to its nearest declaration by walking up its parents. This is what
// lets the logger model follow a value from its import or creation instead of guessing from names.
import ts from './typescriptModule';
import { workMeter } from './workMeter';

/** What a name is bound to. */
export type Declaration =
  | { kind: 'import'; module: string; name: string /* 'default', '*' (namespace / whole module) or an export name */ }
  | { kind: 'value'; init: ts.Expression; node: ts.Node }
  /** `fallback`: the default written in the pattern (`const { logger = defaultLogger } = options`). */
  | { kind: 'destructure'; from: ts.Expression; property: string; fallback?: ts.Expression }
  | { kind: 'param'; node: ts.ParameterDeclaration; index: number }
  /** A class declared in the file (a base class whose members other classes inherit). */
  | { kind: 'class'; node: ts.ClassDeclaration }
  /**
   * `node`: the variable declaration when there is one (`let x: T;`, a catch clause's variable);
   * `fn`: the function declaration the name stands for (what calling it does: logCallables.ts).
   */
  | { kind: 'other'; node?: ts.VariableDeclaration; fn?: ts.FunctionDeclaration; param?: { node: ts.ParameterDeclaration; property: string } };

/**
 * Every declaration of a file by the node that scopes it, and every name declared anywhere in it:
 * a name outside that set is a global (`console`, `process`, an undeclared name) and resolves
 * without a climb to the top of the file, which in a 20,000-term concatenation of such names is
 * most of what the rules do.
 */
export class ScopeMap extends Map<ts.Node, Map<string, Declaration>> {
  readonly declaredNames = new Set<string>();
}

// Read once: every `ts.X` goes through the module namespace's getter, which shows in profiles of hot loops.
const SK = ts.SyntaxKind;

export function isScopeNode(node: ts.Node): boolean {
  switch (node.kind) {
    case SK.SourceFile:
    case SK.Block:
    case SK.ModuleBlock:
    case SK.CaseBlock:
    case SK.CatchClause:
    case SK.ForStatement:
    case SK.ForInStatement:
    case SK.ForOfStatement:
    case SK.FunctionDeclaration:
    case SK.FunctionExpression:
    case SK.ArrowFunction:
    case SK.MethodDeclaration:
    case SK.Constructor:
    case SK.GetAccessor:
    case SK.SetAccessor:
      return true;
    default:
      return false;
  }
}

function nearestScope(node: ts.Node): ts.Node {
  let n: ts.Node | undefined = node.parent;
  while (n && !isScopeNode(n)) n = n.parent;
  return n ?? node.getSourceFile();
}

function declare(scopes: ScopeMap, scope: ts.Node, name: string, decl: Declaration): void {
  let map = scopes.get(scope);
  if (!map) scopes.set(scope, (map = new Map()));
  map.set(name, decl);
  scopes.declaredNames.add(name);
}

/** The module named by `require('m')`, or null. */
export function requiredModule(expr: ts.Expression): string | null {
  if (
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'require' &&
    expr.arguments.length === 1 &&
    ts.isStringLiteralLike(expr.arguments[0])
  ) {
    return expr.arguments[0].text;
  }
  return null;
}

/**
 * The module a name holds when it is a whole-module require or import (`const flows = require('./flows')`,
 * `import * as flows from './flows'`, a default import), as written; null for anything else.
 */
export function wholeModuleOf(name: ts.Identifier, scopes: ScopeMap): string | null {
  const d = resolveName(scopes, name, name.text);
  if (d?.kind === 'value') return requiredModule(unwrap(d.init));
  return d?.kind === 'import' && (d.name === '*' || d.name === 'default') ? d.module : null;
}

/** `a || b` or `a ?? b`: either side may be the value. */
export function isFallback(e: ts.Node): e is ts.BinaryExpression {
  return e.kind === SK.BinaryExpression && ((e as ts.BinaryExpression).operatorToken.kind === SK.BarBarToken || (e as ts.BinaryExpression).operatorToken.kind === SK.QuestionQuestionToken);
}

/** Unwraps parentheses, `as`, `!`, `<T>x`, `satisfies` and `await`. Called for nearly every node a rule looks at: kinds are compared directly. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (let i = 0; i < 64; i++) {
    switch (e.kind) {
      case SK.ParenthesizedExpression:
      case SK.AsExpression:
      case SK.NonNullExpression:
      case SK.TypeAssertionExpression:
      case SK.SatisfiesExpression:
      case SK.AwaitExpression:
        e = (e as ts.ParenthesizedExpression).expression;
        continue;
    }
    break;
  }
  return e;
}

function bindPattern(scopes: ScopeMap, scope: ts.Node, name: ts.BindingName, from: ts.Expression | undefined, node: ts.Node): void {
  if (ts.isIdentifier(name)) {
    // The declaration node only when the name is the whole declaration's (`let x: T;`), not a piece of a pattern.
    if (!from) return declare(scopes, scope, name.text, ts.isVariableDeclaration(node) && node.name === name ? { kind: 'other', node } : { kind: 'other' });
    const init = unwrap(from);
    const module = requiredModule(init);
    // `require('chalk').default` (an ES module's default export required from CommonJS): as `import chalk from 'chalk'`.
    const defaultOf = !module && ts.isPropertyAccessExpression(init) && init.name.text === 'default' ? requiredModule(unwrap(init.expression)) : null;
    declare(scopes, scope, name.text, module ? { kind: 'import', module, name: '*' } : defaultOf ? { kind: 'import', module: defaultOf, name: 'default' } : { kind: 'value', init: from, node });
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const el of name.elements) {
      const prop = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : null;
      if (ts.isIdentifier(el.name)) {
        // `({ logger }: { logger: Logger }) => ...`: a member of a typed parameter, looked up in its written type
        // (or, untyped, in the type of the callback it is passed as: values.ts, contextualParamValue).
        if (!from && prop && !el.dotDotDotToken && ts.isParameter(node) && node.name === name) declare(scopes, scope, el.name.text, { kind: 'other', param: { node, property: prop } });
        else if (!from || !prop || el.dotDotDotToken) declare(scopes, scope, el.name.text, { kind: 'other' });
        else {
          const module = requiredModule(unwrap(from));
          declare(scopes, scope, el.name.text, module ? { kind: 'import', module, name: prop } : { kind: 'destructure', from, property: prop, ...(el.initializer ? { fallback: el.initializer } : {}) });
        }
      } else bindPattern(scopes, scope, el.name, undefined, node);
    }
    return;
  }
  for (const el of name.elements) if (ts.isBindingElement(el)) bindPattern(scopes, scope, el.name, undefined, node);
}

/** Node kinds that can introduce a binding: a table lookup lets the walk skip every other node cheaply. */
export const DECLARES = new Uint8Array(1024);
for (const k of [SK.VariableDeclaration, SK.Parameter, SK.ImportDeclaration, SK.ImportEqualsDeclaration, SK.FunctionDeclaration, SK.ClassDeclaration, SK.CatchClause]) DECLARES[k] = 1;

/** Records the declarations `node` introduces, if any. */
export function recordDeclarations(scopes: ScopeMap, node: ts.Node): void {
  switch (node.kind) {
    case SK.VariableDeclaration: {
      const d = node as ts.VariableDeclaration;
      bindPattern(scopes, nearestScope(d), d.name, d.initializer, d);
      return;
    }
    case SK.Parameter: {
      const p = node as ts.ParameterDeclaration;
      const fn = p.parent;
      const index = (fn as ts.SignatureDeclaration).parameters?.indexOf(p) ?? -1;
      if (ts.isIdentifier(p.name)) declare(scopes, fn, p.name.text, { kind: 'param', node: p, index });
      else bindPattern(scopes, fn, p.name, undefined, p);
      return;
    }
    case SK.ImportDeclaration: {
      const imp = node as ts.ImportDeclaration;
      if (!ts.isStringLiteral(imp.moduleSpecifier) || !imp.importClause) return;
      const module = imp.moduleSpecifier.text;
      const sf = node.getSourceFile();
      const clause = imp.importClause;
      if (clause.name) declare(scopes, sf, clause.name.text, { kind: 'import', module, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) declare(scopes, sf, bindings.name.text, { kind: 'import', module, name: '*' });
      else if (bindings) {
        for (const el of bindings.elements) {
          declare(scopes, sf, el.name.text, { kind: 'import', module, name: (el.propertyName ?? el.name).text });
        }
      }
      return;
    }
    case SK.ImportEqualsDeclaration: {
      const imp = node as ts.ImportEqualsDeclaration;
      const ref = imp.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        declare(scopes, node.getSourceFile(), imp.name.text, { kind: 'import', module: ref.expression.text, name: '*' });
      }
      return;
    }
    case SK.FunctionDeclaration: {
      const named = node as ts.FunctionDeclaration;
      if (named.name) declare(scopes, nearestScope(node), named.name.text, { kind: 'other', fn: named });
      return;
    }
    case SK.ClassDeclaration: {
      const cls = node as ts.ClassDeclaration;
      if (cls.name) declare(scopes, nearestScope(node), cls.name.text, { kind: 'class', node: cls });
      return;
    }
    case SK.CatchClause: {
      const c = node as ts.CatchClause;
      if (c.variableDeclaration && ts.isIdentifier(c.variableDeclaration.name)) declare(scopes, c, c.variableDeclaration.name.text, { kind: 'other', node: c.variableDeclaration });
      return;
    }
  }
}

/**
 * Where parent walks stop: scopes (every declaration is recorded at one) and classes (`this`).
 * Walks that look for anything else between stops have nothing to look at there.
 */
export function isWalkStop(node: ts.Node): boolean {
  return isScopeNode(node) || node.kind === SK.ClassDeclaration || node.kind === SK.ClassExpression;
}

/** A walk up longer than this starts leaving shortcuts. */
const SHORT_WALK = 32;
/**
 * A long walk leaves a shortcut on every so many nodes it passes: a later walk meets one within
 * that many steps, and the walk that leaves them does not fill a map with every node of a chain.
 */
const SHORTCUT_EVERY = 16;

/**
 * Shortcuts left by long walks during one analysis: a node to its nearest enclosing stop. Without
 * them each of the 20,000 identifiers of a generated `a + b + ...` would climb the whole chain
 * above it (quadratic). Empty in ordinary files, whose walks are short; cleared after each file.
 */
const shortcuts = new Map<ts.Node, ts.Node | null>();

/** Forgets the shortcuts (analyzeFile calls it when a file is done: they hold its tree). */
export function clearWalkShortcuts(): void {
  shortcuts.clear();
}

/**
 * The nearest strict ancestor of `node` that is a walk stop (see isWalkStop), or null at the top.
 * Amortised constant: a short climb, or one that meets a shortcut, or one that leaves them.
 */
export function enclosingStop(node: ts.Node): ts.Node | null {
  if (shortcuts.size > 0) return climbWithShortcuts(node);
  let n = node.parent;
  let steps = 1;
  for (; n && !isWalkStop(n); n = n.parent) {
    if (++steps > SHORT_WALK) return climbWithShortcuts(node);
  }
  workMeter().step(steps);
  return n ?? null;
}

/** The nearest function, function expression, arrow or method around `node` (a strict ancestor), climbing scope to scope; null at the top. */
export function enclosingFunction(node: ts.Node): ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | null {
  for (let n = enclosingStop(node); n; n = enclosingStop(n)) {
    if (n.kind === SK.FunctionDeclaration || n.kind === SK.FunctionExpression || n.kind === SK.ArrowFunction || n.kind === SK.MethodDeclaration) {
      return n as ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;
    }
  }
  return null;
}

/** Whether `node` carries the modifier `kind` (`export`, `default`, `static`, `private`...). */
/** The expression a member chain starts from (`restify.plugins.requestLogger` → `restify`, `this.a.b` → `this`). */
export function memberChainRoot(e: ts.Expression): ts.Expression {
  let root = unwrap(e);
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  return root;
}

/** Array methods that call their callback for each item before they return (`items.forEach((x) => ...)`). */
export const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'find', 'findIndex', 'some', 'every', 'flatMap', 'reduce', 'sort']);

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function climbWithShortcuts(node: ts.Node): ts.Node | null {
  let n: ts.Node | null = node.parent ?? null;
  let passed = 0;
  while (n && !isWalkStop(n)) {
    const known = shortcuts.get(n);
    if (known !== undefined) {
      n = known;
      break;
    }
    passed++;
    n = n.parent ?? null;
  }
  // A second pass over the nodes passed leaves the shortcuts (a short climb to one leaves none: no
  // map entry per lookup). Setting is the expensive part: a node gets its identity hash then.
  if (passed >= SHORTCUT_EVERY) {
    let p = node.parent!;
    for (let i = 1; i <= passed; i++, p = p.parent!) if (i % SHORTCUT_EVERY === 0) shortcuts.set(p, n);
  }
  workMeter().step(passed + 1);
  return n;
}

/** The name of `fn`'s parameter at `index`; '' for a destructured parameter or none. */
export function parameterNameAt(fn: ts.SignatureDeclaration, index: number): string {
  const name = fn.parameters[index]?.name;
  return name && ts.isIdentifier(name) ? name.text : '';
}

/** The index of `fn`'s own parameter that `arg` is (the parameter itself, not a value made from it, not a rest parameter); -1 otherwise. */
export function parameterIndex(arg: ts.Expression | undefined, fn: ts.Node, scopes: ScopeMap): number {
  const e = arg && unwrap(arg);
  if (!e || !ts.isIdentifier(e)) return -1;
  const d = resolveName(scopes, e, e.text);
  if (d?.kind !== 'param' || d.node.parent !== fn || d.node.dotDotDotToken) return -1;
  return d.index;
}

/** The nearest declaration of `name` visible from `from`, or undefined for a global. */
export function resolveName(scopes: ScopeMap, from: ts.Node, name: string): Declaration | undefined {
  if (!scopes.declaredNames.has(name)) return undefined;
  // Declarations are recorded at scope nodes only (and at a function for its parameters): stops.
  for (let n: ts.Node | null = from; n; n = enclosingStop(n)) {
    const map = scopes.get(n);
    if (map) {
      const d = map.get(name);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * The declaration node of the variable or parameter `id` names, from the scope model; null for
 * imports, functions, classes, destructured names and globals.
 */
export function declarationNodeOf(scopes: ScopeMap, id: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | null {
  const d = resolveName(scopes, id, id.text);
  if (!d) return null;
  if (d.kind === 'param') return d.node;
  if (d.kind === 'value') return ts.isVariableDeclaration(d.node) ? d.node : null;
  if (d.kind === 'other') return d.node ?? null;
  return null;
}

/** What `id` was destructured from (`const { message } = err as Error`), from the scope model. */
export function destructuredFrom(scopes: ScopeMap, id: ts.Identifier): { from: ts.Expression; property: string } | null {
  const d = resolveName(scopes, id, id.text);
  return d?.kind === 'destructure' ? { from: d.from, property: d.property } : null;
}

/** The import (or require) `id` is bound by, from the scope model; null when it is bound otherwise or not at all. */
export function importOf(scopes: ScopeMap, id: ts.Identifier): { module: string; name: string } | null {
  const d = resolveName(scopes, id, id.text);
  return d?.kind === 'import' ? { module: d.module, name: d.name } : null;
}

const FIRST_TYPE_NODE = SK.FirstTypeNode;
const LAST_TYPE_NODE = SK.LastTypeNode;

/** Types hold no calls and no runtime bindings: walks do not descend into them. */
export function isTypeOnly(kind: ts.SyntaxKind): boolean {
  return (kind >= FIRST_TYPE_NODE && kind <= LAST_TYPE_NODE) || kind === SK.InterfaceDeclaration || kind === SK.TypeAliasDeclaration;
}

/**
 * Sets parent pointers and records every declaration of a file parsed without them, in one walk
 * with an explicit stack (files nest deeply). Type nodes get their parent but are not entered.
 */
export function bindFile(sf: ts.SourceFile): ScopeMap {
  const scopes = new ScopeMap();
  const stack: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const pushChild = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    if (child.kind >= SK.FirstNode) stack.push(child);
  };
  while (stack.length) {
    const node = stack.pop()!;
    parent = node;
    if (isTypeOnly(node.kind)) continue;
    ts.forEachChild(node, pushChild);
    if (DECLARES[node.kind]) recordDeclarations(scopes, node);
  }
  return scopes;
}

/** `=` and the compound assignments (`+=`, `||=`, `??=`...): each makes its right side part of what the name holds. */
function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= SK.FirstAssignment && kind <= SK.LastAssignment;
}

/** Whether an identifier names `decl` itself (not another variable of the same name): for assignmentsToLocal. */
export function declares(scopes: ScopeMap, decl: ts.Node): (id: ts.Identifier) => boolean {
  return (id) => (resolveName(scopes, id, id.text) as { node?: ts.Node } | null)?.node === decl;
}

/**
 * The assignments (`=` and compound) to a local variable in the statement list that declares it (a
 * block, a case clause), in walk order; none for a module-level one, whose assignments may be anywhere
 * in the file, nor past `maxLength` characters of that list. `declares(id)` tells the variable's own
 * uses from another of the same name.
 */
export function assignmentsToLocal(d: ts.VariableDeclaration, declares: (id: ts.Identifier) => boolean, maxLength = Infinity): ts.BinaryExpression[] {
  if (!ts.isIdentifier(d.name)) return [];
  const name = d.name.text;
  const holder = d.parent.parent?.parent;
  if (!holder || ts.isSourceFile(holder) || holder.end - holder.pos > maxLength) return [];
  const found: ts.BinaryExpression[] = [];
  const stack: ts.Node[] = [holder];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind) && ts.isIdentifier(n.left) && n.left.text === name && declares(n.left)) found.push(n);
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return found;
}

/** `JSON.stringify(...)`: a call that prints its argument as JSON text (through parentheses and assertions). */
export function isStringify(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const c = u.expression;
  return ts.isPropertyAccessExpression(c) && c.name.text === 'stringify' && ts.isIdentifier(c.expression) && c.expression.text === 'JSON';
}
