// Globs for followed log files: `logs/*.log`, `logs/**/app-?.log`, `{a,b}.log`, `[0-9]`, `{1..3}`,
// `[[:digit:]]`, `@(a|b)`. picomatch reads the glob (its syntax, escapes and brace expansion) and
// writes the regular expression; matching happens against a directory listing, so files that
// appear later are found by the next listing.
//
// picomatch's own matcher is a backtracking RegExp: `*a*a*a*b` against a 255-character file name
// runs for hours. Its expression runs on re2js (linear time) instead. The only lookarounds picomatch
// writes for these options say "a segment is neither empty, `.` nor `..`", which never holds of a
// path joined from directory entries, so they are left out; any other lookaround (a negated extglob
// `!(x)`) is refused with a message.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { compileUserPattern, PatternError, type LinePattern } from '../userPattern';

/**
 * Hidden files match like any other (so the only lookarounds left are the vacuous ones above); the
 * walk does not enter hidden folders. POSIX classes and `[!a]` as in bash; `/` is the only separator.
 */
const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = { dot: true, posix: true, windows: false };

/** What picomatch writes for "not empty, `.` or `..`" and "something follows", as its constants spell them. */
const VACUOUS_LOOKAROUNDS = [
  '(?!(?:^|\\/)\\.{1,2}(?:\\/|$))',
  '(?!\\.{1,2}(?:\\/|$))',
  '(?!\\.{0,1}(?:\\/|$))',
  '(?=.)',
];

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

export interface GlobPlan {
  /** Absolute directory that holds every possible match (the pattern's literal prefix). */
  base: string;
  /** Matches a path relative to base, with `/` separators, in linear time. */
  regex: LinePattern;
  /** How many directories deep under base a match can be: 0 for `*.log`, 1 for `{api,web}/app.log`, MAX_DEPTH with `**`. */
  depth: number;
}

/** Throws an Error whose message names the glob and why it cannot be matched. */
export function planGlob(pattern: string, cwd: string): GlobPlan {
  const scanned = picomatch.scan(pattern);
  const rest = scanned.glob;
  let source: string;
  try {
    source = picomatch.makeRe(rest, PICOMATCH_OPTIONS).source;
  } catch (err) {
    throw new Error(`the glob ${JSON.stringify(pattern)} cannot be matched: ${(err as Error).message}`);
  }
  for (const l of VACUOUS_LOOKAROUNDS) source = source.split(l).join('');
  let regex: LinePattern;
  try {
    regex = compileUserPattern(source);
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    throw new Error(`the glob ${JSON.stringify(pattern)} cannot be matched: ${/look(ahead|behind)/.test(err.reason) ? 'negated patterns such as !(…) are not supported' : err.reason}`);
  }
  // A `/` in the glob (also inside braces, counted generously) is a directory level; `**` any number.
  const depth = rest.includes('**') ? MAX_DEPTH : Math.min(MAX_DEPTH, rest.split('/').length - 1);
  return { base: path.resolve(cwd, scanned.base || '.'), regex, depth };
}

/** Directory levels a `**` glob searches under its base. */
const MAX_DEPTH = 8;
/** Directory entries one listing looks at; a glob over a bigger tree sees the first ones (sorted by directory order). */
export const MAX_LISTED_ENTRIES = 100_000;
const SKIP_DIRS = new Set(['node_modules']);

/**
 * Regular files under plan.base that match, sorted (stable order for the reader). Never throws.
 * Each directory is read once, no deeper than the glob can match, symbolic links to folders are not
 * entered, and at most MAX_LISTED_ENTRIES entries are looked at: the walk is linear and bounded.
 */
export async function listGlob(plan: GlobPlan): Promise<string[]> {
  const found: string[] = [];
  let budget = MAX_LISTED_ENTRIES;
  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable directory: nothing matches (yet)
    }
    for (const e of entries) {
      if (--budget < 0) return;
      const relPath = rel ? rel + '/' + e.name : e.name;
      if (e.isDirectory()) {
        if (depth < plan.depth && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name), relPath, depth + 1);
      } else if ((e.isFile() || e.isSymbolicLink()) && plan.regex.test(relPath)) {
        found.push(path.join(dir, e.name));
      }
    }
  }
  await walk(plan.base, '', 0);
  return found.sort();
}
