// Pieces the request-context fixes write: a property added to an options object (or the object
// itself when the call has none), `randomUUID` imported from node:crypto, the request-id header
// as a string literal. Code is written from fixed templates; the only text from the workspace is
// the header setting (validated as a header name, then written escaped as a string literal) and
// identifiers taken from the syntax tree.
import ts from '../../typescriptModule';
import { importInsertionOffset, importStatement } from '../../findLogger';
import { printNode } from '../../printCode';
import type { RuleContext } from '../../rule';
import type { TextEdit } from '../../types';
import { eolOf } from '../../suppressions';
import { stringLiteral } from './literals';

/** The configured request-id header as a string literal in the file's quotes. */
export function headerLiteral(ctx: RuleContext): string {
  return stringLiteral(ctx.requestIdHeader, ctx.codeStyle());
}

/** Adds `property` (source text) to the options object, or passes `{ property }` when the call has no arguments. */
export function addOption(ctx: RuleContext, call: ts.CallExpression, options: ts.ObjectLiteralExpression | null, property: string): TextEdit[] | null {
  const sf = ctx.sourceFile;
  const space = ctx.codeStyle().bracketSpacing ? ' ' : '';
  if (!options) {
    if (call.arguments.length > 0) return null;
    const open = sf.text.indexOf('(', call.expression.end);
    if (open < 0 || open >= call.end) return null;
    return [{ start: open + 1, end: open + 1, newText: `{${space}${property}${space}}` }];
  }
  if (options.properties.length === 0) return [{ start: options.getStart(sf), end: options.end, newText: `{${space}${property}${space}}` }];
  const first = options.properties[0].getStart(sf);
  // On its own line when the object spreads over lines: the new property takes the first one's indentation.
  const lineStart = sf.text.lastIndexOf('\n', first - 1) + 1;
  const indent = sf.text.slice(lineStart, first);
  const separator = /^\s*$/.test(indent) && lineStart > options.getStart(sf) ? `,${eolOf(sf.text)}${indent}` : ', ';
  return [{ start: first, end: first, newText: `${property}${separator}` }];
}

/** What adding an import to a file takes: a rule's context, or a file of the service phase. */
export type ImportSite = Pick<RuleContext, 'sourceFile' | 'text' | 'moduleStyle' | 'codeStyle' | 'importOf'>;

/**
 * `randomUUID` in scope: the name when node:crypto's is already imported, else the edit that imports
 * it; null when the name is taken by something else (then no fix: a person picks one).
 */
export function randomUUIDInScope(ctx: ImportSite): { name: string; edits: TextEdit[] } | null {
  return namedImportInScope(ctx, 'randomUUID', 'crypto');
}

/**
 * Export `name` of the built-in `module` in scope under its own name: no edit when the file imports
 * it already, else the import in the file's module style (`import { name } from 'node:module'` or
 * `const { name } = require('node:module')`); null when the name is bound to something else.
 */
export function namedImportInScope(ctx: ImportSite, name: string, module: string): { name: string; edits: TextEdit[] } | null {
  const builtin = new RegExp(`^(node:)?${module}$`);
  for (const st of ctx.sourceFile.statements) {
    for (const id of boundNames(st)) {
      if (id.text !== name) continue;
      const imp = ctx.importOf(id);
      return imp && builtin.test(imp.module) && imp.name === name ? { name, edits: [] } : null;
    }
  }
  if (new RegExp(`\\b${name}\\b`).test(ctx.text)) return null;
  const style = ctx.codeStyle();
  const printed = printNode(importStatement(ctx.moduleStyle, name, name, `node:${module}`, style.quote === '"' ? 'double' : 'single'));
  const statement = style.semicolons ? printed : printed.replace(/;$/, '');
  const offset = importInsertionOffset(ctx.sourceFile, ctx.text);
  const eol = eolOf(ctx.text);
  const atLineStart = offset === 0 || ctx.text[offset - 1] === '\n';
  return { name, edits: [{ start: offset, end: offset, newText: atLineStart ? `${statement}${eol}` : `${eol}${statement}` }] };
}

/** Identifiers a top-level statement binds (imports, variables, destructured requires). */
function boundNames(st: ts.Statement): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  if (ts.isImportDeclaration(st) && st.importClause) {
    if (st.importClause.name) out.push(st.importClause.name);
    const b = st.importClause.namedBindings;
    if (b && ts.isNamedImports(b)) for (const el of b.elements) out.push(el.name);
    else if (b) out.push(b.name);
  } else if (ts.isVariableStatement(st)) {
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name)) out.push(d.name);
      else if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) out.push(el.name);
    }
  } else if (ts.isFunctionDeclaration(st) && st.name) out.push(st.name);
  return out;
}
