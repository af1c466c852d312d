// Turns a stream of byte chunks into lines. Chunks arrive cut anywhere (inside a line, inside a
// multi-byte UTF-8 character), so only complete lines are decoded: the bytes after the last newline
// wait for the next chunk. Memory stays bounded: a line longer than `maxLineBytes` keeps its first
// `maxLineBytes` bytes, is marked `cut`, and the rest is skipped (only counted) up to its newline.
import { isAscii } from 'node:buffer';
import type { RawLine } from './types';

export interface LineSplitterOptions {
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

/**
 * Receives one line: its text, whether it was cut at the limit, and its length in bytes before any cut.
 * When the line came from an all-ASCII block, `block[at, at + text.length)` are its bytes (valid only
 * during the call): the parser scans those instead of the text (see jsonBytes.ts).
 */
export type LineSink = (text: string, cut: boolean, bytes: number, block?: Uint8Array, at?: number) => void;

const NL = 10;
const CR = 13;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const DECODE_PIECE = 64 * 1024;
/**
 * Node hands back Latin-1 text of at least this many bytes (its EXTERN_APEX, 0xFBEE9) as an external
 * string: the characters stay outside the JS heap and the lines sliced from it are small headers.
 * Kept lines then cost the garbage collector almost nothing to move, where heap text of the same
 * size is copied at every young-generation collection it survives.
 */
const EXTERNAL_MIN = 0xfbee9 + 1;

export class LineSplitter {
  private readonly max: number;
  /** Bytes of the current, unfinished line (never more than `max` in total). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** True while skipping the tail of an over-long line; `skipped` counts the bytes dropped. */
  private skipping = false;
  private skipped = 0;

  constructor(options: LineSplitterOptions = {}) {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.max = Number.isFinite(max) && max >= 16 ? Math.floor(max) : DEFAULT_MAX_LINE_BYTES;
  }

  push(chunk: Buffer): RawLine[] {
    const out: RawLine[] = [];
    this.pushEach(chunk, (text, cut, bytes) => out.push({ text, cut, bytes }));
    return out;
  }

  /** Like push, but hands each line to `emit` instead of building an array (the ingestion path). */
  pushEach(chunk: Buffer, emit: LineSink): void {
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
      const l = this.takePending();
      emit(l.text, l.cut, l.bytes);
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      this.splitComplete(chunk, start, last, emit);
      start = last + 1;
    }
    if (start < len) this.append(chunk, start, len);
  }

  /** Returns the last line when the stream ended without a newline. */
  flush(): RawLine[] {
    if (!this.skipping && this.pendingBytes === 0) return [];
    return [this.takePending()];
  }

  /**
   * Decodes `chunk[from, to)` — whole lines separated by "\n" — in pieces of about DECODE_PIECE bytes
   * (one decode per piece is far cheaper than one per line; V8 allocates strings past a few hundred
   * KB in a slow space), then cuts each piece into lines.
   */
  private splitComplete(chunk: Buffer, from: number, to: number, emit: LineSink): void {
    // Big ASCII blocks (a file read in 1 MiB chunks) decode once, as one external string; ASCII is
    // Latin-1, so the text is the same as UTF-8 would give.
    if (to - from >= EXTERNAL_MIN && isAscii(chunk.subarray(from, to))) {
      this.splitText(chunk.toString('latin1', from, to), true, emit, chunk, from);
      return;
    }
    let start = from;
    while (start <= to) {
      let end = to;
      if (to - start > DECODE_PIECE) {
        const nl = chunk.lastIndexOf(NL, start + DECODE_PIECE);
        end = nl >= start ? nl : chunk.indexOf(NL, start + DECODE_PIECE);
        if (end < 0 || end > to) end = to;
      }
      this.splitPiece(chunk, start, end, emit);
      start = end + 1;
    }
  }

  private splitPiece(chunk: Buffer, from: number, to: number, emit: LineSink): void {
    const text = chunk.toString('utf8', from, to);
    // When every byte was ASCII the string length equals the byte length, so per-line byte counts
    // are free; otherwise count them per line.
    const ascii = text.length === to - from;
    // Equal lengths can also come from invalid bytes (each decodes to one U+FFFD): only true ASCII scans as bytes.
    this.splitText(text, ascii, emit, ascii && isAscii(chunk.subarray(from, to)) ? chunk : undefined, from);
  }

  private splitText(text: string, ascii: boolean, emit: LineSink, block?: Uint8Array, blockFrom = 0): void {
    let pos = 0;
    const n = text.length;
    for (;;) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = n;
      let end = nl;
      let bytes = ascii ? nl - pos : -1;
      if (end > pos && text.charCodeAt(end - 1) === CR) end--;
      const line = text.slice(pos, end);
      if (bytes < 0) bytes = Buffer.byteLength(line) + (end < nl ? 1 : 0);
      if (bytes > this.max) emit(this.cutText(line), true, bytes);
      else if (block !== undefined) emit(line, false, bytes, block, blockFrom + pos);
      else emit(line, false, bytes);
      if (nl >= n) break;
      pos = nl + 1;
    }
  }

  private cutText(line: string): string {
    return decodeCut(Buffer.from(line, 'utf8'), this.max);
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

  private takePending(): RawLine {
    const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const bytes = this.pendingBytes + this.skipped;
    const wasCut = this.skipping;
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
    this.skipped = 0;
    if (wasCut) return { text: decodeCut(buf, this.max), cut: true, bytes };
    let end = buf.length;
    if (end > 0 && buf[end - 1] === CR) end--;
    return { text: buf.toString('utf8', 0, end), cut: false, bytes };
  }
}

/** Decodes the first `max` bytes, backing off so no character is split at the cut. */
function decodeCut(buf: Buffer, max: number): string {
  let end = Math.min(max, buf.length);
  // A continuation byte (10xxxxxx) at `end` means the character at the cut started before it.
  if (end < buf.length) {
    let back = end;
    while (back > 0 && end - back < 4 && (buf[back] & 0xc0) === 0x80) back--;
    if (back < end && (buf[back] & 0xc0) === 0xc0) end = back;
  }
  return buf.toString('utf8', 0, end);
}
