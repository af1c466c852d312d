// Fixed files are written back in the file's own style: BOM, line endings and every byte no fix
// changed as they were; only where the run was asked to write, never through a link planted at the path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeLossless, encodeLossless } from '../../server/src/cli/losslessText';
import { FixRefused, preserveFileStyle, readFixTarget, writableRoots, writeFixTarget } from '../../server/src/cli/writeFixed';

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

  describe('the file a fix rewrites', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-write-')));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('through a link inside the paths checked, the target is replaced and keeps its mode; the link stays', () => {
      const target = path.join(dir, 'real.ts');
      fs.writeFileSync(target, 'old');
      fs.chmodSync(target, 0o640);
      const link = path.join(dir, 'link.ts');
      fs.symlinkSync(target, link);
      const read = readFixTarget(link, writableRoots(dir, []));
      assert.equal(read.realPath, target);
      writeFixTarget(read, 'new');
      assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
      assert.equal(fs.readFileSync(target, 'utf8'), 'new');
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['link.ts', 'real.ts'], 'no temporary file left');
    });

    it('a link planted at the path after the read is replaced, not written through', () => {
      const file = path.join(dir, 'app.ts');
      const elsewhere = path.join(dir, 'elsewhere.txt');
      fs.writeFileSync(file, 'old');
      fs.writeFileSync(elsewhere, 'keep me');
      const read = readFixTarget(file, [dir]);
      fs.rmSync(file);
      fs.symlinkSync(elsewhere, file);
      assert.throws(() => writeFixTarget(read, 'new'), (err: Error) => err instanceof FixRefused && /changed while being fixed \(now a symbolic link\)/.test(err.message));
      assert.equal(fs.readFileSync(elsewhere, 'utf8'), 'keep me');
      assert.equal(fs.readlinkSync(file), elsewhere, 'the planted link is left as it was');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['app.ts', 'elsewhere.txt'], 'no temporary file left');
    });

    it('a path given inside the project that links out of it is no place to write', () => {
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-outside-')));
      try {
        fs.symlinkSync(outside, path.join(dir, 'shared'));
        assert.deepEqual(writableRoots(dir, [path.join(dir, 'shared')]), []);
        assert.deepEqual(writableRoots(dir, [outside]), [outside], 'a path named outside the project is the user\'s call');
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  it('any bytes decode and encode back to exactly themselves', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => Buffer.from(bytes).equals(encodeLossless(decodeLossless(bytes)))),
      { numRuns: 5000 },
    );
    // Valid UTF-8 decodes as usual; a stray Latin-1 byte survives an edit next to it.
    assert.equal(decodeLossless(Buffer.from('café ✓ 😀', 'utf8')), 'café ✓ 😀');
    const latin1 = Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x78]);
    const edited = decodeLossless(latin1).replace('x', 'y');
    assert.deepEqual([...encodeLossless(edited)], [0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x79]);
  });
});
