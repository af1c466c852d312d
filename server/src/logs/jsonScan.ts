// A single-pass scanner over one JSON line that visits keys and extracts only the wanted ones (see
// PathTrie), skipping everything else with indexOf/charCodeAt loops. This is what makes ingestion
// fast: JSON.parse of every line builds objects nobody looks at. The line stays as text; a full parse
// happens only on demand (fullJson). Never throws; malformed input returns -1.
import type { PathMap } from './paths';

/** The text of an object or array value that a wanted path pointed at. */
export class JsonText {
  constructor(private readonly src: string, private readonly start: number, private readonly end: number) {}
  /** Sliced on demand: most are only tested for presence. */
  get text(): string {
    return this.src.slice(this.start, this.end);
  }
}

/** Stored for wanted paths that are only tested for presence (no value built). */
export const PRESENT_STRING = '\u0000present';
export const PRESENT_OBJECT = new JsonText('', 0, 0);
export const PRESENT_OTHER = 0;

const QUOTE = 34;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** Index of the quote closing the string whose opening quote is at `i`, or -1. */
export function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    // The quote is escaped when an odd number of backslashes precede it.
    let b = q - 1;
    while (b > i && s.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    j = q + 1;
  }
}

/** Index just after the object or array opening at `i`, or -1. Iterative: any depth is fine. */
function skipNested(s: string, i: number): number {
  let depth = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === LBRACE || c === LBRACKET) depth++;
    else if (c === RBRACE || c === RBRACKET) {
      if (--depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Index just after a number, true, false or null starting at `i`. */
function primitiveEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === COMMA || c === RBRACE || c === RBRACKET || isWs(c)) break;
    i++;
  }
  return i;
}

/**
 * Short values recur line after line: the same few messages, a request ID on each of its request's
 * lines. A small direct-mapped cache of recent ones hands back the string already made, so a kept
 * record shares it instead of holding a new slice (less for the collector to move, and a request ID
 * whose hash V8 already computed makes the store's Map lookup cheap). Emptied now and then so that
 * the slices it holds never pin old text for long.
 */
const SHORT_MAX = 64;
const RECENT_SLOTS = 4096;
const RECENT_RESET = 1 << 16;
const recent: Array<string | undefined> = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
let recentStores = 0;

function decodeString(s: string, open: number, close: number): string {
  const from = open + 1;
  if (close - from <= SHORT_MAX) {
    let h = close - from;
    for (let j = from; j < close; j++) {
      const c = s.charCodeAt(j);
      if (c === BACKSLASH) return decodeEscaped(s, open, close);
      h = (Math.imul(h, 31) + c) | 0;
    }
    const k = (h ^ (h >>> 13)) & (RECENT_SLOTS - 1);
    const hit = recent[k];
    if (hit !== undefined && hit.length === close - from && sameAt(s, from, hit)) return hit;
    if (++recentStores > RECENT_RESET) {
      recent.fill(undefined);
      recentStores = 0;
    }
    return (recent[k] = s.slice(from, close));
  }
  const body = s.slice(from, close);
  return body.indexOf('\\') < 0 ? body : decodeEscaped(s, open, close);
}

/** decodeString's cache for an unescaped value at text[from, close) whose bytes are b[off + from, off + close) (ASCII). */
export function recentString(b: Uint8Array, off: number, text: string, from: number, close: number): string {
  if (close - from > SHORT_MAX) return text.slice(from, close);
  let h = close - from;
  for (let j = off + from, e = off + close; j < e; j++) h = (Math.imul(h, 31) + b[j]) | 0;
  const k = (h ^ (h >>> 13)) & (RECENT_SLOTS - 1);
  const hit = recent[k];
  if (hit !== undefined && hit.length === close - from) {
    let j = 0;
    const at = off + from;
    while (j < hit.length && b[at + j] === hit.charCodeAt(j)) j++;
    if (j === hit.length) return hit;
  }
  if (++recentStores > RECENT_RESET) {
    recent.fill(undefined);
    recentStores = 0;
  }
  return (recent[k] = text.slice(from, close));
}

