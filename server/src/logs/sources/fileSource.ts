// A followed file or glob of files as a LogSource. fs.watch on the directory wakes us early where it
// works; a poll (stat every pollIntervalMs, by dev/inode and size) is the reliable fallback, so
// network mounts, editors that replace files and platforms without inotify all still work.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LogSource, SourceEvent, SourceSink, StopOptions } from '../types';
import { FileFollower, type FollowerOutput } from './fileFollower';
import type { StartAt } from './openFile';
import { isGlob, listGlob, planGlob, type GlobPlan } from './glob';

export interface FileSourceOptions {
  /** Read existing content first. Default false: start at the end, like `tail -f`. */
  fromStart?: boolean;
  /** Start at the last this-many lines of the files that exist at the start, like `tail -n N -f` (overrides fromStart). */
  lastLines?: number;
  /** How often to stat the files. Default 250 ms. */
  pollIntervalMs?: number;
  /** Directory a relative path or glob is resolved against. Default process.cwd(). */
  cwd?: string;
}

export class FileSource implements LogSource {
  readonly label: string;
  private readonly startAt: StartAt;
  private readonly pollIntervalMs: number;
  private readonly cwd: string;
  private readonly plan: GlobPlan | null;
  private readonly followers = new Map<string, FileFollower>();
  /** Files a glob follower left behind at rotation (dev:ino → offset read), so a glob that also matches the rotated name does not read them twice. */
  private readonly retired = new Map<string, number>();
  private sink: SourceSink | null = null;
  private timer: NodeJS.Timeout | null = null;
  private watcher: fs.FSWatcher | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private firstListing = true;
  private globWaitingReported = false;

  constructor(pathOrGlob: string, options: FileSourceOptions = {}) {
    this.label = pathOrGlob;
    const lastLines = options.lastLines;
    this.startAt = lastLines !== undefined && Number.isSafeInteger(lastLines) && lastLines >= 0 ? { lastLines } : options.fromStart ? 'start' : 'end';
    this.pollIntervalMs = Math.max(10, options.pollIntervalMs ?? 250);
    this.cwd = options.cwd ?? process.cwd();
    this.plan = isGlob(pathOrGlob) ? planGlob(pathOrGlob, this.cwd) : null;
  }

  start(sink: SourceSink): void {
    if (this.sink) return;
    this.sink = sink;
    if (!this.plan) {
      const file = path.resolve(this.cwd, this.label);
      this.followers.set(file, new FileFollower(file, this.label, this.output(file), this.startAt, { findRotated: true }));
    }
    this.watch(this.plan ? this.plan.base : path.dirname(path.resolve(this.cwd, this.label)));
    this.timer = setInterval(() => this.schedule(), this.pollIntervalMs);
    this.schedule();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    if (this.running) await this.running;
    for (const f of this.followers.values()) f.close(options.discard === true);
    this.followers.clear();
  }

  /** Resolves once every step scheduled so far has run (tests and the CLI use it to settle). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** What to call one of the source's files: its path under the glob's folder (the name alone for a single file). */
  nameOf(file: string): string {
    const base = this.plan ? this.plan.base : path.dirname(path.resolve(this.cwd, this.label));
    const rel = path.relative(base, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
  }

  /**
   * Asks the follower of `file` for the last `lines` lines it passed over when it opened the file
   * past them (see FileFollower.loadEarlier). False when it has none to give.
   */
  loadEarlier(file: string, lines: number): boolean {
    const f = this.followers.get(file);
    if (!f || this.stopped || !f.loadEarlier(lines)) return false;
    this.schedule();
    return true;
  }

  private output(file: string): FollowerOutput {
    return {
      data: (chunk, origin) => this.sink?.data(chunk, origin, file),
      event: (e: SourceEvent) => this.sink?.event(e),
    };
  }

  private watch(dir: string): void {
    try {
      this.watcher = fs.watch(dir, { persistent: false }, () => this.schedule());
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null; // the poll carries on alone
      });
    } catch {
      this.watcher = null; // directory missing or watching unsupported: poll only
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.step();
        } while (this.again && !this.stopped);
      } catch (err) {
        this.sink?.event({ type: 'error', source: this.label, message: `following ${this.label} failed: ${(err as Error).message}` });
      } finally {
        this.running = null;
      }
    })();
  }

  private async step(): Promise<void> {
    let more = false;
    for (const f of [...this.followers.values()]) {
      if (this.stopped) return;
      await f.tick();
      more ||= f.more;
      for (const [id, offset] of f.released) this.retired.set(id, offset);
      f.released.clear();
      if (this.plan && f.gone && f.identity === null) this.followers.delete(f.path);
    }
    if (this.plan && !this.stopped) await this.discover(this.plan);
    if (more) this.again = true;
  }

  private async discover(plan: GlobPlan): Promise<void> {
    const files = await listGlob(plan);
    const held = new Set([...this.followers.values()].map((f) => f.identity));
    for (const file of files) {
      if (this.followers.has(file) || this.stopped) continue;
      // A file first seen after the start is new: read it whole. A rotated file we already read is continued.
      let offset: number | null = null;
      try {
        const st = await fs.promises.stat(file);
        // Still being drained under its old name by another follower: take it over once that one lets go.
        if (held.has(`${st.dev}:${st.ino}`)) continue;
        offset = this.retired.get(`${st.dev}:${st.ino}`) ?? null;
      } catch {
        continue;
      }
      const startAt = this.firstListing ? this.startAt : 'start';
      const f = new FileFollower(file, this.label, this.output(file), startAt, { startOffset: offset });
      this.followers.set(file, f);
      await f.tick();
    }
    if (files.length === 0 && this.followers.size === 0 && !this.globWaitingReported) {
      this.globWaitingReported = true;
      this.sink?.event({ type: 'waiting', source: this.label, detail: `no file matches ${this.label} yet; waiting for one` });
    }
    if (files.length) this.globWaitingReported = false;
    this.firstListing = false;
  }
}
