// Where `obs-lens check --fix` writes: only regular, writable files whose real path lies inside the
// paths checked, and only the bytes its fixes change. A link out of the workspace, a read-only file
// and a stray Latin-1 byte are each a real file on disk here, and the built CLI runs on them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, removeWorkspaces, runCli } from './helpers';

const PKG = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0' } });
const LOGGER = "import pino from 'pino';\n\nexport const logger = pino();\n";
const WITH_CONSOLE = "import { logger } from './logger';\n\nexport function handle(id: string): void {\n  console.log('handled', id);\n  logger.info('ok');\n}\n";

describe('obs-lens check --fix: what it writes', function () {
  this.timeout(120_000);
  const outsides: string[] = [];
  /** A folder outside every workspace, standing for a file elsewhere on the machine. */
  const outsideDir = (files: Record<string, string>) => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-outside-')));
    outsides.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  };
  before(() => buildOnce());
  after(() => {
    removeWorkspaces();
    for (const d of outsides) fs.rmSync(d, { recursive: true, force: true });
  });

  it('does not write through a link to a file outside the workspace, says so and exits 2; other files are fixed', () => {
    const outside = outsideDir({ 'shared.ts': WITH_CONSOLE });
    const root = makeWorkspace({ 'package.json': PKG, 'src/logger.ts': LOGGER, 'src/orders.ts': WITH_CONSOLE });
    fs.symlinkSync(path.join(outside, 'shared.ts'), path.join(root, 'src', 'shared.ts'));
    const r = runCli(['check', '--fix'], root);
    assert.equal(fs.readFileSync(path.join(outside, 'shared.ts'), 'utf8'), WITH_CONSOLE, 'the file outside is untouched');
    assert.equal(fs.lstatSync(path.join(root, 'src', 'shared.ts')).isSymbolicLink(), true);
    assert.ok(!fs.readFileSync(path.join(root, 'src', 'orders.ts'), 'utf8').includes('console.log'), 'the workspace file is fixed');
    assert.ok(r.stderr.includes(`obs-lens: not fixing src/shared.ts: it is a link to ${path.join(outside, 'shared.ts')}, outside the paths checked\n`), r.stderr);
    assert.equal(r.code, 2);
  });

  it('does not write into a linked folder that leads out of the workspace, even when the file is named', () => {
    const outside = outsideDir({ 'util.ts': WITH_CONSOLE.replace("'./logger'", "'../logger'") });
    const root = makeWorkspace({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    fs.symlinkSync(outside, path.join(root, 'src', 'vendor'), 'dir');
    const r = runCli(['check', '--fix', 'src/vendor/util.ts'], root);
    assert.equal(fs.readFileSync(path.join(outside, 'util.ts'), 'utf8'), WITH_CONSOLE.replace("'./logger'", "'../logger'"));
    assert.match(r.stderr, /not fixing src\/vendor\/util\.ts: it is a link to .*util\.ts, outside the paths checked/);
    assert.equal(r.code, 2);
  });

  it('leaves a read-only file as it is, says so and exits 2 (also when run as root)', () => {
    const root = makeWorkspace({ 'package.json': PKG, 'src/logger.ts': LOGGER, 'src/orders.ts': WITH_CONSOLE });
    const file = path.join(root, 'src', 'orders.ts');
    fs.chmodSync(file, 0o444);
    const inode = fs.statSync(file).ino;
    const r = runCli(['check', '--fix'], root);
    assert.equal(fs.readFileSync(file, 'utf8'), WITH_CONSOLE);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    assert.equal(fs.statSync(file).ino, inode, 'not replaced by another file either');
    assert.ok(r.stderr.includes('obs-lens: not fixing src/orders.ts: it is read-only\n'), r.stderr);
    assert.equal(r.code, 2);
    assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), ['logger.ts', 'orders.ts'], 'no temporary file left');
  });

  it('keeps a Latin-1 byte in a comment byte for byte while fixing code around it', () => {
    const before = Buffer.concat([
      Buffer.from('// Caf'),
      Buffer.from([0xe9]), // "é" as Latin-1: not UTF-8
      Buffer.from(' orders\n' + WITH_CONSOLE.replace("import { logger } from './logger';\n\n", '')),
    ]);
    const root = makeWorkspace({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    const file = path.join(root, 'src', 'orders.ts');
    fs.writeFileSync(file, before);
    const r = runCli(['check', '--fix'], root);
    assert.match(r.stderr, /applied 1 fix in 1 file/);
    const after = fs.readFileSync(file);
    assert.ok(after.includes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20])), 'the 0xE9 byte is still there');
    assert.ok(!after.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'no U+FFFD replacement character');
    const text = after.toString('latin1');
    assert.ok(text.includes("import { logger } from './logger';") && text.includes("logger.info({ id }, 'handled');"), text);
    assert.ok(!text.includes('console.log'), text);
  });
});
