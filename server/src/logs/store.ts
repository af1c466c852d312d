// The bounded record buffer: a ring that evicts the oldest records past `maxRecords` or `maxBytes`
// (each eviction counted in `dropped`), with indexes by request ID and by level so that narrowing a
// full buffer to one request or to warnings touches only the candidates.
// Storage is columnar (as hl does it): a record that came through the pipeline (addLine) is its
// line's bytes (a range of the block its chunk was copied into, or of its file) plus the indexed
// fields in typed arrays (time, level, status, duration) and compact arrays (request ID, source); the LogRecord
// object is decoded from the bytes only when someone reads it (bySeq, query, listeners). Ingestion
// speed is mostly the garbage collector's work on what is kept, so nothing is allocated per record.
// Records handed to add() stay the objects they are (bySeq returns that very object), and so does a
// line once a continuation line is attached to it. The index by request is RequestIndex; reading a
// columnar record back is KeptLines. A line read from a file is kept as its place in the file
// (FileBlock) until settle() copies it in.
import { SlotColumns } from './columns';
import { FileBlock } from './fileBlock';
import { KeptLines } from './keptLines';
import type { LineColumns } from './parser';
import { matches, type CompiledQuery } from './query';
import type { RecordDecoder } from './lineView';
import { RequestIndex, type RequestSummary } from './requestIndex';
import type { KeptBlock } from './splitter';
import type { LevelName, LogRecord } from './types';

