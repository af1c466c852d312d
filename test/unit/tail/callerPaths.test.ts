import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { callerCandidates, lookupFields, workspaceFile } from '../../../client/src/tail/callerPaths';

describe('go to code: caller paths and lookup fields', () => {
  const root = path.resolve('/work/ws/api');

  it('resolves relative callers against each folder and keeps absolute ones inside the workspace', () => {
    assert.deepEqual(callerCandidates('src/routes/users.ts', [root]), [path.join(root, 'src/routes/users.ts')]);
    assert.deepEqual(callerCandidates(path.join(root, 'src/a.ts'), [root]), [path.join(root, 'src/a.ts')]);
    assert.deepEqual(callerCandidates(`file://${path.join(root, 'src/a.ts')}`, [root]), [path.join(root, 'src/a.ts')]);
  });

  it('never offers a file outside the workspace folders', () => {
    assert.deepEqual(callerCandidates('/etc/passwd', [root]), []);
    assert.deepEqual(callerCandidates('../../../etc/passwd', [root]), []);
    assert.deepEqual(callerCandidates('', [root]), []);
    assert.deepEqual(callerCandidates('src/a.ts\0', [root]), []);
  });

  describe('on disk: a candidate is opened only when its real path is in the workspace', () => {
    let tmp: string;
    let ws: string;
    let outside: string;
    beforeEach(() => {
      tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-goto-')));
      ws = path.join(tmp, 'ws');
      outside = path.join(tmp, 'outside');
      fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'app');
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('refuses a link inside the workspace to a file outside it, and a file inside a linked folder outside', () => {
      fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'src', 'routes.ts'));
      fs.symlinkSync(outside, path.join(ws, 'src', 'vendor'), 'dir');
      for (const logged of ['src/routes.ts', 'src/vendor/secret.txt', path.join(ws, 'src', 'routes.ts')]) {
        const candidates = callerCandidates(logged, [ws]);
        assert.equal(candidates.length, 1, 'the lexical check lets it through');
        assert.equal(workspaceFile(candidates[0], [ws]), undefined, logged);
      }
    });

    it('opens workspace files, also through links that stay inside and from a folder opened through a link', () => {
      fs.symlinkSync(path.join(ws, 'src', 'app.ts'), path.join(ws, 'src', 'alias.ts'));
      const linkedFolder = path.join(tmp, 'ws-link');
      fs.symlinkSync(ws, linkedFolder, 'dir');
      const real = path.join(ws, 'src', 'app.ts');
      assert.equal(workspaceFile(path.join(ws, 'src', 'app.ts'), [ws]), real);
      assert.equal(workspaceFile(path.join(ws, 'src', 'alias.ts'), [ws]), real);
      assert.equal(workspaceFile(path.join(linkedFolder, 'src', 'app.ts'), [linkedFolder]), real);
      assert.equal(workspaceFile(path.join(ws, 'src'), [ws]), undefined, 'a folder is no file to open');
      assert.equal(workspaceFile(path.join(ws, 'src', 'missing.ts'), [ws]), undefined);
    });
  });

  it('sends scalar top-level fields, bounded, and only key presence for objects', () => {
    const f = lookupFields({ msg: 'hi', n: 1, ok: true, req: { id: 'x' }, big: 'y'.repeat(1000) })!;
    assert.deepEqual(Object.keys(f), ['msg', 'n', 'ok', 'req', 'big']);
    assert.deepEqual(f.req, {});
    assert.equal((f.big as string).length, 200);
    assert.equal(lookupFields('plain text'), undefined);
  });
});
