// The log panel's browser script. It holds only the rows on screen (the host filters and slices),
// builds every node with createElement/textContent (log text is untrusted), and talks to the host
// through the typed messages in shared/src/panelMessages.ts.
import {
  isExtensionToWebview,
  type Counts,
  type DetailsHeading,
  type ExistingLinesOffer,
  type ExtensionToWebview,
  type QueryErrorView,
  type RowView,
  type SourceStatusView,
  type TimelineRow,
  type TimelineSummary,
  type WebviewToExtension,
} from '../../../shared/src/panelMessages';
import { detailsTitle, formatCount, summaryText } from './format';
import { renderExistingOffers, renderRestricted, renderSourceChips } from './notices';
import { ROW_HEIGHT, VirtualList, type RowProvider } from './virtualList';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewToExtension): void => vscode.postMessage(m);

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`panel markup lacks #${id}`);
  return el as T;
}

const ui = {
  filter: byId<HTMLInputElement>('filter'),
  queryErrors: byId('query-errors'),
  follow: byId<HTMLButtonElement>('follow'),
  records: byId('count-records'),
  shown: byId('count-shown'),
  rate: byId('count-rate'),
  dropped: byId('count-dropped'),
  sources: byId('sources'),
  restricted: byId('restricted'),
  existing: byId('existing'),
  live: byId('live'),
  list: byId('list'),
  spacer: byId('spacer'),
  empty: byId('empty'),
  timelineBar: byId('timeline-bar'),
  timelineBack: byId<HTMLButtonElement>('timeline-back'),
  timelineTitle: byId('timeline-title'),
  timelineSummary: byId('timeline-summary'),
  details: byId('details'),
  detailsTitle: byId('details-title'),
  detailsJson: byId('details-json'),
  detailsContinuation: byId('details-continuation'),
  detailsCopy: byId<HTMLButtonElement>('details-copy'),
  detailsGoto: byId<HTMLButtonElement>('details-goto'),
  detailsClose: byId<HTMLButtonElement>('details-close'),
};

// ---- state ---------------------------------------------------------------------------------
/** The host's window of the filtered view: rows [windowFrom, windowFrom + windowRows.length). */
let total = 0;
let windowFrom = 0;
let windowRows: RowView[] = [];
let follow = true;
let lastRequested = '';
let timeline: { requestId: string; rows: TimelineRow[]; summary: TimelineSummary } | null = null;
let listSelection = -1;
let listScrollTop = 0;
let detailsSeq: number | null = null;
/** scrollTop the script itself last set while following, to tell its own scrolls from the user's. */
let lastProgrammaticTop = 0;
/** Labels of the sources that run or wait for their file: what the empty list is waiting for. */
let liveSources: string[] = [];
let offers: ExistingLinesOffer[] = [];

const listProvider: RowProvider = {
  total: () => total,
  row: (i) => (i >= windowFrom && i < windowFrom + windowRows.length ? windowRows[i - windowFrom] : undefined),
};
const timelineProvider: RowProvider = {
  total: () => timeline?.rows.length ?? 0,
  row: (i) => timeline?.rows[i],
};
const list = new VirtualList(ui.list, ui.spacer, listProvider);

// ---- rendering -----------------------------------------------------------------------------
let frame = 0;
/** Coalesces renders into one per animation frame however many messages arrive. */
function scheduleRender(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderNow();
  });
}

function renderNow(): void {
  if (follow && !timeline) {
    list.scrollToEnd();
    lastProgrammaticTop = list.scrollTop;
  }
  list.render();
  ui.empty.hidden = list.total() > 0;
  if (!ui.empty.hidden) renderEmpty();
  if (!timeline) requestViewport();
}

