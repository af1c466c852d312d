// Text from the workspace written into code as data, never as code: a string literal escaped for
// the quote it is printed with, an object key that is an identifier or else a string literal.
import ts from '../../typescriptModule';
import type { CodeStyle } from '../../codeStyle';

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/**
 * `text` as a string literal in the file's quote, or the other quote when that needs fewer escapes
 * (as Prettier chooses). Control characters, line and paragraph separators and bidirectional
 * controls are escaped, so nothing invisible or reordering reaches the code.
 */
export function stringLiteral(text: string, style: Pick<CodeStyle, 'quote'>): string {
  const preferred = style.quote;
  const other = preferred === "'" ? '"' : "'";
  const count = (q: string) => text.split(q).length - 1;
  const quote = count(preferred) > count(other) ? other : preferred;
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote) out += '\\' + ch;
    else if (SIMPLE_ESCAPES[ch]) out += SIMPLE_ESCAPES[ch];
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0xfeff) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + quote;
}

/** An object key for a field name: the name itself when it is an identifier, else a string literal. */
export function propertyKey(name: string, style: Pick<CodeStyle, 'quote'>): string {
  return isIdentifierName(name) ? name : stringLiteral(name, style);
}

function isIdentifierName(name: string): boolean {
  if (!name) return false;
  let first = true;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (first ? !ts.isIdentifierStart(code, ts.ScriptTarget.Latest) : !ts.isIdentifierPart(code, ts.ScriptTarget.Latest)) return false;
    first = false;
  }
  return true;
}
