// Every finding the built CLI reports on each real repository, one JSON line per finding, sorted,
// one file per repository: take one before a change and one after, and compare them (`cmp`, `comm`)
// to see exactly which findings a change adds or removes, judged or not. Trees as score.mjs finds
// them (run score.mjs once first: it extracts missing trees from the mirrors).
//
//   node bench/realcode/snapshot.mjs <out-dir> [path/to/cli.js]     (REALCODE_DIR, REALCODE_LABELS as score.mjs)
//   for f in before/*.jsonl; do cmp -s $f after/$(basename $f) || echo "$(basename $f) changed"; done
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, cliArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/realcode/snapshot.mjs <out-dir> [path/to/cli.js]');
  process.exit(2);
}
const cli = path.resolve(cliArg ?? path.join(here, '..', '..', 'dist', 'cli.js'));
const labels = path.resolve(process.env.REALCODE_LABELS || path.join(here, 'repos'));
const trees = path.resolve(process.env.REALCODE_DIR || '/work/realcode');
fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(labels).filter((n) => n.endsWith('.json')).sort()) {
  const repo = JSON.parse(fs.readFileSync(path.join(labels, f), 'utf8'));
  const name = f.replace(/\.json$/, '');
  const cwd = path.join(trees, name, repo.service ?? '.');
  if (!fs.existsSync(cwd)) {
    console.log(`${name}: skipped (no tree at ${cwd})`);
    continue;
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...repo.paths], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  let lines;
  try {
    lines = JSON.parse(r.stdout).diagnostics.map((d) => JSON.stringify(d)).sort();
  } catch {
    lines = [JSON.stringify({ error: `the CLI exited ${r.status}: ${(r.stderr ?? '').slice(0, 500)}` })];
  }
  fs.writeFileSync(path.join(out, `${name}.jsonl`), lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length} findings, ${Date.now() - started} ms`);
}