/** What an empty list is waiting for, or how to give it something to show. */
function renderEmpty(): void {
  let text: string;
  if (timeline) text = 'No records of this request are in the buffer.';
  else if (liveSources.length > 0) {
    text = `Waiting for new lines from ${liveSources.join(', ')}.`;
    if (offers.length > 0) text += ' Lines already in the files are not shown unless you load them (above).';
  } else text = 'No log sources. Set tail.files or tail.command (observabilityLens.tail.* or obs-lens.config.json), or tail a file with Tail File… (+) in the title bar.';
  if (ui.empty.textContent !== text) ui.empty.textContent = text;
}

/** Asks the host for the rows the viewport needs when the window does not cover them. */
function requestViewport(): void {
  const { from, to } = list.wantedRange();
  const have = windowFrom <= from && windowFrom + windowRows.length >= to;
  if (have && total > 0) return;
  // Ask a little wider than needed so small scrolls stay inside the window.
  const extra = list.pageSize();
  const want = { from: Math.max(0, from - extra), to: to + extra };
  const key = `${want.from}:${want.to}:${total}`;
  if (key === lastRequested) return;
  lastRequested = key;
  post({ type: 'viewport', from: want.from, to: want.to });
}

function setFollow(on: boolean, tell = true): void {
  if (follow === on) return;
  follow = on;
  if (tell) post({ type: 'setFollow', follow: on });
  renderFollow(0);
  if (on) scheduleRender();
}

function renderFollow(waiting: number): void {
  ui.follow.classList.toggle('on', follow);
  ui.follow.setAttribute('aria-pressed', String(follow));
  ui.follow.textContent = follow ? 'Following' : waiting > 0 ? `Paused (${formatCount(waiting)} waiting)` : 'Paused';
}

let lastAnnounced = '';
let lastAnnounceAt = 0;
function renderCounts(c: Counts): void {
  ui.records.textContent = `${formatCount(c.records)} records`;
  ui.shown.textContent = `${formatCount(c.shown)} shown`;
  ui.rate.textContent = `${formatCount(Math.round(c.ratePerSec))}/s`;
  ui.dropped.textContent = `${formatCount(c.dropped)} dropped`;
  ui.dropped.classList.toggle('warn', c.dropped > 0);
  if (c.follow !== follow) {
    follow = c.follow;
    if (follow) scheduleRender();
  }
  renderFollow(c.waiting);
  // Screen readers get the counts at most every few seconds, not on every batch.
  const now = Date.now();
  const text = `${formatCount(c.shown)} of ${formatCount(c.records)} records shown${c.waiting ? `, ${formatCount(c.waiting)} waiting` : ''}`;
  if (text !== lastAnnounced && now - lastAnnounceAt > 3000) {
    lastAnnounced = text;
    lastAnnounceAt = now;
    ui.live.textContent = text;
  }
}

function renderQueryErrors(errors: QueryErrorView[]): void {
  ui.queryErrors.replaceChildren();
  ui.filter.classList.toggle('invalid', errors.length > 0);
  ui.filter.setAttribute('aria-invalid', String(errors.length > 0));
  for (const e of errors) {
    const line = document.createElement('div');
    line.className = 'query-error';
    const pos = document.createElement('span');
    pos.className = 'pos';
    pos.textContent = `at ${e.offset + 1}: `;
    const msg = document.createElement('span');
    msg.textContent = e.message;
    line.append(pos, msg);
    // Show the query with the faulty part marked so the position is visible, not just a number.
    const text = ui.filter.value;
    if (e.offset <= text.length) {
      const ctx = document.createElement('code');
      ctx.className = 'ctx';
      const bad = document.createElement('mark');
      bad.textContent = text.slice(e.offset, e.offset + Math.max(1, e.length)) || ' ';
      ctx.append(text.slice(0, e.offset), bad, text.slice(e.offset + Math.max(1, e.length)));
      line.append(ctx);
    }
    ui.queryErrors.appendChild(line);
  }
}

function renderSources(sources: SourceStatusView[]): void {
  liveSources = sources.filter((s) => s.state === 'running' || s.state === 'waiting').map((s) => s.label);
  scheduleRender();
  renderSourceChips(ui.sources, sources);
}

