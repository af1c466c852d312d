// Turns one line into a record (or says it is not one). All formats share one trie of wanted paths,
// so a line is scanned once and every format's detection is then a few slot look-ups. The format
// that matched last on a source is tried first on its next line.
import { BUILTIN_FORMATS, FIELD_NAMES, type FieldName, type FormatSpec } from './formats';
import { firstNonWs, JsonLine, JsonText, onlyWsAfter, scanObject } from './jsonScan';
import { scanLogfmt } from './logfmt';
import { levelTable, toLevel, toNumber, toTime, type LevelTable, type TimeFormat } from './normalize';
import { PathTrie } from './paths';
import type { LogRecord } from './types';
import { compileUserPattern, type LinePattern } from './userPattern';


/**
 * The indexed fields of the line parseBytes just read (one instance per parser, overwritten by each
 * line): what the store keeps in its columns. The rest of the record is decoded from the line again
 * when someone reads it (RecordParser.decode).
 */
export interface LineColumns {
  /** Index of the format that recognised the line (what RecordParser.decode takes back), -1 for none. */
  format: number;
  time: number | null;
  level: LogRecord['level'];
  requestId: string | null;
  status: number | null;
  durationMs: number | null;
}

export interface RecordParserOptions {
  /** User formats first, then the built-in ones (pass `[]` to use only the built-in ones). */
  formats?: FormatSpec[];
  /** Extra paths that carry a request ID, tried before the built-in ones. */
  requestIdFields?: string[];
}

/** Where request IDs are found, in order, after the user's own fields and the format's. */
export const REQUEST_ID_PATHS = [
  'req.id', 'reqId', 'requestId', 'request_id', 'req_id', 'req.headers["x-request-id"]', 'headers.x-request-id',
  'x-request-id', 'http.request.id',
];
/** Trace IDs: also a request ID when nothing better is there. */
export const TRACE_ID_PATHS = ['trace_id', 'traceId', 'trace.id', '["logging.googleapis.com/trace"]'];

/** Shared by every record without continuation lines (most of them): no array per record. */
export const NO_CONTINUATION: string[] = Object.freeze([] as string[]) as string[];

interface CompiledFormat {
  spec: FormatSpec;
  /** Position in RecordParser.formats (LineColumns.format). */
  index: number;
  kind: 'json' | 'logfmt' | 'regex';
  /** Built-in formats' patterns run natively; a user's on the linear-time engine (userPattern.ts). */
  regex: LinePattern | null;
  all: number[];
  any: number[];
  types: Array<[number, string]>;
  fields: Record<FieldName, number[]>;
  levels: LevelTable | null;
  timeFormat: TimeFormat;
}

export class RecordParser {
  private readonly trie = new PathTrie();
  private readonly formats: CompiledFormat[];
  private readonly requestIdSlots: number[];
  private readonly traceIdSlots: number[];
  private readonly hasLineFormats: boolean;
  private readonly lastFormat = new Map<string, CompiledFormat>();
  private vals: unknown[] = [];
  /** Something besides the JSON scanner wrote to `vals` (logfmt, a regex format): the next line empties all of it. */
  private valsDirty = true;
  private readonly line = new JsonLine();
  /** Filled by parseBytes. */
  readonly columns: LineColumns = { format: -1, time: null, level: null, requestId: null, status: null, durationMs: null };
  /** Scratch for build(): the indexed fields of the record being built (columns stays parseBytes' answer). */
  private readonly built: LineColumns = { format: -1, time: null, level: null, requestId: null, status: null, durationMs: null };

  constructor(options: RecordParserOptions = {}) {
    const specs = [...(options.formats ?? []), ...BUILTIN_FORMATS];
    this.formats = specs.map((s, i) => this.compile(s, i));
    this.requestIdSlots = this.slots([...(options.requestIdFields ?? []), ...REQUEST_ID_PATHS]);
    this.traceIdSlots = this.slots(TRACE_ID_PATHS);
    this.hasLineFormats = this.formats.some((f) => f.kind !== 'json');
    this.vals = new Array(this.trie.slotCount).fill(undefined);
    // What parseBytes reads: the indexed fields; messages and callers wait until a record is decoded.
    const indexed = new Set<number>([...this.requestIdSlots, ...this.traceIdSlots]);
    for (const f of this.formats) {
      for (const name of ['level', 'time', 'requestId', 'traceId', 'status', 'durationMs'] as const) for (const s of f.fields[name]) indexed.add(s);
    }
    this.trie.markIndexed(indexed);
  }

  /** The record a line held as text holds (command output, OTLP), or null when it is not one. */
  parseRecord(text: string, cut: boolean, source: string): Omit<LogRecord, 'seq'> | null {
    const b = Buffer.from(text, 'utf8');
    const f = this.detect(b, 0, b.length, cut, source, text);
    return f === null ? null : this.build(f, text, cut, source);
  }

