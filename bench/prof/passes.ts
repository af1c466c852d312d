// Where a workspace pass's time goes, side by side in one process (no targets: analysis.bench.ts has
// those). Each round times TypeScript's parse of the files, then analyzeWorkspace at each concurrency
// asked for, with wall time, the process's CPU time (workers included), the collector's pauses on the
// main thread (PerformanceObserver 'gc') and the page faults (memory touched for the first time costs
// about 3 ms per MB on the development machine: a pass that grows its heap pays for it).
//
//   node -r ./test/support/register.js bench/prof/passes.ts        (MODES=off,2 ROUNDS=6 FILES=2000)
//
// The engine is the bench's bundle (TypeScript external), as analysis.bench.ts times it. This
// machine's speed swings within minutes: compare modes within a run, not runs with each other.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import * as ts from 'typescript';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { discoverFiles } from '../../server/src/analysis/workspace/discover';
import { type Concurrency, parseConcurrency } from '../../server/src/analysis/parallel/concurrency';
import { loadBundled } from '../bundle';
import { generateWorkspace } from '../analysis/generate';

const { analyzeWorkspace } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

let gcMs = 0;
let gcKinds: Record<string, number> = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    const kind = String((e as { detail?: { kind?: number } }).detail?.kind);
    gcKinds[kind] = (gcKinds[kind] ?? 0) + e.duration;
  }
}).observe({ entryTypes: ['gc'] });

/** Minor page faults of this process so far (field 10 of /proc/self/stat). */
function minorFaults(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

async function measure(label: string, work: () => Promise<unknown> | unknown): Promise<string> {
  await new Promise((r) => setTimeout(r, 20)); // the last round's gc entries are delivered first
  gcMs = 0;
  gcKinds = {};
  const faults = minorFaults();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await new Promise((r) => setTimeout(r, 20));
  const mb = ((minorFaults() - faults) * 4096) / 1048576;
  return `${label} ${wall.toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)}, gc ${gcMs.toFixed(0)} ${Object.entries(gcKinds).map(([k, v]) => `k${k}:${v.toFixed(0)}`).join('/')}, faulted ${mb.toFixed(0)} MB)`;
}

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const files = await discoverFiles(root, { ignore: [] });
  const modes = (process.env.MODES ?? 'off,2').split(',').map((m): Concurrency => {
    const c = parseConcurrency(m);
    if (typeof c === 'object') throw new Error(c.error);
    return c;
  });
  for (let round = 0; round < Number(process.env.ROUNDS ?? 6); round++) {
    const line = [
      await measure('parse', () => {
        for (const f of files) ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
      }),
    ];
    for (const concurrency of modes) line.push(await measure(String(concurrency), () => analyzeWorkspace(root, { settings: DEFAULT_SETTINGS, concurrency })));
    console.log(line.join(' | '));
  }
})();
