// Where one 20,000-term `+` concatenation in a log call spends its time against ordinary code of the
// same size (the analysis bench's row, target ratio <= 3), with a CPU profile of the concatenation's
// analyses written to OUT (default /tmp/concat.cpuprofile).
//
//   node -r ./test/support/register.js bench/prof/concatenation.ts     (ROUNDS=30)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundled } from '../bundle';
import { profileTo } from './profile';
import { longConcatenationFile, serviceFileOfSize } from '../analysis/generate';

const { analyzeFile, createProjectModel, noteFile, resolveSeverities } = loadBundled<typeof import('../analysis/engineEntry')>(path.join(__dirname, '..', 'analysis', 'engineEntry.ts'), 'engine-bundle', ['typescript']);

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-concat-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { pino: '^9' } }));
  const loggerText = `import pino from 'pino';\nexport const logger = pino();\n`;
  fs.writeFileSync(path.join(dir, 'src', 'logger.ts'), loggerText);
  const concat = longConcatenationFile(20_000);
  const plain = serviceFileOfSize(concat.length);
  const project = createProjectModel(dir, { loggerModule: null });
  noteFile(project, path.join(dir, 'src', 'logger.ts'), loggerText);
  const options = { severities: resolveSeverities({}) };
  const time = (file: string, text: string) => {
    const start = performance.now();
    analyzeFile(path.join(dir, 'src', file), text, project, options);
    return performance.now() - start;
  };
  const c: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < Number(process.env.ROUNDS ?? 30); i++) {
    c.push(time('concat.ts', concat));
    p.push(time('plain.ts', plain));
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [cs, ps] = [sorted(c), sorted(p)];
  console.log(`concatenation best ${cs[0].toFixed(1)} median ${cs[cs.length >> 1].toFixed(1)} ms | plain best ${ps[0].toFixed(1)} median ${ps[ps.length >> 1].toFixed(1)} ms | best ratio ${(cs[0] / ps[0]).toFixed(2)}`);
  await profileTo(process.env.OUT ?? '/tmp/concat.cpuprofile', 100, () => {
    for (let i = 0; i < 10; i++) time('concat.ts', concat);
  });
  fs.rmSync(dir, { recursive: true, force: true });
})();