function renderExisting(list: ExistingLinesOffer[]): void {
  offers = list;
  scheduleRender();
  renderExistingOffers(ui.existing, list, post);
}

function showDetails(seq: number, json: string, continuation: string[], heading: DetailsHeading): void {
  detailsSeq = seq;
  const opening = ui.details.hidden;
  ui.details.hidden = false;
  ui.detailsTitle.textContent = detailsTitle(heading);
  ui.detailsJson.textContent = json;
  ui.detailsContinuation.textContent = continuation.join('\n');
  ui.detailsContinuation.hidden = continuation.length === 0;
  if (opening) {
    // The pane takes room from the list: measure it now and keep the selected row in view.
    list.syncFromDom();
    if (list.selected >= 0) list.reveal(list.selected);
    list.render();
    if (!timeline) requestViewport();
  }
}

function hideDetails(): void {
  detailsSeq = null;
  ui.details.hidden = true;
  ui.detailsJson.textContent = '';
  ui.detailsContinuation.textContent = '';
}

function enterTimeline(requestId: string, rows: TimelineRow[], summary: TimelineSummary): void {
  if (!timeline) {
    listSelection = list.selected;
    listScrollTop = list.scrollTop;
  }
  timeline = { requestId, rows, summary };
  ui.list.classList.add('timeline');
  ui.timelineBar.hidden = false;
  ui.timelineTitle.textContent = `Request ${requestId}`;
  ui.timelineSummary.textContent = summaryText(summary);
  list.setProvider(timelineProvider);
  list.selected = rows.length ? 0 : -1;
  list.scrollTo(0);
  scheduleRender();
  ui.list.focus();
}

function leaveTimeline(): void {
  if (!timeline) return;
  timeline = null;
  ui.list.classList.remove('timeline');
  ui.timelineBar.hidden = true;
  list.setProvider(listProvider);
  list.selected = listSelection;
  list.scrollTo(listScrollTop);
  scheduleRender();
  ui.list.focus();
}

// ---- messages from the host ----------------------------------------------------------------
function handle(m: ExtensionToWebview): void {
  switch (m.type) {
    case 'init':
      if (document.activeElement !== ui.filter) ui.filter.value = m.query;
      follow = m.follow;
      renderCounts({ ...m.counts });
      renderSources(m.sources);
      scheduleRender();
      break;
    case 'rows':
      if (m.total < total && list.selected >= m.total && !timeline) list.selected = m.total - 1;
      // Cleared (the title bar's Clear): the record the details showed is gone.
      if (m.total === 0 && !timeline) hideDetails();
      total = m.total;
      windowFrom = m.from;
      windowRows = m.rows;
      lastRequested = '';
      scheduleRender();
      break;
    case 'counts':
      renderCounts(m);
      break;
    case 'queryErrors':
      renderQueryErrors(m.errors);
      break;
    case 'timeline':
      enterTimeline(m.requestId, m.rows, m.summary);
      break;
    case 'details':
      showDetails(m.seq, m.json, m.continuation, m.heading);
      break;
    case 'sourceStatus':
      renderSources(m.sources);
      break;
    case 'restricted':
      renderRestricted(ui.restricted, m.settings, post);
      break;
    case 'existing':
      renderExisting(m.offers);
      break;
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  if (isExtensionToWebview(e.data)) handle(e.data);
});

// ---- user input ----------------------------------------------------------------------------
let queryTimer: ReturnType<typeof setTimeout> | undefined;
ui.filter.addEventListener('input', () => {
  clearTimeout(queryTimer);
  // Filtering rescans the buffer on the host: wait for a pause in typing.
  queryTimer = setTimeout(() => post({ type: 'setQuery', text: ui.filter.value }), 150);
});
ui.filter.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    clearTimeout(queryTimer);
    post({ type: 'setQuery', text: ui.filter.value });
  } else if (e.key === 'Escape') {
    ui.list.focus();
  }
});

