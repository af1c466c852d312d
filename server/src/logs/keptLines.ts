// How the store reads a columnar record back (see store.ts): its line's bytes, from the block in
// memory or read back from its file into a spare buffer (at most LOADED_BLOCKS stay loaded, so a
// scan over many blocks touches no fresh memory), its source and decoder by number, and the record
// decoded whole, as one reused view for a scan, or from the indexed fields alone. A line whose file
// was truncated or rewritten before it was copied reads as a record that says so.
import { orNull, type SlotColumns } from './columns';
import { FileBlock } from './fileBlock';
import { LineView, type RecordDecoder } from './lineView';
import { matches, type CompiledQuery } from './query';
import type { RequestIndex } from './requestIndex';
import type { KeptBlock } from './splitter';
import type { LevelName, LogRecord } from './types';

/** File blocks read back and kept loaded at once (a scan reads a block's lines in a row). */
const LOADED_BLOCKS = 8;
/** Smallest buffer lent to a block read back: a file source reads 1 MiB at a time. */
const SPARE_BYTES = 1024 * 1024;

export const LEVEL_NAMES_BY_INDEX: Array<LevelName | null> = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', null];

export class KeptLines {
  private sources: string[] = [];
  private sourceIndex = new Map<string, number>();
  private lastSource: string | null = null;
  private lastSourceIndex = 0;
  private readonly decoders: RecordDecoder[] = [];
  private readonly lineView = new LineView();
  /** File blocks whose bytes were read back, oldest first (at most LOADED_BLOCKS stay loaded). */
  private loaded: FileBlock[] = [];
  /** Buffers blocks read back were lent and gave back (at most LOADED_BLOCKS + 1 exist). */
  private spare: Buffer[] = [];
  /** What index-only queries are tested against (see matchesIndexed): the indexed fields of one slot. */
  private readonly probe: LogRecord = {
    seq: -1, source: '', raw: '', cut: false, format: null, time: null, level: null, message: '', requestId: null,
    traceId: null, continuation: [], caller: null, status: null, durationMs: null,
  };

  constructor(
    private readonly cols: SlotColumns,
    private readonly byRequest: RequestIndex,
    /** The block a columnar record's slot keeps its line in. */
    private readonly blockAt: (slot: number) => KeptBlock,
  ) {}

  /** Index of `source` in `sources` (lines come in runs from one source: the last one is remembered). */
  sourceNumber(source: string): number {
    if (source === this.lastSource) return this.lastSourceIndex;
    let si = this.sourceIndex.get(source);
    if (si === undefined) {
      si = this.sources.push(source) - 1;
      this.sourceIndex.set(source, si);
    }
    this.lastSource = source;
    this.lastSourceIndex = si;
    return si;
  }

  decoderIndex(d: RecordDecoder): number {
    if (d === this.decoders[0]) return 0;
    let i = this.decoders.indexOf(d);
    if (i < 0) {
      // More than 127 parsers feeding one store is not a real setup; the last one is reused.
      if (this.decoders.length >= 127) return this.decoders.length - 1;
      i = this.decoders.push(d) - 1;
    }
    return i;
  }

  /** A buffer a block no longer needs (given back when it was pinned), for the next block read back. */
  giveBack(buffer: Buffer): void {
    this.spare.push(buffer);
  }

  /** The line's bytes exactly as logged (see LogStore.lineBytes), or null when its file no longer has it. */
  lineBytes(slot: number): Buffer | null {
    const kept = this.bytesOf(slot);
    if (kept === null) return null;
    const start = this.cols.startOf[slot];
    const end = this.cols.endOf[slot];
    // An all-ASCII block: characters are bytes.
    return typeof kept === 'string' ? Buffer.from(kept.slice(start, end), 'latin1') : kept.subarray(start, end);
  }

  /** Whether the columnar record in `slot` matches `q`, which reads only indexed fields (see indexedOnly): the line is not read. */
  matchesIndexed(q: CompiledQuery, slot: number): boolean {
    const p = this.probe;
    p.level = LEVEL_NAMES_BY_INDEX[this.cols.levelOf[slot]];
    p.requestId = this.byRequest.idAt(slot);
    p.time = orNull(this.cols.timeOf[slot]);
    return matches(q, p);
  }

