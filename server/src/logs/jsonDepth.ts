// How deep JSON nests, walked in loops (any depth is fine).
//
// JSON from a log line is parsed only when someone reads a whole value (a field query on an object,
// "expand record"). V8's JSON.parse takes any depth, but what is done with the value afterwards
// (JSON.stringify, a printer, the panel's details, structured clone) recurses and overflows the stack
// somewhere past 5,000 levels: one such line would throw out of a query over the whole buffer. So
// values nested deeper than MAX_JSON_DEPTH are kept as their JSON text past that depth.
//
// A JSON value written over several lines (a raw newline in a string, JSON printed indented) is one
// record's lines: openAfter says whether a line leaves one open (see LogPipeline).
import { BACKSLASH, firstNonWs, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET } from './jsonScan';

/** Deepest nesting kept as objects and arrays; deeper values are their JSON text (a string). */
export const MAX_JSON_DEPTH = 256;

/** Whether the JSON `text` nests objects and arrays deeper than `max` (brackets inside strings do not count). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringClose(text, i);
    else if (c === LBRACE || c === LBRACKET) {
      if (++depth > max) return true;
    } else if (c === RBRACE || c === RBRACKET) depth--;
  }
  return false;
}

/**
 * JSON.parse of `text`, except that each value nested deeper than `max` is the string of its JSON
 * text. Throws what JSON.parse throws for text that is not JSON.
 */
export function parseJsonCapped(text: string, max = MAX_JSON_DEPTH): unknown {
  if (!nestsDeeperThan(text, max)) return JSON.parse(text);
  // The same text with each too-deep value replaced by a JSON string of its text, then parsed.
  const parts: string[] = [];
  let copied = 0;
  let depth = 0;
  let deepFrom = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringClose(text, i);
    else if (c === LBRACE || c === LBRACKET) {
      if (++depth === max + 1) deepFrom = i;
    } else if (c === RBRACE || c === RBRACKET) {
      if (depth-- === max + 1 && deepFrom >= 0) {
        parts.push(text.slice(copied, deepFrom), JSON.stringify(text.slice(deepFrom, i + 1)));
        copied = i + 1;
        deepFrom = -1;
      }
    }
  }
  // A value still open at the end: the text is not JSON, and JSON.parse says so.
  if (deepFrom >= 0) return JSON.parse(text);
  parts.push(text.slice(copied));
  return JSON.parse(parts.join(''));
}

/** Index of the quote closing the string that opens at `open`, or the last index when it never closes. */
function stringClose(text: string, open: number): number {
  const n = text.length;
  for (let j = open + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j;
    if (c === BACKSLASH) j++;
  }
  return n - 1;
}

/**
 * What the line `b[start, end)` leaves open when it starts a JSON object or array (see openAfter);
 * 0 when it closes it, or does not start one: only `{` before a key or `}`, `[` before an object,
 * array, string or `]`, or either alone. Plain text often starts with a bracket ("[INFO] ...",
 * "[worker 1 starting") that no later line closes, and must not take the lines after it.
 */
export function openedBy(b: Buffer, start: number, end: number): number {
  const first = firstNonWs(b, start, end);
  if (first >= end) return 0;
  const c = b[first];
  const next = firstNonWs(b, first + 1, end);
  const d = next < end ? b[next] : -1;
  const json = c === LBRACE ? d === -1 || d === QUOTE || d === RBRACE : c === LBRACKET && (d === -1 || d === QUOTE || d === LBRACE || d === LBRACKET || d === RBRACKET);
  return json ? openAfter(b, first, end, 0) : 0;
}

/**
 * What a JSON value written over several lines has left open after the line `b[start, end)`, given
 * what was open before it (`open`): twice the brackets still open, plus 1 inside a string; 0 once
 * it is closed.
 */
export function openAfter(b: Buffer, start: number, end: number, open: number): number {
  let depth = open >> 1;
  let inString = (open & 1) === 1;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === LBRACE || c === LBRACKET) depth++;
    else if ((c === RBRACE || c === RBRACKET) && depth > 0) depth--;
  }
  return depth * 2 + (inString ? 1 : 0);
}
