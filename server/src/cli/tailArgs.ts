// Argument parsing for `obs-lens tail`. Strict like `check`: an unknown flag or a missing value is a
// usage error with a message, never silently ignored.

export type TailFormat = 'pretty' | 'json';

export interface TailArgs {
  /** Files, globs, or `-` for stdin; none: `tail.files` of obs-lens.config.json. */
  sources: string[];
  follow: boolean;
  /** With --follow: start at the end of existing files (like `tail -f`) instead of reading them whole. */
  fromEnd: boolean;
  /** With --follow: start at the last this-many lines of existing files (like `tail -n N -f`). */
  lines: number | null;
  /** --config: the obs-lens.config.json to read instead of the project's. */
  config: string | null;
  requestId: string | null;
  query: string | null;
  format: TailFormat;
  help: boolean;
}

export class TailUsageError extends Error {}

export const TAIL_USAGE = `Usage: obs-lens tail [file|glob|-]... [options]

Prints log records (pino, winston, bunyan, ECS, OpenTelemetry, logfmt, plain text) from files,
globs (quote them: 'logs/*.log') or stdin (-). With none given, reads the files of tail.files in
obs-lens.config.json (relative to it). The config's tail.formats and tail.requestIdFields apply
either way, as in the editor's log panel.

Options:
  -f, --follow             Keep following through rotation and truncation until Ctrl-C
      --from-start         Read existing content first (the default, also with --follow)
      --from-end           With --follow: skip existing content, like tail -f
  -n, --lines N            With --follow: start at the last N lines of each file, like tail -n N -f
      --config PATH        Read this config file instead of the project's obs-lens.config.json
  -r, --request ID         Only records of this request ID
  -q, --query Q            Only records matching the query, e.g. 'level>=warn msg~timeout'
      --format pretty|json pretty (default): one readable line per record, stack traces
                           (err.stack, and lines that follow a record) indented below it;
                           json: each matching record's line, its bytes exactly as logged
                           (continuation lines such as stack traces are not printed)
  -h, --help               Show this help

Pretty output shows control characters from the log escaped (ESC as \\x1b) and is coloured only on
a terminal: NO_COLOR turns colour off, FORCE_COLOR turns it on.

Exit codes: 0 done (or stopped with Ctrl-C/SIGTERM), 2 usage error, bad query or unreadable input.`;

const ALIASES: Record<string, string> = { '-f': '--follow', '-r': '--request', '-q': '--query', '-h': '--help', '-n': '--lines' };
const VALUE_FLAGS = new Set(['--request', '--query', '--format', '--lines', '--config']);

export function parseTailArgs(argv: readonly string[]): TailArgs {
  const args: TailArgs = { sources: [], follow: false, fromEnd: false, lines: null, config: null, requestId: null, query: null, format: 'pretty', help: false };
  let sawFromStart = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === '--') {
      args.sources.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.sources.push(arg);
      continue;
    }
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const flag = ALIASES[arg] ?? arg;
    if (VALUE_FLAGS.has(flag)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new TailUsageError(`${flag} needs a value`);
        value = argv[++i];
      }
    } else if (value !== undefined) {
      throw new TailUsageError(`${flag} takes no value`);
    }
    switch (flag) {
      case '--follow':
        args.follow = true;
        break;
      case '--from-start':
        sawFromStart = true;
        break;
      case '--from-end':
        args.fromEnd = true;
        break;
      case '--lines':
        if (!/^\d{1,9}$/.test(value!)) throw new TailUsageError(`--lines needs a number of lines, not ${JSON.stringify(value)}`);
        args.lines = Number(value);
        break;
      case '--config':
        if (!value) throw new TailUsageError('--config needs a path');
        args.config = value;
        break;
      case '--request':
        if (!value) throw new TailUsageError('--request needs a request ID');
        args.requestId = value;
        break;
      case '--query':
        args.query = value!;
        break;
      case '--format':
        if (value !== 'pretty' && value !== 'json') throw new TailUsageError(`--format must be pretty or json, not ${JSON.stringify(value)}`);
        args.format = value;
        break;
      case '--help':
        args.help = true;
        break;
      default:
        throw new TailUsageError(`unknown option ${arg}`);
    }
  }
  if (args.help) return args;
  if (sawFromStart && args.fromEnd) throw new TailUsageError('--from-start and --from-end contradict each other');
  if (args.fromEnd && !args.follow) throw new TailUsageError('--from-end only makes sense with --follow');
  if (args.lines !== null && !args.follow) throw new TailUsageError('--lines only makes sense with --follow');
  if (args.lines !== null && (sawFromStart || args.fromEnd)) throw new TailUsageError('--lines says where to start: leave out --from-start and --from-end');
  if (args.sources.filter((s) => s === '-').length > 1) throw new TailUsageError('stdin (-) can be read only once');
  return args;
}
