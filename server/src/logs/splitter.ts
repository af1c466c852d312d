// Turns a stream of byte chunks into lines. Chunks arrive cut anywhere (inside a line, inside a
// multi-byte UTF-8 character), so only complete lines are decoded: the bytes after the last newline
// wait for the next chunk. Memory stays bounded: a line longer than `maxLineBytes` keeps its first
// `maxLineBytes` bytes, is marked `cut`, and the rest is skipped (only counted) up to its newline.
import type { RawLine } from './types';

export interface LineSplitterOptions {
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

const NL = 10;
const CR = 13;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

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
    let start = 0;
    const len = chunk.length;
    // Finish the line left over from earlier chunks first.
    if (this.skipping || this.pendingBytes > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.append(chunk, 0, len);
        return out;
      }
      this.append(chunk, 0, nl);
      out.push(this.takePending());
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      this.splitComplete(chunk, start, last, out);
      start = last + 1;
    }
    if (start < len) this.append(chunk, start, len);
    return out;
  }

  /** Returns the last line when the stream ended without a newline. */
  flush(): RawLine[] {
    if (!this.skipping && this.pendingBytes === 0) return [];
    return [this.takePending()];
  }

  /** Decodes `chunk[from, to)` — whole lines separated by "\n" — in one call, then cuts it up. */
  private splitComplete(chunk: Buffer, from: number, to: number, out: RawLine[]): void {
    const text = chunk.toString('utf8', from, to);
    // When every byte was ASCII the string length equals the byte length, so per-line byte counts
    // are free; otherwise count them per line.
    const ascii = text.length === to - from;
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
      if (bytes > this.max) out.push(this.cutString(line, bytes));
      else out.push({ text: line, cut: false, bytes });
      if (nl >= n) break;
      pos = nl + 1;
    }
  }

  private cutString(line: string, bytes: number): RawLine {
    const buf = Buffer.from(line, 'utf8');
    return { text: decodeCut(buf, this.max), cut: true, bytes };
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