  /** The scan's view of the columnar record in `slot` (one object, reused). */
  view(seq: number, slot: number): LogRecord {
    const kept = this.bytesOf(slot);
    if (kept === null) return this.goneRecord(seq, slot);
    const flags = this.cols.flagsOf[slot];
    const v = this.lineView.set(
      seq, this.sources[this.cols.sourceOf[slot]], (flags & 1) === 1, kept, this.cols.startOf[slot], this.cols.endOf[slot],
      this.decoders[flags >> 1], this.cols.formatOf[slot] - 1,
    );
    v.level = LEVEL_NAMES_BY_INDEX[this.cols.levelOf[slot]];
    v.requestId = this.byRequest.idAt(slot);
    v.time = orNull(this.cols.timeOf[slot]);
    v.status = orNull(this.cols.statusOf[slot]);
    v.durationMs = orNull(this.cols.durationOf[slot]);
    return v;
  }

  /** The columnar record in `slot` decoded whole (a new object). */
  decode(seq: number, slot: number): LogRecord {
    const kept = this.bytesOf(slot);
    if (kept === null) return this.goneRecord(seq, slot);
    const flags = this.cols.flagsOf[slot];
    const r = this.decoders[flags >> 1].decode(
      kept, this.cols.startOf[slot], this.cols.endOf[slot], (flags & 1) === 1, this.sources[this.cols.sourceOf[slot]], this.cols.formatOf[slot] - 1,
    ) as LogRecord;
    r.seq = seq;
    return r;
  }

  /** Forgets every source, and lets loaded blocks and spare buffers go (the store was cleared). */
  clear(): void {
    for (const b of this.loaded) b.unload();
    this.loaded = [];
    this.spare = [];
    this.sources = [];
    this.sourceIndex = new Map();
    this.lastSource = null;
  }

  /** The bytes of the block `slot`'s line is kept in; null when it was kept in a file that no longer has it. */
  private bytesOf(slot: number): Buffer | string | null {
    const e = this.blockAt(slot);
    if (!(e instanceof FileBlock)) return e;
    const b = this.fileBytes(e);
    // The line must still sit between newlines where it was read: a cheap check on every read, on
    // top of the block's sampled fingerprint (a rewrite of look-alike lines could pass that).
    if (b !== null && !lineBoundsHold(b, this.cols.startOf[slot], this.cols.endOf[slot])) {
      e.spoil();
      return null;
    }
    return b;
  }

  /** A file block's bytes: in memory already, or read back into a spare buffer. */
  private fileBytes(e: FileBlock): Buffer | null {
    if (e.inMemory) return e.bytes();
    // Into a buffer let go by an earlier block: a scan over many blocks touches no fresh memory.
    const spare = this.spare.pop();
    const buffer = spare !== undefined && spare.length >= e.length ? spare : Buffer.allocUnsafe(Math.max(e.length, SPARE_BYTES));
    const b = e.readInto(buffer);
    if (b === null) {
      this.spare.push(buffer);
      return null;
    }
    this.loaded.push(e);
    if (this.loaded.length > LOADED_BLOCKS) {
      const back = this.loaded.shift()!.unload();
      if (back !== null) this.spare.push(back);
    }
    return b;
  }

  /**
   * A record whose line was kept in a file that was truncated or rewritten before the line was copied
   * (see FileBlock): what the columns hold, and a message that says so instead of another line's text.
   */
  private goneRecord(seq: number, slot: number): LogRecord {
    const block = this.blockAt(slot) as FileBlock;
    const text = `(this line is no longer in ${block.file.path}: the file was truncated or rewritten before it was copied)`;
    return {
      seq,
      source: this.sources[this.cols.sourceOf[slot]],
      raw: text,
      cut: false,
      format: null,
      time: orNull(this.cols.timeOf[slot]),
      level: LEVEL_NAMES_BY_INDEX[this.cols.levelOf[slot]],
      message: text,
      requestId: this.byRequest.idAt(slot),
      traceId: null,
      continuation: [],
      caller: null,
      status: orNull(this.cols.statusOf[slot]),
      durationMs: orNull(this.cols.durationOf[slot]),
    };
  }
}

/** Whether b[start, end) is a whole line of `b`: a newline before it (or the start), "\n" or "\r\n" after it (or the end). */
function lineBoundsHold(b: Buffer, start: number, end: number): boolean {
  if (start > 0 && b[start - 1] !== 10) return false;
  if (end >= b.length) return end === b.length;
  return b[end] === 10 || (b[end] === 13 && (end + 1 === b.length || b[end + 1] === 10));
}
