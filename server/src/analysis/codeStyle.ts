// How code written into a file should look: the project's Prettier/EditorConfig options where it
// has them (formatConfig.ts), else what the file itself does (its quotes, semicolons, indentation,
// trailing commas), else Prettier's defaults. Worked out once per file, on the first fix that asks.
import ts from './typescriptModule';
import type { FormatConfig } from './formatConfig';

export interface CodeStyle {
  printWidth: number;
  /** Width a tab counts for when measuring a line. */
  tabWidth: number;
  /** One level of indentation: a tab or tabWidth spaces. */
  indent: string;
  quote: "'" | '"';
  semicolons: boolean;
  trailingComma: 'all' | 'es5' | 'none';
  bracketSpacing: boolean;
  eol: '\n' | '\r\n';
}

export function codeStyleOf(config: FormatConfig, sf: ts.SourceFile): CodeStyle {
  const text = sf.text;
  const indent = config.useTabs !== undefined || config.tabWidth !== undefined ? null : fileIndent(text);
  const useTabs = config.useTabs ?? indent === '\t';
  const tabWidth = config.tabWidth ?? (indent && indent !== '\t' ? indent.length : 2);
  return {
    printWidth: config.printWidth ?? 80,
    tabWidth,
    indent: useTabs ? '\t' : ' '.repeat(tabWidth),
    quote: config.singleQuote !== undefined ? (config.singleQuote ? "'" : '"') : fileQuote(sf),
    semicolons: config.semi ?? fileSemicolons(sf),
    trailingComma: config.trailingComma ?? (config.prettierMajor !== undefined ? (config.prettierMajor >= 3 ? 'all' : 'es5') : fileTrailingComma(text)),
    bracketSpacing: config.bracketSpacing ?? true,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/**
 * The quote most of the file's string literals use; single when none. Module specifiers of its
 * imports and requires tell first (they are at hand in the tree, and formatters quote them like
 * every other string); a file without any is scanned, the first 200 literals being enough.
 */
function fileQuote(sf: ts.SourceFile): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const st of sf.statements) {
    const spec = moduleSpecifierOf(st);
    if (!spec) continue;
    if (sf.text[spec.getStart(sf)] === '"') double++;
    else single++;
  }
  if (single + double > 0) return double > single ? '"' : "'";
  return scannedQuote(sf);
}

/** `import ... from 'x'`, `export ... from 'x'`, `const x = require('x')`: the string literal naming the module. */
function moduleSpecifierOf(st: ts.Statement): ts.StringLiteral | null {
  if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) return st.moduleSpecifier;
  if (!ts.isVariableStatement(st)) return null;
  const init = st.declarationList.declarations[0]?.initializer;
  if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0])) return init.arguments[0];
  return null;
}

function scannedQuote(sf: ts.SourceFile): "'" | '"' {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sf.languageVariant, sf.text);
  let single = 0;
  let double = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken && single + double < 200; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.StringLiteral) continue;
    if (sf.text[scanner.getTokenStart()] === '"') double++;
    else single++;
  }
  return double > single ? '"' : "'";
}

/** Whether the file ends its top-level statements with semicolons (most of them); true when it has none to tell. */
function fileSemicolons(sf: ts.SourceFile): boolean {
  let with_ = 0;
  let without = 0;
  for (const st of sf.statements) {
    if (!(ts.isExpressionStatement(st) || ts.isVariableStatement(st) || ts.isImportDeclaration(st) || ts.isExportAssignment(st) || ts.isReturnStatement(st))) continue;
    if (sf.text[st.end - 1] === ';') with_++;
    else without++;
  }
  return with_ >= without;
}

const SPACE = 32;
const TAB = 9;
/** What String.prototype.trim removes (JavaScript's white space and line terminators). */
const WHITE = /\s/;

function isWhite(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === SPACE || code === TAB || code === 13 || code === 11 || code === 12) return true;
  return code > 127 && WHITE.test(text[i]);
}

/**
 * The indentation step most lines of the file take: a tab, or the commonest increase in spaces.
 * Read from the characters in place: a slice and a match per line made each file's text again in
 * garbage (7% of all a workspace pass allocated).
 */
function fileIndent(text: string): string {
  const steps = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  // The first thousand lines tell as well as all of them, without walking a generated file whole.
  let seen = 0;
  for (let start = 0; start < text.length && seen < 1000; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const lineStart = start;
    start = end + 1;
    let lead = lineStart;
    while (lead < end && (text.charCodeAt(lead) === SPACE || text.charCodeAt(lead) === TAB)) lead++;
    let content = lead;
    while (content < end && isWhite(text, content)) content++;
    if (content === end) continue; // a blank line
    seen++;
    const tabFirst = lead > lineStart && text.charCodeAt(lineStart) === TAB;
    if (tabFirst) tabs++;
    else if (lead > lineStart) spaces++;
    const width = tabFirst ? 0 : lead - lineStart;
    if (width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let count = 0;
  for (const [step, n] of steps) if (step <= 8 && (n > count || (n === count && step < best))) [best, count] = [step, n];
  return ' '.repeat(best);
}

/**
 * Trailing commas in the file's multi-line lists: after call arguments too ('all'), else 'es5',
 * which is also the answer when the file has none to tell (Prettier 2's default; 3's is 'all').
 */
function fileTrailingComma(text: string): 'all' | 'es5' {
  // A comma ending a line before a closing parenthesis alone on the next line.
  return /,[ \t]*\r?\n[ \t]*\)/.test(text) ? 'all' : 'es5';
}
