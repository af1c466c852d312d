import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isGlob, listGlob, planGlob } from '../../../../server/src/logs/sources/glob';
import { tempDir } from './helpers';

describe('log file globs', () => {
  let dir: string;
  before(() => {
    dir = tempDir('glob');
    for (const f of ['app.log', 'app-1.log', 'app-2.log', 'app.log.1', 'api/web.log', 'api/deep/worker.log', 'api/notes.txt', 'node_modules/x/y.log', '.cache/z.log']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rel = async (pattern: string) => (await listGlob(planGlob(pattern, dir))).map((f) => path.relative(dir, f).split(path.sep).join('/'));

  it('* stays within a directory; ? and [] match one character', async () => {
    assert.deepEqual(await rel('*.log'), ['app-1.log', 'app-2.log', 'app.log']);
    assert.deepEqual(await rel('app-?.log'), ['app-1.log', 'app-2.log']);
    assert.deepEqual(await rel('app.log.[0-9]'), ['app.log.1']);
  });

  it('** spans directories (skipping node_modules); {a,b} picks alternatives', async () => {
    assert.deepEqual(await rel('api/**/*.log'), ['api/deep/worker.log', 'api/web.log']);
    assert.deepEqual(await rel('**/*.log'), ['api/deep/worker.log', 'api/web.log', 'app-1.log', 'app-2.log', 'app.log']);
    assert.deepEqual(await rel('api/*.{log,txt}'), ['api/notes.txt', 'api/web.log']);
  });

  it('reads globs the way picomatch does: bash negation, POSIX classes, brace ranges, extglobs', async () => {
    assert.deepEqual(await rel('app-[!1].log'), ['app-2.log']);
    assert.deepEqual(await rel('app-[[:digit:]].log'), ['app-1.log', 'app-2.log']);
    assert.deepEqual(await rel('app-{2..3}.log'), ['app-2.log']);
    assert.deepEqual(await rel('@(api|web)/*.@(log|txt)'), ['api/notes.txt', 'api/web.log']);
    // An escaped star is a literal one: not a glob at all.
    assert.equal(isGlob('logs/\\*.log'), false);
    // Hidden folders are not searched; a folder named literally is.
    assert.deepEqual(await rel('.cache/*.log'), ['.cache/z.log']);
  });

  it('matches in linear time: *a*a…*b against a long name finishes and is told apart', async () => {
    fs.writeFileSync(path.join(dir, `${'a'.repeat(200)}.log`), 'x\n');
    try {
      assert.deepEqual(await rel(`${'*a'.repeat(14)}*b.log`), []);
      assert.deepEqual(await rel(`${'*a'.repeat(14)}.log`), [`${'a'.repeat(200)}.log`]);
    } finally {
      fs.rmSync(path.join(dir, `${'a'.repeat(200)}.log`));
    }
  });

  it('refuses a negated extglob with a message naming the glob', () => {
    assert.throws(() => planGlob('!(app).log', dir), /the glob "!\(app\)\.log" cannot be matched: negated patterns/);
  });

  it('a directory that does not exist matches nothing, without throwing', async () => {
    assert.deepEqual(await rel('missing/*.log'), []);
  });
});