export type { RecordDecoder } from './lineView';
export type { RequestSummary } from './requestIndex';

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
  /** Per ring slot: the record object, or the block holding the line (a columnar record; see LineSink). */
  private ring: Array<LogRecord | KeptBlock | undefined> = [];
  /** Seq of ring[0] before the ring wrapped (changes only on clear). */
  private base = 0;
  private first = 0;
  private next = 0;
  private byteCount = 0;
  private droppedCount = 0;
  private received = 0;
  /** The indexed fields of every slot, and where columnar records are kept. */
  private readonly cols = new SlotColumns();
  /** Request ID per slot, and each request's chain of records. */
  private readonly byRequest = new RequestIndex(this.cols, (seq) => this.slotOf(seq));
  /** Reads columnar records back: their bytes, sources, decoders. */
  private readonly lines = new KeptLines(this.cols, this.byRequest, (slot) => this.ring[slot] as KeptBlock);
  /** settle() has pinned every file block of the records before this seq. */
  private settledTo = 0;
  private addListeners: Listener<LogRecord>[] = [];
  private evictListeners: Listener<LogRecord>[] = [];
  private updateListeners: Listener<LogRecord>[] = [];
  /** Told only the seq: nothing is decoded for them (the panel, which reads rows only when shown). */
  private addSeqListeners: Listener<number>[] = [];
  private evictSeqListeners: Listener<number>[] = [];
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
    const seq = this.claim();
    r.seq = seq;
    const slot = this.slotOf(seq);
    this.ring[slot] = r;
    this.cols.formatOf[slot] = 0;
    this.byteCount += recordBytes(r);
    this.index(seq, slot, r.level, r.time, r.requestId, r.status, r.durationMs);
    this.evictOverflow(seq);
    for (const l of this.addListeners) l(r);
    for (const l of this.addSeqListeners) l(seq);
    return r;
  }

  /**
   * Keeps the line at `block[start, end)` (never written to again: bytes, or the characters of an
   * all-ASCII string) as a columnar record with the indexed fields the parser found; `decoder` turns
   * it back into a record when it is read. Returns its seq.
   */
  addLine(source: string, block: KeptBlock, start: number, end: number, cut: boolean, fields: LineColumns, decoder: RecordDecoder): number {
    const seq = this.claim();
    const slot = this.slotOf(seq);
    this.ring[slot] = block;
    this.cols.startOf[slot] = start;
    this.cols.endOf[slot] = end;
    this.cols.formatOf[slot] = fields.format + 1;
    this.cols.flagsOf[slot] = (cut ? 1 : 0) | (this.lines.decoderIndex(decoder) << 1);
    this.cols.sourceOf[slot] = this.lines.sourceNumber(source);
    this.byteCount += RECORD_OVERHEAD + (end - start);
    this.index(seq, slot, fields.level, fields.time, fields.requestId, fields.status, fields.durationMs);
    this.evictOverflow(seq);
    if (this.addListeners.length) {
      const r = this.lines.decode(seq, slot);
      for (const l of this.addListeners) l(r);
    }
    for (const l of this.addSeqListeners) l(seq);
    return seq;
  }

  /** Appends a continuation line (stack frame) to a held record: the very object held, nothing else. */
  attach(record: LogRecord, line: string): boolean {
    if (this.entry(record.seq) !== record) return false;
    this.appendContinuation(record, line);
    return true;
  }

  /** Appends a continuation line to the held record `seq`; returns the record, or undefined when it is no longer held. */
  attachTo(seq: number, line: string): LogRecord | undefined {
    const held = this.entry(seq);
    if (held === undefined) return undefined;
    let record: LogRecord;
    if (isLine(held)) {
      // A columnar record becomes an object from now on, so that its continuation lines are kept with it.
      const slot = this.slotOf(seq);
      record = this.lines.decode(seq, slot);
      this.byteCount += recordBytes(record) - (RECORD_OVERHEAD + this.cols.endOf[slot] - this.cols.startOf[slot]);
      this.ring[slot] = record;
      this.cols.formatOf[slot] = 0;
    } else record = held;
    this.appendContinuation(record, line);
    return record;
  }

  private appendContinuation(record: LogRecord, line: string): void {
    if (Object.isFrozen(record.continuation)) record.continuation = [line];
    else record.continuation.push(line);
    this.byteCount += line.length + 1;
    for (const l of this.updateListeners) l(record);
    this.evictOverflow(record.seq);
  }

  /** The held record `seq`: records kept as bytes are decoded (a new object at each call). */
  bySeq(seq: number): LogRecord | undefined {
    const e = this.entry(seq);
    if (e === undefined) return undefined;
    return isLine(e) ? this.lines.decode(seq, this.slotOf(seq)) : e;
  }

  /**
   * The bytes of the held line `seq` exactly as they were logged (no decoding: invalid UTF-8 stays
   * as it is), or null for a record held as an object (plain text, or one that took continuation
   * lines: read its `raw`) or one whose line is no longer in its file. The buffer may be one the store
   * reuses: copy it before the store is used again.
   */
  lineBytes(seq: number): Buffer | null {
    const e = this.entry(seq);
    if (e === undefined || !isLine(e)) return null;
    return this.lines.lineBytes(this.slotOf(seq));
  }

  /** Whether the held record `seq` is a line cut at the splitter's limit (read from the columns). */
  isCut(seq: number): boolean {
    const e = this.entry(seq);
    if (e === undefined) return false;
    return isLine(e) ? (this.cols.flagsOf[this.slotOf(seq)] & 1) === 1 : e.cut;
  }

  /** Matching records in seq order (or newest first with `reverse`). */
  query(q: CompiledQuery, options: QueryOptions = {}): LogRecord[] {
    const out: LogRecord[] = [];
    const limit = options.limit ?? Infinity;
    if (limit <= 0) return out;
    this.scan(q, options.fromSeq ?? this.first, options.reverse === true, (seq, r) => {
      out.push(r ?? this.bySeq(seq)!);
      return out.length < limit;
    });
    return out;
  }

  /** Seqs of every matching record, ascending (a filtered view for a virtual list). */
  select(q: CompiledQuery, fromSeq = this.first): number[] {
    const out: number[] = [];
    this.scan(q, fromSeq, false, (seq) => {
      out.push(seq);
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
    for (const seq of this.byRequest.seqs(requestId, this.first)) {
      const r = this.bySeq(seq);
      if (r) out.push(r);
    }
    return out;
  }

  /** From the indexed fields only: no record is decoded. */
  requestSummary(requestId: string): RequestSummary | undefined {
    return this.byRequest.summary(requestId, this.first);
  }

  /** Request IDs held, most recently active first (at most `limit`). */
  requests(limit = 1000): RequestSummary[] {
    const ids = this.byRequest.active(this.first);
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
    this.lines.clear();
    this.base = this.next;
    this.first = this.next;
    this.byteCount = 0;
    this.droppedCount = 0;
    this.received = 0;
    this.cols.reset();
    this.byRequest.clear();
  }

  onAdd(fn: Listener<LogRecord>): () => void {
    return subscribe(this.addListeners, fn);
  }
  onEvict(fn: Listener<LogRecord>): () => void {
    return subscribe(this.evictListeners, fn);
  }
  /** Like onAdd, told only the seq: nothing is decoded (read the record with bySeq if needed). */
  onAddSeq(fn: Listener<number>): () => void {
    return subscribe(this.addSeqListeners, fn);
  }
  /** Like onEvict, told only the seq of the record leaving (no longer readable). */
  onEvictSeq(fn: Listener<number>): () => void {
    return subscribe(this.evictSeqListeners, fn);
  }

  /** Whether the held record `seq` matches `q`, read in place (a columnar record is not decoded whole). */
  matchesSeq(q: CompiledQuery, seq: number): boolean {
    const e = this.entry(seq);
    if (e === undefined) return false;
    if (!isLine(e)) return matches(q, e);
    const slot = this.slotOf(seq);
    // What the indexes say first: a record of another request or level is rejected without reading its line.
    if (q.requestId !== null && this.byRequest.idAt(slot) !== q.requestId) return false;
    if (q.levels !== null && (levelMask(q.levels) & (1 << this.cols.levelOf[slot])) === 0) return false;
    return q.indexedOnly ? this.lines.matchesIndexed(q, slot) : matches(q, this.lines.view(seq, slot));
  }

  /** A held record changed (a continuation line was attached). */
  onUpdate(fn: Listener<LogRecord>): () => void {
    return subscribe(this.updateListeners, fn);
  }

  private slotOf(seq: number): number {
    return (seq - this.base) % this.maxRecords;
  }

  /** What ring slot `seq` holds, undefined when it is not held. */
  private entry(seq: number): LogRecord | KeptBlock | undefined {
    if (seq < this.first || seq >= this.next || !Number.isInteger(seq)) return undefined;
    return this.ring[this.slotOf(seq)];
  }

  /** The next seq, with its ring slot free (the oldest record leaves first when the ring is full). */
  private claim(): number {
    if (this.next - this.first >= this.maxRecords) this.evictOldest();
    const seq = this.next++;
    const slot = this.slotOf(seq);
    if (slot === this.ring.length) {
      this.ring.push(undefined);
      this.byRequest.addSlot();
      if (slot >= this.cols.capacity) this.cols.grow(slot + 1, this.maxRecords);
    }
    this.received++;
    return seq;
  }

  private index(seq: number, slot: number, level: LevelName | null, time: number | null, requestId: string | null, status: number | null, durationMs: number | null): void {
    this.cols.levelOf[slot] = levelIndex(level);
    this.cols.timeOf[slot] = time ?? NaN;
    this.cols.statusOf[slot] = status ?? NaN;
    this.cols.durationOf[slot] = durationMs ?? NaN;
    this.byRequest.note(seq, slot, requestId);
  }

  /**
   * Copies the lines still kept as places in files into memory, oldest first, about `budgetBytes` of
   * them per call (a holder calls it in idle time: see FileBlock). True while some are left.
   */
  settle(budgetBytes = 4 * 1024 * 1024): boolean {
    let done = 0;
    let last: FileBlock | null = null;
    let seq = Math.max(this.settledTo, this.first);
    for (; seq < this.next && done < budgetBytes; seq++) {
      const e = this.ring[this.slotOf(seq)];
      if (!(e instanceof FileBlock) || e === last) continue;
      last = e;
      if (!e.pinned) {
        const lent = e.pin();
        if (lent !== null) this.lines.giveBack(lent);
        done += e.length;
      }
    }
    this.settledTo = seq;
    return seq < this.next;
  }

  private evictOverflow(keep: number): void {
    // The record just added or grown stays even when it alone exceeds the byte budget.
    while (this.byteCount > this.maxBytes && this.first < this.next && this.first !== keep) this.evictOldest();
  }

  private evictOldest(): void {
    const seq = this.first;
    const slot = this.slotOf(seq);
    const e = this.ring[slot];
    if (e === undefined) {
      this.first++;
      this.droppedCount++;
      return;
    }
    const r = this.evictListeners.length ? (isLine(e) ? this.lines.decode(seq, slot) : e) : undefined;
    this.byteCount -= isLine(e) ? RECORD_OVERHEAD + this.cols.endOf[slot] - this.cols.startOf[slot] : recordBytes(e);
    this.first++;
    this.droppedCount++;
    this.ring[slot] = undefined;
    this.byRequest.evicted(seq, slot);
    if (r !== undefined) for (const l of this.evictListeners) l(r);
    for (const l of this.evictSeqListeners) l(seq);
  }

  /**
   * Calls `take(seq, record)` for each match until it returns false. A query that names only indexed
   * fields (levels, request, time) is answered from the columns (`record` is then undefined for
   * columnar records); any other decodes each candidate.
   */
  private scan(q: CompiledQuery, fromSeq: number, reverse: boolean, take: (seq: number, r: LogRecord | undefined) => boolean): void {
    const from = Math.max(fromSeq, this.first);
    const onlyIndexed = q.indexedOnly;
    const test = (seq: number, slot: number): boolean => {
      const e = this.ring[slot];
      if (e === undefined) return true;
      if (!isLine(e)) return !matches(q, e) || take(seq, e);
      if (onlyIndexed) return !this.lines.matchesIndexed(q, slot) || take(seq, undefined);
      return !matches(q, this.lines.view(seq, slot)) || take(seq, undefined);
    };
    if (q.requestId !== null) {
      const seqs = this.byRequest.seqs(q.requestId, from);
      if (reverse) seqs.reverse();
      for (const s of seqs) if (!test(s, this.slotOf(s))) return;
      return;
    }
    // One bit per wanted level: candidates are found in the level bytes, records are read only for them.
    const mask = q.levels === null ? 0x7f : levelMask(q.levels);
    const levelOf = this.cols.levelOf;
    if (!reverse) {
      for (let s = from; s < this.next; s++) {
        const slot = this.slotOf(s);
        if ((mask & (1 << levelOf[slot])) !== 0 && !test(s, slot)) return;
      }
    } else {
      for (let s = this.next - 1; s >= from; s--) {
        const slot = this.slotOf(s);
        if ((mask & (1 << levelOf[slot])) !== 0 && !test(s, slot)) return;
      }
    }
  }
}

/** One bit per level index (see levelIndex) of `levels`. */
function levelMask(levels: LevelName[]): number {
  let mask = 0;
  for (const l of levels) mask |= 1 << levelIndex(l);
  return mask;
}

/** A ring entry that is a columnar record's block rather than a record object. */
function isLine(e: LogRecord | KeptBlock): e is KeptBlock {
  return typeof e === 'string' || Buffer.isBuffer(e) || e instanceof FileBlock;
}

function subscribe<T>(list: Listener<T>[], fn: Listener<T>): () => void {
  list.push(fn);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}
