// A CPU profile of one warm workspace pass (after ROUNDS warm-up passes), written to OUT
// (default /tmp/pass.cpuprofile), with the functions that took the most self time printed.
//
//   node -r ./test/support/register.js bench/prof/cpuprofile.ts      (CONCURRENCY=off ROUNDS=3 RULES=all|none)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, type LensSettings } from '../../shared/src/settings';
import { RULE_IDS } from '../../shared/src/rules';
import { loadBundled } from '../bundle';
import { profileTo } from './profile';
import { generateWorkspace } from '../analysis/generate';
import { parseConcurrency, type Concurrency } from '../../server/src/analysis/parallel/concurrency';

const { analyzeWorkspace } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const concurrency = parseConcurrency(process.env.CONCURRENCY ?? 'off') as Concurrency;
  // RULES=none profiles the infrastructure alone: every rule switched off by settings, as families.ts does.
  const settings: LensSettings = process.env.RULES === 'none' ? { ...DEFAULT_SETTINGS, rules: Object.fromEntries(RULE_IDS.map((r) => [r, 'off'])) } : DEFAULT_SETTINGS;
  for (let i = 0; i < Number(process.env.ROUNDS ?? 3); i++) await analyzeWorkspace(root, { settings, concurrency });
  let wall = 0;
  const profile = await profileTo(process.env.OUT ?? '/tmp/pass.cpuprofile', 200, async () => {
    const start = performance.now();
    await analyzeWorkspace(root, { settings, concurrency });
    wall = performance.now() - start;
  });
  const nodes = profile.nodes;
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
