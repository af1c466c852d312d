// Follows one path the way `tail -F` does: reads new bytes from the last offset, survives rotation by
// rename (drains the old file through its open handle, then reads the new one from its start),
// copytruncate, deletion and re-creation, and a path that does not exist yet.
//
// A truncation shows as the size going below the offset read, or, when the file was written again
// past that offset before the next poll, as its first bytes changing (see OpenFile): either way the
// file is read again from its start, and the event says so. What a poll cannot see at the path is
// looked for under the file's rotated names (see rotation.ts), for a single path only (a glob
// follows those names itself): files a rotation created at the path and renamed away between two
// polls, and the copy copytruncate made, which holds what was written just before the truncation.
//
// A file that exists at the start is read from where StartAt says; the lines it passed over can be
// asked for later (loadEarlier), until the file is truncated or replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileOrigin } from '../fileBlock';
import type { SourceEvent } from '../types';
import { OpenFile, readBuffer, type ReadBytes, type StartAt } from './openFile';
import { oldestFirst, rotatedSiblings, type Sibling } from './rotation';

/** Per tick, so one fast writer cannot starve the event loop; the rest is read on the next tick. */
const MAX_CHUNKS_PER_TICK = 16;
const REWRITTEN = 'it was written again past where it had been read (its first bytes changed)';
/** Identities of files read, remembered so that a rotated name found again is not read twice. */
const READ_IDS_KEPT = 256;

export interface FollowerOutput {
  /** Whole lines, valid only during the call; `origin` says where in the file they are (see FileBlock). */
  data(chunk: Buffer, origin?: FileOrigin): void;
  event(e: SourceEvent): void;
}

export interface FileFollowerOptions {
  /** Where to begin in the file first opened, when known (a rotated file found again by a glob). */
  startOffset?: number | null;
  /** Look under the file's rotated names for what a poll cannot see at its path (a single path; a glob follows those names itself). */
  findRotated?: boolean;
}

type EventType = 'rotated' | 'truncated' | 'deleted';

