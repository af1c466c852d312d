// The bounded record buffer: a ring that evicts the oldest records past `maxRecords` or `maxBytes`
// (each eviction counted in `dropped`), with indexes by request ID and by level so that narrowing a
// full buffer to one request or to warnings touches only the candidates.
// The indexes allocate nothing per record (ingestion speed is mostly the garbage collector's work on
// what is kept): a request is its last seq in a Map plus, per ring slot, the distance back to the
// same request's previous record; a level is one byte per ring slot, scanned without touching records.
import { matches, type CompiledQuery } from './query';
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
/** Per-slot index arrays start this small and double up to maxRecords. */
const MIN_INDEX_SLOTS = 1024;
/** Largest distance kept between two records of one request; past it the chain ends (both long evicted). */
const MAX_DELTA = 0xffffffff;
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
  /** Level index (levelIndex) of the record in each ring slot. */
  private levelOf = new Uint8Array(0);
  /** seq minus the seq of the same request's previous record, per ring slot; 0 = first of its request. */
  private prevDelta = new Uint32Array(0);
  /** Request ID → seq of its newest held record. */
  private byRequest = new Map<string, number>();
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
    if (slot === this.ring.length) {
      this.ring.push(r);
      if (slot >= this.levelOf.length) this.growIndexes(slot + 1);
    } else this.ring[slot] = r;
    this.received++;
    this.byteCount += recordBytes(r);
    this.levelOf[slot] = levelIndex(r.level);
    let delta = 0;
    if (r.requestId !== null) {
      const prev = this.byRequest.get(r.requestId);
      if (prev !== undefined && seq - prev <= MAX_DELTA) delta = seq - prev;
      this.byRequest.set(r.requestId, seq);
    }
    this.prevDelta[slot] = delta;
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
    const out: LogRecord[] = [];
    for (const seq of this.requestSeqs(requestId, this.first)) {
      const r = this.bySeq(seq);
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
    for (const [id, last] of this.byRequest) if (last >= this.first) ids.push([id, last]);
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
    this.levelOf = new Uint8Array(0);
    this.prevDelta = new Uint32Array(0);
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
    // Older records of the request are gone already; newer ones keep its entry (their chain stops at `first`).
    if (r.requestId !== null && this.byRequest.get(r.requestId) === seq) this.byRequest.delete(r.requestId);
    for (const l of this.evictListeners) l(r);
  }

  /** Grows the per-slot index arrays (doubling, at most maxRecords) to hold `slots` slots. */
  private growIndexes(slots: number): void {
    let n = Math.max(MIN_INDEX_SLOTS, this.levelOf.length * 2);
    while (n < slots) n *= 2;
    n = Math.min(n, this.maxRecords);
    const levelOf = new Uint8Array(n);
    levelOf.set(this.levelOf);
    this.levelOf = levelOf;
    const prevDelta = new Uint32Array(n);
    prevDelta.set(this.prevDelta);
    this.prevDelta = prevDelta;
  }

  /** Seqs (>= fromSeq, ascending) of the held records of one request, following its chain back from the newest. */
  private requestSeqs(requestId: string, fromSeq: number): number[] {
    const out: number[] = [];
    let seq = this.byRequest.get(requestId);
    const from = Math.max(fromSeq, this.first);
    while (seq !== undefined && seq >= from) {
      out.push(seq);
      const d = this.prevDelta[(seq - this.base) % this.maxRecords];
      seq = d === 0 ? undefined : seq - d;
    }
    return out.reverse();
  }

  private scan(q: CompiledQuery, fromSeq: number, reverse: boolean, take: (r: LogRecord) => boolean): void {
    const from = Math.max(fromSeq, this.first);
    if (q.requestId !== null) {
      const seqs = this.requestSeqs(q.requestId, from);
      if (reverse) seqs.reverse();
      for (const s of seqs) {
        const r = this.bySeq(s);
        if (r && matches(q, r) && !take(r)) return;
      }
      return;
    }
    // One bit per wanted level: candidates are found in the level bytes, records are read only for them.
    let mask = 0x7f;
    if (q.levels !== null) {
      mask = 0;
      for (const l of q.levels) mask |= 1 << levelIndex(l);
    }
    const levelOf = this.levelOf;
    const cap = this.maxRecords;
    if (!reverse) {
      for (let s = from; s < this.next; s++) {
        const slot = (s - this.base) % cap;
        if ((mask & (1 << levelOf[slot])) === 0) continue;
        const r = this.ring[slot];
        if (r && matches(q, r) && !take(r)) return;
      }
    } else {
      for (let s = this.next - 1; s >= from; s--) {
        const slot = (s - this.base) % cap;
        if ((mask & (1 << levelOf[slot])) === 0) continue;
        const r = this.ring[slot];
        if (r && matches(q, r) && !take(r)) return;
      }
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
