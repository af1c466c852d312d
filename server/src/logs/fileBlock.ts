// Lines read from a file are kept as their place in it, not as a copy (lnav and hl do the same): a
// FileBlock is the byte range of the complete lines of one read, in a file the engine holds open
// (FileLines). The store keeps the block; the bytes are read back when a record is read. Copying
// the lines instead is fresh memory, and on this kind of machine first touching fresh memory costs
// more than parsing (~4 ms per MB of page faults: half the engine's time on a 50 MB log).
//
// When the file changes under us:
// - a file rotated away or deleted stays readable through the open handle, and when its reader lets
//   go of it (FileLines.detach) every block still held is first copied into memory (pinned);
// - the holder copies blocks into memory in idle time (LogStore.settle), so a later truncation in
//   place (copytruncate) finds them copied; blocks not copied yet when the reader sees the
//   truncation are gone (FileLines.truncated), and their records say so;
// - a block read back is checked against a fingerprint taken when it was read first, for the moments
//   before the reader sees a truncation: bytes that changed are reported as gone, never shown as
//   another record's text.
import * as fs from 'node:fs';

/** Where a chunk came from: `file`'s bytes from `position` on. */
export interface FileOrigin {
  file: FileLines;
  position: number;
}

/** An open file whose bytes held records point into. Owned by its reader (see FileFollower). */
export class FileLines {
  /** The blocks made from this file that may still be held and are not copied in yet (weakly: the store decides what lives). */
  private blocks: Array<WeakRef<FileBlock>> = [];
  /** `blocks` is swept of collected and copied blocks when it reaches this length (twice what it kept last time). */
  private sweepAt = SWEEP_MIN;

  constructor(
    /** Open for reading; null once the reader let go (detach, drop, truncated). */
    private fd: number | null,
    /** For messages. */
    readonly path: string,
  ) {}

  /** The block for `chunk[start, end)`, which are the file's bytes from `position` on. */
  block(chunk: Buffer, start: number, end: number, position: number): FileBlock {
    const b = new FileBlock(this, position, end - start, fingerprint(chunk, start, end));
    this.blocks.push(new WeakRef(b));
    // A live follow makes a block per read, often a line each: sweep now and then, not per read.
    if (this.blocks.length >= this.sweepAt) {
      this.blocks = this.blocks.filter((r) => r.deref()?.pinned === false);
      this.sweepAt = Math.max(SWEEP_MIN, 2 * this.blocks.length);
    }
    return b;
  }

  /** Reads `length` bytes at `position` into `into`; false when the file no longer has them. */
  read(into: Buffer, position: number): boolean {
    if (this.fd === null) return false;
    try {
      let got = 0;
      while (got < into.length) {
        const n = fs.readSync(this.fd, into, got, into.length - got, position + got);
        if (n <= 0) return false;
        got += n;
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The reader lets go of the file (rotated away, deleted, or its source stopped while its records
   * stay): every block still held is copied into memory first, so its records stay readable. The
   * reader closes the handle afterwards.
   */
  detach(): void {
    for (const ref of this.blocks) ref.deref()?.pin();
    this.blocks = [];
    this.fd = null;
  }

  /**
   * The reader is done and nothing will read these records again (the CLI, once a file is printed):
   * the file is let go without copying anything in; a record read anyway says it is gone.
   */
  drop(): void {
    this.blocks = [];
    this.fd = null;
  }

  /**
   * The file was truncated in place: what was not copied in yet is gone, even where the file holds
   * bytes again (reading them back would risk taking new lines for old ones; the fingerprint only
   * samples). The reader goes on with a new FileLines on the same handle.
   */
  truncated(): void {
    for (const ref of this.blocks) ref.deref()?.lose();
    this.blocks = [];
    this.fd = null;
  }
}

const SWEEP_MIN = 4096;

/**
 * A whole file read from its start, `chunkBytes` at a time, into one reused buffer: each chunk is
 * valid until the next one (feed it with its position, and the engine keeps its lines in place).
 */
export function* chunksOf(fd: number, chunkBytes = 1024 * 1024): Generator<{ chunk: Buffer; position: number }> {
  const buf = Buffer.allocUnsafe(chunkBytes);
  let position = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, chunkBytes, position);
    if (n <= 0) return;
    yield { chunk: n === chunkBytes ? buf : buf.subarray(0, n), position };
    position += n;
  }
}

/** The complete lines of one read of a file: `length` bytes at `position`. */
export class FileBlock {
  /** The bytes, once read back or pinned; null while they are only in the file. */
  private loaded: Buffer | null = null;
  /** The lent buffer `loaded` lies in (see readInto): handed back at unload, never kept. */
  private lent: Buffer | null = null;
  /** Copied into memory for good: the file is no longer needed. */
  pinned = false;
  /** The file no longer holds these bytes (truncated or rewritten before they were copied). */
  gone = false;

