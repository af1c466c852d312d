// Fixed files are written back in the file's own style: BOM and line endings as they were.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { preserveFileStyle, writeFileAtomic } from '../../server/src/cli/writeFixed';

describe('writing fixed files', () => {
  it('turns the newlines a fix wrote into CRLF in a CRLF file', () => {
    assert.equal(preserveFileStyle('a\r\nb\r\n', 'a\r\nx\ny\r\nb\r\n'), 'a\r\nx\r\ny\r\nb\r\n');
  });

  it('leaves LF and mixed files as the fix wrote them', () => {
    assert.equal(preserveFileStyle('a\nb\n', 'a\nx\nb\n'), 'a\nx\nb\n');
    assert.equal(preserveFileStyle('a\r\nb\n', 'a\r\nx\nb\n'), 'a\r\nx\nb\n');
  });

  it('keeps a byte order mark, and adds none', () => {
    assert.equal(preserveFileStyle('\ufeffa\n', 'b\n'), '\ufeffb\n');
    assert.equal(preserveFileStyle('a\n', '\ufeffb\n'), 'b\n');
  });

  it('writes through a symbolic link to its target, keeping the mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-write-'));
    try {
      const target = path.join(dir, 'real.ts');
      fs.writeFileSync(target, 'old', { mode: 0o640 });
      fs.chmodSync(target, 0o640);
      const link = path.join(dir, 'link.ts');
      fs.symlinkSync(target, link);
      writeFileAtomic(link, 'new');
      assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
      assert.equal(fs.readFileSync(target, 'utf8'), 'new');
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['link.ts', 'real.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
