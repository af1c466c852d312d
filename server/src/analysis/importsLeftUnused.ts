// Imports that fix-all left unused. A fix that moves a call to the request's logger (`req.log`)
// takes away a use of the module logger; after the last one the import is dead, and a project's
// lint (no-unused-vars, Biome's noUnusedImports) fails on the fixed file. A console fix imports the
// project logger, and a later pass may move that very call to `req.log`, leaving the import it
// added unused. Both are removed here: a top-level import (or `require` destructuring) binding that
// is used nowhere in the fixed text, and was either used in the text before the fixes or not
// there at all. An import that was unused before the fixes is the project's business and stays.
// In JavaScript an import loads its module whether used or not, so one that was there before the
// fixes stays too (its module's side effects keep their order); TypeScript drops unused imports
// when it compiles, so there removing one changes nothing at run time. A `require` it never drops:
// one there before the fixes stays in TypeScript too. Under `verbatimModuleSyntax` (or the options it
// replaced) TypeScript keeps an unused import as JavaScript does: fix-all then passes `existingToo`
// false for a TypeScript file as well (fixAll.ts reads the file's tsconfig).
import ts from './typescriptModule';
import { requiredModule } from './scopes';
import type { TextEdit } from './types';

/** One binding of an import statement, by the statement and what it imports. */
interface ImportBinding {
  /** The top-level statement that binds it. */
  statement: ts.Statement;
  /** The node that goes with it: an import specifier, a binding element, or the whole clause part. */
  node: ts.Node;
  local: string;
  /** Module specifier and imported name: the same import in two texts has the same key. */
  key: string;
}

/**
 * Edits that remove the imports the fixes turned `before` into `after` left unused (none when nothing
 * was). `existingToo`: also those that were there before the fixes (TypeScript files).
 */
export function importsLeftUnused(before: ts.SourceFile, after: ts.SourceFile, existingToo: boolean): TextEdit[] {
  const bindings = importBindings(after);
  if (bindings.length === 0) return [];
  const used = referencedNames(after, bindings);
  const dead = bindings.filter((b) => !used.has(b.local));
  if (dead.length === 0) return [];
  const beforeBindings = importBindings(before);
  const earlier = new Map(beforeBindings.map((b) => [b.key, b] as const));
  const usedBefore = referencedNames(before, beforeBindings);
  // Unused before the fixes too: not ours to remove.
  const ours = dead.filter((b) => {
    const was = earlier.get(b.key);
    return !was || (existingToo && ts.isImportDeclaration(was.statement) && usedBefore.has(was.local));
  });
  return removalEdits(after, bindings, ours);
}

function importBindings(sf: ts.SourceFile): ImportBinding[] {
  const out: ImportBinding[] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      // A type-only import is erased at compile time, and a side-effect import binds nothing.
      if (!clause || clause.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text;
      if (clause.name) out.push({ statement, node: clause.name, local: clause.name.text, key: `${from}\0default\0${clause.name.text}` });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.push({ statement, node: named, local: named.name.text, key: `${from}\0*\0${named.name.text}` });
      if (named && ts.isNamedImports(named)) {
        for (const spec of named.elements) {
          if (spec.isTypeOnly) continue;
          const imported = (spec.propertyName ?? spec.name).text;
          out.push({ statement, node: spec, local: spec.name.text, key: `${from}\0${imported}\0${spec.name.text}` });
        }
      }
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      // `const { logger } = require('./logger')` and `const logger = require('./logger')`.
      const decl = statement.declarationList.declarations[0];
      const from = decl.initializer ? requiredModule(decl.initializer) : null;
      if (from === null) continue;
      if (ts.isIdentifier(decl.name)) out.push({ statement, node: decl.name, local: decl.name.text, key: `${from}\0=\0${decl.name.text}` });
      else if (ts.isObjectBindingPattern(decl.name)) {
        for (const el of decl.name.elements) {
          if (el.dotDotDotToken || el.initializer || !ts.isIdentifier(el.name)) continue;
          const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
          out.push({ statement, node: el, local: el.name.text, key: `${from}\0${imported}\0${el.name.text}` });
        }
      }
    }
  }
  return out;
}

/**
 * Every name the file refers to: identifiers other than the names the imports bind and the names
 * that only label a member (`x.name`, `{ name: 1 }`, a class member's name). A local variable with
 * an import's name counts as a use, so such an import is kept: never removed wrongly, at worst kept.
 * Walked with a stack of its own (a file nested 20,000 deep does not overflow it), which also
 * carries each node's parent: the trees here are parsed without parent links.
 */
