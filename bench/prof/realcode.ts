// Whole-workspace analysis of real repositories (bench/realcode's checkouts, or any folders) against
// TypeScript's parse of the same analysed files, side by side in one process, best of ROUNDS after
// the first: what a user's own service costs, where the generated workspace of the analysis bench
// has no barrels, no files without log calls and no second package.
//
//   node -r ./test/support/register.js bench/prof/realcode.ts /work/realcode/outline ...   (ROUNDS=4)
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { discoverFiles } from '../../server/src/analysis/workspace/discover';
import { isAnalyzedPath } from '../../server/src/analysis/parse';
import { loadBundled } from '../bundle';

const { analyzeWorkspace } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

(async () => {
  for (const root of process.argv.slice(2)) {
    const files = (await discoverFiles(root, { ignore: [] })).filter(isAnalyzedPath);
    const parse: number[] = [];
    const analysis: number[] = [];
    for (let i = 0; i < Number(process.env.ROUNDS ?? 4); i++) {
      let start = performance.now();
      for (const f of files) {
        try {
          ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
        } catch {
          // a file nested too deeply for the parser: the engine skips it too
        }
      }
      parse.push(performance.now() - start);
      start = performance.now();
      await analyzeWorkspace(root, { settings: DEFAULT_SETTINGS, concurrency: 'off' });
      analysis.push(performance.now() - start);
    }
    const p = Math.min(...parse.slice(1));
    const a = Math.min(...analysis.slice(1));
    console.log(`${path.basename(root)}: ${files.length} files, parse ${p.toFixed(0)} ms, analysis ${a.toFixed(0)} ms, ratio ${(a / p).toFixed(2)}`);
  }
})();
