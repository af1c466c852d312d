// Argument parsing for `obs-lens tail`. Strict like `check`: an unknown flag or a missing value is a
// usage error with a message, never silently ignored.

export type TailFormat = 'pretty' | 'json';

export interface TailArgs {
  /** Files, globs, or `-` for stdin. */
  sources: string[];
  follow: boolean;
  /** With --follow: start at the end of existing files (like `tail -f`) instead of reading them whole. */
  fromEnd: boolean;
  requestId: string | null;
  query: string | null;
  format: TailFormat;
  help: boolean;
}

export class TailUsageError extends Error {}

export const TAIL_USAGE = `Usage: obs-lens tail <file|glob|-> [options]

Prints log records (pino, winston, bunyan, ECS, OpenTelemetry, logfmt, plain text) from files,
globs (quote them: 'logs/*.log') or stdin (-).

Options:
  -f, --follow             Keep following through rotation and truncation until Ctrl-C
      --from-start         Read existing content first (the default, also with --follow)
      --from-end           With --follow: skip existing content, like tail -f
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

const ALIASES: Record<string, string> = { '-f': '--follow', '-r': '--request', '-q': '--query', '-h': '--help' };
const VALUE_FLAGS = new Set(['--request', '--query', '--format']);

export function parseTailArgs(argv: readonly string[]): TailArgs {
  const args: TailArgs = { sources: [], follow: false, fromEnd: false, requestId: null, query: null, format: 'pretty', help: false };
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
  if (args.sources.length === 0) throw new TailUsageError('give a file, a glob or - (stdin) to read');
  if (args.sources.filter((s) => s === '-').length > 1) throw new TailUsageError('stdin (-) can be read only once');
  return args;
}
