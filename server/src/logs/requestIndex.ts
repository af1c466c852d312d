// The store's index by request ID: the request of every ring slot, and for each request its newest
// held record plus, per slot, the distance back to the same request's previous record (a chain in
// the store's prevDelta column), so narrowing a full buffer to one request touches only its records.
// A request's lines come in runs, so most lines update two fields instead of the Map.
import { orNull, type SlotColumns } from './columns';

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

/** Level indexes (see SlotColumns.levelOf) that count as errors in a summary: error and fatal. */
const ERROR_LEVEL = 4;
const FATAL_LEVEL = 5;

/** Largest distance kept between two records of one request; past it the chain ends (both long evicted). */
const MAX_DELTA = 0xffffffff;

export class RequestIndex {
  /** Request ID per ring slot. */
  private requestOf: Array<string | null> = [];
  /**
   * Request ID → seq of its newest held record, except for `current`, the request of the last record
   * that had one, whose newest seq is `currentSeq` (its entry here may be older).
   */
  private newest = new Map<string, number>();
  private current: string | null = null;
  private currentSeq = -1;

  constructor(
    private readonly cols: SlotColumns,
    private readonly slotOf: (seq: number) => number,
  ) {}

  /** The ring grew by one slot. */
  addSlot(): void {
    this.requestOf.push(null);
  }

  idAt(slot: number): string | null {
    return this.requestOf[slot];
  }

  /** Record `seq` in `slot` belongs to `requestId` (or to none). */
  note(seq: number, slot: number, requestId: string | null): void {
    this.requestOf[slot] = requestId;
    let delta = 0;
    if (requestId !== null) {
      let prev: number | undefined;
      if (requestId === this.current) prev = this.currentSeq;
      else {
        if (this.current !== null) this.newest.set(this.current, this.currentSeq);
        prev = this.newest.get(requestId);
        this.current = requestId;
      }
      this.currentSeq = seq;
      if (prev !== undefined && seq - prev <= MAX_DELTA) delta = seq - prev;
    }
    this.cols.prevDelta[slot] = delta;
  }

  /** Record `seq` left the buffer: older records of its request are gone already; newer ones keep the entry. */
  evicted(seq: number, slot: number): void {
    const requestId = this.requestOf[slot];
    this.requestOf[slot] = null;
    if (requestId === null) return;
    if (this.newest.get(requestId) === seq) this.newest.delete(requestId);
    if (requestId === this.current && this.currentSeq === seq) this.current = null;
  }

  /** Seqs (>= from, ascending) of the records of one request, following its chain back from the newest. */
  seqs(requestId: string, from: number): number[] {
    const out: number[] = [];
    let seq = requestId === this.current ? this.currentSeq : this.newest.get(requestId);
    while (seq !== undefined && seq >= from) {
      out.push(seq);
      const d = this.cols.prevDelta[this.slotOf(seq)];
      seq = d === 0 ? undefined : seq - d;
    }
    return out.reverse();
  }

  /** [request ID, newest seq] of the requests with a record at or after `from`, in no order. */
  active(from: number): Array<[string, number]> {
    if (this.current !== null) this.newest.set(this.current, this.currentSeq);
    const ids: Array<[string, number]> = [];
    for (const [id, last] of this.newest) if (last >= from) ids.push([id, last]);
    return ids;
  }

  /** What the columns say of one request's records from `from` on (no record is decoded). */
  summary(requestId: string, from: number): RequestSummary | undefined {
    const seqs = this.seqs(requestId, from);
    if (seqs.length === 0) return undefined;
    const cols = this.cols;
    let status: number | null = null;
    let durationMs: number | null = null;
    let errors = 0;
    for (const seq of seqs) {
      const slot = this.slotOf(seq);
      if (!Number.isNaN(cols.statusOf[slot])) status = cols.statusOf[slot];
      if (!Number.isNaN(cols.durationOf[slot])) durationMs = cols.durationOf[slot];
      const level = cols.levelOf[slot];
      if (level === ERROR_LEVEL || level === FATAL_LEVEL) errors++;
    }
    const firstSeq = seqs[0];
    const lastSeq = seqs[seqs.length - 1];
    const firstTime = orNull(cols.timeOf[this.slotOf(firstSeq)]);
    const lastTime = orNull(cols.timeOf[this.slotOf(lastSeq)]);
    return {
      requestId,
      count: seqs.length,
      firstSeq,
      lastSeq,
      firstTime,
      spanMs: firstTime !== null && lastTime !== null ? lastTime - firstTime : null,
      status,
      durationMs,
      errors,
    };
  }

  clear(): void {
    this.requestOf = [];
    this.newest = new Map();
    this.current = null;
  }
}
