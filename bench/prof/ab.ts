// A/B of the workspace pass between this tree and another checkout (BASE=/path/to/checkout), both
// bundles loaded in this one process and run alternately, so the machine's drift hits both alike.
//
//   BASE=/work/wt/base node -r ./test/support/register.js bench/prof/ab.ts     (ROUNDS=8 CONCURRENCY=off)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { loadBundled } from '../bundle';
import { type Concurrency, parseConcurrency } from '../../server/src/analysis/parallel/concurrency';
import { generateWorkspace } from '../analysis/generate';

type Engine = typeof import('../analysis/engineEntry');
const here = loadBundled<Engine>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'ab-head', ['typescript']);
const base = loadBundled<Engine>(path.join(process.env.BASE ?? '', 'bench', 'analysis', 'engineEntry.ts'), 'ab-base', ['typescript']);

const concurrency = parseConcurrency(process.env.CONCURRENCY ?? 'off') as Concurrency;

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const times: Record<'head' | 'base', number[]> = { head: [], base: [] };
  const run = async (which: 'head' | 'base') => {
    const engine = which === 'head' ? here : base;
    const start = performance.now();
    await engine.analyzeWorkspace(root, { settings: DEFAULT_SETTINGS, concurrency });
    times[which].push(performance.now() - start);
  };
  for (let i = 0; i < Number(process.env.ROUNDS ?? 8); i++) {
    for (const which of i % 2 ? (['head', 'base'] as const) : (['base', 'head'] as const)) await run(which);
  }
  const stat = (xs: number[]) => {
    const s = xs.slice(2).sort((a, b) => a - b); // the first rounds warm the JIT
    return `best ${s[0].toFixed(0)} median ${s[s.length >> 1].toFixed(0)}`;
  };
  console.log(`head ${stat(times.head)} | base ${stat(times.base)} | best ratio ${(Math.min(...times.head.slice(2)) / Math.min(...times.base.slice(2))).toFixed(3)}`);
})();
