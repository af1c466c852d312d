// The store's per-slot columns: the indexed fields of every held record, and where a columnar record's
// line is kept, in typed arrays (no object per record; a level or request scan reads only these).
// Fresh memory costs page faults (~4 ms per MB here) and a grown array copies the old one (into fresh
// memory), so the arrays start small and grow by 16: the untouched tail of a larger array costs
// nothing, each copy is paid in faults again (x16 measured ~15 ms faster than x4 on 134k records).

/** Columns start with this many slots and grow up to the store's maxRecords. */
const MIN_SLOTS = 1024;

export class SlotColumns {
  // For every record (object or columnar).
  /** The record's level as an index (trace 0 ... fatal 5, none 6). */
  levelOf = new Uint8Array(0);
  /** seq minus the seq of the same request's previous record; 0 = first of its request. */
  prevDelta = new Uint32Array(0);
  /** Epoch ms, status, duration: NaN for none. */
  timeOf = new Float64Array(0);
  statusOf = new Float64Array(0);
  durationOf = new Float64Array(0);
  // For columnar records only.
  /** The line is kept[startOf, endOf) of the slot's block. */
  startOf = new Uint32Array(0);
  endOf = new Uint32Array(0);
  /** Format index (for the decoder) + 1; 0 = not a columnar record. */
  formatOf = new Uint8Array(0);
  /** Bit 0: the line was cut; bits 1-7: index of its decoder. */
  flagsOf = new Uint8Array(0);
  /** Index of the record's source in the store's list of sources. */
  sourceOf = new Uint32Array(0);

  get capacity(): number {
    return this.levelOf.length;
  }

  /** Empties every column. */
  reset(): void {
    this.allocate(0);
  }

  /** Grows every column to hold at least `slots` slots (at most `max`), keeping what they hold. */
  grow(slots: number, max: number): void {
    let n = Math.max(MIN_SLOTS, this.capacity * 16);
    while (n < slots) n *= 2;
    n = Math.min(n, max);
    const old = [this.levelOf, this.prevDelta, this.timeOf, this.statusOf, this.durationOf, this.startOf, this.endOf, this.formatOf, this.flagsOf, this.sourceOf] as const;
    this.allocate(n);
    this.levelOf.set(old[0]);
    this.prevDelta.set(old[1]);
    this.timeOf.set(old[2]);
    this.statusOf.set(old[3]);
    this.durationOf.set(old[4]);
    this.startOf.set(old[5]);
    this.endOf.set(old[6]);
    this.formatOf.set(old[7]);
    this.flagsOf.set(old[8]);
    this.sourceOf.set(old[9]);
  }

  private allocate(n: number): void {
    this.levelOf = new Uint8Array(n);
    this.prevDelta = new Uint32Array(n);
    this.timeOf = new Float64Array(n);
    this.statusOf = new Float64Array(n);
    this.durationOf = new Float64Array(n);
    this.startOf = new Uint32Array(n);
    this.endOf = new Uint32Array(n);
    this.formatOf = new Uint8Array(n);
    this.flagsOf = new Uint8Array(n);
    this.sourceOf = new Uint32Array(n);
  }
}

/** A number column's value, NaN meaning none. */
export function orNull(n: number): number | null {
  return Number.isNaN(n) ? null : n;
}
