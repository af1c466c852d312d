// Messages between the extension host (client/src/tail) and the log panel's webview script
// (client/src/webview). Both sides import these types and guards; a message that fails its guard
// is ignored, so a stale webview or a hostile page can never drive the host with malformed data.

/** Level names as the log engine reports them (the wire format; mirrors LevelName). */
export type RowLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const LEVELS: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** One record as a list row: only what the row shows, never the whole record. */
export interface RowView {
  /** The record's sequence number; -1 for a row whose record left the buffer while paused. */
  seq: number;
  /** Epoch milliseconds, null when the record has no time. */
  time: number | null;
  level: RowLevel | null;
  source: string;
  requestId: string | null;
  message: string;
  /** Number of continuation lines (stack traces) that belong to the record. */
  extra: number;
  /** True when the line was cut at the size limit. */
  cut: boolean;
}

/** A row in a request's timeline, with the time since the previous record of the request. */
export interface TimelineRow extends RowView {
  /** Milliseconds since the previous record of the request; null for the first or when either has no time. */
  deltaMs: number | null;
}

export interface TimelineSummary {
  count: number;
  /** Time from the first to the last record, when both have a time. */
  spanMs: number | null;
  /** From the access-log record, when one is present. */
  status: number | null;
  durationMs: number | null;
  /** Records at error or fatal level. */
  errors: number;
}

export interface Counts {
  /** Records currently held in the buffer. */
  records: number;
  /** Records received since the panel started (or was cleared). */
  received: number;
  /** Records matching the filter. */
  shown: number;
  /** Records evicted from the buffer (capacity) plus lines the engine refused. */
  dropped: number;
  /** Records received per second, over the last few seconds. */
  ratePerSec: number;
  /** While paused: matching records that arrived since the pause. */
  waiting: number;
  follow: boolean;
}

export interface QueryErrorView {
  message: string;
  /** 0-based offset in the query text where the problem is. */
  offset: number;
  length: number;
}

export type SourceState = 'running' | 'waiting' | 'stopped' | 'error' | 'blocked';
export interface SourceStatusView {
  label: string;
  state: SourceState;
  /** Why, for the user (e.g. "the workspace is not trusted, so tail.command did not run"). */
  detail: string;
}

/**
 * A workspace setting the panel does not apply because the workspace is not trusted (Restricted
 * Mode): it would read files, open a port, run a program or compile patterns the workspace chose.
 */
export interface RestrictedSettingView {
  /** The full setting name, e.g. observabilityLens.tail.files. */
  setting: string;
  /** What the setting would do, e.g. "reads the files it names". */
  effect: string;
  /** Where it is set: a folder's .vscode/settings.json or the workspace file. */
  where: string;
}

/**
 * A configured file that already held lines when the panel began following it from its end: the
 * panel says so and offers to load its last `lines` lines.
 */
export interface ExistingLinesOffer {
  /** Names the offer in the `loadExisting` reply; only offers the host made are honoured. */
  id: string;
  /** The file, as its records' source column names it (e.g. service.log). */
  file: string;
  /** Bytes the file held before the place the panel began reading. */
  bytes: number;
  /** How many of its last lines the offer loads (observabilityLens.tail.loadExisting). */
  lines: number;
}

/** What the details pane is titled by: the request (method and path), its ID and the record's time. */
export interface DetailsHeading {
  /** "GET /orders/42" when the record names an HTTP request, else null. */
  request: string | null;
  requestId: string | null;
  time: number | null;
  /** The message's first line, for a record that names no request. */
  message: string;
}

export type ExtensionToWebview =
  | { type: 'init'; query: string; follow: boolean; counts: Counts; sources: SourceStatusView[] }
  | { type: 'rows'; from: number; total: number; rows: RowView[] }
  | ({ type: 'counts' } & Counts)
  | { type: 'queryErrors'; errors: QueryErrorView[] }
  | { type: 'timeline'; requestId: string; rows: TimelineRow[]; summary: TimelineSummary }
  | { type: 'details'; seq: number; json: string; continuation: string[]; heading: DetailsHeading }
  | { type: 'sourceStatus'; sources: SourceStatusView[] }
  /** The settings held back in Restricted Mode; empty when none are (or the workspace is trusted). */
  | { type: 'restricted'; settings: RestrictedSettingView[] }
  /** Files followed from their end that held lines before (empty when none, or all were loaded). */
  | { type: 'existing'; offers: ExistingLinesOffer[] };

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'setQuery'; text: string }
  | { type: 'viewport'; from: number; to: number }
  | { type: 'setFollow'; follow: boolean }
  | { type: 'openRequest'; requestId: string }
  | { type: 'expand'; seq: number }
  | { type: 'copy'; seq: number }
  | { type: 'goToCode'; seq: number }
  /** Opens VS Code's workspace trust editor (workbench.trust.manage). */
  | { type: 'manageTrust' }
  /** Loads the lines an `existing` offer names. */
  | { type: 'loadExisting'; id: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): boolean => v === null || isNum(v);