  constructor(
    readonly file: FileLines,
    readonly position: number,
    readonly length: number,
    private readonly print: number,
  ) {}

  /** The block's bytes (read back into memory of its own when not in memory), or null when they are gone. */
  bytes(): Buffer | null {
    return this.loaded ?? this.readInto(Buffer.allocUnsafe(this.length), false);
  }

  /**
   * Reads the block back into `buffer` (at least `length` bytes), lent until unload: a reader that
   * goes through many blocks reuses a few buffers instead of touching fresh memory for each.
   * Null when the bytes are gone (the buffer is then not used).
   */
  readInto(buffer: Buffer, lent = true): Buffer | null {
    if (this.loaded !== null) return this.loaded;
    if (this.gone) return null;
    const b = buffer.length === this.length ? buffer : buffer.subarray(0, this.length);
    if (!this.file.read(b, this.position) || fingerprint(b, 0, b.length) !== this.print) {
      this.gone = true;
      return null;
    }
    this.loaded = b;
    this.lent = lent ? buffer : null;
    return b;
  }

  /**
   * Keeps the bytes in memory from now on (a copy of its own if they were in a lent buffer, which is
   * returned for its lender to reuse).
   */
  pin(): Buffer | null {
    if (this.pinned || this.gone) return null;
    const lent = this.lent;
    if (this.loaded !== null && lent !== null) {
      this.loaded = Buffer.from(this.loaded);
      this.lent = null;
    } else this.bytes();
    this.pinned = true;
    return lent;
  }

  /** The bytes in memory are not what was read first after all (see LogStore.keptOf): gone. */
  spoil(): void {
    this.gone = true;
    this.loaded = null;
    this.lent = null;
  }

  /** The file no longer has these bytes (see FileLines.truncated): kept if they are in memory (read back before), else gone. */
  lose(): void {
    if (this.pinned) return;
    if (this.loaded !== null) this.pin();
    else this.gone = true;
  }

  /** Lets go of bytes read back for a while; returns the lent buffer they were in (pinned ones stay). */
  unload(): Buffer | null {
    if (this.pinned) return null;
    const lent = this.lent;
    this.loaded = null;
    this.lent = null;
    return lent;
  }

  get inMemory(): boolean {
    return this.loaded !== null;
  }
}

/**
 * A cheap check that bytes read back are the bytes first read: their length and 64 bytes sampled
 * across them, and the last. Not a hash of everything: that would cost as much as the parse
 * (LogStore.keptOf also checks the newlines around each line it reads).
 */
function fingerprint(b: Buffer, start: number, end: number): number {
  const n = end - start;
  let h = n | 0;
  const step = Math.max(1, Math.floor(n / 64));
  for (let i = start; i < end; i += step) h = (Math.imul(h, 31) + b[i]) | 0;
  if (n > 0) h = (Math.imul(h, 31) + b[end - 1]) | 0;
  return h;
}
