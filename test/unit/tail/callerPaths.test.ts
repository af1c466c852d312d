import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { callerCandidates, lookupFields } from '../../../client/src/tail/callerPaths';

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

  it('sends scalar top-level fields, bounded, and only key presence for objects', () => {
    const f = lookupFields({ msg: 'hi', n: 1, ok: true, req: { id: 'x' }, big: 'y'.repeat(1000) })!;
    assert.deepEqual(Object.keys(f), ['msg', 'n', 'ok', 'req', 'big']);
    assert.deepEqual(f.req, {});
    assert.equal((f.big as string).length, 200);
    assert.equal(lookupFields('plain text'), undefined);
  });
});
