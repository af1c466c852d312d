// Turns engine records into what the webview shows: a row (list) or a timeline with deltas.
import type { DetailsHeading, RowView, TimelineRow, TimelineSummary } from '../../../shared/src/panelMessages';
import { fieldValue } from '../../../server/src/logs/fields';
import type { LogRecord } from '../../../server/src/logs/types';

/** A row shows one line of the message; the rest is in the details. Bounds each message's cost. */
export const ROW_MESSAGE_MAX = 2000;
/** A request with more records than this shows its first ones (and says so in the count). */
export const TIMELINE_MAX = 5000;

export function toRowView(r: LogRecord): RowView {
  let message = firstLine(r.message);
  if (message.length > ROW_MESSAGE_MAX) message = message.slice(0, ROW_MESSAGE_MAX);
  return {
    seq: r.seq,
    time: r.time,
    level: r.level,
    source: r.source,
    requestId: r.requestId,
    message,
    extra: r.continuation.length,
    cut: r.cut,
  };
}

/** Where HTTP loggers put the method and the path (pino-http/bunyan, flat, ECS, Google Cloud). */
const METHOD_PATHS = ['req.method', 'request.method', 'http.request.method', 'httpRequest.requestMethod', 'method'];
const URL_PATHS = ['req.url', 'request.url', 'url.path', 'url.original', 'httpRequest.requestUrl', 'url', 'path'];
/** A heading is one line: a longer path is cut. */
const HEADING_MAX = 200;

function firstText(r: LogRecord, paths: readonly string[]): string | null {
  for (const p of paths) {
    const v = fieldValue(r, p);
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

/** What the details pane is titled by: "GET /orders/42", the request ID and the time. */
export function detailsHeading(r: LogRecord): DetailsHeading {
  const method = firstText(r, METHOD_PATHS);
  const url = firstText(r, URL_PATHS);
  // Both, or it is not a request: a `path` or `url` field alone may name anything.
  const request = method !== null && url !== null ? firstLine(`${method.toUpperCase()} ${url}`).slice(0, HEADING_MAX) : null;
  return { request, requestId: r.requestId, time: r.time, message: firstLine(r.message).slice(0, HEADING_MAX) };
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl >= 0 ? text.slice(0, nl) : text;
}

/** Placeholder for a row whose record left the buffer while the view was paused. */
export function goneRow(): RowView {
  return { seq: -1, time: null, level: null, source: '', requestId: null, message: '', extra: 0, cut: false };
}

/**
 * A request's records in time order with the gap before each, and what the access-log record
 * says about the request (status, duration).
 */
export function computeTimeline(records: readonly LogRecord[]): { rows: TimelineRow[]; summary: TimelineSummary } {
  const sorted = [...records];
  // Sources interleave: order by time when every record has one, else by arrival.
  if (sorted.every((r) => r.time !== null)) sorted.sort((a, b) => a.time! - b.time! || a.seq - b.seq);
  else sorted.sort((a, b) => a.seq - b.seq);
  const rows: TimelineRow[] = [];
  let prevTime: number | null = null;
  let first: number | null = null;
  let last: number | null = null;
  let status: number | null = null;
  let durationMs: number | null = null;
  let errors = 0;
  for (const [i, r] of sorted.entries()) {
    if (i < TIMELINE_MAX) rows.push({ ...toRowView(r), deltaMs: i > 0 && r.time !== null && prevTime !== null ? r.time - prevTime : null });
    if (r.time !== null) {
      first = first === null ? r.time : Math.min(first, r.time);
      last = last === null ? r.time : Math.max(last, r.time);
    }
    prevTime = r.time;
    // The access log is written when the response finishes: the last one that says so wins.
    if (r.status !== null) status = r.status;
    if (r.durationMs !== null) durationMs = r.durationMs;
    if (r.level === 'error' || r.level === 'fatal') errors++;
  }
  return {
    rows,
    summary: { count: sorted.length, spanMs: first !== null && last !== null ? last - first : null, status, durationMs, errors },
  };
}
