// `obs-lens tail`: print (and with --follow, keep following) log records from files, globs or stdin,
// narrowed by request ID and query. Bytes go through the same engine as the panel: one splitter per
// source, the record parser, a small bounded store (only so stack lines can attach to their record).
// The `tail` section of obs-lens.config.json (found as `check` finds it) applies as in the panel.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../../shared/src/settings';
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';
import { loadConfigFromPath, mergeSettings, type SettingsLayer } from '../analysis/workspace/config';
import { ConfigLookup } from '../analysis/workspace/configLookup';
import { chunksOf, FileLines } from '../logs/fileBlock';
import { validateFormats } from '../logs/formats';
import { LogPipeline } from '../logs/pipeline';
import { RecordParser, type RecordParserOptions } from '../logs/parser';
import { compileQuery, narrowToRequest, type CompiledQuery, type QueryError } from '../logs/query';
import { FileSource } from '../logs/sources/fileSource';
import { isGlob, listGlob, planGlob } from '../logs/sources/glob';
import { LogStore } from '../logs/store';
import type { LogRecord, SourceEvent } from '../logs/types';
import { displayPath } from './report';
import { UsageError } from './readArguments';
import { parseTailArgs, TAIL_USAGE, type TailArgs } from './tailArgs';
import { formatContinuation, formatPretty, type PrettyOptions } from './tailFormat';
import { colorWanted, terminalSafe } from './terminal';

export interface TailIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

const STDIN_LABEL = 'stdin';
const NEWLINE = Buffer.from('\n');

/**
 * Longest line the CLI keeps whole. The engine cuts lines at split time (1 MiB by default,
 * DEFAULT_MAX_LINE_BYTES) because the panel holds up to a million records for as long as it is open;
 * the CLI prints each record as it comes and holds only a few, and `--format json` must print a
 * record's bytes exactly as logged (a cut line is not even valid JSON). So the CLI keeps far longer
 * lines whole, at the cost of holding one such line in memory while it is read. The bound stays: a
 * file with no newline must not take all memory, and 256 MiB is below V8's longest string (512 MiB),
 * so every line kept can also be decoded for the pretty format. A longer line is cut, and json leaves
 * it out and says so.
 */
export const CLI_MAX_LINE_BYTES = 256 * 1024 * 1024;

/** A message on stderr; what it quotes from files or logs is escaped (see terminalSafe). */
function stderrLine(io: TailIo, message: string): void {
  io.stderr.write(`obs-lens tail: ${terminalSafe(message)}\n`);
}

