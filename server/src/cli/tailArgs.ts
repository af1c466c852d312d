// Argument parsing for `obs-lens tail`, on node:util's parseArgs (readArguments.ts). Strict like
// `check`: an unknown flag or a missing value is a usage error with a message, never silently ignored.
import { type OptionSpec, readArguments, UsageError } from './readArguments';

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

const TAIL_OPTIONS: OptionSpec = {
  command: 'tail',
  values: ['--request', '--query', '--format', '--lines', '--config'],
  booleans: ['--follow', '--from-start', '--from-end', '--help'],
  aliases: { '-f': '--follow', '-r': '--request', '-q': '--query', '-h': '--help', '-n': '--lines' },
  // A query may start with a dash; the usage follows every usage error.
  dashValues: true,
  printsUsage: true,
};

export function parseTailArgs(argv: readonly string[]): TailArgs {
  const args: TailArgs = { sources: [], follow: false, fromEnd: false, lines: null, config: null, requestId: null, query: null, format: 'pretty', help: false };
  let sawFromStart = false;
  const read = readArguments(argv, TAIL_OPTIONS);
  args.sources = read.paths;
  for (const { flag, value = '' } of read.options) {
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
        if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--lines needs a number of lines, not ${JSON.stringify(value)}`);
        args.lines = Number(value);
        break;
      case '--config':
        if (!value) throw new UsageError('--config needs a path');
        args.config = value;
        break;
      case '--request':
        if (!value) throw new UsageError('--request needs a request ID');
        args.requestId = value;
        break;
      case '--query':
        args.query = value;
        break;
      case '--format':
        if (value !== 'pretty' && value !== 'json') throw new UsageError(`--format must be pretty or json, not ${JSON.stringify(value)}`);
        args.format = value;
        break;
      case '--help':
        args.help = true;
        break;
    }
  }
  if (args.help) return args;
  if (sawFromStart && args.fromEnd) throw new UsageError('--from-start and --from-end contradict each other');
  if (args.fromEnd && !args.follow) throw new UsageError('--from-end only makes sense with --follow');
  if (args.lines !== null && !args.follow) throw new UsageError('--lines only makes sense with --follow');
  if (args.lines !== null && (sawFromStart || args.fromEnd)) throw new UsageError('--lines says where to start: leave out --from-start and --from-end');
  if (args.sources.filter((s) => s === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  return args;
}
