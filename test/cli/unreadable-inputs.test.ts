// Inputs `obs-lens check` cannot read as source: a named pipe (as a file to check, as --config, as
// a .gitignore on the walk), a file whose read fails even for root, and files over the size limit.
// Each run has a timeout: a check that hangs on a pipe fails the test instead of blocking it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, PINO_SERVICE, removeWorkspaces, runCli, writeTree, type CliRun } from './helpers';

const HANG_LIMIT_MS = 30_000;

function check(args: string[], root: string): CliRun {
  const r = runCli(['check', ...args], root, {}, HANG_LIMIT_MS);
  assert.equal(r.signal, null, `obs-lens check ${args.join(' ')} did not finish within ${HANG_LIMIT_MS} ms`);
  return r;
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('obs-lens check: inputs that are not readable source', function () {
  this.timeout(180_000);
  before(function () {
    if (process.platform === 'win32') this.skip(); // no named pipes in the file system, no /proc
    buildOnce();
  });
  after(() => removeWorkspaces());

  it('a named pipe named as the file to check is not opened for reading: a clear message, exit 2', () => {
    const root = makeWorkspace(PINO_SERVICE);
    mkfifo(path.join(root, 'src', 'pipe.ts'));
    const r = check(['src/pipe.ts'], root);
    assert.ok(r.stderr.includes('obs-lens: src/pipe.ts: cannot read: is a named pipe (FIFO), not a regular file\n'), r.stderr);
    assert.equal(r.code, 2);
  });

  it('a named pipe as --config is a configuration error, exit 2', () => {
    const root = makeWorkspace(PINO_SERVICE);
    mkfifo(path.join(root, 'ci.json'));
    const r = check(['--config', 'ci.json'], root);
    assert.match(r.stderr, /obs-lens: ci\.json: cannot read .*ci\.json: is a named pipe \(FIFO\), not a regular file\n/);
    assert.equal(r.code, 2);
  });

  it('named pipes on the walk (a .gitignore, a source name, a link to one) are passed over; the rest is checked', () => {
    const root = makeWorkspace(PINO_SERVICE);
    mkfifo(path.join(root, 'src', '.gitignore'));
    mkfifo(path.join(root, 'src', 'queue.ts'));
    fs.symlinkSync(path.join(root, 'src', 'queue.ts'), path.join(root, 'src', 'queue-link.ts'));
    const r = check(['--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const files = new Set((JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file));
    assert.deepEqual([...files], ['src/orders.ts']);
  });

  it('its only file cannot be read: exit 2 with the reason, not a clean exit 0', function () {
    // Even root cannot read /proc/self/mem from its start (EIO), whatever the file mode says.
    if (!fs.existsSync('/proc/self/mem')) this.skip();
    const root = makeWorkspace({ 'package.json': PINO_SERVICE['package.json'] });
    fs.mkdirSync(path.join(root, 'src'));
    fs.symlinkSync('/proc/self/mem', path.join(root, 'src', 'app.ts'));
    const r = check(['src/app.ts'], root);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(r.stderr.includes('obs-lens: src/app.ts: cannot read: input/output error\n'), r.stderr);
  });

  it('says exactly how large a skipped file is and what the limit is', () => {
    const limit = 2 * 1024 * 1024;
    const fill = (bytes: number) => `console.log('x');\n//${'x'.repeat(bytes - "console.log('x');\n//".length - 1)}\n`;
    const root = makeWorkspace({ ...PINO_SERVICE, 'src/at-limit.ts': fill(limit), 'src/over-limit.ts': fill(limit + 1) });
    assert.equal(fs.statSync(path.join(root, 'src', 'over-limit.ts')).size, limit + 1);
    const r = check(['--format', 'json'], root);
    assert.ok(r.stderr.includes('obs-lens: skipped src/over-limit.ts: file is 2,097,153 bytes, over the 2,097,152-byte limit (generated or bundled code is not analysed)\n'), r.stderr);
    assert.ok(!r.stderr.includes('at-limit.ts'), 'a file exactly at the limit is analysed');
    const files = (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    assert.ok(files.includes('src/at-limit.ts'));
  });
  it('a folder that a .gitignore above it ignores is not walked to nothing in silence: it says so, exit 2', () => {
    const root = makeWorkspace({ '.gitignore': 'generated/\n' });
    fs.mkdirSync(path.join(root, '.git'));
    writeTree(path.join(root, 'generated', 'svc'), PINO_SERVICE);
    const svc = path.join(root, 'generated', 'svc');
    const r = check(['--format', 'json'], svc);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(r.stderr.includes(`obs-lens: svc: every file in it is ignored (a .gitignore between ${root} and it, or a build or dependency folder)\n`), r.stderr);
    // Checked from the repository, the same folder is passed over as .gitignore says, without an error.
    const whole = check(['--format', 'json'], root);
    assert.equal(whole.code, 0, whole.stderr);
    assert.deepEqual(JSON.parse(whole.stdout), { diagnostics: [] });
  });
});
