// Pieces the handler-missing-metrics fixes write into a service's files: an import (or require) in
// the file's module style and quotes, a statement printed by TypeScript's printer in the file's
// style, a statement inserted on its own line before another. Names from the workspace (the app's
// variable, a request parameter) are taken from the syntax tree and printed as identifiers; a
// route path is printed as an escaped string literal. Nothing is pasted from workspace text.
import ts from '../typescriptModule';
import { codeStyleOf, type CodeStyle } from '../codeStyle';
import { importInsertionOffset } from '../findLogger';
import { formatConfigFor } from '../formatConfig';
import { relativeSpecifier, stripExtension } from '../model/paths';
import { fileModuleStyle } from '../parse';
import { printNode, stringLiteral as stringLiteralNode } from '../printCode';
import type { ProjectModel } from '../project';
import type { ParsedServiceFile, ServiceView } from '../rule';
import type { TextEdit } from '../types';

/** How code written into one file must look and import. */
export interface FileWriting {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly style: CodeStyle;
  readonly moduleStyle: 'esm' | 'commonjs';
  /** Relative imports must name the emitted file (`./metrics.js`): Node's ES modules, TypeScript's node16/nodenext. */
  readonly explicitExtensions: boolean;
}

/** How fixes write into a parsed service file, worked out once per file and service phase. */
export function writingFor(service: ServiceView, parsed: ParsedServiceFile): FileWriting {
  return service.memo(`metrics.fix.writing.${parsed.file}`, () => computeWriting(service.project, parsed));
}

function computeWriting(project: ProjectModel, parsed: ParsedServiceFile): FileWriting {
  const facts = project.factsFor(parsed.file);
  return {
    file: parsed.file,
    text: parsed.text,
    sourceFile: parsed.sourceFile,
    style: codeStyleOf(formatConfigFor(project, parsed.file), parsed.sourceFile),
    moduleStyle: fileModuleStyle(parsed.sourceFile) ?? facts.moduleStyle,
    explicitExtensions: facts.explicitExtensions,
  };
}

/** A string literal node in the file's quotes. */
export function literal(w: Pick<FileWriting, 'style'>, text: string): ts.StringLiteral {
  return stringLiteralNode(text, w.style.quote === '"' ? 'double' : 'single');
}

/** A printed statement with the file's semicolon habit. */
export function printStatement(w: Pick<FileWriting, 'style'>, node: ts.Statement): string {
  // The printer indents by four spaces; the file's own unit replaces each level.
  const printed = printNode(node).replace(/^(?: {4})+/gm, (lead) => w.style.indent.repeat(lead.length / 4));
  return w.style.semicolons ? printed : printed.replace(/;$/gm, '');
}

/**
 * `import local from 'x'` / `import { name as local } from 'x'` / `const local = require('x')` /
 * `const { name: local } = require('x')`. `exportName` `module` is the CommonJS module itself
 * (`module.exports = fn`), which ES modules import as the default export.
 */
export function importNode(moduleStyle: 'esm' | 'commonjs', exportName: string, local: string, from: ts.StringLiteral): ts.Statement {
  const f = ts.factory;
  const localName = f.createIdentifier(local);
  if (moduleStyle === 'esm') {
    const whole = exportName === 'default' || exportName === 'module';
    const clause = whole
      ? f.createImportClause(undefined, localName, undefined)
      : f.createImportClause(undefined, undefined, f.createNamedImports([f.createImportSpecifier(false, exportName === local ? undefined : f.createIdentifier(exportName), localName)]));
    return f.createImportDeclaration(undefined, clause, from);
  }
  const binding =
    exportName === 'module' ? localName : f.createObjectBindingPattern([f.createBindingElement(undefined, exportName === local ? undefined : f.createIdentifier(exportName), localName)]);
  const required = f.createCallExpression(f.createIdentifier('require'), undefined, [from]);
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(binding, undefined, undefined, required)], ts.NodeFlags.Const));
}

/** The edit adding `statement` after the file's imports (see importInsertionOffset). */
export function importEdit(w: FileWriting, statement: ts.Statement): TextEdit {
  const offset = importInsertionOffset(w.sourceFile, w.text);
  const line = printStatement(w, statement);
  const atLineStart = offset === 0 || w.text[offset - 1] === '\n';
  return { start: offset, end: offset, newText: atLineStart ? `${line}${w.style.eol}` : `${w.style.eol}${line}` };
}

/** The relative specifier from `fromFile` to the module `target` (a file), as the importing file's package needs it. */
export function moduleSpecifierFor(w: FileWriting, target: string): string {
  if (!w.explicitExtensions) return relativeSpecifier(w.file, stripExtension(target).replace(/\/index$/, ''));
  const ext = (/\.[^./\\]+$/.exec(target)?.[0] ?? '').toLowerCase();
  const emitted = ext === '.ts' || ext === '.tsx' ? '.js' : ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext;
  return relativeSpecifier(w.file, stripExtension(target)) + emitted;
}

/** The indentation of the line `offset` is on. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Inserts `lines` (printed statements) on their own lines before the statement starting at `at`, at its indentation. */
export function insertBefore(w: FileWriting, at: number, lines: readonly string[]): TextEdit {
  const indent = indentAt(w.text, at);
  return { start: at, end: at, newText: lines.map((l) => `${l.split('\n').join(`${w.style.eol}${indent}`)}${w.style.eol}${indent}`).join('') };
}

/** Whether `name` appears as a word anywhere in the text (a cheap test that a new binding takes no name in use). */
export function nameInUse(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(text);
}
