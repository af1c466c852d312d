// Follows one path the way `tail -F` does: reads new bytes from the last offset, survives rotation by
// rename (drains the old file, then reads the new one from its start), copytruncate (size shrinks:
// read from 0), deletion and re-creation, and a path that does not exist yet.
//
// Only whole lines are passed on: the bytes after the last newline are held until the line is
// completed, so the tail of a rotated file never glues onto the head of its successor, and files
// of a glob can share one line splitter. A held partial line is flushed (newline added) when its
// file is left behind (rotated, truncated, deleted, stopped).
import * as fs from 'node:fs';
import { FileLines, type FileOrigin } from '../fileBlock';
import type { SourceEvent } from '../types';
import { lastLinesStart, lineStartAtOrBefore } from './lastLines';

function fstat(fd: number): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.fstat(fd, (e, st) => (e ? reject(e) : resolve(st))));
}

const CHUNK_BYTES = 1024 * 1024;
/** Per tick, so one fast writer cannot starve the event loop; the rest is read on the next tick. */
const MAX_CHUNKS_PER_TICK = 16;
/** A "line" longer than this is passed on unterminated; the splitter cuts long lines anyway. */
const MAX_HELD_BYTES = 1024 * 1024;

export interface FollowerOutput {
  /** Whole lines, valid only during the call; `origin` says where in the file they are (see FileBlock). */
  data(chunk: Buffer, origin?: FileOrigin): void;
  event(e: SourceEvent): void;
}

/**
 * Where reading a file that exists when following starts begins: at its start, at its end (like
 * `tail -f`), or at its last `lastLines` lines (like `tail -n N -f`). A file that appears later is
 * always read from its start.
 */
export type StartAt = 'start' | 'end' | { lastLines: number };

type EventType = 'waiting' | 'rotated' | 'truncated' | 'deleted';

export class FileFollower {
  private fd: number | null = null;
  /** The open file as records may keep it (their lines are read back from it); replaced at each open and truncation. */
  private lines: FileLines | null = null;
  private dev = 0;
  private ino = 0;
  private offset = 0;
  private held: Buffer = Buffer.alloc(0);
  private firstOpen = true;
  private waitingReported = false;
  /**
   * The problem reported last, so that one that lasts (a directory or FIFO at the path, a file we may
   * not open) is said once, not at every poll; cleared once the file reads fine or the path is gone.
   */
  private lastError: string | null = null;
  private readonly buf = Buffer.allocUnsafe(CHUNK_BYTES);
  /** The bytes before `end` of the file first opened, which were not read (it was opened past them). */
  private unread: { dev: number; ino: number; end: number } | null = null;
  /** Lines of `unread` asked for (loadEarlier), read at the next tick; 0: none. */
  private earlierLines = 0;
  /** True when the last tick stopped at its read budget with more to read. */
  more = false;
  /** True once the file was deleted (a glob drops such followers; a single path waits for it). */
  gone = false;
  /** Files this follower let go of (dev:ino → bytes read), so a glob can continue a rotated file where it stopped. */
  readonly released = new Map<string, number>();
  private sawMissing = false;

  constructor(
    readonly path: string,
    private readonly label: string,
    private readonly out: FollowerOutput,
    private readonly startAt: StartAt,
    /** Where to begin in the file first opened, when known (a rotated file found again by a glob). */
    private readonly startOffset: number | null = null,
  ) {}

  /**
   * Asks for the last `lines` lines the file held before the place reading began, when it was opened
   * past them; they are delivered at the next tick, before anything read after them. False when
   * there are none to read (read from the start, or the file was truncated or replaced since).
   */
  loadEarlier(lines: number): boolean {
    const u = this.unread;
    if (!u || this.fd === null || u.dev !== this.dev || u.ino !== this.ino || lines <= 0) return false;
    this.earlierLines = lines;
    return true;
  }

  get identity(): string | null {
    return this.fd === null ? null : `${this.dev}:${this.ino}`;
  }

