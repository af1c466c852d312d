// A fixed-row-height virtual list: only the visible rows plus an overscan exist in the DOM, so
// 100,000 records cost the same to show as 50. Row elements are pooled and repositioned with a
// transform (set through CSSOM, which the CSP allows) instead of being recreated on every scroll.
import type { RowView, TimelineRow } from '../../../shared/src/panelMessages';
import { formatDelta, formatLevel, formatTime, rowLabel } from './format';

export const ROW_HEIGHT = 22;
export const OVERSCAN = 10;

/** Where the rows come from: the host's window (list mode) or the timeline (held whole). */
export interface RowProvider {
  total(): number;
  row(index: number): RowView | TimelineRow | undefined;
}

interface RowEl {
  root: HTMLDivElement;
  delta: HTMLSpanElement;
  time: HTMLSpanElement;
  level: HTMLSpanElement;
  source: HTMLSpanElement;
  req: HTMLButtonElement;
  msg: HTMLSpanElement;
  /** What the element currently shows, to skip needless DOM writes. */
  key: string;
}

function cell(parent: HTMLElement, cls: string): HTMLSpanElement {
  const c = document.createElement('span');
  c.className = `cell ${cls}`;
  c.setAttribute('role', 'gridcell');
  parent.appendChild(c);
  return c;
}

export class VirtualList {
  private readonly pool = new Map<number, RowEl>();
  private readonly spare: RowEl[] = [];
  private provider: RowProvider;
  /**
   * scrollTop and clientHeight, cached: reading them after DOM writes forces a synchronous layout,
   * which at 20 batches a second costs more than the rendering itself. Synced on scroll and resize.
   */
  private top = 0;
  private height = 0;
  selected = -1;

  constructor(
    readonly container: HTMLElement,
    private readonly spacer: HTMLElement,
    provider: RowProvider,
  ) {
    this.provider = provider;
    this.syncFromDom();
  }

  /** Re-reads the scroll position and size (call from scroll and resize events, where layout is fresh). */
  syncFromDom(): void {
    this.top = this.container.scrollTop;
    this.height = this.container.clientHeight;
  }

  get scrollTop(): number {
    return this.top;
  }

  scrollTo(y: number): void {
    const max = Math.max(0, this.total() * ROW_HEIGHT - this.height);
    this.top = Math.max(0, Math.min(max, Math.round(y)));
    this.container.scrollTop = this.top;
  }

  setProvider(p: RowProvider): void {
    this.provider = p;
    for (const r of this.pool.values()) this.release(r);
    this.pool.clear();
  }

  total(): number {
    return this.provider.total();
  }

  /** First and one-past-last index that the viewport shows (without overscan). */
  visibleRange(): { first: number; last: number } {
    const first = Math.max(0, Math.floor(this.top / ROW_HEIGHT));
    const count = Math.ceil(Math.max(this.height, ROW_HEIGHT) / ROW_HEIGHT);
    return { first, last: Math.min(this.total(), first + count) };
  }

  pageSize(): number {
    return Math.max(1, Math.floor(this.height / ROW_HEIGHT) - 1);
  }

  /** Index range (with overscan) that should be in the DOM; the host is asked for these rows. */
  wantedRange(): { from: number; to: number } {
    const { first, last } = this.visibleRange();
    return { from: Math.max(0, first - OVERSCAN), to: Math.min(this.total(), last + OVERSCAN) };
  }

  isAtEnd(): boolean {
    return this.top + this.height >= this.total() * ROW_HEIGHT - ROW_HEIGHT;
  }

  scrollToEnd(): void {
    this.spacer.style.height = `${this.total() * ROW_HEIGHT}px`;
    this.scrollTo(Infinity);
  }

  /** Scrolls the least amount that brings row `index` fully into view. */
  reveal(index: number): void {
    const top = index * ROW_HEIGHT;
    if (top < this.top) this.scrollTo(top);
    else if (top + ROW_HEIGHT > this.top + this.height) this.scrollTo(top + ROW_HEIGHT - this.height);
  }

  render(): void {
    const total = this.total();
    this.spacer.style.height = `${total * ROW_HEIGHT}px`;
    this.container.setAttribute('aria-rowcount', String(total));
    const { from, to } = this.wantedRange();
    for (const [i, r] of this.pool) {
      if (i < from || i >= to) {
        this.release(r);
        this.pool.delete(i);
      }
    }
    for (let i = from; i < to; i++) {
      let r = this.pool.get(i);
      if (!r) {
        r = this.acquire();
        this.pool.set(i, r);
        r.root.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
        r.root.dataset.index = String(i);
        r.root.setAttribute('aria-rowindex', String(i + 1));
      }
      this.fill(r, i);
    }
  }

  /** The DOM element of a rendered row, if it is in the DOM. */
  element(index: number): HTMLElement | undefined {
    return this.pool.get(index)?.root;
  }

  private acquire(): RowEl {
    const spare = this.spare.pop();
    if (spare) {
      spare.root.hidden = false;
      return spare;
    }
    const root = document.createElement('div');
    root.className = 'row';
    root.setAttribute('role', 'row');
    const delta = cell(root, 'c-delta');
    const time = cell(root, 'c-time');
    const level = cell(root, 'c-level');
    const source = cell(root, 'c-source');
    const reqCell = cell(root, 'c-req');
    const req = document.createElement('button');
    req.type = 'button';
    req.className = 'req';
    req.tabIndex = -1;
    reqCell.appendChild(req);
    const msg = cell(root, 'c-msg');
    this.container.appendChild(root);
    return { root, delta, time, level, source, req, msg, key: '' };
  }

  private release(r: RowEl): void {
    r.root.hidden = true;
    r.key = '';
    delete r.root.dataset.index;
    this.spare.push(r);
  }

  private fill(r: RowEl, index: number): void {
    const row = this.provider.row(index);
    const selected = index === this.selected;
    const key = row ? `${row.seq}:${'deltaMs' in row ? row.deltaMs : ''}:${selected}` : `pending:${selected}`;
    if (r.key === key) return;
    r.key = key;
    r.root.classList.toggle('selected', selected);
    r.root.setAttribute('aria-selected', String(selected));
    if (!row) {
      r.root.className = `row pending${selected ? ' selected' : ''}`;
      r.root.removeAttribute('data-seq');
      r.root.setAttribute('aria-label', 'loading');
      r.delta.textContent = r.time.textContent = r.level.textContent = r.source.textContent = '';
      r.msg.textContent = '…';
      r.req.hidden = true;
      return;
    }
    r.root.className = `row lvl-${row.level ?? 'none'}${row.seq < 0 ? ' gone' : ''}${selected ? ' selected' : ''}`;
    r.root.dataset.seq = String(row.seq);
    r.root.setAttribute('aria-label', rowLabel(row));
    r.delta.textContent = 'deltaMs' in row ? formatDelta(row.deltaMs) : '';
    r.time.textContent = formatTime(row.time);
    r.level.textContent = formatLevel(row.level);
    r.source.textContent = row.source;
    r.source.title = row.source;
    if (row.requestId) {
      r.req.hidden = false;
      r.req.textContent = row.requestId;
      r.req.dataset.requestId = row.requestId;
      r.req.title = `Show the timeline of request ${row.requestId}`;
    } else {
      r.req.hidden = true;
      r.req.textContent = '';
      delete r.req.dataset.requestId;
    }
    const more = row.extra > 0 ? `  (+${row.extra} line${row.extra === 1 ? '' : 's'})` : '';
    r.msg.textContent = row.seq < 0 ? '(no longer in the buffer)' : row.message + (row.cut ? ' …[cut]' : '') + more;
  }
}
