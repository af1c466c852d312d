// Regular expressions written by users (tail.formats patterns, `field~regex` queries, the panel's
// filter, file globs) run on re2js, a linear-time engine: JavaScript's own RegExp backtracks, and one
// line against `(a+)+$` or `^((\S+\s?)+)!$` would hold the extension host or the CLI for minutes.
// Patterns we wrote and reviewed (the built-in formats) keep the native engine where speed matters.
//
// Users write JavaScript syntax; the common part of it means the same in RE2. What RE2 cannot do in
// linear time (backreferences, lookaround) is refused with a message naming the pattern and why.
import { RE2JS, RE2JSException } from 're2js';

/** A pattern that could not be compiled: `message` names the pattern and the reason. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`pattern ${JSON.stringify(pattern)}: ${reason}`);
  }
}

/** What the log engine needs of a compiled pattern; native RegExp objects have the same shape. */
export interface LinePattern {
  test(text: string): boolean;
  /** The first match with its named groups (unmatched groups undefined), or null. */
  exec(text: string): { groups?: Record<string, string | undefined> } | null;
}

export interface UserPattern extends LinePattern {
  readonly source: string;
  /** Names of the pattern's named groups, in order. */
  readonly groupNames: string[];
}

const LINEAR = 'patterns run on a linear-time engine (RE2 syntax), which cannot';

/**
 * Compiles a user's pattern with JavaScript flags (`i`, `m`, `s`; `g`, `y`, `u`, `d` change
 * nothing about one match and are accepted). Throws PatternError.
 */
export function compileUserPattern(source: string, flags = ''): UserPattern {
  let re2Flags = 0;
  for (const f of flags) {
    if (f === 'i') re2Flags |= RE2JS.CASE_INSENSITIVE;
    else if (f === 'm') re2Flags |= RE2JS.MULTILINE;
    else if (f === 's') re2Flags |= RE2JS.DOTALL;
    else if (!'gyud'.includes(f)) throw new PatternError(source, `unknown flag "${f}" (use i, m or s)`);
  }
  const translated = translate(source);
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated, re2Flags);
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    throw new PatternError(source, `${err.message.replace(/^error parsing regexp: /, '')}`);
  }
  const groupNames = Object.entries(re.namedGroups()).sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return {
    source,
    groupNames,
    test: (text) => re.test(text),
    exec: (text) => re.exec(text) as { groups?: Record<string, string | undefined> } | null,
  };
}

/**
 * The pattern in RE2 syntax: `\uXXXX` and `\u{X}` become `\x{X}`; backreferences and lookaround,
 * which need backtracking, are refused here so the message says so (RE2 would only call them
 * invalid escapes or invalid groups). One pass, tracking escapes and character classes.
 */
function translate(source: string): string {
  let out = '';
  let inClass = false;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < n) {
      const e = source[i + 1];
      if (!inClass && e >= '1' && e <= '9') {
        throw new PatternError(source, `backreference \\${e} is not supported: ${LINEAR} match it`);
      }
      if (!inClass && e === 'k' && source[i + 2] === '<') {
        throw new PatternError(source, `backreference \\k<name> is not supported: ${LINEAR} match it`);
      }
      if (e === 'u') {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 2, i + 10));
        const four = /^[0-9a-fA-F]{4}/.exec(source.slice(i + 2, i + 6));
        if (braced) {
          out += `\\x{${braced[1]}}`;
          i += 1 + braced[0].length;
          continue;
        }
        if (four) {
          out += `\\x{${four[0]}}`;
          i += 5;
          continue;
        }
      }
      out += c + e;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal in RE2 but ends an empty class in JavaScript;
      // RE2 reports the difference as a missing `]`, which is clear enough.
    } else if (c === '(' && source[i + 1] === '?') {
      const kind = source.startsWith('(?=', i) || source.startsWith('(?!', i)
        ? 'lookahead'
        : source.startsWith('(?<=', i) || source.startsWith('(?<!', i)
          ? 'lookbehind'
          : null;
      if (kind) {
        throw new PatternError(source, `${kind} ${source.slice(i, i + (kind === 'lookahead' ? 3 : 4))}...) is not supported: ${LINEAR} match it`);
      }
    }
    out += c;
  }
  return out;
}
