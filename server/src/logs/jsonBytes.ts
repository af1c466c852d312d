// The ingestion scanner of jsonScan.ts, run over the bytes of an ASCII block instead of its text.
// Reading a byte of a Uint8Array is one load in optimised code, where each charCodeAt/indexOf on a
// line (a slice of a big external string) pays for finding the slice's parent and its representation
// first. Only ASCII blocks come here, so a byte offset is a character offset and values are sliced
// from the line's text. Same results as
// scanObject (the fast-path tests compare the two); never throws; malformed input returns -1.
import { JsonText, PRESENT_OBJECT, PRESENT_STRING, recentString } from './jsonScan';
import type { PathMap } from './paths';

const QUOTE = 34;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;
const COLON = 58;

const EMPTY = Buffer.alloc(0);

/**
 * A line of an ASCII block: `b[off + i]` is `text.charCodeAt(i)`. One instance is reused for every
 * line (the scanner's positions are line offsets, so values slice straight from `text`).
 */
export class ByteLine {
  // A Buffer from the start: a plain Uint8Array here would make every byte load polymorphic.
  b: Uint8Array = EMPTY;
  off = 0;
  text = '';
  /** Set by stringEndBytes: the string just scanned had a backslash. */
  escaped = false;

  set(b: Uint8Array, off: number, text: string): this {
    this.b = b;
    this.off = off;
    this.text = text;
    return this;
  }

  /** Lets go of the block and the line once scanned (neither may be kept past the call). */
  release(): void {
    this.b = EMPTY;
    this.text = '';
  }
}

function skipWs(l: ByteLine, i: number, n: number): number {
  const b = l.b;
  const off = l.off;
  while (i < n) {
    const c = b[off + i];
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}

/** Index of the quote closing the string opening at `i`, or -1; notes in `l.escaped` whether it had escapes. */
function stringEnd(l: ByteLine, i: number, n: number): number {
  const b = l.b;
  const off = l.off;
  let esc = false;
  for (let j = i + 1; j < n; j++) {
    const c = b[off + j];
    if (c === QUOTE) {
      l.escaped = esc;
      return j;
    }
    if (c === BACKSLASH) {
      esc = true;
      j++;
    }
  }
  return -1;
}

/** Index just after the object or array opening at `i`, or -1. */
function skipNested(l: ByteLine, i: number, n: number): number {
  const b = l.b;
  const off = l.off;
  let depth = 0;
  while (i < n) {
    const c = b[off + i];
    if (c === QUOTE) {
      i = stringEnd(l, i, n);
      if (i < 0) return -1;
    } else if (c === LBRACE || c === LBRACKET) depth++;
    else if (c === RBRACE || c === RBRACKET) {
      if (--depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

function primitiveEnd(l: ByteLine, i: number, n: number): number {
  const b = l.b;
  const off = l.off;
  while (i < n) {
    const c = b[off + i];
    if (c === COMMA || c === RBRACE || c === RBRACKET || c === 32 || c === 10 || c === 13 || c === 9) break;
    i++;
  }
  return i;
}

function primitiveValue(l: ByteLine, i: number, end: number): unknown {
  const b = l.b;
  const off = l.off;
  const c = b[off + i];
  if (c >= 48 && c <= 57 && end - i <= 15) {
    let v = 0;
    let j = i;
    for (; j < end; j++) {
      const d = b[off + j] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === end) return v;
  }
  const text = l.text.slice(i, end);
  if (c === 116 && text === 'true') return true;
  if (c === 102 && text === 'false') return false;
  if (c === 110 && text === 'null') return null;
  const v = Number(text);
  return Number.isNaN(v) ? undefined : v;
}

function decodeString(l: ByteLine, open: number, close: number): string {
  if (l.escaped) {
    try {
      return JSON.parse(l.text.slice(open, close + 1)) as string;
    } catch {
      return l.text.slice(open + 1, close);
    }
  }
  return recentString(l.b, l.off, l.text, open + 1, close);
}

/** Index of the key's node in `map` for the key at [from, from + length), compared in place. */
function keyNode(map: PathMap, l: ByteLine, from: number, length: number) {
  const b = l.b;
  const off = l.off + from;
  const group = map.buckets[((length & 63) << 7) + ((length ? b[off] : 0) & 127)];
  if (group === undefined) return undefined;
  for (let g = 0; g < group.length; g++) {
    const k = group[g].key;
    if (k.length !== length) continue;
    let j = 1;
    while (j < length && b[off + j] === k.charCodeAt(j)) j++;
    if (j >= length) return group[g].node;
  }
  return undefined;
}

/** scanObject over `l`, whose text ends at `n`: wanted values into `out[slot]`; index after "}" or -1. */
export function scanObjectBytes(l: ByteLine, pos: number, n: number, map: PathMap, out: unknown[]): number {
  const b = l.b;
  const off = l.off;
  let i = skipWs(l, pos + 1, n);
  if (b[off + i] === RBRACE && i < n) return i + 1;
  for (;;) {
    if (i >= n || b[off + i] !== QUOTE) return -1;
    const kEnd = stringEnd(l, i, n);
    if (kEnd < 0) return -1;
    // An escaped key is never a wanted one (those are compared as written).
    const node = l.escaped ? undefined : keyNode(map, l, i + 1, kEnd - i - 1);
    // Loggers write no whitespace around ":" and ","; the skipWs calls are for the rest.
    i = kEnd + 1;
    if (b[off + i] !== COLON || i >= n) {
      i = skipWs(l, i, n);
      if (i >= n || b[off + i] !== COLON) return -1;
    }
    i++;
    if (i < n && b[off + i] <= 32) i = skipWs(l, i, n);
    if (i >= n) return -1;
    const c = b[off + i];
    let end: number;
    if (node === undefined) {
      if (c === QUOTE) {
        end = stringEnd(l, i, n);
        if (end < 0) return -1;
        end++;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(l, i, n);
        if (end < 0) return -1;
      } else end = primitiveEnd(l, i, n);
    } else {
      let value: unknown;
      const want = node.valueNeeded;
      if (c === QUOTE) {
        const close = stringEnd(l, i, n);
        if (close < 0) return -1;
        value = want ? decodeString(l, i, close) : PRESENT_STRING;
        end = close + 1;
      } else if (c === LBRACE && node.children) {
        end = scanObjectBytes(l, i, n, node.children, out);
        if (end < 0) return -1;
        value = node.slot < 0 ? undefined : want ? new JsonText(l.text, i, end) : PRESENT_OBJECT;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(l, i, n);
        if (end < 0) return -1;
        value = want ? new JsonText(l.text, i, end) : PRESENT_OBJECT;
      } else {
        end = primitiveEnd(l, i, n);
        if (end === i) return -1;
        value = primitiveValue(l, i, end);
        if (value === undefined) return -1;
      }
      if (node.slot >= 0 && value !== undefined) {
        out[node.slot] = value;
        if (node.alias) for (const a of node.alias) out[a] = value;
      }
    }
    i = end;
    let d = i < n ? b[off + i] : -1;
    if (d !== COMMA && d !== RBRACE) {
      i = skipWs(l, i, n);
      d = i < n ? b[off + i] : -1;
    }
    if (d === COMMA) {
      i++;
      if (i < n && b[off + i] !== QUOTE) i = skipWs(l, i, n);
      continue;
    }
    if (d === RBRACE) return i + 1;
    return -1;
  }
}