/** s.startsWith(t, from), as a loop: V8's builtin is several times slower on sliced strings. */
export function sameAt(s: string, from: number, t: string): boolean {
  for (let j = 0; j < t.length; j++) if (s.charCodeAt(from + j) !== t.charCodeAt(j)) return false;
  return true;
}

function decodeEscaped(s: string, open: number, close: number): string {
  try {
    return JSON.parse(s.slice(open, close + 1)) as string;
  } catch {
    return s.slice(open + 1, close);
  }
}

/** The number, true, false or null at s[i, end); undefined when it is none of them. */
function primitiveValue(s: string, i: number, end: number): unknown {
  const c = s.charCodeAt(i);
  // Non-negative integers (levels, epoch times, status codes) without building a string.
  if (c >= 48 && c <= 57 && end - i <= 15) {
    let v = 0;
    let j = i;
    for (; j < end; j++) {
      const d = s.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === end) return v;
  }
  const text = s.slice(i, end);
  if (c === 116 && text === 'true') return true;
  if (c === 102 && text === 'false') return false;
  if (c === 110 && text === 'null') return null;
  const v = Number(text);
  return Number.isNaN(v) ? undefined : v;
}

/**
 * Scans the object whose "{" is at `pos`, storing wanted values in `out[slot]` (strings decoded,
 * numbers, booleans, null, or JsonText for objects and arrays). Later duplicate keys win, as with
 * JSON.parse. Returns the index after the closing "}", or -1 when the text is not well-formed — the
 * values found before the problem are kept (a line cut at the size limit still yields its head).
 */
export function scanObject(s: string, pos: number, map: PathMap, out: unknown[]): number {
  const n = s.length;
  let i = skipWs(s, pos + 1);
  if (s.charCodeAt(i) === RBRACE) return i + 1;
  for (;;) {
    if (s.charCodeAt(i) !== QUOTE) return -1;
    const kEnd = stringEnd(s, i);
    if (kEnd < 0) return -1;
    const kLen = kEnd - i - 1;
    // Keys are compared as written: a wanted key never needs escapes, so an escaped key is not one.
    const node = map.at(s, i + 1, kLen);
    i = skipWs(s, kEnd + 1);
    if (s.charCodeAt(i) !== COLON) return -1;
    i = skipWs(s, i + 1);
    if (i >= n) return -1;
    const c = s.charCodeAt(i);
    let end: number;
    if (!node) {
      if (c === QUOTE) {
        end = stringEnd(s, i);
        if (end < 0) return -1;
        end++;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(s, i);
        if (end < 0) return -1;
      } else end = primitiveEnd(s, i);
    } else {
      let value: unknown;
      const want = node.valueNeeded;
      if (c === QUOTE) {
        const close = stringEnd(s, i);
        if (close < 0) return -1;
        value = want ? decodeString(s, i, close) : PRESENT_STRING;
        end = close + 1;
      } else if (c === LBRACE && node.children) {
        end = scanObject(s, i, node.children, out);
        if (end < 0) return -1;
        value = node.slot < 0 ? undefined : want ? new JsonText(s, i, end) : PRESENT_OBJECT;
      } else if (c === LBRACE || c === LBRACKET) {
        end = skipNested(s, i);
        if (end < 0) return -1;
        value = want ? new JsonText(s, i, end) : PRESENT_OBJECT;
      } else {
        end = primitiveEnd(s, i);
        if (end === i) return -1;
        value = primitiveValue(s, i, end);
        if (value === undefined) return -1;
      }
      if (node.slot >= 0 && value !== undefined) {
        out[node.slot] = value;
        if (node.alias) for (const a of node.alias) out[a] = value;
      }
    }
    i = skipWs(s, end);
    const d = s.charCodeAt(i);
    if (d === COMMA) {
      i = skipWs(s, i + 1);
      continue;
    }
    if (d === RBRACE) return i + 1;
    return -1;
  }
}

/** True when only whitespace follows `i`. */
export function onlyWsAfter(s: string, i: number): boolean {
  return skipWs(s, i) >= s.length;
}
