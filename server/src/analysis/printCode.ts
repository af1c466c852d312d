// Code that a fix writes and that holds text from the workspace (a module specifier, an export
// name, a log message, a field name) is built as a syntax tree and printed by TypeScript's printer,
// never pasted into a template: the printer escapes whatever a string holds, so a quote or a newline
// in it stays inside the string literal instead of ending it and starting code of its own.
import ts from './typescriptModule';

export type QuoteStyle = 'single' | 'double';

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const printContext = ts.createSourceFile('fix.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

export function printNode(node: ts.Node): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, printContext);
}

/** A string literal node for `text`; non-ASCII text is written as it is (`'café'`, not `'caf\u00E9'`). */
export function stringLiteral(text: string, quote: QuoteStyle): ts.StringLiteral {
  const node = ts.factory.createStringLiteral(text, quote === 'single');
  ts.setEmitFlags(node, ts.EmitFlags.NoAsciiEscaping);
  return node;
}

/** `text` as JavaScript string literal source, every quote, backslash and line break escaped. */
export function printStringLiteral(text: string, quote: QuoteStyle): string {
  return printNode(stringLiteral(text, quote));
}

/** True when `text` is an identifier (keywords included): the name of a property, unquoted. */
export function isIdentifierText(text: string): boolean {
  if (text === '') return false;
  let first = true;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (first ? !ts.isIdentifierStart(code, ts.ScriptTarget.Latest) : !ts.isIdentifierPart(code, ts.ScriptTarget.Latest)) return false;
    first = false;
  }
  return true;
}

/** Names a module (strict code) cannot bind although they are not reserved words in TypeScript's list. */
const UNBINDABLE_IN_MODULES = new Set(['await', 'arguments', 'eval']);

/** True when `text` can name a variable in a module: an identifier that is no reserved word. */
export function isBindableIdentifier(text: string): boolean {
  if (!isIdentifierText(text) || UNBINDABLE_IN_MODULES.has(text)) return false;
  const keyword = ts.identifierToKeywordKind(ts.factory.createIdentifier(text));
  // Contextual keywords (`type`, `as`, `of`) come after the reserved ones and are ordinary names.
  return keyword === undefined || keyword > ts.SyntaxKind.LastFutureReservedWord;
}

/** A property key as source: an identifier (keywords included) as it is, anything else quoted (`'user-id'`). */
export function printPropertyKey(key: string, quote: QuoteStyle): string {
  return isIdentifierText(key) ? key : printStringLiteral(key, quote);
}
