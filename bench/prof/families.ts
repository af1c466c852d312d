// Where a workspace pass's time goes by rule family: TypeScript's parse of the files, then
// analyzeWorkspace on one thread with every rule off, with the five logging rules only, and with
// every rule (rules switched off by settings, as a user would), best of ROUNDS each, in one process.
// The README's "Speed and memory" quotes it: with every rule off the pass is already past the
// one-thread target, so the infrastructure (reading, the notes, the parse's walk) must get cheaper too.
//
//   node -r ./test/support/register.js bench/prof/families.ts      (ROUNDS=6 WS=<folder>)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_SETTINGS, type LensSettings as Settings } from '../../shared/src/settings';
import { RULE_IDS, type RuleId } from '../../shared/src/rules';
import { loadBundled } from '../bundle';
import { discoverFiles } from '../../server/src/analysis/workspace/discover';
import { generateWorkspace } from '../analysis/generate';

const { analyzeWorkspace } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

const LOGGING: readonly RuleId[] = ['console-logging', 'unstructured-log-message', 'error-not-serialized', 'log-argument-order', 'sensitive-log-data'];
/** The default settings with only `on` enabled (at warning), every other rule off. */
const only = (on: readonly RuleId[]): Settings => ({ ...DEFAULT_SETTINGS, rules: Object.fromEntries(RULE_IDS.map((r) => [r, on.includes(r) ? 'warning' : 'off'])) });

(async () => {
  const root = process.env.WS ?? path.join(os.tmpdir(), 'obs-lens-bench-analysis', 'workspace');
  if (!fs.existsSync(root)) generateWorkspace(root, Number(process.env.FILES ?? 2000));
  const files = await discoverFiles(root, { ignore: [] });
  const modes: Array<[string, Settings]> = [['no rules', only([])], ['logging rules', only(LOGGING)], ['every rule', only(RULE_IDS)]];
  const times = new Map<string, number[]>([['parse', []]]);
  const time = async (name: string, work: () => unknown) => {
    const start = performance.now();
    await work();
    times.set(name, [...(times.get(name) ?? []), performance.now() - start]);
  };
  for (let round = 0; round < Number(process.env.ROUNDS ?? 6); round++) {
    await time('parse', () => {
      for (const f of files) ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
    });
    for (const [name, settings] of round % 2 ? [...modes].reverse() : modes) await time(name, () => analyzeWorkspace(root, { settings, concurrency: 'off' }));
  }
  const parse = Math.min(...times.get('parse')!);
  for (const [name, t] of times) console.log(`${name.padEnd(14)} best ${Math.min(...t).toFixed(0)} ms  ${(Math.min(...t) / parse).toFixed(2)}x the parse`);
})();