ui.follow.addEventListener('click', () => setFollow(!follow));
ui.timelineBack.addEventListener('click', leaveTimeline);
ui.detailsClose.addEventListener('click', () => {
  hideDetails();
  ui.list.focus();
});
ui.detailsCopy.addEventListener('click', () => {
  if (detailsSeq !== null) post({ type: 'copy', seq: detailsSeq });
});
ui.detailsGoto.addEventListener('click', () => {
  if (detailsSeq !== null) post({ type: 'goToCode', seq: detailsSeq });
});

function currentRow(index: number): RowView | undefined {
  return (timeline ? timelineProvider : listProvider).row(index);
}

function select(index: number): void {
  const n = list.total();
  if (n === 0) return;
  const i = Math.max(0, Math.min(n - 1, index));
  list.selected = i;
  list.reveal(i);
  list.render();
  if (!timeline) requestViewport();
}

function expandSelected(): void {
  const row = currentRow(list.selected);
  if (row && row.seq >= 0) post({ type: 'expand', seq: row.seq });
}

ui.list.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const req = target.closest('button.req') as HTMLButtonElement | null;
  if (req?.dataset.requestId) {
    e.stopPropagation();
    post({ type: 'openRequest', requestId: req.dataset.requestId });
    return;
  }
  const rowEl = target.closest('.row') as HTMLElement | null;
  if (!rowEl?.dataset.index) return;
  // Selecting a row means the user is reading: stop the list from running away.
  if (!timeline) setFollow(false);
  select(Number(rowEl.dataset.index));
});
ui.list.addEventListener('dblclick', (e) => {
  if ((e.target as HTMLElement).closest('button.req')) return;
  expandSelected();
});

ui.list.addEventListener('keydown', (e) => {
  const page = list.pageSize();
  const cur = list.selected < 0 ? (follow ? list.total() : list.visibleRange().first) : list.selected;
  let next: number | null = null;
  switch (e.key) {
    case 'ArrowDown': next = list.selected < 0 ? cur - (follow ? 1 : 0) : cur + 1; break;
    case 'ArrowUp': next = cur - 1; break;
    case 'PageDown': next = cur + page; break;
    case 'PageUp': next = cur - page; break;
    case 'Home': next = 0; break;
    case 'End': next = list.total() - 1; break;
    case 'Enter':
      e.preventDefault();
      expandSelected();
      return;
    case 'Escape':
      e.preventDefault();
      if (!ui.details.hidden) hideDetails();
      else if (timeline) leaveTimeline();
      return;
    default:
      return;
  }
  e.preventDefault();
  if (!timeline && e.key !== 'End' && e.key !== 'ArrowDown' && e.key !== 'PageDown') setFollow(false);
  select(next);
});

document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement !== ui.filter) {
    e.preventDefault();
    ui.filter.focus();
    ui.filter.select();
  } else if (e.key === 'Escape' && document.activeElement !== ui.list && document.activeElement !== ui.filter) {
    if (!ui.details.hidden) hideDetails();
    else leaveTimeline();
  }
});

ui.list.addEventListener('scroll', () => {
  // Dragging the scrollbar up while following means "let me read": pause.
  list.syncFromDom();
  if (follow && !timeline && list.scrollTop < lastProgrammaticTop - 2 * ROW_HEIGHT && !list.isAtEnd()) setFollow(false);
  lastProgrammaticTop = list.scrollTop;
  list.render();
  if (!timeline) requestViewport();
});
ui.list.addEventListener('wheel', (e) => {
  if (e.deltaY < 0 && follow && !timeline) setFollow(false);
}, { passive: true });

new ResizeObserver(() => {
  list.syncFromDom();
  scheduleRender();
}).observe(ui.list);

renderFollow(0);
post({ type: 'ready' });
