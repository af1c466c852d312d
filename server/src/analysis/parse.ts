// Parsing: one ts.createSourceFile per file, no Program and no type checker (speed is the point).
import ts from './typescriptModule';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The extensions the engine analyses. */
export const ANALYZED_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

export function scriptKindOf(path: string): ts.ScriptKind {
  const extension = extensionOf(path);
  // A node script without an extension (`bin/www`) is JavaScript.
  return SCRIPT_KINDS[extension] ?? (extension === '' ? ts.ScriptKind.JS : ts.ScriptKind.TS);
}

export function isAnalyzedPath(path: string): boolean {
  return extensionOf(path) in SCRIPT_KINDS && !/\.d\.[cm]?ts$/i.test(path);
}

/**
 * Parses `text` without parent pointers (the engine's own walk sets them). A BOM is kept in the text (offsets stay into the original text); TypeScript's
 * scanner skips it. Throws only what createSourceFile throws (RangeError on absurd nesting).
 */
export function parseSource(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKindOf(path));
}

/** No rule reads JSDoc: skipping it saves the parser the work (in .js files it parses every comment's types). */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/**
 * 0-based line and UTF-16 column as editors count them: a BOM is not a character of the first line
 * (VS Code drops it), so it is not counted even though offsets stay into the original text.
 */
export function lineColumn(sf: ts.SourceFile, offset: number): { line: number; column: number } {
  const lc = sf.getLineAndCharacterOfPosition(offset);
  const bom = lc.line === 0 && lc.character > 0 && sf.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line: lc.line, column: lc.character - bom };
}

/** Parse errors the parser recovered from. */
export function parseErrorCount(sf: ts.SourceFile): number {
  return (sf as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}

/** Whether the file's own syntax is ESM (import/export) or CommonJS; null when it shows neither. */
export function fileModuleStyle(sf: ts.SourceFile): 'esm' | 'commonjs' | null {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st)) return 'esm';
    if (ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return 'esm';
  }
  return /\brequire\(|\bmodule\.exports\b|\bexports\./.test(sf.text) ? 'commonjs' : null;
}
