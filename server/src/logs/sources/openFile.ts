// One file a follower reads: its handle, how far it was read, the unfinished line held back, and the
// bytes that tell its content apart (its first ones, the last ones read), so that a file truncated
// and written again past where it was read is not taken for one that only grew.
//
// Only whole lines are passed on: the bytes after the last newline are held until the line is
// completed, so the tail of a rotated file never glues onto the head of its successor, and files of
// a glob can share one line splitter. A held partial line is passed on (newline added) when the file
// is left behind (rotated, truncated, deleted, stopped).
//
// A file opened past its start (at its end, or at its last lines) remembers where: the lines before
// that place can be asked for once (readEarlier), as long as it is this file and was not truncated.
import * as fs from 'node:fs';
import { FileLines, type FileOrigin } from '../fileBlock';
import { lastLinesStart, lineStartAtOrBefore } from './lastLines';

const CHUNK_BYTES = 1024 * 1024;
/** A "line" longer than this is passed on unterminated; the splitter cuts long lines anyway. */
const MAX_HELD_BYTES = 1024 * 1024;
/** The first bytes kept to notice a truncation the size does not show (a log line's time is in them). */
const HEAD_BYTES = 256;
/** The last bytes read, kept to recognise a copy of the file (copytruncate's). */
const TAIL_BYTES = 256;
const EMPTY = Buffer.alloc(0);

/**
 * Where reading a file that exists when following starts begins: at its start, at its end (like
 * `tail -f`), or at its last `lastLines` lines (like `tail -n N -f`). A file that appears later is
 * always read from its start.
 */
export type StartAt = 'start' | 'end' | { lastLines: number };

/** Receives whole lines, valid only during the call; `origin` says where in the file they are (see FileBlock). */
export type LinesSink = (chunk: Buffer, origin?: FileOrigin) => void;

/** What identifies the bytes read of a file: its first bytes, and the last ones read, which end at `offset`. */
export interface ReadBytes {
  head: Buffer;
  tail: Buffer;
  offset: number;
  /** Where the line held back (not passed on yet) starts: `offset` when none is. */
  lineStart: number;
}

export function fstat(fd: number): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.fstat(fd, (e, st) => (e ? reject(e) : resolve(st))));
}

function readAt(fd: number, into: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, into, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));
}

/** The offset `at` stands for in a file of `size` bytes open as `fd`. */
async function startOffset(fd: number, size: number, at: number | StartAt): Promise<number> {
  if (typeof at === 'number') return at;
  if (at === 'start') return 0;
  if (at === 'end') return size;
  return lastLinesStart(fd, size, at.lastLines);
}

/** A read buffer for a follower: every file it reads shares it. */
export function readBuffer(): Buffer {
  return Buffer.allocUnsafe(CHUNK_BYTES);
}

export class OpenFile {
  /** The file as records may keep it (their lines are read back from it); replaced at a truncation. */
  private lines: FileLines;
  private held: Buffer = EMPTY;
  private head: Buffer = EMPTY;
  private tail: Buffer = EMPTY;
  /** Where head and tail are compared with the file (`buf` may hold a chunk not passed on yet). */
  private readonly scratch = Buffer.allocUnsafe(Math.max(HEAD_BYTES, TAIL_BYTES));
  readonly dev: number;
  readonly ino: number;
  /** When the file was created (0 where the file system does not say). */
  readonly birthMs: number;
  /** Largest size a poll saw it at: what lies between `offset` and that was written but not read yet. */
  seenSize: number;
  /** Its last write time when a poll last saw it at the followed path. */
  seenMtimeMs: number;
  /** The bytes before this were passed over when it was opened, not read yet (see readEarlier); 0: none. */
  private unreadEnd = 0;

  private constructor(
    private readonly fd: number,
    readonly path: string,
    st: fs.Stats,
    /** Bytes read so far (the next read starts here). */
    public offset: number,
    private readonly buf: Buffer,
    private readonly sink: LinesSink,
  ) {
    this.dev = st.dev;
    this.ino = st.ino;
    this.birthMs = st.birthtimeMs;
    this.seenSize = st.size;
    this.seenMtimeMs = st.mtimeMs;
    this.lines = new FileLines(fd, path);
  }