  /**
   * Reads the line at `b[start, end)` and fills `columns` (the path used by LogPipeline: no record
   * object, and only the indexed fields are worked out): true when it is a record.
   */
  parseBytes(b: Buffer, start: number, end: number, cut: boolean, source: string): boolean {
    this.line.indexOnly = true;
    const f = this.detect(b, start, end, cut, source, null);
    this.line.indexOnly = false;
    const c = this.columns;
    if (f === null) {
      c.format = -1;
      return false;
    }
    this.indexedFields(f, c);
    return true;
  }

  /**
   * The indexed fields of the line just scanned in format `f`, into `out`: one place for both the
   * store's columns and a decoded record, which must agree.
   */
  private indexedFields(f: CompiledFormat, out: LineColumns, traceId?: string | null): void {
    const fields = f.fields;
    out.format = f.index;
    const rawLevel = this.first(fields.level);
    out.level = rawLevel === undefined ? null : (toLevel(rawLevel, f.levels) ?? null);
    const rawTime = this.first(fields.time);
    out.time = rawTime === undefined ? null : toTime(rawTime, f.timeFormat);
    out.requestId = this.requestId(fields, traceId);
    out.status = fields.status.length ? toNumber(this.first(fields.status)) : null;
    out.durationMs = fields.durationMs.length ? toNumber(this.first(fields.durationMs)) : null;
  }

  /**
   * The whole record of a line parseBytes took for one in format `format`, read again from where the
   * store kept it, `kept[start, end)` (see LineSink): the same answer parseBytes gave for the indexed fields.
   */
  decode(kept: Buffer | string, start: number, end: number, cut: boolean, source: string, format: number): Omit<LogRecord, 'seq'> {
    const f = this.formats[format];
    let b: Buffer;
    let text: string;
    if (typeof kept === 'string') {
      // An all-ASCII block: characters are bytes.
      text = kept.slice(start, end);
      b = Buffer.from(text, 'latin1');
      end -= start;
      start = 0;
    } else {
      b = kept;
      text = kept.toString('utf8', start, end);
    }
    const vals = this.vals;
    vals.fill(undefined);
    if (f.kind === 'json') {
      const l = this.line;
      l.b = b;
      scanObject(l, firstNonWs(b, start, end), end, this.trie.root, vals);
      const r = this.build(f, text, cut, source);
      l.release();
      return r;
    }
    this.valsDirty = true;
    if (f.kind === 'regex') this.regexValues(f, text);
    else scanLogfmt(text, this.trie.root, vals);
    return this.build(f, text, cut, source);
  }

  formatId(format: number): string {
    return this.formats[format].spec.id;
  }

  /** The format of the line at b[start, end) (values left in `vals`), or null when it is not a record. */
  private detect(b: Buffer, start: number, end: number, cut: boolean, source: string, known: string | null): CompiledFormat | null {
    const i = firstNonWs(b, start, end);
    if (i >= end) return null;
    const vals = this.vals;
    this.line.clear(vals, this.valsDirty);
    this.valsDirty = false;
    if (b[i] === 123 /* { */) {
      const l = this.line;
      l.b = b;
      const close = scanObject(l, i, end, this.trie.root, vals);
      // A malformed object is text, unless the line was cut: then its head still tells what it was.
      const ok = close < 0 ? cut : onlyWsAfter(b, close, end);
      const f = ok ? this.pickJson() : null;
      // JsonText values point into the bytes: the detection reads them now, the bytes go after.
      l.release();
      return f;
    }
    // Indented lines (stack frames) and lines that cannot be key=value or a known layout.
    if (i > start || !this.hasLineFormats) return null;
    const text = known ?? b.toString('utf8', start, end);
    this.valsDirty = true; // logfmt and regex formats write to vals beside the scanner
    let logfmtPairs = -1;
    const cached = this.lastFormat.get(source);
    const order = cached && cached.kind !== 'json' ? [cached, ...this.formats] : this.formats;
    for (const f of order) {
      if (f.kind === 'json') continue;
      if (f.kind === 'regex') {
        if (!this.regexValues(f, text) || !this.fits(f)) continue;
      } else {
        if (logfmtPairs < 0) {
          vals.fill(undefined);
          logfmtPairs = text.indexOf('=') > 0 ? scanLogfmt(text, this.trie.root, vals) : 0;
        }
        if (logfmtPairs < 2 || !this.fits(f)) continue;
      }
      this.lastFormat.set(source, f);
      return f;
    }
    return null;
  }

  /** Fills `vals` from the named groups of a regex format; false when the line does not match. */
  private regexValues(f: CompiledFormat, text: string): boolean {
    const m = f.regex?.exec(text);
    if (!m || !m.groups) return false;
    const vals = this.vals;
    vals.fill(undefined);
    for (const [k, v] of Object.entries(m.groups)) {
      const slot = this.trie.slot(k);
      if (slot >= 0 && v !== undefined) vals[slot] = v;
    }
    return true;
  }

