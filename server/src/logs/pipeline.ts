// Bytes in, records out: one splitter per source, the parser, and the rule for lines that are not
// records. Only a line that looks like the continuation of the record above it (indented: stack
// frames, an inspected object's fields; `at ...`, `Caused by:`; a line inside a multi-line value
// left open) is attached to it (record.continuation). Any other line that is not a record becomes a
// plain-text record of its own: between the JSON records of concurrent requests, a console.log line
// belongs to none of them, and attaching it to the one before would show it under another request.
import type { FileOrigin } from './fileBlock';
import { openAfter, openedBy } from './jsonDepth';
import { NO_CONTINUATION, RecordParser } from './parser';
import { LineSplitter, type KeptBlock, type LineSink } from './splitter';
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
  emit: LineSink;
  /** Seq of the last record of this source, while lines may still attach to it (-1: none). */
  last: number;
  /** Continuation lines attached to it so far. */
  lastContinued: number;
  /** A multi-line value its lines left open (see openAfter): 0 when none is. */
  open: number;
}

/**
 * Lines that continue the record above them: indented lines (stack frames, the fields of an
 * inspected object), and the trimmings of stack traces and inspected values written flush left.
 */
const CONTINUATION_LINE = /^(?:\s|at\s|Caused by[: ]|\.\.\. \d+ more|\}|\])/;

export class LogPipeline {
  private readonly sources = new Map<string, SourceState>();
  private readonly maxLineBytes: number | undefined;
  private readonly maxContinuation: number;

  constructor(private readonly store: LogStore, private readonly parser: RecordParser, options: LogPipelineOptions = {}) {
    this.maxLineBytes = options.maxLineBytes;
    this.maxContinuation = options.maxContinuation ?? 500;
  }

  /** Bytes from a source (valid only during the call); `origin` when they are a file's bytes, kept in place then. */
  feed(source: string, chunk: Buffer, origin?: FileOrigin): void {
    const state = this.state(source);
    state.splitter.pushEach(chunk, state.emit, origin);
  }

  /** A whole line from a source that delivers lines (OTLP); it may hold newlines of its own. */
  feedLine(source: string, text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.line(source, this.state(source), b, 0, b.length, false, b, 0);
  }

  /** The source ended: its unterminated last line is delivered and its state forgotten. */
  end(source: string): void {
    const state = this.sources.get(source);
    if (!state) return;
    state.splitter.flushEach(state.emit);
    this.sources.delete(source);
    this.parser.forget(source);
  }

  private state(source: string): SourceState {
    let s = this.sources.get(source);
    if (!s) {
      const state: SourceState = {
        splitter: new LineSplitter({ maxLineBytes: this.maxLineBytes }),
        emit: (b, start, end, cut, _bytes, kept, keptAt) => this.line(source, state, b, start, end, cut, kept, keptAt),
        last: -1,
        lastContinued: 0,
        open: 0,
      };
      s = state;
      this.sources.set(source, s);
    }
    return s;
  }

  /** One line: its bytes `b[start, end)`, and where the store may keep it (see LineSink). */
  private line(source: string, state: SourceState, b: Buffer, start: number, end: number, cut: boolean, kept: KeptBlock, keptAt: number): void {
    const parser = this.parser;
    if (parser.parseBytes(b, start, end, cut, source)) {
      this.took(state, this.store.addLine(source, kept, keptAt, keptAt + end - start, cut, parser.columns, parser));
      return;
    }
    const text = b.toString('utf8', start, end);
    const open = state.open > 0;
    // Blank lines carry nothing, unless they are part of a value left open.
    if (!open && text.trim() === '') return;
    if (state.last >= 0 && state.lastContinued < this.maxContinuation && (open || CONTINUATION_LINE.test(text))) {
      if (this.store.attachTo(state.last, text) !== undefined) {
        state.lastContinued++;
        if (open) state.open = openAfter(b, start, end, state.open);
        return;
      }
    }
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
    this.took(state, this.store.add(record).seq);
    // A line that starts a JSON value without closing it (a record with a raw newline in a string,
    // JSON printed over several lines) continues on the next lines, whatever they look like.
    if (!cut) state.open = openedBy(b, start, end);
  }

  private took(state: SourceState, seq: number): void {
    state.last = seq;
    state.lastContinued = 0;
    state.open = 0;
  }
}

/** Plain-text lines often start with their level: "ERROR ...", "[warn] ...", "WARN: ...". */
function guessLevel(text: string): LogRecord['level'] {
  const m = /^\s*\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)\b/i.exec(text.slice(0, 40));
  if (!m) return /^(?:\w*Error|Uncaught|Unhandled)\b/.test(text) ? 'error' : null;
  const w = m[1].toLowerCase();
  return w === 'warning' ? 'warn' : w === 'critical' ? 'fatal' : (w as LogRecord['level']);
}
