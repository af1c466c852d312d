// A CPU profile of one warm workspace pass (after ROUNDS warm-up passes), written to OUT
// (default /tmp/pass.cpuprofile), with the functions that took the most self time printed.
//
//   node -r ./test/support/register.js bench/prof/cpuprofile.ts      (CONCURRENCY=off ROUNDS=3)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from 'node:inspector';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { loadBundled } from '../bundle';
import { generateWorkspace } from '../analysis/generate';
import { parseConcurrency, type Concurrency } from '../../server/src/analysis/parallel/concurrency';

const { analyzeWorkspace } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const concurrency = parseConcurrency(process.env.CONCURRENCY ?? 'off') as Concurrency;
  for (let i = 0; i < Number(process.env.ROUNDS ?? 3); i++) await analyzeWorkspace(root, { settings: DEFAULT_SETTINGS, concurrency });
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const start = performance.now();
  await analyzeWorkspace(root, { settings: DEFAULT_SETTINGS, concurrency });
  const wall = performance.now() - start;
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync(process.env.OUT ?? '/tmp/pass.cpuprofile', JSON.stringify(profile));
  const nodes: ProfileNode[] = profile.nodes;
  const total = nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of nodes) {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\//, '');
    const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
    byFile.set(file, (byFile.get(file) ?? 0) + (n.hitCount ?? 0));
  }
  const ms = (hits: number) => ((hits / total) * wall).toFixed(0);
  console.log(`pass ${wall.toFixed(0)} ms`);
  console.log('by file:', [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k || '(vm)'} ${ms(v)}`).join(', '));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(ms(v).padStart(5), k);
})();