  /** Forgets what was learnt about a source (its format). */
  forget(source: string): void {
    this.lastFormat.delete(source);
  }

  /** The first JSON format that fits, in order (user formats first): detection is only slot look-ups. */
  private pickJson(): CompiledFormat | null {
    for (const f of this.formats) if (f.kind === 'json' && this.fits(f)) return f;
    return null;
  }

  private fits(f: CompiledFormat): boolean {
    const vals = this.vals;
    for (const s of f.all) if (vals[s] === undefined) return false;
    if (f.any.length) {
      let found = false;
      for (const s of f.any) {
        if (vals[s] !== undefined) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    for (const [s, type] of f.types) {
      const v = vals[s];
      if (v === undefined) continue;
      if (type === 'object' ? !(v instanceof JsonText) : typeof v !== type) return false;
    }
    return true;
  }

  private first(slots: number[]): unknown {
    const vals = this.vals;
    for (const s of slots) {
      const v = vals[s];
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return undefined;
  }

  private build(f: CompiledFormat, text: string, cut: boolean, source: string): Omit<LogRecord, 'seq'> {
    const fields = f.fields;
    const msg = this.first(fields.message);
    const message = typeof msg === 'string' ? msg : msg instanceof JsonText ? msg.text : msg === undefined ? '' : String(msg);
    const traceId = this.traceId(fields);
    const indexed = this.built;
    this.indexedFields(f, indexed, traceId);
    const record: LogRecord = {
      seq: -1,
      source,
      raw: text,
      cut,
      format: f.spec.id,
      time: indexed.time,
      level: indexed.level,
      message,
      requestId: indexed.requestId,
      traceId,
      continuation: NO_CONTINUATION,
      caller: this.caller(fields),
      status: indexed.status,
      durationMs: indexed.durationMs,
    };
    return record;
  }

  private traceId(fields: Record<FieldName, number[]>): string | null {
    return idString(this.first(fields.traceId) ?? this.first(this.traceIdSlots));
  }

  /** The request ID, else the trace ID (read only when needed). */
  private requestId(fields: Record<FieldName, number[]>, traceId?: string | null): string | null {
    const id = idString(this.first(fields.requestId) ?? this.first(this.requestIdSlots));
    if (id !== null) return id;
    return traceId !== undefined ? traceId : this.traceId(fields);
  }

  private caller(fields: Record<FieldName, number[]>): LogRecord['caller'] {
    if (!fields.callerFile.length) return null;
    const file = this.first(fields.callerFile);
    if (typeof file !== 'string') return null;
    let line = toNumber(this.first(fields.callerLine));
    let path = file;
    if (line === null) {
      // "src/app.ts:42" or "src/app.ts:42:7" (zap, go-kit, some pino setups).
      const m = /^(.*?):(\d+)(?::\d+)?$/.exec(file);
      if (!m) return null;
      path = m[1];
      line = Number(m[2]);
    }
    return { file: path, line };
  }

  private slots(paths: string[], presenceOnly = false): number[] {
    const out: number[] = [];
    for (const p of paths) {
      const s = this.trie.add(p, presenceOnly);
      if (s >= 0 && !out.includes(s)) out.push(s);
    }
    return out;
  }

  private compile(spec: FormatSpec, index: number): CompiledFormat {
    const kind = spec.detect.kind ?? 'json';
    const fields = {} as Record<FieldName, number[]>;
    for (const name of FIELD_NAMES) fields[name] = this.slots(spec.fields[name] ?? []);
    let regex: LinePattern | null = null;
    if (kind === 'regex' && spec.detect.pattern) {
      const flags = (spec.detect.flags ?? '').replace(/[gy]/g, '');
      try {
        // Only the patterns we wrote and reviewed (BUILTIN_FORMATS) may backtrack.
        regex = BUILTIN_FORMATS.includes(spec) ? new RegExp(spec.detect.pattern, flags) : compileUserPattern(spec.detect.pattern, flags);
      } catch {
        regex = NEVER;
      }
    }
    const levels = spec.levels ? levelTable(spec.levels) : null;
    return {
      spec,
      index,
      kind,
      regex,
      all: this.slots(spec.detect.all ?? [], true),
      any: this.slots(spec.detect.any ?? [], true),
      types: Object.entries(spec.detect.types ?? {}).map(([p, t]) => [this.trie.add(p), t] as [number, string]).filter(([s]) => s >= 0),
      fields,
      levels,
      timeFormat: spec.timeFormat ?? 'auto',
    };
  }
}

/** A format whose pattern does not compile (validateFormats reports it) recognises nothing. */
const NEVER: LinePattern = { test: () => false, exec: () => null };

/** IDs as text: numbers become strings; GCP trace names keep only the trace ID. */
function idString(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== 'string' || v.length === 0) return null;
  if (v.startsWith('projects/')) {
    const at = v.indexOf('/traces/');
    if (at >= 0) return v.slice(at + 8);
  }
  return v;
}
