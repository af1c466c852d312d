// `npm run bench`: runs every benchmark suite (each measures against its baseline side by side),
// prints one table and writes it to bench/results.md for the README. Exit 1 when a target is missed.
// BENCH_ONLY=analysis,tail,panel,ship picks suites.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
require('../test/support/register.js');

const suites = [
  ['analysis', './analysis/analysis.bench.ts', 'runAnalysisBench'],
  ['tail', './tail/tail.bench.ts', 'runTailBench'],
  ['panel', './panel/render.bench.ts', 'runPanelBench'],
  ['ship', './ship/ship.bench.ts', 'runShipBench'],
];
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const { formatTable } = require('./types.ts');

const rows = [];
for (const [name, file, fn] of suites) {
  if (only && !only.has(name)) continue;
  const full = path.join(here, file);
  if (!fs.existsSync(full)) {
    console.error(`bench: ${name} suite missing (${file})`);
    continue;
  }
  console.error(`bench: running ${name}...`);
  const suite = require(full);
  rows.push(...(await suite[fn]()));
}

const table = formatTable(rows);
console.log(table);
const machine = `${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString().slice(0, 10)}`;
fs.writeFileSync(path.join(here, 'results.md'), `# Benchmark results\n\nMeasured by \`npm run bench\` (${machine}).\n\n${table}\n`);
process.exit(rows.every((r) => r.pass) ? 0 : 1);
