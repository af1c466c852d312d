// The one JSON scanner of the engine: a single pass over the BYTES of one line that visits keys and
// extracts only the wanted ones (see PathTrie), skipping everything else. This is what makes ingestion
// fast: JSON.parse of every line builds objects nobody looks at, and reading a byte of a Buffer is one
// load in optimised code where charCodeAt on a slice of a big string first finds the slice's parent.
// Lines scan as bytes whatever they hold: values are decoded from the bytes (UTF-8), so positions are
// byte offsets, never character offsets. A line held as a JS string is scanned through Buffer.from.
// Never throws; malformed input returns -1.
import type { PathMap, PathNode } from './paths';

/**
 * The bytes of an object or array value that a wanted path pointed at. Valid only while the scanned
 * bytes are (the caller's call): read `text` then, or not at all.
 */
export class JsonText {
  constructor(private readonly b: Buffer, private readonly start: number, private readonly end: number) {}
  /** Decoded on demand: most are only tested for presence. */
  get text(): string {
    return this.b.toString('utf8', this.start, this.end);
  }
}

/** Stored for wanted paths that are only tested for presence (no value built). */
const PRESENT_STRING = '\u0000present';
const PRESENT_OBJECT = new JsonText(Buffer.alloc(0), 0, 0);

export const QUOTE = 34;
export const BACKSLASH = 92;
export const LBRACE = 123;
export const RBRACE = 125;
export const LBRACKET = 91;
export const RBRACKET = 93;
const COMMA = 44;
const COLON = 58;

/**
 * The scanner's state for one line: the bytes and the flag stringEnd leaves. One instance is reused
 * for every line (no allocation per line); `release` lets go of the bytes after the scan.
 */
export class JsonLine {
  // A Buffer from the start: a plain Uint8Array here would make every byte load polymorphic.
  b: Buffer = EMPTY;
  /** Set by stringEnd: the string just scanned had a backslash. */
  escaped = false;
  /** Only the values read while indexing are wanted: strings of other nodes are not decoded (see PathNode.indexed). */
  indexOnly = false;
  /**
   * The `out` slots written since the caller last emptied it, so that it can empty just those (a
   * line sets a few of the ~80 slots; filling them all per line was a tenth of the parse).
   */
  readonly touched = new Int32Array(TOUCHED_MAX);
  touchedCount = 0;
  /** More slots were written than `touched` holds: empty them all. */
  touchedOverflow = false;

  private touch(slot: number): void {
    if (this.touchedCount < TOUCHED_MAX) this.touched[this.touchedCount++] = slot;
    else this.touchedOverflow = true;
  }

  /** Stores a wanted value, and its aliases. */
  store(out: unknown[], node: PathNode, value: unknown): void {
    out[node.slot] = value;
    this.touch(node.slot);
    if (node.alias) {
      for (const a of node.alias) {
        out[a] = value;
        this.touch(a);
      }
    }
  }

  /** Empties what was written to `out` since the last call (all of it when `all`: another reader wrote to it too). */
  clear(out: unknown[], all: boolean): void {
    if (all || this.touchedOverflow) out.fill(undefined);
    else for (let k = 0; k < this.touchedCount; k++) out[this.touched[k]] = undefined;
    this.touchedCount = 0;
    this.touchedOverflow = false;
  }

  release(): void {
    this.b = EMPTY;
  }
}
const EMPTY = Buffer.alloc(0);
const TOUCHED_MAX = 256;

