// The bounded record buffer: a ring that evicts the oldest records past `maxRecords` or `maxBytes`
// (each eviction counted in `dropped`), with indexes by request ID and by level so that narrowing a
// full buffer to one request or to warnings touches only the candidates. Indexes hold sequence
// numbers in arrival order, so eviction trims them from the front in O(1) amortised.
import { matches, type CompiledQuery } from './query';
import { SeqList } from './seqList';
import type { LevelName, LogRecord } from './types';

export interface LogStoreOptions {
  maxRecords: number;
  maxBytes: number;
}

export interface QueryOptions {
  /** Stop after this many matches. */
  limit?: number;
  /** Only records with seq >= fromSeq (default: the oldest held). */
  fromSeq?: number;
  /** Newest first (from the newest held down to fromSeq). */
  reverse?: boolean;
}

export interface RequestSummary {
  requestId: string;
  count: number;
  firstSeq: number;
  lastSeq: number;
  /** Time from the first to the last record, when both have a time. */
  spanMs: number | null;
  firstTime: number | null;
  /** From the access-log record, when one is held. */
  status: number | null;
  durationMs: number | null;
  /** Records at error or fatal level. */
  errors: number;
}

type Listener<T> = (value: T) => void;
const NO_LEVEL = 6;
/** What a record costs besides its text (object, index entries), for the byte budget. */
const RECORD_OVERHEAD = 64;

const LEVEL_INDEX: Record<LevelName, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5 };
function levelIndex(level: LevelName | null): number {
  return level === null ? NO_LEVEL : LEVEL_INDEX[level];
}

export function recordBytes(r: LogRecord): number {
  let n = RECORD_OVERHEAD + r.raw.length;
  const cont = r.continuation;
  for (let i = 0; i < cont.length; i++) n += cont[i].length + 1;
  return n;
}

export class LogStore {
  private readonly maxRecords: number;
  private readonly maxBytes: number;
  private ring: Array<LogRecord | undefined> = [];
  /** Seq of ring[0] before the ring wrapped (changes only on clear). */
  private base = 0;
  private first = 0;
  private next = 0;
  private byteCount = 0;
  private droppedCount = 0;
  private received = 0;
  private levels: SeqList[] = Array.from({ length: 7 }, () => new SeqList());
  private byRequest = new Map<string, SeqList>();
  private addListeners: Listener<LogRecord>[] = [];
  private evictListeners: Listener<LogRecord>[] = [];
  private updateListeners: Listener<LogRecord>[] = [];

  constructor(options: LogStoreOptions) {
    this.maxRecords = Math.max(1, Math.floor(options.maxRecords) || 1);
    this.maxBytes = Math.max(1, options.maxBytes || 1);
  }

  get size(): number {
    return this.next - this.first;
  }
  /** Records evicted to stay within the limits since the start (or the last clear). */
  get dropped(): number {
    return this.droppedCount;
  }
  get totalReceived(): number {
    return this.received;
  }
  get bytes(): number {
    return this.byteCount;
  }
  /** Seq of the oldest record held (equals nextSeq when empty). */
  get firstSeq(): number {
    return this.first;
  }
  /** Seq the next record will get. */
  get nextSeq(): number {
    return this.next;
  }

  /** Takes the record (it becomes the stored object, with `seq` set) and evicts what no longer fits. */
  add(record: Omit<LogRecord, 'seq'>): LogRecord {
    const r = record as LogRecord;
    // Full ring: the oldest record leaves first, freeing the slot the new one takes.
    if (this.next - this.first >= this.maxRecords) this.evictOldest();
    const seq = this.next++;
    r.seq = seq;
    const slot = (seq - this.base) % this.maxRecords;
    if (slot === this.ring.length) this.ring.push(r);
    else this.ring[slot] = r;
    this.received++;
    this.byteCount += recordBytes(r);
    this.levels[levelIndex(r.level)].push(seq);
    if (r.requestId !== null) {
      let list = this.byRequest.get(r.requestId);
      if (!list) this.byRequest.set(r.requestId, (list = new SeqList()));
      list.push(seq);
    }
    this.evictOverflow(r);
    for (const l of this.addListeners) l(r);
    return r;
  }

  /** Appends a continuation line (stack frame) to a held record. */
  attach(record: LogRecord, line: string): boolean {
    if (this.bySeq(record.seq) !== record) return false;
    if (Object.isFrozen(record.continuation)) record.continuation = [line];
    else record.continuation.push(line);
    this.byteCount += line.length + 1;
    for (const l of this.updateListeners) l(record);
    this.evictOverflow(record);
    return true;
  }

  bySeq(seq: number): LogRecord | undefined {
    if (seq < this.first || seq >= this.next || !Number.isInteger(seq)) return undefined;
    return this.ring[(seq - this.base) % this.maxRecords];
  }

  /** Matching records in seq order (or newest first with `reverse`). */
  query(q: CompiledQuery, options: QueryOptions = {}): LogRecord[] {
    const out: LogRecord[] = [];
    const limit = options.limit ?? Infinity;
    if (limit <= 0) return out;
    this.scan(q, options.fromSeq ?? this.first, options.reverse === true, (r) => {
      out.push(r);
      return out.length < limit;
    });
    return out;
  }

  /** Seqs of every matching record, ascending (a filtered view for a virtual list). */
  select(q: CompiledQuery, fromSeq = this.first): number[] {
    const out: number[] = [];
    this.scan(q, fromSeq, false, (r) => {
      out.push(r.seq);
      return true;
    });
    return out;
  }

