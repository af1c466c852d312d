// A generated Express + pino service of many files (the benchmark's generator) with an app that
// mounts some of its routers under prefixes, so handler paths, coverage and service findings cross
// files: for the tests that need a workspace large enough to be analysed by several threads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateWorkspace } from '../../bench/analysis/generate';

export function makeGeneratedService(root: string, files: number): void {
  generateWorkspace(root, files);
  const mounted = [0, 4, 8];
  fs.writeFileSync(
    path.join(root, 'src', 'app.ts'),
    [
      "import express from 'express';",
      ...mounted.map((i) => `import { router${i} } from './routes/route${i}';`),
      'export const app = express();',
      ...mounted.map((i) => `app.use('/v${i}', router${i});`),
      'app.listen(3000);',
      '',
    ].join('\n'),
  );
}
