// Field paths ("req.id", `req.headers["x-request-id"]`, `["logging.googleapis.com/trace"]`) and the
// trie of wanted paths the scanners walk. A dotted path also matches keys that themselves contain
// dots (ECS writes `"log.level": "info"` as well as `"log": {"level": "info"}`), so each dotted path
// is entered under every way of grouping its segments.

import { sameAt } from './jsonScan';

export interface PathNode {
  /** Slot the value goes to, -1 when this key is only a step towards deeper wanted keys. */
  slot: number;
  /** False when every path ending here is only tested for presence: the scanner then stores a marker, not the value. */
  valueNeeded: boolean;
  /** Further slots filled by the same key (two wanted paths that spell the same key). */
  alias: number[] | null;
  children: PathMap | null;
}

/**
 * Keys of one object level. Keys are grouped by (length, first char) so that the scanners can test
 * a key in place against the few candidates of its group, without building a string for it.
 */
export class PathMap {
  readonly keys = new Map<string, PathNode>();
  readonly buckets: Array<Array<{ key: string; node: PathNode }> | undefined> = [];

  static bucket(length: number, first: number): number {
    return (length & 63) * 128 + (first & 127);
  }

  get(key: string): PathNode | undefined {
    return this.keys.get(key);
  }

  /** The node for the key written at s[from, from + length), compared in place. */
  at(s: string, from: number, length: number): PathNode | undefined {
    const group = this.buckets[PathMap.bucket(length, length ? s.charCodeAt(from) : 0)];
    if (group === undefined) return undefined;
    for (let g = 0; g < group.length; g++) {
      const k = group[g].key;
      if (k.length === length && sameAt(s, from, k)) return group[g].node;
    }
    return undefined;
  }

  ensure(key: string): PathNode {
    let node = this.keys.get(key);
    if (!node) {
      node = { slot: -1, valueNeeded: false, alias: null, children: null };
      this.keys.set(key, node);
      const b = PathMap.bucket(key.length, key.length ? key.charCodeAt(0) : 0);
      (this.buckets[b] ??= []).push({ key, node });
    }
    return node;
  }
}

/** Splits a path into keys. Returns null (and never throws) on a malformed path. */
export function parsePath(path: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = path.length;
  if (n === 0) return null;
  let cur = '';
  let afterBracket = false;
  while (i < n) {
    const c = path[i];
    if (c === '[') {
      const q = path[i + 1];
      if (q !== '"' && q !== "'") return null;
      const close = path.indexOf(q + ']', i + 2);
      if (close < 0) return null;
      if (cur) out.push(cur);
      cur = '';
      out.push(path.slice(i + 2, close));
      i = close + 2;
      afterBracket = true;
      continue;
    }
    if (c === '.') {
      if (cur) out.push(cur);
      else if (!afterBracket) return null;
      cur = '';
      afterBracket = false;
      i++;
      continue;
    }
    afterBracket = false;
    cur += c;
    i++;
  }
  if (cur) out.push(cur);
  return out.length ? out : null;
}

/** Every grouping of consecutive keys joined by ".": [a,b,c] → a.b.c, a.b|c, a|b.c, a|b|c. */
export function pathVariants(keys: string[]): string[][] {
  if (keys.length <= 1 || keys.length > 6) return [keys];
  const out: string[][] = [];
  const gaps = keys.length - 1;
  for (let mask = 0; mask < 1 << gaps; mask++) {
    const v: string[] = [];
    let cur = keys[0];
    for (let g = 0; g < gaps; g++) {
      if (mask & (1 << g)) cur += '.' + keys[g + 1];
      else {
        v.push(cur);
        cur = keys[g + 1];
      }
    }
    v.push(cur);
    out.push(v);
  }
  return out;
}

/** Wanted paths, each with a slot number in the array the scanners fill. */
export class PathTrie {
  readonly root = new PathMap();
  private readonly slotOf = new Map<string, number>();
  private readonly names: string[] = [];

  get slotCount(): number {
    return this.names.length;
  }

  /**
   * Slot of the path (adding it when new), or -1 for a malformed path. `presenceOnly`: the caller
   * only asks whether the path is there (format detection), so its value need not be built.
   */
  add(path: string, presenceOnly = false): number {
    const known = this.slotOf.get(path);
    if (known !== undefined && presenceOnly) return known;
    const keys = parsePath(path);
    if (!keys) return -1;
    const slot = known ?? this.names.length;
    if (known === undefined) {
      this.names.push(path);
      this.slotOf.set(path, slot);
    }
    for (const variant of pathVariants(keys)) {
      let map = this.root;
      for (let k = 0; k < variant.length; k++) {
        const node = map.ensure(variant[k]);
        if (k === variant.length - 1) {
          if (!presenceOnly) node.valueNeeded = true;
          if (node.slot < 0) node.slot = slot;
          else if (node.slot !== slot && !node.alias?.includes(slot)) (node.alias ??= []).push(slot);
        } else {
          if (!node.children) node.children = new PathMap();
          map = node.children;
        }
      }
    }
    return slot;
  }

  slot(path: string): number {
    return this.slotOf.get(path) ?? -1;
  }

  pathOf(slot: number): string {
    return this.names[slot];
  }
}
