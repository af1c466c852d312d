// Splits a command line into paths and options with node:util's parseArgs, then holds it to the
// command's options with messages of our own: an unknown option says which was meant, a boolean
// given a value or an option without one is named. parseArgs runs non-strict, with tokens, so these
// checks (and their wording) are ours rather than its generic errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../analysis/didYouMean';

/** A command-line mistake: the command prints the message and exits 2. */
export class UsageError extends Error {}

/** What a command accepts: options taking a value, options without one, and short aliases. */
export interface OptionSpec {
  command: string;
  values: readonly string[];
  booleans: readonly string[];
  aliases: Readonly<Record<string, string>>;
  /**
   * Whether a value may start with `-` when it is the next argument (`--query -x`). By default it
   * may not: `--format --fix` is an option missing its value, not the format `--fix`.
   */
  dashValues?: boolean;
  /** Whether the command prints its usage after a usage error (then the message does not point at --help). */
  printsUsage?: boolean;
}

export interface ReadArguments {
  paths: string[];
  /** In command-line order; `value` is undefined for boolean options. */
  options: Array<{ flag: string; value?: string }>;
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

function parseOptions(spec: OptionSpec): ParseOptions {
  const options: ParseOptions = {};
  for (const flag of spec.values) options[flag.slice(2)] = { type: 'string', multiple: true };
  for (const flag of spec.booleans) options[flag.slice(2)] = { type: 'boolean', multiple: true };
  for (const [alias, flag] of Object.entries(spec.aliases)) options[flag.slice(2)].short = alias.slice(1);
  return options;
}

/**
 * Splits a command line into paths and options (`--flag value`, `--flag=value`, aliases, `--` ends
 * the options). An unknown option, a value given to a boolean or a missing value is a UsageError.
 */
export function readArguments(argv: readonly string[], spec: OptionSpec): ReadArguments {
  const options = parseOptions(spec);
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const out: ReadArguments = { paths: [], options: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') out.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = `--${token.name}`;
    if (!Object.hasOwn(options, token.name)) {
      // Unknown: named as typed (`--fixx`, `-x`), with the closest option.
      const typed = token.rawName;
      const suggestion = closestMatch(typed, [...spec.values, ...spec.booleans]);
      const help = spec.printsUsage ? '' : ` Run obs-lens ${spec.command} --help for the options.`;
      throw new UsageError(`unknown option ${typed}${suggestion ? ` (did you mean ${suggestion}?)` : ''}.${help}`);
    }
    if (options[token.name].type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`${flag} takes no value`);
      out.options.push({ flag });
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && !spec.dashValues && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`${flag} needs a value`);
    }
    out.options.push({ flag, value });
  }
  return out;
}