const isStrOrNull = (v: unknown): boolean => v === null || isStr(v);
const isArr = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
/** Upper bound for query text: longer input is hostile or a paste accident, not a filter. */
const MAX_QUERY = 10_000;

export function isWebviewToExtension(m: unknown): m is WebviewToExtension {
  if (!isObj(m) || !isStr(m.type)) return false;
  switch (m.type) {
    case 'ready':
    case 'manageTrust':
      return true;
    case 'loadExisting':
      return isStr(m.id) && m.id.length <= 200;
    case 'setQuery':
      return isStr(m.text) && m.text.length <= MAX_QUERY;
    case 'viewport':
      return isInt(m.from) && isInt(m.to) && m.from >= 0 && m.to >= m.from;
    case 'setFollow':
      return isBool(m.follow);
    case 'openRequest':
      return isStr(m.requestId);
    case 'expand':
    case 'copy':
    case 'goToCode':
      return isInt(m.seq) && m.seq >= 0;
    default:
      return false;
  }
}

export function isRowView(v: unknown): v is RowView {
  return (
    isObj(v) &&
    isInt(v.seq) &&
    isNumOrNull(v.time) &&
    (v.level === null || (isStr(v.level) && LEVELS.includes(v.level))) &&
    isStr(v.source) &&
    isStrOrNull(v.requestId) &&
    isStr(v.message) &&
    isInt(v.extra) &&
    isBool(v.cut)
  );
}

function isTimelineRow(v: unknown): v is TimelineRow {
  return isRowView(v) && isNumOrNull((v as unknown as Obj).deltaMs);
}

function isCounts(v: Obj): boolean {
  return (
    isNum(v.records) && isNum(v.received) && isNum(v.shown) && isNum(v.dropped) &&
    isNum(v.ratePerSec) && isNum(v.waiting) && isBool(v.follow)
  );
}

function isSourceStatus(v: unknown): v is SourceStatusView {
  return (
    isObj(v) && isStr(v.label) && isStr(v.detail) &&
    ['running', 'waiting', 'stopped', 'error', 'blocked'].includes(v.state as string)
  );
}

function isRestrictedSetting(v: unknown): v is RestrictedSettingView {
  return isObj(v) && isStr(v.setting) && isStr(v.effect) && isStr(v.where);
}

function isExistingOffer(v: unknown): v is ExistingLinesOffer {
  return isObj(v) && isStr(v.id) && isStr(v.file) && isNum(v.bytes) && isInt(v.lines);
}

function isDetailsHeading(v: unknown): v is DetailsHeading {
  return isObj(v) && isStrOrNull(v.request) && isStrOrNull(v.requestId) && isNumOrNull(v.time) && isStr(v.message);
}

function isQueryError(v: unknown): v is QueryErrorView {
  return isObj(v) && isStr(v.message) && isInt(v.offset) && isInt(v.length);
}

export function isExtensionToWebview(m: unknown): m is ExtensionToWebview {
  if (!isObj(m) || !isStr(m.type)) return false;
  switch (m.type) {
    case 'init':
      return isStr(m.query) && isBool(m.follow) && isObj(m.counts) && isCounts(m.counts) && isArr(m.sources, isSourceStatus);
    case 'rows':
      return isInt(m.from) && isInt(m.total) && isArr(m.rows, isRowView);
    case 'counts':
      return isCounts(m);
    case 'queryErrors':
      return isArr(m.errors, isQueryError);
    case 'timeline': {
      const s = m.summary;
      return (
        isStr(m.requestId) && isArr(m.rows, isTimelineRow) && isObj(s) && isInt(s.count) &&
        isNumOrNull(s.spanMs) && isNumOrNull(s.status) && isNumOrNull(s.durationMs) && isInt(s.errors)
      );
    }
    case 'details':
      return isInt(m.seq) && isStr(m.json) && isArr(m.continuation, isStr) && isDetailsHeading(m.heading);
    case 'sourceStatus':
      return isArr(m.sources, isSourceStatus);
    case 'restricted':
      return isArr(m.settings, isRestrictedSetting);
    case 'existing':
      return isArr(m.offers, isExistingOffer);
    default:
      return false;
  }
}
