// Field paths ("req.id", `req.headers["x-request-id"]`, `["logging.googleapis.com/trace"]`) and the
// trie of wanted paths the scanners walk. A dotted path also matches keys that themselves contain
// dots (ECS writes `"log.level": "info"` as well as `"log": {"level": "info"}`), so each dotted path
// is entered under every way of grouping its segments.

export interface PathNode {
  /** Slot the value goes to, -1 when this key is only a step towards deeper wanted keys. */
  slot: number;
  /** False when every path ending here is only tested for presence: the scanner then stores a marker, not the value. */
  valueNeeded: boolean;
  /**
   * False when no value ending here is read while indexing (a message: only decoded records show
   * it): a scan for the indexed fields alone (JsonLine.indexOnly) then stores a marker, not the value.
   */
  indexed: boolean;
  /** Further slots filled by the same key (two wanted paths that spell the same key). */
  alias: number[] | null;
  children: PathMap | null;
}

/**
 * Keys of one object level. Keys are grouped by (length in bytes, first byte) so that the JSON
 * scanner can test a key in place, byte by byte, against the few candidates of its group, without
 * building a string for it.
 */
export class PathMap {
  readonly keys = new Map<string, PathNode>();
  readonly buckets: Array<Array<{ bytes: Buffer; node: PathNode }> | undefined> = [];

  static bucket(length: number, first: number): number {
    return (length & 63) * 128 + (first & 127);
  }

  get(key: string): PathNode | undefined {
    return this.keys.get(key);
  }

  ensure(key: string): PathNode {
    let node = this.keys.get(key);
    if (!node) {
      node = { slot: -1, valueNeeded: false, indexed: true, alias: null, children: null };
      this.keys.set(key, node);
      const bytes = Buffer.from(key, 'utf8');
      const b = PathMap.bucket(bytes.length, bytes.length ? bytes[0] : 0);
      (this.buckets[b] ??= []).push({ bytes, node });
    }
    return node;
  }
}

/**
 * Keys in one path at most. The JSON scanner goes one call deeper per key of a wanted path (see
 * scanObject): a path of thousands of keys over a record nested as deep would overflow the stack.
 */
export const MAX_PATH_KEYS = 64;

/** Splits a path into keys. Returns null (and never throws) on a malformed path, or one of more than MAX_PATH_KEYS keys. */
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
  return out.length && out.length <= MAX_PATH_KEYS ? out : null;
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

  /** Marks which nodes hold values read while indexing: those filling one of `slots` (see PathNode.indexed). */
  markIndexed(slots: ReadonlySet<number>): void {
    const visit = (map: PathMap): void => {
      for (const node of map.keys.values()) {
        if (node.slot >= 0) node.indexed = slots.has(node.slot) || (node.alias ?? []).some((a) => slots.has(a));
        if (node.children) visit(node.children);
      }
    };
    visit(this.root);
  }

  slot(path: string): number {
    return this.slotOf.get(path) ?? -1;
  }

  pathOf(slot: number): string {
    return this.names[slot];
  }
}
