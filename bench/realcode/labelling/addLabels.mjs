// Adds a labeller's JSON array of { file, line, rule, verdict, reason } to an existing label file
// (bench/realcode/repos/<name>.json): hand judgements of findings the first labeller had no rule for
// (metrics, request context), made one by one. A label for a (file, line, rule) already there is kept.
//
//   node bench/realcode/labelling/addLabels.mjs <name> <labels.json> ["<reason suffix>"]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLabelFile } from './format.mjs';

const [name, input, suffix] = process.argv.slice(2);
if (!name || !input) {
  console.error('usage: node bench/realcode/labelling/addLabels.mjs <name> <labels.json> ["<reason suffix>"]');
  process.exit(2);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'repos', `${name}.json`);
const repo = JSON.parse(fs.readFileSync(file, 'utf8'));
const have = new Set(repo.labels.map((l) => `${l.file}:${l.line}:${l.rule}`));
let added = 0;
for (const l of JSON.parse(fs.readFileSync(input, 'utf8'))) {
  if (!l.file || !Number.isInteger(l.line) || !l.rule || !['TP', 'FP', 'QUIET'].includes(l.verdict)) throw new Error(`not a label: ${JSON.stringify(l)}`);
  const key = `${l.file}:${l.line}:${l.rule}`;
  if (have.has(key)) continue;
  repo.labels.push({ file: l.file, line: l.line, rule: l.rule, verdict: l.verdict, reason: suffix ? `${l.reason} ${suffix}` : l.reason });
  have.add(key);
  added++;
}
fs.writeFileSync(file, formatLabelFile(repo));
console.log(`${added} labels added to ${file}`);
