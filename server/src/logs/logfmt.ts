// logfmt lines (`ts=2024-05-01T10:00:00Z level=info msg="user logged in" request_id=abc`): one pass
// over key=value pairs; values are bare words or double-quoted strings with backslash escapes.
// Keys are flat, so a key like `req.id` matches the path "req.id" through its flat variant.
import type { PathMap } from './paths';

function isKeyChar(c: number): boolean {
  return c > 32 && c !== 61 /* = */ && c !== 34 /* " */ && c !== 127;
}

/**
 * Calls `visit` for each pair, in order; a bare word (no "=") is a key with value "true".
 * Returns the number of key=value pairs (bare words not counted).
 */
function eachPair(s: string, visit: (key: string, value: string) => void): number {
  const n = s.length;
  let i = 0;
  let pairs = 0;
  while (i < n) {
    while (i < n && s.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    const kStart = i;
    while (i < n && isKeyChar(s.charCodeAt(i))) i++;
    const key = s.slice(kStart, i);
    if (i === kStart) {
      // A stray quote or "=" where a key should start: skip the character.
      i++;
      continue;
    }
    if (s.charCodeAt(i) !== 61) {
      visit(key, 'true');
      continue;
    }
    i++;
    let value: string;
    if (s.charCodeAt(i) === 34) {
      let j = i + 1;
      let buf = '';
      let from = j;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === 92 /* \ */ && j + 1 < n) {
          buf += s.slice(from, j);
          const e = s[j + 1];
          buf += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          j += 2;
          from = j;
          continue;
        }
        if (c === 34) break;
        j++;
      }
      value = buf + s.slice(from, j);
      i = j + 1;
    } else {
      const vStart = i;
      while (i < n && s.charCodeAt(i) > 32) i++;
      value = s.slice(vStart, i);
    }
    pairs++;
    visit(key, value);
  }
  return pairs;
}

/** Stores the values of wanted keys in `out[slot]`; returns the number of key=value pairs. */
export function scanLogfmt(s: string, map: PathMap, out: unknown[]): number {
  return eachPair(s, (key, value) => {
    const node = map.get(key);
    if (node && node.slot >= 0) {
      out[node.slot] = value;
      if (node.alias) for (const a of node.alias) out[a] = value;
    }
  });
}

/** The whole line as an object (for "expand record" and field queries). */
export function parseLogfmt(s: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  eachPair(s, (key, value) => {
    out[key] = value;
  });
  return out;
}
