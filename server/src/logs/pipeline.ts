// Bytes in, records out: one splitter per source, the parser, and the rule for lines that are not
// records. A stack trace printed after a JSON record belongs to it (record.continuation); every
// other line that is not a record becomes a plain-text record, so nothing is lost.
import { NO_CONTINUATION, RecordParser } from './parser';
import { LineSplitter } from './splitter';
import { LogStore } from './store';
import type { LogRecord, RawLine } from './types';

export interface LogPipelineOptions {
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number;
  /** Continuation lines attached to one record at most; later ones become plain records (default 500). */
  maxContinuation?: number;
}

interface SourceState {
  splitter: LineSplitter;
  /** The last record of this source, while lines may still attach to it. */
  last: LogRecord | null;
}

/** Lines that continue the record above them whatever it was: stack frames and their trimmings. */
const STACK_LINE = /^(?:\s|at\s|Caused by[: ]|\.\.\. \d+ more|\}|\])/;

export class LogPipeline {
  private readonly sources = new Map<string, SourceState>();
  private readonly maxLineBytes: number | undefined;
  private readonly maxContinuation: number;

  constructor(private readonly store: LogStore, private readonly parser: RecordParser, options: LogPipelineOptions = {}) {
    this.maxLineBytes = options.maxLineBytes;
    this.maxContinuation = options.maxContinuation ?? 500;
  }

  feed(source: string, chunk: Buffer): void {
    const state = this.state(source);
    const lines = state.splitter.push(chunk);
    for (let i = 0; i < lines.length; i++) this.line(source, state, lines[i]);
  }

  /** A whole line from a source that delivers lines (OTLP); it may hold newlines of its own. */
  feedLine(source: string, text: string): void {
    this.line(source, this.state(source), { text, cut: false, bytes: Buffer.byteLength(text) });
  }

  /** The source ended: its unterminated last line is delivered and its state forgotten. */
  end(source: string): void {
    const state = this.sources.get(source);
    if (!state) return;
    for (const l of state.splitter.flush()) this.line(source, state, l);
    this.sources.delete(source);
    this.parser.forget(source);
  }

  private state(source: string): SourceState {
    let s = this.sources.get(source);
    if (!s) {
      s = { splitter: new LineSplitter({ maxLineBytes: this.maxLineBytes }), last: null };
      this.sources.set(source, s);
    }
    return s;
  }

  private line(source: string, state: SourceState, line: RawLine): void {
    const parsed = this.parser.parse(line, source);
    if (parsed.kind === 'record') {
      state.last = this.store.add(parsed.record);
      return;
    }
    const text = parsed.text;
    if (text.trim() === '') return; // blank lines carry nothing
    const last = state.last;
    if (last && last.continuation.length < this.maxContinuation && (last.format !== null || STACK_LINE.test(text))) {
      if (this.store.attach(last, text)) return;
    }
    // Same shape as the parser's records (seq first) so all records share one hidden class.
    const record: LogRecord = {
      seq: -1,
      source,
      raw: text,
      cut: line.cut,
      format: null,
      time: null,
      level: guessLevel(text),
      message: text,
      requestId: null,
      traceId: null,
      continuation: NO_CONTINUATION,
      caller: null,
      status: null,
      durationMs: null,
    };
    state.last = this.store.add(record);
  }
}

/** Plain-text lines often start with their level: "ERROR ...", "[warn] ...", "WARN: ...". */
function guessLevel(text: string): LogRecord['level'] {
  const m = /^\s*\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)\b/i.exec(text.slice(0, 40));
  if (!m) return /^(?:\w*Error|Uncaught|Unhandled)\b/.test(text) ? 'error' : null;
  const w = m[1].toLowerCase();
  return w === 'warning' ? 'warn' : w === 'critical' ? 'fatal' : (w as LogRecord['level']);
}
