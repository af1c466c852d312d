// A columnar record seen through the LogRecord interface without decoding it: the indexed fields
// come from the store's columns, `raw` is sliced from the kept line when asked, and the rest
// (message, trace ID, caller) is decoded only if a query reads it. The store reuses one view for a
// whole scan, so matching a query against a full buffer allocates nothing per record. A view never
// leaves the store: what callers get are decoded records.
import { NO_CONTINUATION } from './parser';
import type { LevelName, LogRecord } from './types';

/** Decodes a line kept as bytes back into its record (the parser that read it: RecordParser.decode). */
export interface RecordDecoder {
  decode(kept: Buffer | string, start: number, end: number, cut: boolean, source: string, format: number): Omit<LogRecord, 'seq'>;
  /** Id of the format with that index (LineColumns.format). */
  formatId(format: number): string;
}

export class LineView implements LogRecord {
  seq = -1;
  source = '';
  cut = false;
  format: string | null = null;
  time: number | null = null;
  level: LevelName | null = null;
  requestId: string | null = null;
  status: number | null = null;
  durationMs: number | null = null;
  continuation: string[] = NO_CONTINUATION;
  /** The line: `kept[start, end)`, bytes of a Buffer or characters of an all-ASCII string. */
  kept: Buffer | string = '';
  start = 0;
  end = 0;
  private decoder: RecordDecoder | null = null;
  private formatIndex = -1;
  private full: Omit<LogRecord, 'seq'> | null = null;
  private text: string | null = null;

  set(seq: number, source: string, cut: boolean, kept: Buffer | string, start: number, end: number, decoder: RecordDecoder, formatIndex: number): this {
    this.seq = seq;
    this.source = source;
    this.cut = cut;
    this.kept = kept;
    this.start = start;
    this.end = end;
    this.decoder = decoder;
    this.formatIndex = formatIndex;
    this.format = decoder.formatId(formatIndex);
    this.full = null;
    this.text = null;
    return this;
  }

  get raw(): string {
    if (this.text === null) {
      const k = this.kept;
      this.text = typeof k === 'string' ? k.slice(this.start, this.end) : k.toString('utf8', this.start, this.end);
    }
    return this.text;
  }
  get message(): string {
    return this.decoded().message;
  }
  get traceId(): string | null {
    return this.decoded().traceId;
  }
  get caller(): LogRecord['caller'] {
    return this.decoded().caller;
  }

  /** The line's bytes: `b[start, end)` of the result (a copy for a line kept as a string). */
  bytes(): { b: Buffer; start: number; end: number } {
    const k = this.kept;
    if (typeof k !== 'string') return { b: k, start: this.start, end: this.end };
    const b = Buffer.from(this.raw, 'latin1');
    return { b, start: 0, end: b.length };
  }

  private decoded(): Omit<LogRecord, 'seq'> {
    if (this.full === null) this.full = this.decoder!.decode(this.kept, this.start, this.end, this.cut, this.source, this.formatIndex);
    return this.full;
  }
}
