// What `obs-lens check --fix` writes into each real repository: the safe fixes applied to a copy of
// the tree, the diff kept for review (out/<name>.diff), and each changed file parsed before and after
// (a fix must never leave code that parses worse). Judging whether a fix keeps behaviour and types is
// done by reading the diffs (bench/realcode/README.md, "Judge fixes"); this prints what to read.
//
//   node bench/realcode/fixes.mjs <out-dir> [--repo NAME] [path/to/cli.js]     (REALCODE_DIR, REALCODE_LABELS as score.mjs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ts = createRequire(import.meta.url)('typescript');
const args = process.argv.slice(2);
const only = args.includes('--repo') ? args.splice(args.indexOf('--repo'), 2)[1] : null;
const [out, cliArg] = args;
if (!out) {
  console.error('usage: node bench/realcode/fixes.mjs <out-dir> [--repo NAME] [path/to/cli.js]');
  process.exit(2);
}
const cli = path.resolve(cliArg ?? path.join(here, '..', '..', 'dist', 'cli.js'));
const labels = path.resolve(process.env.REALCODE_LABELS || path.join(here, 'repos'));
const trees = path.resolve(process.env.REALCODE_DIR || '/work/realcode');
fs.mkdirSync(out, { recursive: true });

/** Syntax errors TypeScript reports for a file's text (what a fix must not add to). */
function syntaxErrors(file, text) {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind).parseDiagnostics.length;
}

const totals = { repos: 0, files: 0, hunks: 0, worse: 0 };
for (const f of fs.readdirSync(labels).filter((n) => n.endsWith('.json')).sort()) {
  const name = f.replace(/\.json$/, '');
  if (only && name !== only) continue;
  const repo = JSON.parse(fs.readFileSync(path.join(labels, f), 'utf8'));
  const tree = path.join(trees, name);
  if (!fs.existsSync(path.join(tree, repo.service ?? '.'))) {
    console.log(`${name}: skipped (no tree at ${tree})`);
    continue;
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `obs-lens-fixes-${name}-`));
  try {
    // Symbolic links are copied as links (a fix follows none out of the tree: the CLI refuses such writes).
    fs.cpSync(tree, copy, { recursive: true, verbatimSymlinks: true });
    const run = spawnSync(process.execPath, [cli, 'check', '--fix', '--format', 'json', ...repo.paths], { cwd: path.join(copy, repo.service ?? '.'), encoding: 'utf8', maxBuffer: 1 << 30 });
    // Exit 0 or 1 is a check that ran (1: problems left); anything else is a failure to say, not a clean tree.
    if (run.status !== 0 && run.status !== 1) console.log(`${name}: THE CLI FAILED (exit ${run.status}): ${(run.stderr ?? '').slice(0, 300)}`);
    const diff = spawnSync('diff', ['-ruN', '--exclude=node_modules', '--exclude=.git', tree, copy], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout ?? '';
    const shown = diff.split(tree).join('a').split(copy).join('b');
    fs.writeFileSync(path.join(out, `${name}.diff`), shown);
    const changed = [...shown.matchAll(/^\+\+\+ b\/(\S+)/gm)].map((m) => m[1]);
    const worse = changed.filter((rel) => syntaxErrors(rel, fs.readFileSync(path.join(copy, rel), 'utf8')) > syntaxErrors(rel, fs.readFileSync(path.join(tree, rel), 'utf8')));
    const hunks = (shown.match(/^@@ /gm) ?? []).length;
    totals.repos++;
    totals.files += changed.length;
    totals.hunks += hunks;
    totals.worse += worse.length;
    const said = (run.stderr ?? '').trim().split('\n').filter((l) => /applied|fix/i.test(l)).join(' ');
    console.log(`${name}: ${changed.length} files changed, ${hunks} hunks${worse.length ? `, PARSES WORSE: ${worse.join(', ')}` : ''}${said ? ` (${said})` : ''}`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
console.log(`${totals.repos} repositories: ${totals.files} files changed, ${totals.hunks} hunks, ${totals.worse} files parse worse`);
process.exitCode = totals.worse > 0 ? 1 : 0;
