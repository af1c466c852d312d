// Labels every finding of one rule that no label judges yet, from a snapshot (bench/realcode/snapshot.mjs),
// with one verdict and reason ($ROUTE in the reason becomes the finding's route, the message's first
// `quoted` part): for findings judged by hand as a group (every handler of a service without metrics).
//
//   node bench/realcode/labelling/addJudged.mjs <name> <snapshot-dir> <rule> <TP|FP|QUIET> "<reason>" [file-regex]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLabelFile } from './format.mjs';

const [name, snapshot, rule, verdict, reason, fileRe] = process.argv.slice(2);
if (!name || !snapshot || !rule || !['TP', 'FP', 'QUIET'].includes(verdict) || !reason) {
  console.error('usage: node bench/realcode/labelling/addJudged.mjs <name> <snapshot-dir> <rule> <TP|FP|QUIET> "<reason>" [file-regex]');
  process.exit(2);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'repos', `${name}.json`);
const repo = JSON.parse(fs.readFileSync(file, 'utf8'));
const have = new Set(repo.labels.map((l) => `${l.file}:${l.line}:${l.rule}`));
const only = fileRe ? new RegExp(fileRe) : null;
let added = 0;
for (const line of fs.readFileSync(path.join(snapshot, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
  const f = JSON.parse(line);
  const key = `${f.file}:${f.line}:${f.rule}`;
  if (f.rule !== rule || (only && !only.test(f.file)) || have.has(key)) continue;
  const route = /^`([^`]+)`/.exec(f.message)?.[1] ?? '';
  repo.labels.push({ file: f.file, line: f.line, rule, verdict, reason: reason.replace('$ROUTE', route) });
  have.add(key);
  added++;
}
fs.writeFileSync(file, formatLabelFile(repo));
console.log(`${added} labels added to ${file}`);