  /**
   * Opens `file` to read it from `at`: a byte offset (where a file read before was left), or a place
   * found in the opened file (see StartAt); from its start when the handle turns out to be another
   * file than `expected` (the path changed between the stat and the open). Throws what fs.open
   * throws, and what fs.read throws while looking for the last lines.
   */
  static async open(file: string, expected: fs.Stats, at: number | StartAt, buf: Buffer, sink: LinesSink): Promise<OpenFile> {
    const fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r', (e, h) => (e ? reject(e) : resolve(h))));
    let st = expected;
    try {
      st = await fstat(fd);
    } catch {
      // the stat of the path stands in
    }
    const same = st.ino === expected.ino && st.dev === expected.dev;
    let offset = 0;
    try {
      if (same) offset = await startOffset(fd, st.size, at);
    } catch (err) {
      fs.close(fd, () => undefined);
      throw err;
    }
    const f = new OpenFile(fd, file, st, offset, buf, sink);
    // Bytes passed over (not the part of a file read before) can be asked for later.
    if (same && typeof at !== 'number') f.unreadEnd = offset;
    // Starting past the head (at the end, like tail -f): the bytes before it are what a truncation changes.
    if (f.offset > 0) {
      f.head = await f.bytesAt(0, Math.min(HEAD_BYTES, f.offset));
      f.tail = await f.bytesAt(Math.max(0, f.offset - TAIL_BYTES), Math.min(TAIL_BYTES, f.offset));
    }
    return f;
  }

  get identity(): string {
    return `${this.dev}:${this.ino}`;
  }

  /** How many bytes at its start were passed over when it was opened and can still be asked for (readEarlier). */
  get unread(): number {
    return this.unreadEnd;
  }

  /** Whether `st` (a stat of a path) is this file. */
  is(st: fs.Stats): boolean {
    return st.dev === this.dev && st.ino === this.ino;
  }

  /** The number of links to the file (0 once deleted). */
  async links(): Promise<number> {
    try {
      return (await fstat(this.fd)).nlink;
    } catch {
      return 0;
    }
  }

  /**
   * Reads what is there, at most `budget` chunks: 'done' at the end, 'more' when it stopped at the
   * budget, 'rewritten' when the file no longer starts as it did (truncated and written again since
   * the head was last compared: the bytes just read are not the ones after `offset`, and are not
   * passed on). Throws what fs.read throws.
   */
  async read(budget: number): Promise<'done' | 'more' | 'rewritten'> {
    for (let i = 0; i < budget; i++) {
      const n = await readAt(this.fd, this.buf, CHUNK_BYTES, this.offset);
      if (n === 0) return 'done';
      // Compared after the read: a head still the same then means no truncation came before it.
      if (this.offset > 0 && (await this.headChanged())) return 'rewritten';
      const at = this.offset;
      this.offset += n;
      this.noteEdges(n, at);
      this.deliver(this.buf.subarray(0, n), at);
    }
    return 'more';
  }

  /**
   * Passes on the last `lines` lines of the bytes passed over at the open, once, in one go so that
   * nothing read after them comes between. Whole lines only: a line cut where reading began was
   * passed on from there. Stops when the file no longer starts as it did (truncated and written
   * again: read() says so next). Throws what fs.read throws.
   */
  async readEarlier(lines: number): Promise<void> {
    const unread = this.unreadEnd;
    this.unreadEnd = 0;
    if (unread === 0 || lines <= 0) return;
    const end = await lineStartAtOrBefore(this.fd, unread);
    let pos = await lastLinesStart(this.fd, end, lines);
    while (pos < end) {
      const n = await readAt(this.fd, this.buf, Math.min(CHUNK_BYTES, end - pos), pos);
      // Compared after the read, as in read().
      if (n <= 0 || (await this.headChanged())) return;
      // Each piece ends at a newline (a line longer than a read goes in consecutive pieces).
      const nl = this.buf.subarray(0, n).lastIndexOf(0x0a);
      const take = pos + n < end && nl >= 0 ? nl + 1 : n;
      this.sink(this.buf.subarray(0, take), { file: this.lines, position: pos });
      pos += take;
    }
  }

