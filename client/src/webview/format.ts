// Text shown in the panel's rows: times, levels, deltas and the screen-reader label of a row.
// Pure functions so the list renderer stays about the DOM only.
import type { DetailsHeading, RowView, TimelineSummary } from '../../../shared/src/panelMessages';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Local wall-clock time with milliseconds: what people compare against their terminal. */
export function formatTime(epochMs: number | null): string {
  if (epochMs === null) return '';
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatLevel(level: RowView['level']): string {
  return level === null ? '' : level.toUpperCase();
}

export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2).replace(/\.?0+$/, '')} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "+12 ms" between consecutive records of a request. */
export function formatDelta(ms: number | null): string {
  return ms === null ? '' : `+${formatDuration(Math.max(0, ms))}`;
}

const LABEL_MESSAGE_MAX = 200;

/** "error at 12:00:01, request abc, message ...": what a screen reader says for a row. */
export function rowLabel(row: RowView): string {
  if (row.seq < 0) return 'record no longer in the buffer';
  const parts: string[] = [];
  const time = formatTime(row.time).slice(0, 8);
  parts.push(`${row.level ?? 'log'}${time ? ` at ${time}` : ''}`);
  if (row.requestId) parts.push(`request ${row.requestId}`);
  const msg = row.message.length > LABEL_MESSAGE_MAX ? `${row.message.slice(0, LABEL_MESSAGE_MAX)}…` : row.message;
  parts.push(`message ${msg}`);
  if (row.source) parts.push(`from ${row.source}`);
  return parts.join(', ');
}

export function summaryText(s: TimelineSummary): string {
  const parts = [`${s.count} record${s.count === 1 ? '' : 's'}`];
  if (s.spanMs !== null) parts.push(`over ${formatDuration(s.spanMs)}`);
  if (s.status !== null) parts.push(`status ${s.status}`);
  if (s.durationMs !== null) parts.push(`took ${formatDuration(s.durationMs)}`);
  if (s.errors > 0) parts.push(`${s.errors} error${s.errors === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "12.3 KB": a file's size for a sentence. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** "GET /orders/42 · req-7 · 12:00:01.234": the request (or the message), its ID and the time. */
export function detailsTitle(h: DetailsHeading): string {
  const parts = [h.request ?? (h.message || '(no message)')];
  if (h.requestId) parts.push(h.requestId);
  const time = formatTime(h.time);
  if (time) parts.push(time);
  return parts.join(' · ');
}
