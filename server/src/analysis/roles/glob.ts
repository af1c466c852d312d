// Globs from test-runner configurations (jest testMatch, vitest include, mocha spec) as matchers.
// They are workspace text, so they run on re2js (linear time), never as a backtracking RegExp.
// Supported: `**` across folders, `*`, `?`, `[...]`, `{a,b}`, and the extglobs jest's defaults use
// (`?(x)`, `+(a|b)`, `*(x)`, `@(x)`; `!(x)` is taken as `*`: RE2 has no negation).
import { RE2JS } from 're2js';

export interface PathMatcher {
  /** Whether a path (relative, `/`-separated) matches. */
  matches(relPath: string): boolean;
}

const NEVER: PathMatcher = { matches: () => false };

/**
 * A matcher for one glob; a glob RE2 cannot compile matches nothing. The literal text every match
 * must contain (`.test.` in `*.test.ts`, one of `spec`/`test` in jest's default) is checked
 * first: most paths fail there, and re2js costs far more per call than a substring search.
 */
export function compileGlob(glob: string): PathMatcher {
  const source = glob.replace(/^\.\//, '');
  const required = requiredText(source);
  let re: RE2JS | null | undefined;
  return {
    matches(p) {
      if (!required.every((anyOf) => anyOf.some((t) => p.includes(t)))) return false;
      // Compiled on the first path that gets this far (compiling costs more than many matches).
      if (re === undefined) re = compiled(`^${globToRe2(source)}$`);
      return re !== null && re.matches(p);
    },
  };
}

const COMPILED = new Map<string, RE2JS | null>();

/** Each configuration repeats the runners' defaults: one compilation per pattern per process. */
function compiled(source: string): RE2JS | null {
  let re = COMPILED.get(source);
  if (re === undefined) {
    try {
      re = RE2JS.compile(source);
    } catch {
      re = null; // a pattern RE2 cannot compile matches nothing
    }
    if (COMPILED.size > 500) COMPILED.clear();
    COMPILED.set(source, re);
  }
  return re;
}

const LITERAL_ALTERNATIVE = /^[\w./-]+$/;

/**
 * What a match must contain: each entry lists alternatives, one of which must appear. Literal runs
 * outside any wildcard, and `{a,b}` / `@(a|b)` / `+(a|b)` groups of plain words; the rest (classes,
 * optional groups) requires nothing.
 */
export function requiredText(glob: string): string[][] {
  const out: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 2) out.push([run]);
    run = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const extglob = '?*+@!'.includes(c) && glob[i + 1] === '(';
    if (extglob || c === '{') {
      flush();
      const open = extglob ? i + 1 : i;
      const close = matchingClose(glob, open);
      if (close < 0) return out;
      const alternatives = glob.slice(open + 1, close).split(extglob ? '|' : ',');
      const required = !extglob || c === '@' || c === '+';
      if (required && alternatives.every((a) => LITERAL_ALTERNATIVE.test(a))) out.push(alternatives);
      i = close;
    } else if (c === '[') {
      flush();
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return out;
      i = close;
    } else if (c === '*' || c === '?' || c === '\\') {
      flush();
      if (c === '\\') i++;
    } else run += c;
  }
  flush();
  return out;
}

/** The index of the bracket closing the one at `open` (`(` or `{`), or -1. */
function matchingClose(text: string, open: number): number {
  const o = text[open];
  const cl = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) depth++;
    else if (text[i] === cl && --depth === 0) return i;
  }
  return -1;
}

/** A matcher for a regular expression written in a configuration (jest testRegex, tested against `/`-led paths as jest's absolute ones are). */
export function compileRegex(source: string): PathMatcher {
  const re = compiled(source);
  return re ? { matches: (p) => re.test(`/${p}`) } : NEVER;
}

function escape(c: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}

function globToRe2(glob: string): string {
  let out = '';
  let braces = 0;
  const groups: string[] = []; // the closing text of each open extglob
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const next = glob[i + 1];
    if ('?*+@!'.includes(c) && next === '(') {
      out += c === '!' ? '(?:[^/]*' : '(?:';
      groups.push(c === '?' ? ')?' : c === '*' ? ')*' : c === '+' ? ')+' : ')');
      if (c === '!') {
        // `!(x)`: skip the alternatives, keep `[^/]*`
        let depth = 1;
        let j = i + 2;
        for (; j < glob.length && depth > 0; j++) {
          if (glob[j] === '(') depth++;
          else if (glob[j] === ')') depth--;
        }
        out += groups.pop();
        i = j - 1;
        continue;
      }
      i++;
    } else if (c === ')' && groups.length > 0) {
      out += groups.pop();
    } else if (c === '|' && groups.length > 0) {
      out += '|';
    } else if (c === '*') {
      if (next === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        if (atStart && glob[i + 2] === '/') {
          out += '(?:[^/]*/)*';
          i += 2;
        } else {
          out += '.*';
          i++;
        }
      } else out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else out += escape(c);
  }
  while (groups.length) out += groups.pop();
  while (braces-- > 0) out += ')';
  return out;
}
