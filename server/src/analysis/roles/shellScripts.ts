// The folders of code a package script's shell script runs (Open Collective's `"cron:daily":
// "./scripts/cron.sh daily"`, whose loop runs every file of `./cron/$1/` with babel-node): the files
// there are scripts as a package script's own file is. Read as text, its positional parameters replaced
// by the script line's arguments; only a shell script that runs JavaScript (node, babel-node, ts-node,
// tsx) names folders of code.
import * as path from 'node:path';
import { commandSteps } from './manifest';

/** The longest shell script read: a wrapper is a few lines, not a program. */
const MAX_SHELL_SCRIPT = 16 * 1024;
/** A JavaScript runner the shell script names. */
const RUNS_JAVASCRIPT = /\b(?:node|babel-node|ts-node|tsx|bun)\b/;
/** A relative folder it names with its closing slash, as a folder to list: `"./cron/$1/"`. */
const RELATIVE_FOLDER = /(?:^|[\s"'=(])\.\/((?:[\w.$\{\}-]+\/)+)(?=["'\s;)]|$)/gm;
/** Whether it goes through a folder's files: `ls`, `find`, or a `for` over a glob. */
const LISTS_FILES = /\b(?:ls|find)\s|\bfor\s+\w+\s+in\s/;
/** Folders too broad to be a folder of one-off jobs: a package's sources or its output. */
const SOURCE_ROOTS = new Set(['src', 'lib', 'server', 'app', 'dist', 'build', 'out', 'node_modules']);
/** `$1` or `${1}`. */
const POSITIONAL = /\$(?:\{([1-9])\}|([1-9]))/g;

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
    if (!text || text.length > MAX_SHELL_SCRIPT || !RUNS_JAVASCRIPT.test(text) || !LISTS_FILES.test(text)) continue;
    const args = words.slice(at + 1);
    const expanded = text.replace(POSITIONAL, (whole, braced: string | undefined, bare: string | undefined) => args[Number(braced ?? bare) - 1] ?? whole);
    for (const m of expanded.matchAll(RELATIVE_FOLDER)) {
      if (m[1].includes('$') || (SOURCE_ROOTS.has(m[1].split('/')[0]) && m[1].split('/').length <= 2)) continue;
      const folder = path.resolve(dir, cwd, m[1]);
      if (!out.includes(folder)) out.push(folder);
    }
  }
  return out;
}