function referencedNames(sf: ts.SourceFile, bindings: readonly ImportBinding[]): Set<string> {
  const declared = new Set<ts.Node>();
  for (const b of bindings) {
    for (const n of [b.node, (b.node as ts.ImportSpecifier | ts.BindingElement).name, (b.node as ts.ImportSpecifier | ts.BindingElement).propertyName]) if (n) declared.add(n);
  }
  const names = new Set<string>();
  const nodes: ts.Node[] = [sf];
  const parents: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const push = (child: ts.Node) => {
    nodes.push(child);
    parents.push(parent);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const up = parents.pop()!;
    if (ts.isIdentifier(node)) {
      if (!declared.has(node) && !onlyNamesAMember(node, up)) names.add(node.text);
      continue;
    }
    parent = node;
    ts.forEachChild(node, push);
  }
  return names;
}

function onlyNamesAMember(id: ts.Identifier, p: ts.Node): boolean {
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return true;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isQualifiedName(p)) return p.right === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p) || ts.isJsxAttribute(p)) return p.name === id;
  return false;
}

/** A whole statement goes when every binding it makes is dead; else the dead bindings leave its list. */
function removalEdits(sf: ts.SourceFile, all: readonly ImportBinding[], dead: readonly ImportBinding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const text = sf.text;
  const statements = new Set(dead.map((d) => d.statement));
  for (const statement of statements) {
    const gone = new Set(dead.filter((d) => d.statement === statement).map((d) => d.node));
    const kept = all.filter((b) => b.statement === statement && !gone.has(b.node));
    if (kept.length === 0 && bindsOnly(statement, gone)) {
      edits.push(wholeLines(text, statement.getStart(sf), statement.end));
      continue;
    }
    const list = listOf(statement);
    if (!list) continue; // a default import beside named ones, or another shape: left as it is
    if (/\/[/*]/.test(list.getText(sf))) continue; // a comment between the names would be lost: left as it is
    const stay = list.elements.filter((el) => !gone.has(el));
    if (stay.length === list.elements.length) continue;
    if (stay.length === 0) continue; // the list would be empty while the statement stays: left as it is
    edits.push({ start: list.getStart(sf), end: list.end, newText: rebuiltList(sf, list, stay) });
  }
  return edits;
}

/** Whether the bindings named are everything the statement binds (a type-only specifier beside them keeps it). */
function bindsOnly(statement: ts.Statement, nodes: ReadonlySet<ts.Node>): boolean {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause!;
    if (clause.name && !nodes.has(clause.name)) return false;
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) return nodes.has(named);
    if (named) return named.elements.every((el) => nodes.has(el));
    return true;
  }
  const decl = (statement as ts.VariableStatement).declarationList.declarations[0];
  if (ts.isIdentifier(decl.name)) return nodes.has(decl.name);
  return ts.isObjectBindingPattern(decl.name) && decl.name.elements.every((el) => nodes.has(el));
}

/** The braces list of a statement whose named bindings are all it binds: `{ a, b }` of an import or a `require`. */
function listOf(statement: ts.Statement): ts.NamedImports | ts.ObjectBindingPattern | undefined {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause!;
    return !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
  }
  const name = (statement as ts.VariableStatement).declarationList.declarations[0].name;
  return ts.isObjectBindingPattern(name) ? name : undefined;
}

/** The list with only `stay` in it, laid out as it was: on one line, or one element per line. */
function rebuiltList(sf: ts.SourceFile, list: ts.NamedImports | ts.ObjectBindingPattern, stay: readonly ts.Node[]): string {
  const items = stay.map((el) => el.getText(sf));
  const original = list.getText(sf);
  if (!original.includes('\n')) return `{ ${items.join(', ')} }`;
  const first = list.elements[0];
  const lineStart = sf.text.lastIndexOf('\n', first.getStart(sf)) + 1;
  const indent = sf.text.slice(lineStart, first.getStart(sf));
  // The first name on the brace's line (`import { a, logger,\n  b }`): the names go on that one line.
  if (!/^[ \t]*$/.test(indent)) return `{ ${items.join(', ')} }`;
  const closingStart = sf.text.lastIndexOf('\n', list.end - 1) + 1;
  const closingIndent = sf.text.slice(closingStart, list.end - 1);
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const trailingComma = list.elements.hasTrailingComma ? ',' : '';
  return `{${eol}${items.map((t, i) => `${indent}${t}${i < items.length - 1 ? ',' : trailingComma}`).join(eol)}${eol}${/^\s*$/.test(closingIndent) ? closingIndent : ''}}`;
}

/** From `start` to `end` with the line break after, when the statement is alone on its lines. */
function wholeLines(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const aloneBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  if (aloneBefore && text.startsWith('\r\n', lineEnd)) return { start: lineStart, end: lineEnd + 2, newText: '' };
  if (aloneBefore && text[lineEnd] === '\n') return { start: lineStart, end: lineEnd + 1, newText: '' };
  return { start, end, newText: '' };
}