export async function runTailCommand(argv: string[], io: TailIo): Promise<number> {
  let args: TailArgs;
  try {
    args = parseTailArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`obs-lens tail: ${terminalSafe(err.message)}\n\n${TAIL_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(TAIL_USAGE + '\n');
    return 0;
  }
  let query: CompiledQuery | null = null;
  if (args.query !== null) {
    const compiled = compileQuery(args.query);
    if (compiled.errors.length) {
      io.stderr.write(describeQueryErrors(args.query, compiled.errors));
      return 2;
    }
    query = compiled.query;
  }
  const config = loadTailConfig(args, io);
  if (config === null) return 2;
  if (config.sources.length === 0) {
    io.stderr.write(`obs-lens tail: give a file, a glob or - (stdin) to read, or list them in tail.files of ${CONFIG_FILE_NAME}\n\n${TAIL_USAGE}\n`);
    return 2;
  }
  const printer = new RecordPrinter(args, config, query, io);
  return args.follow ? follow(args, config.sources, printer, io) : readOnce(config.sources, printer, io);
}

/** A file, glob or `-` to read, and the folder it is relative to (the working directory, or the config file's). */
interface SourceArg {
  text: string;
  cwd: string;
}

interface TailConfig {
  sources: SourceArg[];
  parser: RecordParserOptions;
}

/**
 * The `tail` section of obs-lens.config.json (--config, else the nearest at or above the working
 * directory within its repository, as `check` finds a file's): its formats and request ID fields, and its files when the command line names none
 * (command-line sources win). Null when the configuration has problems, which are printed.
 */
function loadTailConfig(args: TailArgs, io: TailIo): TailConfig | null {
  const cwd = process.cwd();
  let file: string;
  let label: string;
  let config: { settings: SettingsLayer; errors: readonly string[] };
  if (args.config !== null) {
    file = path.resolve(cwd, args.config);
    label = args.config;
    config = loadConfigFromPath(file, label);
  } else {
    const applied = ConfigLookup.nearest(findRepositoryRoot(cwd), { label: (abs) => displayPath(cwd, abs) }).forFolder(cwd);
    file = applied.file ?? path.join(cwd, CONFIG_FILE_NAME);
    label = displayPath(cwd, file);
    config = { settings: applied.layer, errors: applied.errors };
  }
  const tail = mergeSettings(config.settings).tail;
  const { formats, errors } = validateFormats(tail.formats);
  const problems = [...config.errors, ...errors.map((e) => `${label}: ${e}`)];
  if (problems.length) {
    for (const p of problems) stderrLine(io, p);
    io.stderr.write('obs-lens tail: fix the configuration and run again\n');
    return null;
  }
  const sources = args.sources.length > 0
    ? args.sources.map((text) => ({ text, cwd }))
    : tail.files.map((text) => ({ text, cwd: path.dirname(file) }));
  return { sources, parser: { formats, requestIdFields: tail.requestIdFields } };
}

/** What records of a file are labelled with: its path from the working directory. */
function fileLabel(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The query, then a caret line under each problem, so the user sees where it is (measured in the escaped text shown). */
export function describeQueryErrors(text: string, errors: QueryError[]): string {
  let out = '';
  const shown = terminalSafe(text);
  for (const e of errors) {
    const offset = Math.min(Math.max(0, e.offset), text.length);
    const before = terminalSafe(text.slice(0, offset)).length;
    const width = Math.max(1, terminalSafe(text.slice(offset, offset + Math.max(0, e.length))).length);
    out += `obs-lens tail: invalid --query: ${terminalSafe(e.message)}\n  ${shown}\n  ${' '.repeat(before)}${'^'.repeat(width)}\n`;
  }
  return out;
}

/** Feeds the engine and writes each matching record as it is added. */
class RecordPrinter {
  readonly store = new LogStore({ maxRecords: 5000, maxBytes: 32 * 1024 * 1024 });
  readonly pipeline: LogPipeline;
  private readonly printed = new Set<number>();
  private readonly pretty: PrettyOptions;
  /** --request and --query together; null prints everything. */
  private readonly wanted: CompiledQuery | null;
  /** False once stdout is gone (EPIPE: `obs-lens tail x | head`). */
  open = true;
  /** Set when the output buffer is full; readers wait for 'drain' before feeding more. */
  backedUp = false;

  constructor(
    private readonly args: TailArgs,
    config: TailConfig,
    query: CompiledQuery | null,
    private readonly io: TailIo,
  ) {
    this.pipeline = new LogPipeline(this.store, new RecordParser(config.parser), { maxLineBytes: CLI_MAX_LINE_BYTES });
    this.wanted = args.requestId !== null ? narrowToRequest(query, args.requestId) : query;
    const stdout = io.stdout as NodeJS.WritableStream & { isTTY?: boolean };
    this.pretty = { color: colorWanted(stdout, process.env), showSource: config.sources.length > 1 || config.sources.some((s) => isGlob(s.text)) };
    // Told the seq only: a record is tested where it is kept and decoded only when it is printed.
    this.store.onAddSeq((seq) => this.added(seq));
    this.store.onUpdate((r) => this.updated(r));
    this.store.onEvictSeq((seq) => this.printed.delete(seq));
    io.stdout.on('error', () => {
      this.open = false;
    });
  }

  private write(text: string | Buffer): void {
    if (!this.open) return;
    if (!this.io.stdout.write(text)) this.backedUp = true;
  }

  private added(seq: number): void {
    if (this.wanted !== null && !this.store.matchesSeq(this.wanted, seq)) return;
    if (this.args.format === 'json') {
      this.printJson(seq);
      return;
    }
    const r = this.store.bySeq(seq);
    if (r === undefined) return;
    this.printed.add(seq);
    this.write(formatPretty(r, this.pretty));
  }

  /** The record's line, its bytes exactly as logged (whatever their length or encoding), and a newline. */
  private printJson(seq: number): void {
    if (this.store.isCut(seq)) {
      const r = this.store.bySeq(seq);
      stderrLine(this.io, `a line of ${r?.source ?? 'the input'} is longer than ${CLI_MAX_LINE_BYTES / 1024 / 1024} MiB: left out, only whole records are printed as json`);
      return;
    }
    const bytes = this.store.lineBytes(seq);
    // A copy with its newline: the store may reuse the buffer it read the line into before stdout writes it.
    if (bytes !== null) this.write(Buffer.concat([bytes, NEWLINE]));
    else {
      const r = this.store.bySeq(seq);
      if (r !== undefined) this.write(r.raw + '\n');
    }
  }

  /** A stack line attached to a record already printed: print it below (pretty only). */
  private updated(r: LogRecord): void {
    if (this.args.format !== 'pretty' || !this.printed.has(r.seq)) return;
    const line = r.continuation[r.continuation.length - 1];
    if (line !== undefined) this.write(formatContinuation(line, this.pretty));
  }

  async drained(): Promise<void> {
    if (!this.backedUp || !this.open) return;
    this.backedUp = false;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.io.stdout.off('drain', done);
        this.io.stdout.off('error', done);
        resolve();
      };
      this.io.stdout.on('drain', done);
      this.io.stdout.on('error', done);
    });
  }
}

/** Files to read for each argument; a problem (missing file, glob without matches) is a message. */
async function resolveInputs(sources: SourceArg[]): Promise<{ inputs: Array<{ label: string; file: string | null }>; problems: string[] }> {
  const inputs: Array<{ label: string; file: string | null }> = [];
  const problems: string[] = [];
  for (const { text: s, cwd } of sources) {
    if (s === '-') {
      inputs.push({ label: STDIN_LABEL, file: null });
    } else if (isGlob(s)) {
      let plan;
      try {
        plan = planGlob(s, cwd);
      } catch (err) {
        problems.push((err as Error).message);
        continue;
      }
      const files = await listGlob(plan);
      if (files.length === 0) problems.push(`no file matches ${s}`);
      for (const f of files) inputs.push({ label: fileLabel(f), file: f });
    } else {
      const file = path.resolve(cwd, s);
      try {
        const st = fs.statSync(file);
        if (!st.isFile() && !st.isFIFO()) problems.push(`${s} is not a file`);
        else inputs.push({ label: cwd === process.cwd() ? s : fileLabel(file), file });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        problems.push(code === 'ENOENT' ? `${s}: no such file (use --follow to wait for it)` : `cannot read ${s}: ${(err as Error).message}`);
      }
    }
  }
  return { inputs, problems };
}

async function readOnce(sourceArgs: SourceArg[], printer: RecordPrinter, io: TailIo): Promise<number> {
  const { inputs, problems } = await resolveInputs(sourceArgs);
  if (problems.length) {
    for (const p of problems) stderrLine(io, p);
    return 2;
  }
  let failed = false;
  for (const input of inputs) {
    if (!printer.open) break;
    try {
      if (input.file !== null && fs.statSync(input.file).isFile()) await readFileInPlace(input.file, input.label, printer);
      else await readStream(input.file === null ? io.stdin : fs.createReadStream(input.file, { highWaterMark: CHUNK_BYTES }), input.label, printer);
    } catch (err) {
      stderrLine(io, `reading ${input.label} failed: ${(err as Error).message}`);
      failed = true;
    }
  }
  return failed ? 2 : 0;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * A regular file is read in place: one buffer for every read, the lines kept as their place in the
 * file (FileBlock), so a big log costs no copy of itself. Nothing reads these records once the file
 * is printed, so the file is let go without copying them in.
 */
async function readFileInPlace(file: string, label: string, printer: RecordPrinter): Promise<void> {
  const fd = fs.openSync(file, 'r');
  const lines = new FileLines(fd, file);
  try {
    for (const { chunk, position } of chunksOf(fd, CHUNK_BYTES)) {
      printer.pipeline.feed(label, chunk, { file: lines, position });
      await printer.drained();
      if (!printer.open) break;
    }
  } finally {
    // The last line may have no newline: it is delivered (and printed) while the file is still open.
    printer.pipeline.end(label);
    lines.drop();
    fs.closeSync(fd);
  }
}

/** Standard input, a FIFO: chunks as they come (copied by the engine). */
async function readStream(stream: NodeJS.ReadableStream, label: string, printer: RecordPrinter): Promise<void> {
  try {
    for await (const chunk of stream) {
      printer.pipeline.feed(label, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      await printer.drained();
      if (!printer.open) break;
    }
  } finally {
    printer.pipeline.end(label);
  }
}

async function follow(args: TailArgs, sourceArgs: SourceArg[], printer: RecordPrinter, io: TailIo): Promise<number> {
  const fileArgs = sourceArgs.filter((s) => s.text !== '-');
  const readsStdin = fileArgs.length !== sourceArgs.length;
  const sources = fileArgs.map((s) => new FileSource(s.text, { cwd: s.cwd, fromStart: !args.fromEnd, lastLines: args.lines ?? undefined }));
  const lastEvent = new Map<string, SourceEvent['type']>();
  /** Every label records were fed under (a glob's files each have their own), ended at the end. */
  const fed = new Set<string>();

  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const onSignal = () => finish();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  io.stdout.on('error', onSignal);

  for (const source of sources) {
    source.start({
      data: (chunk, origin, file) => {
        const label = file === undefined ? source.label : fileLabel(file);
        fed.add(label);
        printer.pipeline.feed(label, chunk, origin);
      },
      event: (e) => {
        const message = describeEvent(e, lastEvent.get(source.label));
        lastEvent.set(source.label, e.type);
        if (message) stderrLine(io, message);
      },
    });
  }
  let stdinDone: Promise<void> = Promise.resolve();
  if (readsStdin) {
    stdinDone = (async () => {
      try {
        for await (const chunk of io.stdin) printer.pipeline.feed(STDIN_LABEL, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      } catch (err) {
        stderrLine(io, `reading stdin failed: ${(err as Error).message}`);
      }
      printer.pipeline.end(STDIN_LABEL);
      // Only stdin to follow: its end is the end.
      if (sources.length === 0) finish();
    })();
  }

  await finished;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  io.stdout.off('error', onSignal);
  // Every record is printed already: files are let go without copying their lines in.
  await Promise.all(sources.map((s) => s.stop({ discard: true })));
  for (const label of fed) printer.pipeline.end(label);
  if (readsStdin) {
    (io.stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    await Promise.race([stdinDone, new Promise((r) => setTimeout(r, 200))]);
  }
  return 0;
}

/** What the user should know about a source, or null for the routine (a file opened at the start). */
function describeEvent(e: SourceEvent, previous: SourceEvent['type'] | undefined): string | null {
  switch (e.type) {
    case 'waiting':
      return e.detail;
    case 'opened':
      return previous === 'waiting' || previous === 'deleted' ? `${e.detail ?? e.source} appeared; reading it` : null;
    case 'rotated':
      return `${e.source} was rotated: ${e.detail ?? ''}`.trim();
    case 'truncated':
      return `${e.source} was truncated: ${e.detail ?? ''}`.trim();
    case 'deleted':
      return `${e.detail ?? e.source} was deleted; waiting for it to come back`;
    case 'error':
      return e.message;
    case 'exited':
      return `${e.source} exited (${e.signal ?? `code ${e.code}`})`;
  }
}
