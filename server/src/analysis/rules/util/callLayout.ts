// Lays out the arguments a fix writes into a call as the project's Prettier would (without running
// it): on one line when the line fits the print width; else, when the last argument is an object,
// that object broken one property per line after the other arguments (`logger.warn('msg', {`);
// else every argument on its own line, an object among them broken too when it does not fit.
// Trailing commas follow `trailingComma` (objects: es5/all; arguments: all).
import type { CodeStyle } from '../../codeStyle';

export type ArgumentDoc =
  /** Code kept as it is (a message literal, an existing argument). */
  | { kind: 'code'; text: string }
  /** An object literal, one entry per property (`a`, `b: x`, `...meta`). */
  | { kind: 'object'; properties: string[] };

/** Where the arguments go: the line's indentation and the columns before `(`'s end and after `)`. */
export interface CallPlace {
  /** Leading whitespace of the line the call's `(` is on. */
  indentation: string;
  /** The line's text up to and including `(`, as it will read after the fix. */
  before: string;
  /** The line's text from `)` (inclusive) to its end. */
  after: string;
}

/** The text between `(` and `)`. */
export function layoutArguments(args: readonly ArgumentDoc[], place: CallPlace, style: CodeStyle): string {
  const flat = args.map((a) => flatText(a, style)).join(', ');
  if (!flat.includes('\n') && width(place.before, style) + width(flat, style) + width(place.after, style) <= style.printWidth) return flat;

  const eol = style.eol;
  const inner = place.indentation + style.indent;
  const last = args[args.length - 1];
  const others = args.slice(0, -1).map((a) => flatText(a, style));
  // The last argument an object with properties: hug it, if the line up to its `{` fits.
  if (last?.kind === 'object' && last.properties.length > 0 && !others.some((o) => o.includes('\n'))) {
    const head = [...others, '{'].join(', ');
    if (width(place.before, style) + width(head, style) <= style.printWidth) {
      return head + eol + objectLines(last.properties, inner, style) + eol + place.indentation + '}';
    }
  }
  // Every argument on its own line.
  const lines = args.map((a) => {
    if (a.kind === 'code') return inner + a.text;
    const one = flatText(a, style);
    if (a.properties.length === 0 || (!one.includes('\n') && width(inner + one + ',', style) <= style.printWidth)) return inner + one;
    return inner + '{' + eol + objectLines(a.properties, inner + style.indent, style) + eol + inner + '}';
  });
  return eol + lines.join(',' + eol) + (style.trailingComma === 'all' ? ',' : '') + eol + place.indentation;
}

/** An argument on one line. */
export function flatText(a: ArgumentDoc, style: Pick<CodeStyle, 'bracketSpacing'>): string {
  if (a.kind === 'code') return a.text;
  if (a.properties.length === 0) return '{}';
  return style.bracketSpacing ? `{ ${a.properties.join(', ')} }` : `{${a.properties.join(', ')}}`;
}

function objectLines(properties: readonly string[], indentation: string, style: CodeStyle): string {
  const comma = style.trailingComma === 'none' ? '' : ',';
  return properties.map((p, i) => indentation + p + (i < properties.length - 1 ? ',' : comma)).join(style.eol);
}

/**
 * Columns a text takes up to its first line break (a tab counts tabWidth, wide characters and
 * emoji two, combining marks none, roughly as Prettier counts them).
 */
export function width(text: string, style: Pick<CodeStyle, 'tabWidth'>): number {
  let n = 0;
  for (const ch of text) {
    if (ch === '\n') break;
    const c = ch.codePointAt(0)!;
    if (ch === '\t') n += style.tabWidth;
    else if (c < 0x20 || (c >= 0x300 && c <= 0x36f) || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    else if (isWide(c)) n += 2;
    else n += 1;
  }
  return n;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}