  count(q: CompiledQuery): number {
    let n = 0;
    this.scan(q, this.first, false, () => {
      n++;
      return true;
    });
    return n;
  }

  /** Every held record of one request, in order. */
  forRequest(requestId: string): LogRecord[] {
    const list = this.byRequest.get(requestId);
    if (!list) return [];
    const out: LogRecord[] = [];
    for (let i = list.lowerBound(this.first); i < list.end; i++) {
      const r = this.bySeq(list.at(i));
      if (r) out.push(r);
    }
    return out;
  }

  requestSummary(requestId: string): RequestSummary | undefined {
    const records = this.forRequest(requestId);
    if (records.length === 0) return undefined;
    const firstRec = records[0];
    const last = records[records.length - 1];
    let status: number | null = null;
    let durationMs: number | null = null;
    let errors = 0;
    for (const r of records) {
      if (r.status !== null) status = r.status;
      if (r.durationMs !== null) durationMs = r.durationMs;
      if (r.level === 'error' || r.level === 'fatal') errors++;
    }
    return {
      requestId,
      count: records.length,
      firstSeq: firstRec.seq,
      lastSeq: last.seq,
      firstTime: firstRec.time,
      spanMs: firstRec.time !== null && last.time !== null ? last.time - firstRec.time : null,
      status,
      durationMs,
      errors,
    };
  }

  /** Request IDs held, most recently active first (at most `limit`). */
  requests(limit = 1000): RequestSummary[] {
    const ids: Array<[string, number]> = [];
    for (const [id, list] of this.byRequest) {
      if (list.length > 0) ids.push([id, list.at(list.end - 1)]);
    }
    ids.sort((a, b) => b[1] - a[1]);
    const out: RequestSummary[] = [];
    for (const [id] of ids.slice(0, limit)) {
      const s = this.requestSummary(id);
      if (s) out.push(s);
    }
    return out;
  }

  /** Drops every record; counters restart, seqs keep increasing. */
  clear(): void {
    this.ring = [];
    this.base = this.next;
    this.first = this.next;
    this.byteCount = 0;
    this.droppedCount = 0;
    this.received = 0;
    this.levels = Array.from({ length: 7 }, () => new SeqList());
    this.byRequest = new Map();
  }

  onAdd(fn: Listener<LogRecord>): () => void {
    return subscribe(this.addListeners, fn);
  }
  onEvict(fn: Listener<LogRecord>): () => void {
    return subscribe(this.evictListeners, fn);
  }
  /** A held record changed (a continuation line was attached). */
  onUpdate(fn: Listener<LogRecord>): () => void {
    return subscribe(this.updateListeners, fn);
  }

  private evictOverflow(keep: LogRecord): void {
    // The record just added or grown stays even when it alone exceeds the byte budget.
    while (this.byteCount > this.maxBytes && this.first < this.next && this.bySeq(this.first) !== keep) this.evictOldest();
  }

  private evictOldest(): void {
    const seq = this.first;
    const slot = (seq - this.base) % this.maxRecords;
    const r = this.ring[slot];
    this.first++;
    this.droppedCount++;
    this.ring[slot] = undefined;
    if (!r) return;
    this.byteCount -= recordBytes(r);
    this.levels[levelIndex(r.level)].dropBelow(this.first);
    if (r.requestId !== null) {
      const list = this.byRequest.get(r.requestId);
      if (list) {
        list.dropBelow(this.first);
        if (list.length === 0) this.byRequest.delete(r.requestId);
      }
    }
    for (const l of this.evictListeners) l(r);
  }

  private scan(q: CompiledQuery, fromSeq: number, reverse: boolean, take: (r: LogRecord) => boolean): void {
    const from = Math.max(fromSeq, this.first);
    if (q.requestId !== null) {
      const list = this.byRequest.get(q.requestId);
      if (list) this.scanList([list], from, reverse, q, take);
      return;
    }
    if (q.levels !== null) {
      const lists = q.levels.map((l) => this.levels[levelIndex(l)]);
      this.scanList(lists, from, reverse, q, take);
      return;
    }
    if (!reverse) {
      for (let s = from; s < this.next; s++) {
        const r = this.bySeq(s);
        if (r && matches(q, r) && !take(r)) return;
      }
    } else {
      for (let s = this.next - 1; s >= from; s--) {
        const r = this.bySeq(s);
        if (r && matches(q, r) && !take(r)) return;
      }
    }
  }

  /** Merges several ascending seq lists (one per level, or one request) and tests each candidate. */
  private scanList(lists: SeqList[], from: number, reverse: boolean, q: CompiledQuery, take: (r: LogRecord) => boolean): void {
    const pos = lists.map((l) => (reverse ? l.end - 1 : l.lowerBound(from)));
    for (;;) {
      let best = -1;
      let bestSeq = reverse ? -Infinity : Infinity;
      for (let k = 0; k < lists.length; k++) {
        const i = pos[k];
        if (reverse ? i < lists[k].start : i >= lists[k].end) continue;
        const s = lists[k].at(i);
        if (reverse ? s > bestSeq : s < bestSeq) {
          bestSeq = s;
          best = k;
        }
      }
      if (best < 0) return;
      pos[best] += reverse ? -1 : 1;
      if (reverse && bestSeq < from) return;
      const r = this.bySeq(bestSeq);
      if (r && matches(q, r) && !take(r)) return;
    }
  }
}

function subscribe<T>(list: Listener<T>[], fn: Listener<T>): () => void {
  list.push(fn);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}
