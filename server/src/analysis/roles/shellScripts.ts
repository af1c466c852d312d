// The folders of code a package script's shell script runs (Open Collective's `"cron:daily":
// "./scripts/cron.sh daily"`, whose loop runs every file of `./cron/$1/` with babel-node): the files
// there are scripts as a package script's own file is. Read as text, comment lines left out and its
// positional parameters replaced by the script line's arguments; only a shell script that runs
// JavaScript (node, babel-node, ts-node, tsx) names folders of code, and only a folder it lists
// (`ls`, `find`, `for f in ./jobs/*`), written there or through a variable, is one: a folder it copies
// or deploys (`rsync -az ./api/ host:...`) is not.
import * as path from 'node:path';
import { commandSteps } from './manifest';

/** The longest shell script read: a wrapper is a few lines, not a program. */
const MAX_SHELL_SCRIPT = 16 * 1024;
/** A JavaScript runner the shell script runs. */
const RUNS_JAVASCRIPT = /\b(?:node|babel-node|ts-node|tsx|bun)\b/;
/** A line going through a folder's files: `ls`/`find` as a command (at its start, after `;`, `|`, `$(` or a backquote), or a `for ... in`. */
const LISTS_FILES = /(?:^|[;&|(`]\s*)(?:ls|find)\s|^\s*for\s+\w+\s+in\s/;
/** A relative folder: `./cron/daily/`, `"./jobs"`. */
const RELATIVE_FOLDER = /(?:^|[\s"'=(`])\.\/([\w.-]+(?:\/[\w.-]+)*)\/?(?=["'\s;)`*]|$)/g;
/** `NAME="./cron/$1/"`: a variable holding a path. */
const PATH_VARIABLE = /^\s*(?:export\s+)?([A-Za-z_]\w*)=["']?(\.\/[^"'\s;]*)/;
/** `$1` or `${1}`. */
const POSITIONAL = /\$(?:\{([1-9])\}|([1-9]))/g;
/** Folders too broad to be a folder of one-off jobs: a package's sources or its output. */
const SOURCE_ROOTS = new Set(['src', 'lib', 'server', 'app', 'dist', 'build', 'out', 'node_modules']);

/**
 * The folders (absolute) a script line's shell scripts run code from, relative to `dir` (the
 * package's folder, where npm runs the line). A folder that does not exist holds no file to name.
 */
export function shellScriptFolders(command: string, dir: string, readFile: (p: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const { cwd, words } of commandSteps(command)) {
    const at = words.findIndex((w, i) => w.endsWith('.sh') && (i === 0 || words[0] === 'bash' || words[0] === 'sh'));
    if (at < 0) continue;
    const text = readFile(path.resolve(dir, cwd, words[at]));
    if (!text || text.length > MAX_SHELL_SCRIPT) continue;
    const args = words.slice(at + 1);
    const lines = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .map((line) => line.replace(POSITIONAL, (whole, braced: string | undefined, bare: string | undefined) => args[Number(braced ?? bare) - 1] ?? whole));
    if (!lines.some((line) => RUNS_JAVASCRIPT.test(line))) continue;
    const variables = new Map<string, string>();
    for (const line of lines) {
      const m = PATH_VARIABLE.exec(line);
      if (m) variables.set(m[1], m[2]);
    }
    for (const line of lines) {
      if (!LISTS_FILES.test(line)) continue;
      const written = [...line.matchAll(RELATIVE_FOLDER)].map((m) => m[1]);
      for (const [name, value] of variables) if (usesVariable(line, name)) written.push(value.replace(/^\.\//, '').replace(/\/+$/, ''));
      for (const folder of written) {
        const segments = folder.split('/');
        if (folder.includes('$') || segments.includes('..') || (SOURCE_ROOTS.has(segments[0]) && segments.length <= 2)) continue;
        const abs = path.resolve(dir, cwd, folder);
        if (!out.includes(abs)) out.push(abs);
      }
    }
  }
  return out;
}

/** Whether a line reads the variable: `$NAME` or `${NAME}`, not `$NAMES`. */
function usesVariable(line: string, name: string): boolean {
  for (const written of [`$${name}`, `\${${name}}`]) {
    for (let at = line.indexOf(written); at >= 0; at = line.indexOf(written, at + 1)) {
      const next = line.charCodeAt(at + written.length);
      if (written.endsWith('}') || !(next === 95 || (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122))) return true;
    }
  }
  return false;
}
