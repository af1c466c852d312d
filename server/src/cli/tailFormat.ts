// How `obs-lens tail` prints a record. `json`: the line exactly as it was logged (see tail.ts), so the
// output can be piped to jq or another tool unchanged; continuation lines (stack traces printed after
// a record) are not part of that line and are left out. `pretty`: time, level, request ID, message,
// then the fields worth a glance; below it the stack traces the record carries (`err.stack`) and the
// continuation lines, indented. Everything taken from the log goes through terminalSafe, and the only
// escape codes written are the colours added here.
import { fullJson } from '../logs/fields';
import { BUILTIN_FORMATS, type FieldName } from '../logs/formats';
import { toNumber } from '../logs/normalize';
import { parsePath } from '../logs/paths';
import type { LevelName, LogRecord } from '../logs/types';
import { terminalSafe } from './terminal';

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
/** Where an error object keeps its stack: pino, bunyan and winston `stack`, ECS `stack_trace`, OTel `exception.stacktrace`. */
const STACK_KEYS = ['stack', 'stack_trace', 'exception.stacktrace'];
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

/** A string in double quotes, `"` and `\` escaped as JSON does (controls are left to terminalSafe, in its one notation). */
function quote(s: string): string {
  return '"' + s.replace(/["\\]/g, '\\$&') + '"';
}

function scalar(v: unknown, max: number): string {
  if (typeof v === 'string') return quote(v.length > max ? v.slice(0, max) : v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return v === null || v === undefined ? 'null' : String(v);
}

/**
 * A value of a parsed line (objects, arrays, strings, numbers, booleans, null) as compact JSON text,
 * stopped once it is longer than `max` characters. It walks with a stack of its own: a record nested
 * thousands of levels deep prints like any other (JSON.stringify recurses and overflows the call
 * stack, which would end the whole tail), and a huge value costs only the characters shown.
 */
export function boundedJson(value: unknown, max: number): string {
  let out = '';
  const open: Array<{ array: boolean; items: unknown[]; keys: string[] | null; i: number }> = [];
  let next: unknown = value;
  let pending = true;
  while (out.length <= max) {
    if (pending) {
      pending = false;
      if (next !== null && typeof next === 'object') {
        const array = Array.isArray(next);
        const keys = array ? null : Object.keys(next);
        open.push({ array, items: array ? (next as unknown[]) : keys!.map((k) => (next as Record<string, unknown>)[k]), keys, i: 0 });
        out += array ? '[' : '{';
      } else out += scalar(next, max);
      continue;
    }
    const top = open[open.length - 1];
    if (top === undefined) break;
    if (top.i === top.items.length) {
      out += top.array ? ']' : '}';
      open.pop();
      continue;
    }
    if (top.i > 0) out += ',';
    if (top.keys !== null) out += quote(top.keys[top.i]) + ':';
    next = top.items[top.i++];
    pending = true;
  }
  return out;
}

/** A field value as shown: bare when it is a word, else quoted or JSON; escaped; cut to MAX_VALUE_CHARS. */
function short(value: unknown): string {
  const s = typeof value === 'string' && value !== '' && !/[\s"=]/.test(value) ? value : boundedJson(value, MAX_VALUE_CHARS);
  // One character more than is shown, so that a longer value is seen to be cut.
  const safe = terminalSafe(s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS + 1) : s);
  return safe.length > MAX_VALUE_CHARS ? safe.slice(0, MAX_VALUE_CHARS - 1) + '…' : safe;
}

/**
 * Per format and field, the keys of the record's own fields (top level, or OTel attributes) the
 * format reads that field from: a status or duration shown first is not shown again under its own name.
 */
const OWN_KEYS = new Map<string, Record<'status' | 'durationMs', Set<string>>>();
for (const spec of BUILTIN_FORMATS) {
  const keysOf = (field: FieldName) => {
    const keys = new Set<string>();
    for (const p of spec.fields[field] ?? []) {
      const segs = parsePath(p);
      if (segs?.length === 1) keys.add(segs[0]);
      else if (spec.id === 'otel' && segs?.length === 2 && segs[0] === 'attributes') keys.add(segs[1]);
    }
    return keys;
  };
  OWN_KEYS.set(spec.id, { status: keysOf('status'), durationMs: keysOf('durationMs') });
}

/** Whether `key=value` repeats the status or duration the line already shows. */
function shownAlready(record: LogRecord, key: string, value: unknown): boolean {
  const own = record.format === null ? undefined : OWN_KEYS.get(record.format);
  if (own === undefined) return false;
  if (record.status !== null && own.status.has(key) && toNumber(value) === record.status) return true;
  return record.durationMs !== null && own.durationMs.has(key) && toNumber(value) === record.durationMs;
}

interface Extras {
  /** `key=value` texts, already escaped. */
  fields: string[];
  /** Stack traces the record carries as fields, as logged. */
  stacks: string[];
}

/** Fields beyond the message (access-log outcome first, then the record's own fields) and its stack traces. */
function extras(record: LogRecord): Extras {
  const fields: string[] = [];
  const stacks: string[] = [];
  if (record.status !== null) fields.push(`status=${record.status}`);
  if (record.durationMs !== null) fields.push(`duration=${Math.round(record.durationMs * 10) / 10}ms`);
  if (record.format === null) return { fields, stacks };
  const obj = fullJson(record);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { fields, stacks };
  let entries = Object.entries(obj as Record<string, unknown>);
  // OTel records keep their own fields under attributes.
  const attrs = (obj as Record<string, unknown>).attributes;
  if (record.format === 'otel' && attrs && typeof attrs === 'object') entries = Object.entries(attrs as Record<string, unknown>);
  for (const [key, value] of entries) {
    stacksIn(key, value, stacks);
    if (fields.length >= MAX_FIELDS) continue;
    if (SHOWN_OR_NOISE.has(key) || value === null || value === undefined || shownAlready(record, key, value)) continue;
    if (record.format !== 'otel' && key === 'attributes') continue;
    // pino-http's req/res objects are summarised by status and duration above.
    if ((key === 'req' || key === 'res') && typeof value === 'object') continue;
    if ((key === 'err' || key === 'error') && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
      fields.push(`${terminalSafe(key)}=${short((value as { message: string }).message)}`);
      continue;
    }
    fields.push(`${terminalSafe(key)}=${short(value)}`);
  }
  return { fields, stacks };
}

/** A stack trace in field `key` (winston's top-level `stack`), or in the error object it holds (`err.stack`). */
function stacksIn(key: string, value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (STACK_KEYS.includes(key)) out.push(value);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || key === 'req' || key === 'res') return;
  for (const k of STACK_KEYS) {
    const s = (value as Record<string, unknown>)[k];
    if (typeof s === 'string') {
      out.push(s);
      return;
    }
  }
}

export function formatPretty(record: LogRecord, options: PrettyOptions): string {
  const paint = (style: string, text: string) => (options.color ? style + text + RESET : text);
  const time = record.time !== null ? clockTime(record.time) : ' '.repeat(12);
  const levelText = (record.level ?? '-').toUpperCase().padEnd(5);
  const level = record.level ? paint(LEVEL_STYLE[record.level], levelText) : levelText;
  const parts = [paint(DIM, time), level];
  if (options.showSource) parts.push(paint(DIM, terminalSafe(record.source)));
  if (record.requestId) parts.push(paint(DIM, `[${terminalSafe(record.requestId)}]`));
  parts.push(terminalSafe(record.message.replace(/\r?\n/g, ' ⏎ ')) + (record.cut ? ' …[cut]' : ''));
  const { fields, stacks } = extras(record);
  if (fields.length) parts.push(paint(DIM, fields.join(' ')));
  let out = parts.join(' ') + '\n';
  for (const stack of stacks) {
    for (const line of stack.split(/\r?\n/)) if (line.trim() !== '') out += formatContinuation(line, options);
  }
  for (const c of record.continuation) out += formatContinuation(c, options);
  return out;
}

/** A line below a record (a stack frame), indented. */
export function formatContinuation(text: string, options: PrettyOptions): string {
  const line = '    ' + terminalSafe(text.replace(/^\s+/, ''));
  return (options.color ? DIM + line + RESET : line) + '\n';
}