/** Node's own Latin-1 slicer (what toString('latin1', a, b) ends in), minus the argument checks; only used on ASCII bytes. */
function latin1(b: Buffer, start: number, end: number): string {
  return (b as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(start, end);
}

function skipWs(b: Buffer, i: number, n: number): number {
  while (i < n) {
    const c = b[i];
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}

/** Index of the quote closing the string opening at `i`, or -1; notes in `l.escaped` whether it had escapes. */
function stringEnd(l: JsonLine, i: number, n: number): number {
  const b = l.b;
  let esc = false;
  for (let j = i + 1; j < n; j++) {
    const c = b[j];
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

/** Index just after the object or array opening at `i`, or -1. Iterative: any depth is fine. */
function skipNested(l: JsonLine, i: number, n: number): number {
  const b = l.b;
  let depth = 0;
  while (i < n) {
    const c = b[i];
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

/**
 * True when the JSON text in `b` opens more than `limit` objects/arrays inside each other. Iterative,
 * stops at the limit: a check before JSON.parse for code that then walks the value recursively.
 */
export function nestsDeeper(b: Uint8Array, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) {
      // To the closing quote, past escapes.
      for (i++; i < b.length && b[i] !== QUOTE; i++) if (b[i] === BACKSLASH) i++;
    } else if (c === LBRACE || c === LBRACKET) {
      if (++depth > limit) return true;
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
    }
  }
  return false;
}

/** Index just after a number, true, false or null starting at `i`. */
function primitiveEnd(b: Buffer, i: number, n: number): number {
  while (i < n) {
    const c = b[i];
    if (c === COMMA || c === RBRACE || c === RBRACKET || c === 32 || c === 10 || c === 13 || c === 9) break;
    i++;
  }
  return i;
}

/** The number, true, false or null at b[i, end); undefined when it is none of them. */
function primitiveValue(b: Buffer, i: number, end: number): unknown {
  const c = b[i];
  // Non-negative integers (levels, epoch times, status codes) without building a string.
  if (c >= 48 && c <= 57 && end - i <= 15) {
    let v = 0;
    let j = i;
    for (; j < end; j++) {
      const d = b[j] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === end) return v;
  }
  const text = latin1(b, i, end);
  if (c === 116 && text === 'true') return true;
  if (c === 102 && text === 'false') return false;
  if (c === 110 && text === 'null') return null;
  const v = Number(text);
  return Number.isNaN(v) ? undefined : v;
}

/**
 * Short values recur line after line: the same few messages, a request ID on each of its request's
 * lines. A small direct-mapped cache of recent ones hands back the string already made, so a kept
 * record shares it instead of holding a new one (less for the collector to move, and a request ID
 * whose hash V8 already computed makes the store's Map lookup cheap). Only ASCII values are cached
 * (a byte then is a character, so a hit is checked byte for byte). Emptied now and then.
 */
const SHORT_MAX = 64;
const RECENT_SLOTS = 4096;
const RECENT_RESET = 1 << 16;
const recent: Array<string | undefined> = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
let recentStores = 0;

/** The string value between the quotes at `open` and `close`. */
function decodeString(l: JsonLine, open: number, close: number): string {
  const b = l.b;
  if (l.escaped) {
    try {
      return JSON.parse(b.toString('utf8', open, close + 1)) as string;
    } catch {
      return b.toString('utf8', open + 1, close);
    }
  }
  const from = open + 1;
  const len = close - from;
  if (len > SHORT_MAX) return b.toString('utf8', from, close);
  let h = len;
  for (let j = from; j < close; j++) {
    const c = b[j];
    if (c >= 128) return b.toString('utf8', from, close);
    h = (Math.imul(h, 31) + c) | 0;
  }
  const k = (h ^ (h >>> 13)) & (RECENT_SLOTS - 1);
  const hit = recent[k];
  if (hit !== undefined && hit.length === len) {
    let j = 0;
    while (j < len && b[from + j] === hit.charCodeAt(j)) j++;
    if (j === len) return hit;
  }
  if (++recentStores > RECENT_RESET) {
    recent.fill(undefined);
    recentStores = 0;
  }
  return (recent[k] = latin1(b, from, close));
}

/** The node of the key at b[from, from + length) in `map`, compared in place, byte by byte. */
function keyNode(map: PathMap, b: Buffer, from: number, length: number): PathNode | undefined {
  const group = map.buckets[((length & 63) << 7) + ((length ? b[from] : 0) & 127)];
  if (group === undefined) return undefined;
  for (let g = 0; g < group.length; g++) {
    const k = group[g].bytes;
    if (k.length !== length) continue;
    // From the first byte: the bucket keeps only its low 7 bits, so `\xECevel` shares `level`'s bucket.
    let j = 0;
    while (j < length && b[from + j] === k[j]) j++;
    if (j >= length) return group[g].node;
  }
  return undefined;
}

/**
 * Scans the object whose "{" is at `pos` in `l.b`, up to `n` (the line's end), storing wanted values
 * in `out[slot]` (strings decoded, numbers, booleans, null, or JsonText for objects and arrays).
 * Later duplicate keys win, as with JSON.parse. Returns the index after the closing "}", or -1 when
 * the bytes are not well-formed — the values found before the problem are kept (a line cut at the
 * size limit still yields its head).
 */
export function scanObject(l: JsonLine, pos: number, n: number, map: PathMap, out: unknown[]): number {
  const b = l.b;
  let i = skipWs(b, pos + 1, n);
  if (i < n && b[i] === RBRACE) return i + 1;
  for (;;) {
    if (i >= n || b[i] !== QUOTE) return -1;
    const kEnd = stringEnd(l, i, n);
    if (kEnd < 0) return -1;
    // Keys are compared as written: a wanted key never needs escapes, so an escaped key is not one.
    const node = l.escaped ? undefined : keyNode(map, b, i + 1, kEnd - i - 1);
    // Loggers write no whitespace around ":" and ","; the skipWs calls are for the rest.
    i = kEnd + 1;
    if (i >= n || b[i] !== COLON) {
      i = skipWs(b, i, n);
      if (i >= n || b[i] !== COLON) return -1;
    }
    i++;
    if (i < n && b[i] <= 32) i = skipWs(b, i, n);
    if (i >= n) return -1;
    const c = b[i];
    let end: number;
    if (node === undefined) {
      if (c === QUOTE) {
        end = stringEnd(l, i, n);
        if (end < 0) return -1;
        end++;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(l, i, n);
        if (end < 0) return -1;
      } else end = primitiveEnd(b, i, n);
    } else {
      let value: unknown;
      const want = node.valueNeeded && (node.indexed || !l.indexOnly);
      if (c === QUOTE) {
        const close = stringEnd(l, i, n);
        if (close < 0) return -1;
        value = want ? decodeString(l, i, close) : PRESENT_STRING;
        end = close + 1;
      } else if (c === LBRACE && node.children) {
        end = scanObject(l, i, n, node.children, out);
        if (end < 0) return -1;
        value = node.slot < 0 ? undefined : want ? new JsonText(b, i, end) : PRESENT_OBJECT;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(l, i, n);
        if (end < 0) return -1;
        value = want ? new JsonText(b, i, end) : PRESENT_OBJECT;
      } else {
        end = primitiveEnd(b, i, n);
        if (end === i) return -1;
        value = primitiveValue(b, i, end);
        if (value === undefined) return -1;
      }
      if (node.slot >= 0 && value !== undefined) l.store(out, node, value);
    }
    i = end;
    let d = i < n ? b[i] : -1;
    if (d !== COMMA && d !== RBRACE) {
      i = skipWs(b, i, n);
      d = i < n ? b[i] : -1;
    }
    if (d === COMMA) {
      i++;
      if (i < n && b[i] !== QUOTE) i = skipWs(b, i, n);
      continue;
    }
    if (d === RBRACE) return i + 1;
    return -1;
  }
}

/** Index of the first byte of b[i, n) that is not whitespace (space, tab, CR, LF), or n. */
export function firstNonWs(b: Buffer, i: number, n: number): number {
  while (i < n && b[i] <= 32) i++;
  return i;
}

/** True when only whitespace follows `i` up to `n`. */
export function onlyWsAfter(b: Buffer, i: number, n: number): boolean {
  return skipWs(b, i, n) >= n;
}
