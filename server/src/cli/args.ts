// Argument parsing for `obs-lens check`, on node:util's parseArgs (readArguments.ts), and strict: an
// unknown flag or a bad value is a usage error with a message, never silently ignored.
import { RULE_IDS, isRuleId, type RuleId } from '../../../shared/src/rules';
import { closestMatch } from '../analysis/didYouMean';
import { type OptionSpec, readArguments, UsageError } from './readArguments';
import { type Concurrency, parseConcurrency } from '../analysis/parallel/concurrency';

export { type OptionSpec, readArguments, UsageError };

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CheckArgs {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  /** Rules to run; empty = all enabled rules. */
  rules: RuleId[];
  cache: boolean;
  cacheLocation: string | null;
  config: string | null;
  /** Prints cache hits and misses on stderr (used by tests and for diagnosing slow runs). */
  debugCache: boolean;
  maxFileBytes: number | null;
  /** Adds the handler coverage summary (text and JSON formats). */
  summary: boolean;
  /** Threads that analyse files; null: OBS_LENS_CONCURRENCY, else auto. */
  concurrency: Concurrency | null;
  help: boolean;
}

const VALUE_FLAGS = ['--format', '--rule', '--cache-location', '--config', '--max-file-size', '--concurrency'] as const;
const BOOLEAN_FLAGS = ['--fix', '--cache', '--debug-cache', '--summary', '--help'] as const;
const ALIASES: Record<string, string> = { '-f': '--format', '-c': '--config', '-h': '--help' };

export const CHECK_USAGE = `Usage: obs-lens check [paths...] [options]

Checks the logging of Node services. Paths are files or folders (default: .). The repository
(the nearest folder with .git) and its packages are found from the paths, not the working directory.

Options:
  -f, --format text|json|sarif  Output format (default: text)
      --fix                     Apply every safe fix in place, then report what is left
      --rule ID                 Run only this rule (repeatable, or comma-separated)
      --cache                   Reuse results of unchanged files between runs
      --cache-location PATH     Cache file (default: .obs-lens-cache in the repository root)
  -c, --config PATH             Configuration file for every file (default: each file's nearest
                                obs-lens.config.json, up to the repository root)
      --max-file-size BYTES     Skip larger files (default: 2097152)
      --summary                 Also print, per service, which HTTP handlers are measured and by what
                                (text and json formats)
      --concurrency N|auto|off  Threads that analyse files, for 150 files or more per thread
                                (default: auto, the cores up to 4, one on two cores; or
                                OBS_LENS_CONCURRENCY)
  -h, --help                    Show this help

Exit codes: 0 no problems at warning or above, 1 problems found, 2 usage or configuration error.
Rules: ${RULE_IDS.join(', ')}`;

function parseRuleList(value: string, into: RuleId[]): void {
  for (const id of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isRuleId(id)) {
      const suggestion = closestMatch(id, RULE_IDS);
      throw new UsageError(
        `--rule ${id} is not a rule${suggestion ? ` (did you mean ${suggestion}?)` : ''}. Valid rules: ${RULE_IDS.join(', ')}`,
      );
    }
    if (!into.includes(id)) into.push(id);
  }
}

const CHECK_OPTIONS: OptionSpec = { command: 'check', values: VALUE_FLAGS, booleans: BOOLEAN_FLAGS, aliases: ALIASES };

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = {
    paths: [],
    format: 'text',
    fix: false,
    rules: [],
    cache: false,
    cacheLocation: null,
    config: null,
    debugCache: false,
    maxFileBytes: null,
    summary: false,
    concurrency: null,
    help: false,
  };
  const read = readArguments(argv, CHECK_OPTIONS);
  args.paths = read.paths;
  for (const { flag, value = '' } of read.options) {
    switch (flag) {
      case '--fix':
        args.fix = true;
        break;
      case '--cache':
        args.cache = true;
        break;
      case '--debug-cache':
        args.debugCache = true;
        break;
      case '--summary':
        args.summary = true;
        break;
      case '--help':
        args.help = true;
        break;
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(value)}`);
        }
        args.format = value as OutputFormat;
        break;
      case '--rule':
        parseRuleList(value, args.rules);
        break;
      case '--cache-location':
        args.cacheLocation = value;
        break;
      case '--config':
        args.config = value;
        break;
      case '--concurrency': {
        const c = parseConcurrency(value);
        if (typeof c === 'object') throw new UsageError(`--${c.error}`);
        args.concurrency = c;
        break;
      }
      case '--max-file-size': {
        const n = Number(value);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, not ${JSON.stringify(value)}`);
        args.maxFileBytes = n;
        break;
      }
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  if (args.summary && args.format === 'sarif') throw new UsageError('--summary is for the text and json formats (SARIF has no place for it)');
  return args;
}