export class FileFollower {
  private file: OpenFile | null = null;
  private firstOpen = true;
  private waitingReported = false;
  /**
   * The problem reported last, so that one that lasts (a directory or FIFO at the path, a file we may
   * not open) is said once, not at every poll; cleared once the file reads fine or the path is gone.
   */
  private lastError: string | null = null;
  private readonly buf = readBuffer();
  private readonly sink = (chunk: Buffer, origin?: FileOrigin): void => this.out.data(chunk, origin);
  private readonly startOffset: number | null;
  private readonly findRotated: boolean;
  /** dev:ino of the files read, the latest READ_IDS_KEPT. */
  private readonly readIds = new Set<string>();
  /** Lines asked for by loadEarlier, read at the next tick; 0: none. */
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
    options: FileFollowerOptions = {},
  ) {
    this.startOffset = options.startOffset ?? null;
    this.findRotated = options.findRotated === true;
  }

  /**
   * Asks for the last `lines` lines the file held before the place reading began, when it was opened
   * past them; they are delivered at the next tick, before anything read after them. False when
   * there are none to read (read from the start, given already, or the file was truncated or replaced since).
   */
  loadEarlier(lines: number): boolean {
    if (this.file === null || this.file.unread === 0 || lines <= 0) return false;
    this.earlierLines = lines;
    return true;
  }

  get identity(): string | null {
    return this.file === null ? null : this.file.identity;
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

    const file = this.file;
    if (file !== null) {
      if (st && file.is(st)) {
        file.seenMtimeMs = st.mtimeMs;
        if (st.size < file.offset) await this.truncated(file, `its size went from ${file.offset} to ${st.size} bytes`);
        else if (await file.headChanged()) await this.truncated(file, REWRITTEN);
        if (st.size > file.seenSize) file.seenSize = st.size;
        await this.readEarlier(file);
        await this.read(file, MAX_CHUNKS_PER_TICK);
        return;
      }
      // The path is gone or names another file: first take whatever was still written to ours.
      await this.read(file, Infinity);
      const links = await file.links();
      if (!st && links > 0) return; // renamed away and no successor yet: writers may still append to it
      this.letGo(file);
      if (links === 0) {
        this.gone = true;
        this.emit('deleted', this.path);
        if (!st) return;
      }
      // What the path names now is opened before the files between are looked for: the stat ran on the
      // thread pool while the writer went on, so the path may have been replaced again since, and the
      // file the stat saw is then one of those rotated away, read first instead of lost.
      const next = st!.isFile() ? await this.openFile(st!, 0) : null;
      // Files the path named after ours and before the one it names now.
      const between = await this.readRotatedBetween(next ?? st!, file);
      if (links > 0 || between.length) {
        const also = between.length ? ` (first the ${between.length} file(s) created there and rotated away since the last poll, now ${between.join(', ')})` : '';
        this.emit('rotated', `${this.path} was replaced by a new file; reading it from the start${also}`);
        if (next) await this.adopt(next);
        return;
      }
      if (next) {
        await this.adopt(next);
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
    if (this.file !== null) this.letGo(this.file, discard);
  }

  private async open(st: fs.Stats, at: number | StartAt): Promise<void> {
    const file = await this.openFile(st, at);
    if (file) await this.adopt(file);
  }

  /** Opens the path (`st`: what a stat of it saw), or says why it could not; null then. */
  private async openFile(st: fs.Stats, at: number | StartAt): Promise<OpenFile | null> {
    try {
      return await OpenFile.open(this.path, st, at, this.buf, this.sink);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.reportError(`cannot open ${this.path}: ${(err as Error).message}`);
      return null;
    }
  }

  /** Follows `file` from now on, and reads what it holds. */
  private async adopt(file: OpenFile): Promise<void> {
    this.file = file;
    this.noteRead(file);
    this.firstOpen = false;
    this.waitingReported = false;
    this.gone = false;
    this.out.event({ type: 'opened', source: this.label, detail: this.path, file: this.path, skipped: file.unread });
    await this.read(file, MAX_CHUNKS_PER_TICK);
  }

  /** Reads `file` (at most `budget` chunks), noting in `more` whether some is left. */
  private async read(file: OpenFile, budget: number): Promise<void> {
    try {
      let got = await file.read(budget);
      // Truncated and written again between two reads: from the start (and again, should it recur at once).
      for (let again = 0; got === 'rewritten' && again < 3; again++) {
        await this.truncated(file, REWRITTEN);
        got = await file.read(budget);
      }
      if (got !== 'done') this.more = true;
      this.lastError = null; // read fine: a problem seen later is a new one
    } catch (err) {
      this.reportError(`cannot read ${file.path}: ${(err as Error).message}`);
    }
  }

  /** The lines loadEarlier asked for, if any, before what `file` has after them. */
  private async readEarlier(file: OpenFile): Promise<void> {
    const lines = this.earlierLines;
    if (lines === 0) return;
    this.earlierLines = 0;
    try {
      await file.readEarlier(lines);
    } catch (err) {
      this.reportError(`cannot read ${file.path}: ${(err as Error).message}`);
    }
  }

  /**
   * `file` was truncated in place (`how`): it is read again from its start. What
   * was written after the offset read and before the truncation is taken from the copy copytruncate
   * made, when there is one; otherwise the event says how much of it a poll had seen (skipped).
   */
  private async truncated(file: OpenFile, how: string): Promise<void> {
    const from = file.offset;
    const unread = Math.max(0, file.seenSize - from);
    const copy = await this.readCopyTail(file, file.readBytes());
    // The copy delivered the line held back whole.
    if (copy !== null) file.dropHeld();
    file.restart();
    let detail = `${how}; reading it from the start`;
    if (copy !== null) detail += `; the ${copy.bytes} bytes written after byte ${from} before the truncation were read from its copy ${copy.name}`;
    else if (unread > 0) detail += `; ${unread} bytes written after byte ${from} before the truncation were skipped (records may be missing)`;
    this.emit('truncated', detail);
  }

  /**
   * Reads, from the copy copytruncate left next to `file` (it holds the bytes `read` of it, and more),
   * what lies past them, from the start of the line held back. Null when no such copy is found.
   */
  private async readCopyTail(file: OpenFile, read: ReadBytes): Promise<{ name: string; bytes: number } | null> {
    if (!this.findRotated || read.offset === 0) return null;
    const copies = (await rotatedSiblings(this.path))
      .filter((s) => s.st.size > read.offset && !file.is(s.st))
      .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
    for (const c of copies) {
      const end = await this.readWhole(c, read.lineStart, (f) => f.holds(read));
      if (end !== null) return { name: path.basename(c.path), bytes: end - read.offset };
    }
    return null;
  }

  /**
   * The files a rotation created at the path and renamed away since the last poll: rotated names,
   * written since `left` (the file the path named before) was last seen there and created after it,
   * never read before; each read whole, oldest first. Returns their names.
   */
  private async readRotatedBetween(now: { dev: number; ino: number }, left: OpenFile): Promise<string[]> {
    if (!this.findRotated) return [];
    const between = (await rotatedSiblings(this.path)).filter((s) => {
      if ((s.st.dev === now.dev && s.st.ino === now.ino) || this.readIds.has(`${s.st.dev}:${s.st.ino}`)) return false;
      if (s.st.mtimeMs < left.seenMtimeMs) return false;
      return left.birthMs <= 0 || s.st.birthtimeMs <= 0 || s.st.birthtimeMs >= left.birthMs;
    });
    const names: string[] = [];
    for (const s of between.sort(oldestFirst)) {
      if ((await this.readWhole(s, 0, null)) !== null) names.push(path.basename(s.path));
    }
    return names;
  }

  /**
   * Reads the file `s` from `from` to its end, when it is still that file and `accept` agrees; its
   * lines are copied in before it is let go (it may be compressed or removed next). Returns where
   * the reading ended, or null.
   */
  private async readWhole(s: Sibling, from: number, accept: ((f: OpenFile) => Promise<boolean>) | null): Promise<number | null> {
    let f: OpenFile;
    try {
      f = await OpenFile.open(s.path, s.st, from, this.buf, this.sink);
    } catch {
      return null;
    }
    if (!f.is(s.st) || (accept !== null && !(await accept(f)))) {
      f.close(true);
      return null;
    }
    this.noteRead(f);
    await this.read(f, Infinity);
    this.letGo(f);
    return f.offset;
  }

  private noteRead(f: OpenFile): void {
    const id = f.identity;
    this.readIds.delete(id);
    this.readIds.add(id);
    if (this.readIds.size > READ_IDS_KEPT) this.readIds.delete(this.readIds.values().next().value!);
  }

  /** Closes `f` (see OpenFile.close), noting how far it was read for a glob that finds it again. */
  private letGo(f: OpenFile, discard = false): void {
    this.released.set(f.identity, f.offset);
    f.close(discard);
    if (this.file !== f) return;
    this.file = null;
    this.earlierLines = 0;
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
