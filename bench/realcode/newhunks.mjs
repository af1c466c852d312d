// The hunks a fixes run writes that no label judges yet and an earlier run did not write: what a
// change to the engine's fixes made new, to be judged by hand and added to fixes/<name>.json.
// Prints each with its index; writes them as JSON (file, minus, plus) to <out>/new-<name>.json.
//
//   node bench/realcode/newhunks.mjs <earlier-run> <new-run> [name ...] [--out DIR]   (default: every name, /tmp)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hunksOf } from './fixscore.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : '/tmp';
const [before, after, ...names] = args;
if (!before || !after) {
  console.error('usage: node bench/realcode/newhunks.mjs <earlier-run> <new-run> [name ...] [--out DIR]');
  process.exit(2);
}
const labels = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixes');
const key = (h) => JSON.stringify([h.file, h.minus, h.plus]);
const diffOf = (run, name) => {
  const f = path.join(run, `${name}.diff`);
  return fs.existsSync(f) ? hunksOf(fs.readFileSync(f, 'utf8')) : [];
};
const all = names.length ? names : fs.readdirSync(after).filter((f) => f.endsWith('.diff')).map((f) => f.slice(0, -5));
let total = 0;
for (const name of all) {
  const labelFile = path.join(labels, `${name}.json`);
  const judged = new Set(fs.existsSync(labelFile) ? JSON.parse(fs.readFileSync(labelFile, 'utf8')).map(key) : []);
  const old = new Set(diffOf(before, name).map(key));
  const fresh = diffOf(after, name).filter((h) => !old.has(key(h)) && !judged.has(key(h)));
  if (!fresh.length) continue;
  total += fresh.length;
  fs.writeFileSync(path.join(out, `new-${name}.json`), JSON.stringify(fresh, null, 1));
  fresh.forEach((h, i) => console.log(`### ${name} ${i} ${h.file}\n${h.minus.map((l) => '-' + l).join('\n')}\n${h.plus.map((l) => '+' + l).join('\n')}`));
}
console.log(`${total} new unjudged hunks`);
