// How `obs-lens tail` prints a record. `json`: the line exactly as it was logged (record.raw), so the
// output can be piped to jq or another tool unchanged; continuation lines (stack traces printed after
// a record) are not part of that line and are left out. `pretty`: time, level, request ID, message,
// then the fields worth a glance; continuation lines indented below.
import { fullJson } from '../logs/fields';
import type { LevelName, LogRecord } from '../logs/types';

const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const LEVEL_STYLE: Record<LevelName, string> = {
  trace: '\x1b[90m',
  debug: '\x1b[36m',
  info: '\x1b[32m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
  fatal: '\x1b[1;35m',
};

/** Fields every record of some format carries, or that the line already shows: not repeated. */
const SHOWN_OR_NOISE = new Set([
  'time', 'timestamp', '@timestamp', 'ts', 'level', 'levelname', 'severity', 'severity_text', 'severity_number', 'log.level',
  'msg', 'message', 'body', 'pid', 'hostname', 'v', 'name', 'reqId', 'requestId', 'request_id', 'req_id', 'trace_id', 'traceId',
  'span_id', 'spanId', 'trace_flags', 'resource', 'scope', 'ecs.version', 'ecs', 'log', 'stack',
]);
const MAX_FIELDS = 8;
const MAX_VALUE_CHARS = 80;

export interface PrettyOptions {
  color: boolean;
  /** Prefix each line with its source label (when following several sources). */
  showSource: boolean;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** HH:MM:SS.mmm in local time, like lnav and tail output people compare with their clock. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function short(value: unknown): string {
  let s = typeof value === 'string' ? (/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value) : JSON.stringify(value);
  if (s === undefined) s = String(value);
  return s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS - 1) + '…' : s;
}

/** Fields beyond the message: access-log outcome first, then the record's own extra fields. */
function keyFields(record: LogRecord): string[] {
  const out: string[] = [];
  if (record.status !== null) out.push(`status=${record.status}`);
  if (record.durationMs !== null) out.push(`duration=${Math.round(record.durationMs * 10) / 10}ms`);
  if (record.format === null) return out;
  const obj = fullJson(record);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return out;
  let fields = Object.entries(obj as Record<string, unknown>);
  // OTel records keep their own fields under attributes.
  const attrs = (obj as Record<string, unknown>).attributes;
  if (record.format === 'otel' && attrs && typeof attrs === 'object') fields = Object.entries(attrs as Record<string, unknown>);
  for (const [key, value] of fields) {
    if (out.length >= MAX_FIELDS) break;
    if (SHOWN_OR_NOISE.has(key) || value === null || value === undefined) continue;
    if (record.format !== 'otel' && key === 'attributes') continue;
    // pino-http's req/res objects are summarised by status and duration above.
    if ((key === 'req' || key === 'res') && typeof value === 'object') continue;
    if (key === 'responseTime' && record.durationMs !== null) continue;
    if ((key === 'err' || key === 'error') && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
      out.push(`${key}=${short((value as { message: string }).message)}`);
      continue;
    }
    out.push(`${key}=${short(value)}`);
  }
  return out;
}

export function formatPretty(record: LogRecord, options: PrettyOptions): string {
  const paint = (style: string, text: string) => (options.color ? style + text + RESET : text);
  const time = record.time !== null ? clockTime(record.time) : ' '.repeat(12);
  const levelText = (record.level ?? '-').toUpperCase().padEnd(5);
  const level = record.level ? paint(LEVEL_STYLE[record.level], levelText) : levelText;
  const parts = [paint(DIM, time), level];
  if (options.showSource) parts.push(paint(DIM, record.source));
  if (record.requestId) parts.push(paint(DIM, `[${record.requestId}]`));
  parts.push(record.message.replace(/\r?\n/g, ' ⏎ ') + (record.cut ? ' …[cut]' : ''));
  const fields = keyFields(record);
  if (fields.length) parts.push(paint(DIM, fields.join(' ')));
  let line = parts.join(' ') + '\n';
  for (const c of record.continuation) line += formatContinuation(c, options);
  return line;
}

export function formatContinuation(text: string, options: PrettyOptions): string {
  const line = '    ' + text.replace(/^\s+/, '');
  return (options.color ? DIM + line + RESET : line) + '\n';
}
