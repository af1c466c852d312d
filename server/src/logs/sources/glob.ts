// Minimal glob support for followed log files: `logs/*.log`, `logs/**/app-?.log`, `{a,b}.log`, `[0-9]`.
// Matching happens against a directory listing (no glob dependency), so files that appear later
// are found by the next listing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileUserPattern, PatternError, type LinePattern } from '../userPattern';

const GLOB_CHARS = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

export interface GlobPlan {
  /** Absolute directory that holds every possible match (the pattern's literal prefix). */
  base: string;
  /**
   * Matches a path relative to base, with `/` separators. Globs come from settings and the command
   * line, and `*a*a*a*…b` is polynomial backtracking on a long name: the linear-time engine runs it.
   */
  regex: LinePattern;
  /** True when the pattern spans directories (needs a recursive listing). */
  recursive: boolean;
}

export function planGlob(pattern: string, cwd: string): GlobPlan {
  const abs = path.resolve(cwd, pattern).split(path.sep).join('/');
  const segments = abs.split('/');
  let i = 0;
  while (i < segments.length && !isGlob(segments[i])) i++;
  const baseSegments = segments.slice(0, i);
  const rest = segments.slice(i).join('/');
  const base = baseSegments.join('/') || '/';
  let regex: LinePattern;
  try {
    regex = compileUserPattern('^' + globToRegexSource(rest) + '$');
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    throw new Error(`the glob ${JSON.stringify(pattern)} cannot be matched: ${err.reason}`);
  }
  return {
    base: path.normalize(base),
    regex,
    recursive: rest.includes('/') || rest.includes('**'),
  };
}

function globToRegexSource(glob: string): string {
  let out = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a bare `**` anything.
        if (glob[i + 2] === '/') {
          out += '(?:[^/]+/)*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      inBraces++;
      out += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      out += ')';
    } else if (c === ',' && inBraces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  while (inBraces-- > 0) out += ')';
  return out;
}

const MAX_DEPTH = 8;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Regular files under plan.base that match, sorted (stable order for the reader). Never throws. */
export async function listGlob(plan: GlobPlan): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable directory: nothing matches (yet)
    }
    for (const e of entries) {
      const relPath = rel ? rel + '/' + e.name : e.name;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (plan.recursive && depth < MAX_DEPTH && !SKIP_DIRS.has(e.name)) await walk(full, relPath, depth + 1);
      } else if ((e.isFile() || e.isSymbolicLink()) && plan.regex.test(relPath)) {
        found.push(full);
      }
    }
  }
  await walk(plan.base, '', 0);
  return found.sort();
}
