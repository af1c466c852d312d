// Turns a stream of byte chunks into lines, as bytes. Chunks arrive cut anywhere (inside a line,
// inside a multi-byte UTF-8 character), so only complete lines are handed on: the bytes after the
// last newline wait for the next chunk. Lines are never decoded here: the parser scans their bytes,
// and the store keeps them. The complete lines of a chunk read from a file are kept as their place
// in it (a FileBlock: no copy); those of any other chunk are copied once into a block of their own
// (the caller may reuse its buffer) that every line of the chunk points into: a Buffer, or for a
// big all-ASCII chunk an external Latin-1 string (see EXTERNAL_MIN). Memory stays
// bounded: a line longer than `maxLineBytes` keeps its first `maxLineBytes` bytes (never half a
// character), is marked `cut`, and the rest is skipped (only counted) up to its newline.
import { isAscii } from 'node:buffer';
import type { FileBlock, FileOrigin } from './fileBlock';
import type { RawLine } from './types';

export interface LineSplitterOptions {
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

/**
 * Receives one line: `b[start, end)` are its bytes (CR stripped; valid only during the call), whether
 * it was cut at the limit, its length in bytes before any cut (CR included), and the same line in a
 * block that is never written to again, so it may be kept: `kept[keptAt, keptAt + end - start)`,
 * bytes of a Buffer, characters of an all-ASCII string (one character per byte), or bytes of a
 * FileBlock (lines of a chunk read from a file are kept as their place in it).
 */
export type LineSink = (b: Buffer, start: number, end: number, cut: boolean, bytes: number, kept: KeptBlock, keptAt: number) => void;

/** Where kept lines live (see LineSink). */
export type KeptBlock = Buffer | string | FileBlock;

const NL = 10;
const CR = 13;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
/**
 * Node hands back Latin-1 text of at least this many bytes (its EXTERN_APEX, 0xFBEE9) as an external
 * string: the characters live outside the JS heap. A big all-ASCII block (a file read in 1 MiB
 * chunks) is kept as such a string (ASCII is Latin-1: one character per byte) and its lines are
 * scanned in the caller's chunk: measured on the 50 MB bench log, keeping the blocks this way cost
 * ~55-75 ms per pass where Buffer copies of them cost ~185 ms (fresh memory is mostly page faults here).
 */
const EXTERNAL_MIN = 0xfbee9 + 1;

export class LineSplitter {
  private readonly max: number;
  /** Bytes of the current, unfinished line (never more than `max` + 1 in total). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** True while skipping the tail of an over-long line; `skipped` counts the bytes dropped. */
  private skipping = false;
  private skipped = 0;

  constructor(options: LineSplitterOptions = {}) {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.max = Number.isFinite(max) && max >= 16 ? Math.floor(max) : DEFAULT_MAX_LINE_BYTES;
  }

  /** The complete lines of `chunk` (and of what came before it), decoded. */
  push(chunk: Buffer): RawLine[] {
    const out: RawLine[] = [];
    this.pushEach(chunk, (b, start, end, cut, bytes) => out.push({ text: b.toString('utf8', start, end), cut, bytes }));
    return out;
  }

  /**
   * Like push, but hands each line's bytes to `emit` (the ingestion path: nothing decoded). With
   * `origin` (the chunk is a file's bytes from origin.position on), the complete lines are kept as a
   * block of that file instead of a copy.
   */
  pushEach(chunk: Buffer, emit: LineSink, origin?: FileOrigin): void {
    let start = 0;
    const len = chunk.length;
    // Finish the line left over from earlier chunks first.
    if (this.skipping || this.pendingBytes > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.append(chunk, 0, len);
        return;
      }
      this.append(chunk, 0, nl);
      this.takePending(emit);
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      if (origin !== undefined && last > start) {
        this.splitBlock(chunk, start, last, origin.file.block(chunk, start, last, origin.position + start), emit);
      } else if (last - start >= EXTERNAL_MIN && isAscii(chunk.subarray(start, last))) {
        this.splitBlock(chunk, start, last, chunk.toString('latin1', start, last), emit);
      } else {
        // One copy for all the complete lines (a pooled slice when small).
        const block = Buffer.from(chunk.subarray(start, last));
        this.splitBlock(block, 0, block.length, block, emit);
      }
      start = last + 1;
    }
    if (start < len) this.append(chunk, start, len);
  }

  /** Delivers the last line when the stream ended without a newline. */
  flushEach(emit: LineSink): void {
    if (this.skipping || this.pendingBytes > 0) this.takePending(emit);
  }

  /** Returns the last line when the stream ended without a newline. */
  flush(): RawLine[] {
    const out: RawLine[] = [];
    this.flushEach((b, start, end, cut, bytes) => out.push({ text: b.toString('utf8', start, end), cut, bytes }));
    return out;
  }

  /**
   * Emits the lines of `b[from, to)`: whole lines separated by "\n" (the last one ends at `to`), kept
   * in `kept` (a Buffer: `b` itself; a string or a file block: the same bytes from `from` on).
   */
  private splitBlock(b: Buffer, from: number, to: number, kept: KeptBlock, emit: LineSink): void {
    const max = this.max;
    const shift = kept === b ? 0 : from;
    let pos = from;
    for (;;) {
      let nl = b.indexOf(NL, pos);
      if (nl < 0 || nl > to) nl = to;
      const bytes = nl - pos;
      let end = nl;
      if (end > pos && b[end - 1] === CR) end--;
      if (bytes > max) {
        // A copy of its own, so that a record of a cut line never pins the whole block.
        const head = Buffer.from(b.subarray(pos, cutEnd(b, pos, end, max)));
        emit(head, 0, head.length, true, bytes, head, 0);
      } else emit(b, pos, end, false, bytes, kept, pos - shift);
      if (nl >= to) break;
      pos = nl + 1;
    }
  }

  /** Adds `chunk[from, to)` to the unfinished line, keeping at most `max` bytes. */
  private append(chunk: Buffer, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.skipping) {
      this.skipped += n;
      return;
    }
    const room = this.max - this.pendingBytes;
    if (n <= room) {
      // Copy: the caller may reuse its buffer for the next read.
      this.pending.push(Buffer.from(chunk.subarray(from, to)));
      this.pendingBytes += n;
      return;
    }
    // Keep one byte over the limit so the cut can see whether a character continues past it.
    this.pending.push(Buffer.from(chunk.subarray(from, from + room + 1)));
    this.pendingBytes += room + 1;
    this.skipping = true;
    this.skipped = n - room - 1;
  }

  private takePending(emit: LineSink): void {
    const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const bytes = this.pendingBytes + this.skipped;
    const wasCut = this.skipping;
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
    this.skipped = 0;
    if (wasCut) {
      emit(buf, 0, cutEnd(buf, 0, buf.length, this.max), true, bytes, buf, 0);
      return;
    }
    let end = buf.length;
    if (end > 0 && buf[end - 1] === CR) end--;
    emit(buf, 0, end, false, bytes, buf, 0);
  }
}

/** End of the first `max` bytes of b[start, end), backing off so no character is split at the cut. */
function cutEnd(b: Buffer, start: number, end: number, max: number): number {
  let cut = Math.min(start + max, end);
  // A continuation byte (10xxxxxx) at `cut` means the character at the cut started before it.
  if (cut < end) {
    let back = cut;
    while (back > start && cut - back < 4 && (b[back] & 0xc0) === 0x80) back--;
    if (back < cut && (b[back] & 0xc0) === 0xc0) cut = back;
  }
  return cut;
}
