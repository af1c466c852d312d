// A label file (bench/realcode/repos/<name>.json) from a labeller's JSON array of
// { file, line, rule, verdict, reason }, sorted, one label per line as the other label files are.
//
//   node bench/realcode/labelling/mkLabels.mjs <labels.json> <name> <owner/repo> <commit> "<style>" "<notes>"
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLabelFile } from './format.mjs';

const [input, name, repo, commit, style, notes] = process.argv.slice(2);
if (!input || !name || !repo || !commit) {
  console.error('usage: node bench/realcode/labelling/mkLabels.mjs <labels.json> <name> <owner/repo> <commit> "<style>" "<notes>"');
  process.exit(2);
}
const labels = JSON.parse(fs.readFileSync(input, 'utf8'));
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'repos', `${name}.json`);
fs.writeFileSync(out, formatLabelFile({ name, repo, commit, style: style ?? '', service: '.', paths: ['.'], notes: notes ?? '', labels }));
console.log(`${labels.length} labels in ${out}`);
