// Judges labels again: each `file:line|rule|verdict|reason` names a label of bench/realcode/repos/<name>.json
// and gives it a new verdict and reason (a finding judged against its labeller by the rule docs says so).
//
//   node bench/realcode/labelling/relabel.mjs <name> "<file>:<line>|<rule>|<TP|FP|QUIET>|<reason>" ...
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLabelFile } from './format.mjs';

const [name, ...specs] = process.argv.slice(2);
if (!name || specs.length === 0) {
  console.error('usage: node bench/realcode/labelling/relabel.mjs <name> "<file>:<line>|<rule>|<TP|FP|QUIET>|<reason>" ...');
  process.exit(2);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'repos', `${name}.json`);
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const spec of specs) {
  const [where, rule, verdict, reason] = spec.split('|');
  const at = where.lastIndexOf(':');
  const [f, line] = [where.slice(0, at), Number(where.slice(at + 1))];
  if (!['TP', 'FP', 'QUIET'].includes(verdict) || !reason) throw new Error(`bad spec: ${spec}`);
  const label = data.labels.find((l) => l.file === f && l.line === line && l.rule === rule);
  if (!label) throw new Error(`no label ${where} ${rule} in ${name}`);
  label.verdict = verdict;
  label.reason = reason;
}
fs.writeFileSync(file, formatLabelFile(data));
console.log(`${specs.length} label(s) judged again in ${file}`);
