// Bytes in, records out: one splitter per source, the parser, and the rule for lines that are not
// records. A stack trace printed after a JSON record belongs to it (record.continuation); every
// other line that is not a record becomes a plain-text record, so nothing is lost.
import { NO_CONTINUATION, RecordParser } from './parser';
import { LineSplitter } from './splitter';
import { LogStore } from './store';
import type { LogRecord } from './types';

export interface LogPipelineOptions {
  /** Longest line kept whole, in bytes (default 1 MiB). */
  maxLineBytes?: number;
  /** Continuation lines attached to one record at most; later ones become plain records (default 500). */
  maxContinuation?: number;
}

interface SourceState {
  splitter: LineSplitter;
  emit: (text: string, cut: boolean, bytes: number, block?: Uint8Array, at?: number) => void;
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
    state.splitter.pushEach(chunk, state.emit);
  }

  /** A whole line from a source that delivers lines (OTLP); it may hold newlines of its own. */
  feedLine(source: string, text: string): void {
    this.line(source, this.state(source), text, false);
  }

  /** The source ended: its unterminated last line is delivered and its state forgotten. */
  end(source: string): void {
    const state = this.sources.get(source);
    if (!state) return;
    for (const l of state.splitter.flush()) this.line(source, state, l.text, l.cut);
    this.sources.delete(source);
    this.parser.forget(source);
  }

  private state(source: string): SourceState {
    let s = this.sources.get(source);
    if (!s) {
      const state: SourceState = {
        splitter: new LineSplitter({ maxLineBytes: this.maxLineBytes }),
        emit: (text, cut, _bytes, block, at) => this.line(source, state, text, cut, block, at),
        last: null,
      };
      s = state;
      this.sources.set(source, s);
    }
    return s;
  }

  private line(source: string, state: SourceState, text: string, cut: boolean, block?: Uint8Array, at?: number): void {
    const parsed = this.parser.parseRecord(text, cut, source, block, at);
    if (parsed !== null) {
      state.last = this.store.add(parsed);
      return;
    }
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
      cut,
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
