// The workspace pass the CLI and the language server share: which files it covers, what it says
// about the ones it cannot analyse, its progress reports and its use of the cache.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { ResultCache } from '../../../server/src/analysis/workspace/cache';
import { mergeSettings } from '../../../server/src/analysis/workspace/config';

const SERVICE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'svc', dependencies: { pino: '^9.0.0' } }),
  'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
  'src/a.ts': "import { logger } from './logger';\nexport function a(id: string) {\n  console.log('a', id);\n  logger.info({ id }, 'a');\n}\n",
  'src/b.ts': "import { logger } from './logger';\nexport function b(id: string) {\n  logger.info(`b ${id}`);\n}\n",
  'README.md': '# svc\n',
  '.gitignore': 'gen/\n',
  'gen/c.ts': "console.log('generated');\n",
};

describe('analyzeWorkspace', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-ws-'));
    for (const [rel, text] of Object.entries(SERVICE)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('analyses every discovered file, sorted, with findings, and reports progress up to the total', async () => {
    const progress: Array<[number, number]> = [];
    const result = await analyzeWorkspace(root, { settings: mergeSettings(), onProgress: (d, t) => progress.push([d, t]) });
    assert.deepEqual(result.files.map((f) => path.relative(root, f.path)), ['src/a.ts', 'src/b.ts', 'src/logger.ts'].map((p) => p.split('/').join(path.sep)));
    assert.ok(result.files[0].findings.some((f) => f.rule === 'console-logging'));
    assert.ok(result.files[1].findings.some((f) => f.rule === 'unstructured-log-message'));
    assert.deepEqual(progress[0], [0, 3]);
    assert.deepEqual(progress[progress.length - 1], [3, 3]);
    assert.deepEqual(result.unreadable, []);
  });

  it('explains explicitly named files it will not analyse, and missing paths', async () => {
    const result = await analyzeWorkspace(root, {
      settings: mergeSettings(),
      paths: ['README.md', 'gen/c.ts', 'src/a.ts', 'missing.ts'],
    });
    const byName = new Map(result.files.map((f) => [path.relative(root, f.path).split(path.sep).join('/'), f]));
    assert.match(byName.get('README.md')?.skipped ?? '', /not a JavaScript or TypeScript source file/);
    assert.match(byName.get('gen/c.ts')?.skipped ?? '', /ignored/);
    assert.equal(byName.get('src/a.ts')?.skipped, undefined);
    assert.ok(byName.get('src/a.ts')!.findings.length > 0);
    assert.deepEqual(result.unreadable.map((u) => [path.basename(u.path), u.message]), [['missing.ts', 'no such file or folder']]);
  });

  it('takes unchanged files from the cache and follows severity settings', async () => {
    const cache = new ResultCache({});
    const settings = mergeSettings();
    await analyzeWorkspace(root, { settings, cache });
    assert.deepEqual(cache.stats, { hits: 0, misses: 3 });
    const again = await analyzeWorkspace(root, { settings, cache });
    assert.equal(again.cached, 3);
    const quiet = await analyzeWorkspace(root, { settings: mergeSettings({ rules: { 'console-logging': 'off' } }), cache });
    assert.equal(quiet.cached, 0, 'a settings change invalidates the cached results');
    assert.ok(!quiet.files.some((f) => f.findings.some((x) => x.rule === 'console-logging')));
  });

  it('skips files over the size limit without reading them into the analysis', async () => {
    const result = await analyzeWorkspace(root, { settings: mergeSettings(), maxFileBytes: 60 });
    const a = result.files.find((f) => f.path.endsWith('a.ts'))!;
    assert.equal(a.skipped, `file is ${fs.statSync(a.path).size} bytes, over the 60-byte limit (generated or bundled code is not analysed)`);
    assert.deepEqual(a.findings, []);
  });
});
