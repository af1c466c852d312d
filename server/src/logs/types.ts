// The log engine's data types. No VS Code dependency: the panel (extension host) and
// `obs-lens tail` share this engine.
import type { FileOrigin } from './fileBlock';

export type LevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
/** Numeric levels as pino counts them: trace 10, debug 20, info 30, warn 40, error 50, fatal 60. */
export const LEVEL_VALUES: Record<LevelName, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** One line as it came out of the splitter. */
export interface RawLine {
  text: string;
  /** True when the line was longer than the limit and was cut to it. */
  cut: boolean;
  /** Original length in bytes (before any cut). */
  bytes: number;
}

export interface LogRecord {
  /** Position in the stream of all records the store ever received (monotonic, never reused). */
  seq: number;
  /** Label of the source it came from (file path, command, `otlp`). */
  source: string;
  /** The line exactly as logged (cut to the limit when `cut`). */
  raw: string;
  cut: boolean;
  /** Id of the format that recognised it (`pino`, `winston`, `bunyan`, `ecs`, `otel`, `gcp`, `logfmt`, ...), null for plain text. */
  format: string | null;
  /** Epoch milliseconds, when the record carries a time. */
  time: number | null;
  level: LevelName | null;
  message: string;
  requestId: string | null;
  traceId: string | null;
  /** Lines that are not records (stack traces, banners) that follow and belong to this record. */
  continuation: string[];
  /** Where the record says it was written, when it does. */
  caller: { file: string; line: number } | null;
  /** From access-log records (pino-http and the like). */
  status: number | null;
  durationMs: number | null;
}

/** What a source reports besides data. */
export type SourceEvent =
  /** `file`: the file opened; `skipped`: bytes it held that were passed over unread (opened at its end or last lines). */
  | { type: 'opened'; source: string; detail?: string; file?: string; skipped?: number }
  | { type: 'waiting'; source: string; detail: string } // e.g. file does not exist yet
  | { type: 'rotated'; source: string; detail?: string; file?: string }
  | { type: 'truncated'; source: string; detail?: string; file?: string }
  | { type: 'deleted'; source: string; detail?: string; file?: string }
  | { type: 'exited'; source: string; code: number | null; signal: string | null }
  | { type: 'error'; source: string; message: string };

/**
 * A producer of log bytes (a followed file, a command's output) or of whole lines (the OTLP receiver).
 * `start` begins delivery; `stop` releases every handle and child process.
 */
export interface LogSource {
  readonly label: string;
  start(sink: SourceSink): void;
  stop(options?: StopOptions): Promise<void>;
}
export interface StopOptions {
  /**
   * Nothing will read what this source delivered again (its store is being thrown away: the panel
   * closes, the CLI exits): files are let go without copying their held lines in (see FileBlock).
   */
  discard?: boolean;
}
export interface SourceSink {
  /**
   * Raw bytes, split into lines by the receiver (one splitter per source). Valid only during the call
   * (a file source hands over its read buffer): a receiver that keeps bytes copies them, or keeps
   * their place in the file when `origin` says where they are (see FileBlock). `file`: the file the
   * bytes are from, for a source that reads several (a glob); each file's chunks are whole lines.
   */
  data(chunk: Buffer, origin?: FileOrigin, file?: string): void;
  /** Already-whole lines (used by sources that receive structured records). */
  line?(text: string): void;
  event(e: SourceEvent): void;
}