  /** One poll step. Never throws; problems become events. */
  async tick(): Promise<void> {
    this.more = false;
    let st: fs.Stats | null = null;
    try {
      st = await fs.promises.stat(this.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.reportError(`cannot read ${this.path}: ${(err as Error).message}`);
      else this.lastError = null; // nothing there: whatever appears next is news
    }

    if (this.fd !== null) {
      if (st && st.dev === this.dev && st.ino === this.ino) {
        if (st.size < this.offset) {
          this.unread = null;
          this.flushHeld();
          // What was read before is no longer in the file: blocks not yet copied in are gone.
          this.lines?.truncated();
          this.lines = new FileLines(this.fd, this.path);
          this.emit('truncated', `size went from ${this.offset} to ${st.size} bytes; reading from the start`);
          this.offset = 0;
        }
        if (this.earlierLines > 0) await this.readEarlier();
        await this.readAvailable();
        return;
      }
      // The path is gone or names another file: first take whatever was still written to ours.
      await this.readAvailable(Infinity);
      let links = 0;
      try {
        links = (await fstat(this.fd)).nlink;
      } catch {
        links = 0;
      }
      if (!st && links > 0) return; // renamed away and no successor yet: writers may still append to it
      this.flushHeld();
      this.closeFd();
      if (links === 0) {
        this.gone = true;
        this.emit('deleted', this.path);
        if (!st) return;
      } else {
        this.emit('rotated', `${this.path} was replaced by a new file; reading it from the start`);
        await this.open(st!, 0);
        return;
      }
    }

    if (!st) {
      this.sawMissing = true;
      if (!this.waitingReported) {
        this.waitingReported = true;
        this.out.event({ type: 'waiting', source: this.label, detail: `${this.path} does not exist yet; waiting for it` });
      }
      return;
    }
    if (!st.isFile()) {
      this.reportError(`${this.path} is not a regular file`);
      return;
    }
    // Files that appear after the start (or come back) are new: read them whole.
    const existed = this.firstOpen && !this.sawMissing;
    await this.open(st, existed ? (this.startOffset ?? this.startAt) : 0);
  }

  /** Releases the handle; a held partial line is passed on first. `discard`: see StopOptions. */
  close(discard = false): void {
    this.flushHeld();
    this.closeFd(discard);
  }

  private async open(st: fs.Stats, at: number | StartAt): Promise<void> {
    try {
      this.fd = await new Promise<number>((resolve, reject) => fs.open(this.path, 'r', (e, fd) => (e ? reject(e) : resolve(fd))));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.reportError(`cannot open ${this.path}: ${(err as Error).message}`);
      return;
    }
    // Identify by the opened handle: the path may have changed between stat and open.
    let size = st.size;
    try {
      const fst = await fstat(this.fd);
      this.dev = fst.dev;
      this.ino = fst.ino;
      size = fst.size;
      if (fst.ino !== st.ino) at = 0;
    } catch {
      this.dev = st.dev;
      this.ino = st.ino;
    }
    let offset = 0;
    try {
      offset = typeof at === 'number' ? at : at === 'start' ? 0 : at === 'end' ? size : await lastLinesStart(this.fd, size, at.lastLines);
    } catch (err) {
      this.reportError(`cannot read ${this.path}: ${(err as Error).message}`);
    }
    // Bytes passed over unread (not a rotated file's part already read) can be asked for later.
    const skipped = typeof at === 'number' ? 0 : offset;
    this.unread = skipped > 0 ? { dev: this.dev, ino: this.ino, end: offset } : null;
    this.offset = offset;
    this.lines = new FileLines(this.fd, this.path);
    this.firstOpen = false;
    this.waitingReported = false;
    this.gone = false;
    this.out.event({ type: 'opened', source: this.label, detail: this.path, file: this.path, skipped });
    await this.readAvailable();
  }

  /**
   * The asked-for last lines of `unread`, whole lines only (a line cut at `unread.end` was passed on
   * when it was finished), in one go so that nothing read after them comes between.
   */
  private async readEarlier(): Promise<void> {
    const lines = this.earlierLines;
    const u = this.unread;
    this.earlierLines = 0;
    this.unread = null;
    const fd = this.fd;
    if (!u || fd === null || u.dev !== this.dev || u.ino !== this.ino) return;
    let pos: number;
    let end: number;
    try {
      end = await lineStartAtOrBefore(fd, u.end);
      pos = await lastLinesStart(fd, end, lines);
    } catch (err) {
      this.reportError(`cannot read ${this.path}: ${(err as Error).message}`);
      return;
    }
    while (pos < end) {
      let n: number;
      try {
        n = await new Promise<number>((resolve, reject) =>
          fs.read(fd, this.buf, 0, Math.min(CHUNK_BYTES, end - pos), pos, (e, bytes) => (e ? reject(e) : resolve(bytes))),
        );
      } catch (err) {
        this.reportError(`cannot read ${this.path}: ${(err as Error).message}`);
        return;
      }
      if (n <= 0) return;
      // Each piece ends at a newline (a line longer than a read goes in consecutive pieces).
      const nl = this.buf.subarray(0, n).lastIndexOf(0x0a);
      const take = pos + n < end && nl >= 0 ? nl + 1 : n;
      this.out.data(this.buf.subarray(0, take), this.lines ? { file: this.lines, position: pos } : undefined);
      pos += take;
    }
  }

  private async readAvailable(budget = MAX_CHUNKS_PER_TICK): Promise<void> {
    const fd = this.fd;
    if (fd === null) return;
    for (let i = 0; i < budget; i++) {
      let n: number;
      try {
        n = await new Promise<number>((resolve, reject) =>
          fs.read(fd, this.buf, 0, CHUNK_BYTES, this.offset, (e, bytes) => (e ? reject(e) : resolve(bytes))),
        );
      } catch (err) {
        this.reportError(`cannot read ${this.path}: ${(err as Error).message}`);
        return;
      }
      this.lastError = null; // read fine: a problem seen later is a new one
      if (n === 0) return;
      const at = this.offset;
      this.offset += n;
      this.deliver(this.buf.subarray(0, n), at);
    }
    this.more = true;
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
    this.out.data(joined.subarray(0, cut), this.lines ? { file: this.lines, position: joinedAt } : undefined);
  }

  private flushHeld(): void {
    if (!this.held.length) return;
    const line = Buffer.concat([this.held, Buffer.from('\n')]);
    this.held = Buffer.alloc(0);
    this.out.data(line);
  }

  private closeFd(discard = false): void {
    if (this.fd === null) return;
    this.unread = null;
    this.released.set(`${this.dev}:${this.ino}`, this.offset);
    const fd = this.fd;
    this.fd = null;
    // Records still holding lines of this file get copies before the handle goes, unless none will be read again.
    if (discard) this.lines?.drop();
    else this.lines?.detach();
    this.lines = null;
    fs.close(fd, () => undefined);
  }

  private emit(type: EventType, detail: string): void {
    this.out.event({ type, source: this.label, detail, file: this.path } as SourceEvent);
  }

  private reportError(message: string): void {
    if (message === this.lastError) return; // once per distinct problem, not every poll
    this.lastError = message;
    this.out.event({ type: 'error', source: this.label, message });
  }
}