  /** What identifies the bytes read so far (see holds). */
  readBytes(): ReadBytes {
    return { head: this.head, tail: this.tail, offset: this.offset, lineStart: this.offset - this.held.length };
  }

  /** Forgets the line held back (another file delivered it whole). */
  dropHeld(): void {
    this.held = EMPTY;
  }

  /** Whether this file holds the bytes `read` says another file had (the same head, and the same bytes up to its offset). */
  async holds(read: ReadBytes): Promise<boolean> {
    if (read.head.length === 0) return false;
    return (await this.hasAt(read.head, 0)) && (await this.hasAt(read.tail, read.offset - read.tail.length));
  }

  /** Whether the file no longer starts with the bytes read from its start (it was truncated and written again). */
  async headChanged(): Promise<boolean> {
    return this.head.length > 0 && !(await this.hasAt(this.head, 0));
  }

  /** The file was truncated in place: what was read is no longer in it; it is read again from its start. */
  restart(): void {
    this.flushHeld();
    // Blocks of it not yet copied in are gone.
    this.lines.truncated();
    this.lines = new FileLines(this.fd, this.path);
    this.offset = 0;
    this.head = EMPTY;
    this.tail = EMPTY;
    this.seenSize = 0;
    // The bytes passed over at the open are gone too.
    this.unreadEnd = 0;
  }

  /**
   * Lets go of the file: a held partial line is passed on, records still holding lines of it get
   * copies first unless `discard` (nothing will read them again: see StopOptions), the handle closes.
   */
  close(discard = false): void {
    this.flushHeld();
    if (discard) this.lines.drop();
    else this.lines.detach();
    fs.close(this.fd, () => undefined);
  }

  private async hasAt(bytes: Buffer, position: number): Promise<boolean> {
    const n = bytes.length;
    if (n === 0) return true;
    if (position < 0) return false;
    try {
      return (await readAt(this.fd, this.scratch, n, position)) === n && this.scratch.compare(bytes, 0, n, 0, n) === 0;
    } catch {
      return false;
    }
  }

  /** `length` bytes at `position` (fewer when the file is shorter), a copy. */
  private async bytesAt(position: number, length: number): Promise<Buffer> {
    try {
      const n = await readAt(this.fd, this.buf, length, position);
      return Buffer.from(this.buf.subarray(0, n));
    } catch {
      return EMPTY;
    }
  }

  /** Keeps the file's first bytes and the last ones read, from the `n` bytes just read at `at` (in `buf`). */
  private noteEdges(n: number, at: number): void {
    const h = this.head.length;
    if (h < HEAD_BYTES && at <= h && at + n > h) this.head = Buffer.concat([this.head, this.buf.subarray(h - at, Math.min(n, HEAD_BYTES - at))]);
    if (n >= TAIL_BYTES) this.tail = Buffer.from(this.buf.subarray(n - TAIL_BYTES, n));
    else {
      const t = Buffer.concat([this.tail, this.buf.subarray(0, n)]);
      this.tail = t.length > TAIL_BYTES ? t.subarray(t.length - TAIL_BYTES) : t;
    }
  }

  /** `bytes` are the file's from `at` on. */
  private deliver(bytes: Buffer, at: number): void {
    const joinedAt = at - this.held.length;
    const joined = this.held.length ? Buffer.concat([this.held, bytes]) : bytes;
    const nl = joined.lastIndexOf(0x0a);
    if (nl < 0 && joined.length <= MAX_HELD_BYTES) {
      this.held = Buffer.from(joined); // copy: `bytes` is the reused read buffer
      return;
    }
    const cut = nl < 0 ? joined.length : nl + 1;
    // Handed over in place (receivers copy what they keep): a copy here is fresh memory, which costs
    // more than the parse on this kind of machine (~4 ms per MB of page faults).
    this.held = Buffer.from(joined.subarray(cut));
    this.sink(joined.subarray(0, cut), { file: this.lines, position: joinedAt });
  }

  private flushHeld(): void {
    if (!this.held.length) return;
    const line = Buffer.concat([this.held, Buffer.from('\n')]);
    this.held = EMPTY;
    this.sink(line);
  }
}
