import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listGlob, planGlob } from '../../../../server/src/logs/sources/glob';
import { tempDir } from './helpers';

describe('log file globs', () => {
  let dir: string;
  before(() => {
    dir = tempDir('glob');
    for (const f of ['app.log', 'app-1.log', 'app.log.1', 'api/web.log', 'api/deep/worker.log', 'api/notes.txt', 'node_modules/x/y.log']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rel = async (pattern: string) => (await listGlob(planGlob(pattern, dir))).map((f) => path.relative(dir, f).split(path.sep).join('/'));

  it('* stays within a directory; ? and [] match one character', async () => {
    assert.deepEqual(await rel('*.log'), ['app-1.log', 'app.log']);
    assert.deepEqual(await rel('app-?.log'), ['app-1.log']);
    assert.deepEqual(await rel('app.log.[0-9]'), ['app.log.1']);
  });

  it('** spans directories (skipping node_modules); {a,b} picks alternatives', async () => {
    assert.deepEqual(await rel('api/**/*.log'), ['api/deep/worker.log', 'api/web.log']);
    assert.deepEqual(await rel('**/*.log'), ['api/deep/worker.log', 'api/web.log', 'app-1.log', 'app.log']);
    assert.deepEqual(await rel('api/*.{log,txt}'), ['api/notes.txt', 'api/web.log']);
  });

  it('a directory that does not exist matches nothing, without throwing', async () => {
    assert.deepEqual(await rel('missing/*.log'), []);
  });
});
