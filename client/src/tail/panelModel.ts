// The panel's state on the extension host, without VS Code: which buffered records match the
// filter, which window of them the webview shows, follow/pause, and batching of updates. Records
// arrive one by one from the log engine; the webview hears about them at most once per batch
// interval, and only receives the rows it is about to draw.
import type { Counts, ExtensionToWebview, RowView } from '../../../shared/src/panelMessages';
import type { CompiledQuery, LogStore } from '../../../server/src/logs';
import { RateMeter } from './rateMeter';
import { computeTimeline, goneRow, toRowView } from './rowView';
import { SeqView } from './seqView';

export interface PanelClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: PanelClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Updates reach the webview at most this often. */
export const BATCH_MS = 50;
/** Rows per viewport reply: a screen or two, never the buffer. */
export const MAX_WINDOW = 1000;
const DEFAULT_WINDOW = 100;

export class PanelModel {
  private readonly view = new SeqView();
  private readonly rate = new RateMeter();
  private filter: CompiledQuery | null = null;
  private following = true;
  /** While paused: the absolute range of the view the webview shows. */
  private frozenStart = 0;
  private frozenEnd = 0;
  private viewportFrom = 0;
  private viewportTo = DEFAULT_WINDOW;
  private timer: unknown = undefined;
  private disposed = false;

  constructor(
    private readonly store: LogStore,
    private readonly post: (m: ExtensionToWebview) => void,
    private readonly clock: PanelClock = realClock,
    private readonly batchMs = BATCH_MS,
  ) {}

  get follow(): boolean {
    return this.following;
  }

  /** Record `seq` entered the store. Cheap (the record is read in place, not decoded): the webview is updated on the next batch. */
  added(seq: number): void {
    this.rate.add(1, this.clock.now());
    if (!this.filter || this.store.matchesSeq(this.filter, seq)) this.view.push(seq);
    this.schedule();
  }

  /** A held record changed (a stack trace line attached to it): the next batch shows it. */
  updated(): void {
    if (this.following) this.schedule();
  }

  /** Rebuilds the view from the buffer under a new filter (null shows everything), using the store's indexes. */
  setFilter(filter: CompiledQuery | null): void {
    this.filter = filter;
    this.view.reset();
    if (filter) for (const seq of this.store.select(filter)) this.view.push(seq);
    else for (let seq = this.store.firstSeq; seq < this.store.nextSeq; seq++) this.view.push(seq);
    this.freezeAtEnd();
    this.postWindow(true);
    this.postCounts();
  }

  setFollow(follow: boolean): void {
    if (follow === this.following) return;
    this.following = follow;
    this.freezeAtEnd();
    if (follow) this.postWindow(true);
    this.postCounts();
  }

  /** The webview scrolled: send the rows it needs now (user-driven, so not batched). */
  viewport(from: number, to: number): void {
    this.viewportFrom = Math.max(0, from);
    this.viewportTo = Math.max(this.viewportFrom, Math.min(to, this.viewportFrom + MAX_WINDOW));
    this.postWindow(false);
  }

  /** Empties the store and the view. */
  clear(): void {
    this.store.clear();
    this.view.reset();
    this.rate.reset();
    this.freezeAtEnd();
    this.post({ type: 'rows', from: 0, total: 0, rows: [] });
    this.postCounts();
  }

  /** Number of rows the webview's list has (frozen while paused). */
  total(): number {
    return this.following ? this.view.length : this.frozenEnd - this.frozenStart;
  }

  /** Rows [from, to) of what the webview shows, as rows; placeholders for records gone since a pause. */
  rows(from: number, to: number): RowView[] {
    const total = this.total();
    const base = this.following ? this.view.start : this.frozenStart;
    const out: RowView[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, total); i++) {
      const seq = this.view.at(base + i);
      const record = seq === undefined ? undefined : this.store.bySeq(seq);
      out.push(record ? toRowView(record) : goneRow());
    }
    return out;
  }

  /** Seq of every record the filter shows, oldest first (for export). */
  *shownSeqs(): Iterable<number> {
    for (let p = this.view.start; p < this.view.end; p++) {
      const seq = this.view.at(p);
      if (seq !== undefined) yield seq;
    }
  }

  counts(): Counts {
    const s = this.store;
    return {
      records: s.size,
      received: s.totalReceived,
      dropped: s.dropped,
      shown: this.view.length,
      ratePerSec: this.rate.perSecond(this.clock.now()),
      waiting: this.following ? 0 : Math.max(0, this.view.end - this.frozenEnd),
      follow: this.following,
    };
  }

  openRequest(requestId: string): void {
    const { rows, summary } = computeTimeline(this.store.forRequest(requestId));
    this.post({ type: 'timeline', requestId, rows, summary });
  }

  /** Re-sends the current window and counts (a webview that just loaded). */
  refresh(): void {
    this.postWindow(this.following);
    this.postCounts();
  }

  /** Sends what accumulated since the last batch. Public so tests can drive it without timers. */
  flush(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    const trimmed = this.view.trimFront((seq) => this.store.bySeq(seq) === undefined);
    if (this.following) this.postWindow(true);
    // A paused view only changes when records it shows left the buffer.
    else if (trimmed > 0 && this.view.start > this.frozenStart + this.viewportFrom) this.postWindow(false);
    this.postCounts();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) return;
    this.timer = this.clock.setTimeout(() => this.flush(), this.batchMs);
  }

  private freezeAtEnd(): void {
    this.frozenStart = this.view.start;
    this.frozenEnd = this.view.end;
  }

  /** Posts the rows of the viewport, or of the tail (as large as the viewport) when `tail`. */
  private postWindow(tail: boolean): void {
    const total = this.total();
    let from = this.viewportFrom;
    let to = this.viewportTo;
    if (tail) {
      const size = Math.min(MAX_WINDOW, Math.max(to - from, 1) || DEFAULT_WINDOW);
      from = Math.max(0, total - size);
      to = total;
    }
    this.post({ type: 'rows', from, total, rows: this.rows(from, to) });
  }

  private postCounts(): void {
    this.post({ type: 'counts', ...this.counts() });
  }
}
