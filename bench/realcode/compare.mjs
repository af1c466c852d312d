// Two snapshots (snapshot.mjs) side by side, per repository: the findings only one of them has,
// and the findings whose `fixable` flag differs, so a change is seen to touch only what it meant to.
// A finding is the same in both when its file, position, rule and message are.
//
//   node bench/realcode/compare.mjs <before-dir> <after-dir> [--show N]    (N lines listed per repository; default 5)
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const show = args.includes('--show') ? Number(args.splice(args.indexOf('--show'), 2)[1]) : 5;
const [before, after] = args;
if (!before || !after || !Number.isFinite(show)) {
  console.error('usage: node bench/realcode/compare.mjs <before-dir> <after-dir> [--show N]');
  process.exit(2);
}

function read(dir, name) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return null;
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const d = JSON.parse(line);
    const key = d.error ?? `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`;
    out.set(key, d);
  }
  return out;
}

const names = [...new Set([...fs.readdirSync(before), ...fs.readdirSync(after)].filter((n) => n.endsWith('.jsonl')))].sort();
let changed = 0;
for (const name of names) {
  const [a, b] = [read(before, name), read(after, name)];
  if (!a || !b) {
    console.log(`${name}: only in ${a ? before : after}`);
    continue;
  }
  const gone = [...a.keys()].filter((k) => !b.has(k));
  const added = [...b.keys()].filter((k) => !a.has(k));
  const flipped = [...a.keys()].filter((k) => b.has(k) && !!a.get(k).fixable !== !!b.get(k).fixable);
  if (!gone.length && !added.length && !flipped.length) continue;
  changed++;
  console.log(`${name}: -${gone.length} +${added.length} fixable changed ${flipped.length}`);
  for (const k of gone.slice(0, show)) console.log(`  - ${k}`);
  for (const k of added.slice(0, show)) console.log(`  + ${k}`);
  for (const k of flipped.slice(0, show)) console.log(`  ~ ${k} (fixable ${!!a.get(k).fixable} -> ${!!b.get(k).fixable})`);
}
console.log(changed ? `${changed} of ${names.length} repositories changed` : `no change in ${names.length} repositories`);
