// Turns one line into a record (or says it is not one). All formats share one trie of wanted paths,
// so a line is scanned once and every format's detection is then a few slot look-ups. The format
// that matched last on a source is tried first on its next line.
import { BUILTIN_FORMATS, FIELD_NAMES, type FieldName, type FormatSpec } from './formats';
import { ByteLine, scanObjectBytes } from './jsonBytes';
import { JsonText, onlyWsAfter, scanObject } from './jsonScan';
import { scanLogfmt } from './logfmt';
import { levelTable, toLevel, toNumber, toTime, type LevelTable, type TimeFormat } from './normalize';
import { PathTrie } from './paths';
import type { LogRecord, RawLine } from './types';

export type ParsedLine = { kind: 'record'; record: Omit<LogRecord, 'seq'> } | { kind: 'continuation'; text: string };

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
  kind: 'json' | 'logfmt' | 'regex';
  regex: RegExp | null;
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
  private readonly byteLine = new ByteLine();

  constructor(options: RecordParserOptions = {}) {
    const specs = [...(options.formats ?? []), ...BUILTIN_FORMATS];
    this.formats = specs.map((s) => this.compile(s));
    this.requestIdSlots = this.slots([...(options.requestIdFields ?? []), ...REQUEST_ID_PATHS]);
    this.traceIdSlots = this.slots(TRACE_ID_PATHS);
    this.hasLineFormats = this.formats.some((f) => f.kind !== 'json');
    this.vals = new Array(this.trie.slotCount).fill(undefined);
  }

  parse(line: RawLine, source: string): ParsedLine {
    const record = this.parseRecord(line.text, line.cut, source);
    return record ? { kind: 'record', record } : { kind: 'continuation', text: line.text };
  }

  /**
   * The record a line holds, or null when it is not one (the allocation-free path used by LogPipeline).
   * `block[at, at + text.length)`, when given, are the line's bytes, all ASCII (see LineSink).
   */
  parseRecord(text: string, cut: boolean, source: string, block?: Uint8Array, at = 0): Omit<LogRecord, 'seq'> | null {
    const n = text.length;
    let i = 0;
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i >= n) return null;
    const vals = this.vals;
    vals.fill(undefined);
    if (text.charCodeAt(i) === 123 /* { */) {
      let end: number;
      if (block !== undefined) {
        end = scanObjectBytes(this.byteLine.set(block, at, text), i, n, this.trie.root, vals);
        this.byteLine.release();
      } else end = scanObject(text, i, this.trie.root, vals);
      // A malformed object is text, unless the line was cut: then its head still tells what it was.
      if (end < 0 ? !cut : !onlyWsAfter(text, end)) return null;
      const format = this.pickJson();
      return format ? this.build(format, text, cut, source) : null;
    }
    // Indented lines (stack frames) and lines that cannot be key=value or a known layout.
    if (i > 0 || !this.hasLineFormats) return null;
    let logfmtPairs = -1;
    const cached = this.lastFormat.get(source);
    const order = cached && cached.kind !== 'json' ? [cached, ...this.formats] : this.formats;
    for (const f of order) {
      if (f.kind === 'json') continue;
      if (f.kind === 'regex') {
        const m = f.regex!.exec(text);
        if (!m || !m.groups) continue;
        vals.fill(undefined);
        for (const [k, v] of Object.entries(m.groups)) {
          const slot = this.trie.slot(k);
          if (slot >= 0 && v !== undefined) vals[slot] = v;
        }
        if (!this.fits(f)) continue;
      } else {
        if (logfmtPairs < 0) {
          vals.fill(undefined);
          logfmtPairs = text.indexOf('=') > 0 ? scanLogfmt(text, this.trie.root, vals) : 0;
        }
        if (logfmtPairs < 2 || !this.fits(f)) continue;
      }
      this.lastFormat.set(source, f);
      return this.build(f, text, cut, source);
    }
    return null;
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
    const rawLevel = this.first(fields.level);
    const level = rawLevel === undefined ? null : (toLevel(rawLevel, f.levels) ?? null);
    const rawTime = this.first(fields.time);
    const time = rawTime === undefined ? null : toTime(rawTime, f.timeFormat);
    const msg = this.first(fields.message);
    const message = typeof msg === 'string' ? msg : msg instanceof JsonText ? msg.text : msg === undefined ? '' : String(msg);
    const traceId = idString(this.first(fields.traceId) ?? this.first(this.traceIdSlots));
    let requestId = idString(this.first(fields.requestId) ?? this.first(this.requestIdSlots));
    if (requestId === null) requestId = traceId;
    const caller = this.caller(fields);
    const status = fields.status.length ? toNumber(this.first(fields.status)) : null;
    const durationMs = fields.durationMs.length ? toNumber(this.first(fields.durationMs)) : null;
    const record: LogRecord = {
      seq: -1,
      source,
      raw: text,
      cut,
      format: f.spec.id,
      time,
      level,
      message,
      requestId,
      traceId,
      continuation: NO_CONTINUATION,
      caller,
      status,
      durationMs,
    };
    return record;
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

  private compile(spec: FormatSpec): CompiledFormat {
    const kind = spec.detect.kind ?? 'json';
    const fields = {} as Record<FieldName, number[]>;
    for (const name of FIELD_NAMES) fields[name] = this.slots(spec.fields[name] ?? []);
    let regex: RegExp | null = null;
    if (kind === 'regex' && spec.detect.pattern) {
      try {
        regex = new RegExp(spec.detect.pattern, (spec.detect.flags ?? '').replace(/[gy]/g, ''));
      } catch {
        regex = /(?!)/;
      }
    }
    const levels = spec.levels ? levelTable(spec.levels) : null;
    return {
      spec,
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
