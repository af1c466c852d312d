// Lazy access to a record's full content: the store keeps only the raw line and a few extracted
// fields, so "expand record" and queries on other fields go back to the raw line here. Single fields
// use the same scanner as ingestion (no full parse); fullJson parses the whole line.
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJsonCapped } from './jsonDepth';
import { firstNonWs, JsonLine, JsonText, scanObject } from './jsonScan';
import { LineView } from './lineView';
import { parseLogfmt } from './logfmt';
import { PathTrie } from './paths';
import type { LogRecord } from './types';

/** A compiled single-path lookup; build once per query term. */
export interface FieldAccessor {
  path: string;
  trie: PathTrie | null;
}

const accessorCache = new Map<string, FieldAccessor>();

export function fieldAccessor(path: string): FieldAccessor {
  let a = accessorCache.get(path);
  if (a) return a;
  const trie = new PathTrie();
  const ok = trie.add(path) >= 0;
  a = { path, trie: ok ? trie : null };
  if (accessorCache.size > 500) accessorCache.clear();
  accessorCache.set(path, a);
  return a;
}

/** Record properties a query can name directly, for lines that do not carry the field themselves. */
const RECORD_FIELDS: Record<string, (r: LogRecord) => unknown> = {
  message: (r) => r.message,
  msg: (r) => r.message,
  level: (r) => r.level,
  time: (r) => r.time,
  source: (r) => r.source,
  format: (r) => r.format,
  requestId: (r) => r.requestId,
  traceId: (r) => r.traceId,
  status: (r) => r.status,
  durationMs: (r) => r.durationMs,
};

const slotBuffer: unknown[] = [undefined];
const fieldLine = new JsonLine();

/** The value at a dotted path in the record's line (JSON or logfmt), else the record's own field of that name. */
export function fieldValue(record: LogRecord, path: string): unknown {
  return accessValue(record, fieldAccessor(path));
}

function bytesOf(text: string): { b: Buffer; start: number; end: number } {
  const b = Buffer.from(text, 'utf8');
  return { b, start: 0, end: b.length };
}

export function accessValue(record: LogRecord, a: FieldAccessor): unknown {
  let v: unknown;
  if (a.trie && record.format !== null) {
    // A store's view of a line kept as bytes is scanned in place; its text is never made.
    const { b, start, end } = record instanceof LineView ? record.bytes() : bytesOf(record.raw);
    const first = firstNonWs(b, start, end);
    if (first < end && b[first] === 123) {
      fieldLine.b = b;
      slotBuffer[0] = undefined;
      scanObject(fieldLine, first, end, a.trie.root, slotBuffer);
      v = slotBuffer[0];
      slotBuffer[0] = undefined;
      if (v instanceof JsonText) v = safeParse(v.text);
      fieldLine.release();
    } else if (record.format === 'logfmt') {
      const obj = parseLogfmt(record.raw);
      if (Object.prototype.hasOwnProperty.call(obj, a.path)) v = obj[a.path];
    }
  }
  if (v === undefined) {
    const own = RECORD_FIELDS[a.path];
    if (own) {
      const o = own(record);
      if (o !== null) v = o;
    }
  }
  return v;
}

/**
 * An object or array value: parsed, or its JSON text when it nests deeper than MAX_JSON_DEPTH (a
 * query turns the value back into text, and JSON.stringify of thousands of levels overflows the stack).
 */
function safeParse(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The whole line as a value ("expand record"): parsed JSON (values nested deeper than MAX_JSON_DEPTH
 * are their JSON text, so that printing the value cannot overflow the stack), logfmt pairs, or null
 * for plain text.
 */
export function fullJson(record: LogRecord): unknown | null {
  const raw = record.raw;
  const t = raw.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return parseJsonCapped(raw);
    } catch {
      return null;
    }
  }
  if (record.format === 'logfmt') return parseLogfmt(raw);
  return null;
}
