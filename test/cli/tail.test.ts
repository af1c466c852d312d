// `obs-lens tail` end to end: the real built CLI, spawned on real files and pipes.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = options.env ?? { ...process.env, NO_COLOR: '1', TZ: 'UTC' };
    const child = spawn(process.execPath, [CLI, 'tail', ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A long-running `tail --follow` whose output the test polls. */
class Follower {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [CLI, 'tail', '--follow', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout!.on('data', (c) => (this.stdout += c));
    this.child.stderr!.on('data', (c) => (this.stderr += c));
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }
  lines(): string[] {
    return this.stdout.split('\n').slice(0, -1);
  }
  /** Bounded wait for output (liveness, not timing). */
  async waitFor(what: string, check: () => boolean, boundMs = 10000): Promise<void> {
    const until = Date.now() + boundMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stdout: ${this.stdout}\nstderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

const pino = (level: number, msg: string, reqId: string, extra = '') =>
  `{"level":${level},"time":1700000000${String(level).padStart(3, '0')},"pid":7,"hostname":"box","reqId":"${reqId}","msg":"${msg}"${extra}}`;

describe('obs-lens tail (CLI)', function () {
  this.timeout(60000);
  let dir: string;
  const followers: Follower[] = [];

  before(() => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-tail-'));
  });
  afterEach(() => {
    for (const f of followers.splice(0)) f.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const RECORDS = [
    'server starting on port 3000',
    pino(30, 'listening', 'boot'),
    pino(30, 'GET /orders', 'abc123', ',"user":{"id":42},"note":"ünïcødé ✓"'),
    '{"level":"warn","message":"cache miss","timestamp":"2024-05-01T10:00:00.000Z","requestId":"abc123"}',
    pino(50, 'db failed', 'def456', ',"err":{"message":"ECONNREFUSED"}'),
    'level=info msg="logfmt line" request_id=zzz',
    pino(40, 'slow response', 'abc123', ',"responseTime":812'),
  ];
  // console.error(err) after the failed record: its first line is a plain record of its own (who
  // printed it is not known), its indented frames continue it.
  const STACK = ['Error: ECONNREFUSED', '    at connect (db.js:10:5)', '    at main (app.js:3:1)'];
  const FILE_TEXT = [...RECORDS.slice(0, 5), ...STACK, ...RECORDS.slice(5)].join('\n') + '\n';

  it('--format json prints each record byte-identical to the logged line, without continuation lines', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const r = await run(['app.log', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, [...RECORDS.slice(0, 5), STACK[0], ...RECORDS.slice(5)].join('\n') + '\n');
  });

  // Two requests logging at once; request A's console.log line comes after B's last record.
  const INTERLEAVED = [
    pino(30, 'incoming request', 'A'),
    pino(30, 'incoming request', 'B'),
    pino(30, 'request completed', 'B'),
    'charging card for order 77',
    pino(30, 'request completed', 'A'),
  ];

  it('a console.log line between JSON records belongs to no request: --request prints only that request\'s records', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), INTERLEAVED.join('\n') + '\n');
    for (const id of ['A', 'B']) {
      const r = await run(['app.log', '--request', id], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n').slice(0, -1);
      assert.equal(lines.length, 2, r.stdout);
      assert.ok(lines.every((l) => l.includes(`[${id}]`)), r.stdout);
      assert.ok(!r.stdout.includes('charging card'), r.stdout);
    }
  });

  it('--query with a phrase finds a plain-text line written between JSON records', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), INTERLEAVED.join('\n') + '\n');
    const json = await run(['app.log', '--query', '"card for order"', '--format', 'json'], { cwd: dir });
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stdout, 'charging card for order 77\n');
    const pretty = await run(['app.log', '--query', 'charging'], { cwd: dir });
    assert.equal(pretty.stdout, `${' '.repeat(12)} -     charging card for order 77\n`);
  });

  it('pretty output: level, [request id], message, fields; stack lines indented below; no colour off a TTY', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const r = await run(['app.log'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\x1b['), 'no escape codes when not a TTY');
    const lines = r.stdout.split('\n');
    // Records without a time keep the columns aligned; plain text has no level.
    assert.equal(lines[0], `${' '.repeat(12)} -     server starting on port 3000`);
    const failed = lines.findIndex((l) => l.includes('db failed'));
    assert.match(lines[failed], /^22:13:20\.050 ERROR \[def456\] db failed err=ECONNREFUSED$/);
    assert.deepEqual(lines.slice(failed + 1, failed + 4), [`${' '.repeat(12)} ERROR Error: ECONNREFUSED`, '    at connect (db.js:10:5)', '    at main (app.js:3:1)']);
    assert.match(r.stdout, /INFO  \[abc123\] GET \/orders user=\{"id":42\} note="ünïcødé ✓"$/m);
    assert.match(r.stdout, /^22:13:20\.040 WARN  \[abc123\] slow response duration=812ms$/m);
  });

  it('colours levels when asked (FORCE_COLOR) and never when NO_COLOR is set', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const base: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
    delete base.NO_COLOR;
    const coloured = await run(['app.log'], { cwd: dir, env: { ...base, FORCE_COLOR: '1' } });
    assert.match(coloured.stdout, /\x1b\[31mERROR\x1b\[0m/);
    const plain = await run(['app.log'], { cwd: dir, env: { ...base, FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.ok(!plain.stdout.includes('\x1b['));
  });

  it('reads every file of a glob, labelling each line with its file', async () => {
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'a.log'), pino(30, 'from a', 'q1') + '\n');
    fs.writeFileSync(path.join(dir, 'logs', 'b.log'), pino(40, 'from b', 'q2') + '\n');
    fs.writeFileSync(path.join(dir, 'logs', 'c.txt'), 'not me\n');
    const r = await run(['logs/*.log'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /INFO  logs\/a\.log \[q1\] from a$/);
    assert.match(lines[1], /WARN  logs\/b\.log \[q2\] from b$/);
    const none = await run(['nothing/*.log'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no file matches nothing\/\*\.log/);
  });

  it('--request narrows to one request', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const r = await run(['app.log', '--request', 'abc123', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [RECORDS[2], RECORDS[3], RECORDS[6]]);
  });

  it('a file of several reads with no newline at its end: every matching record printed once, exactly as logged', async () => {
    const lines: string[] = [];
    for (let i = 0, bytes = 0; bytes < 3.5 * 1024 * 1024; i++) {
      lines.push(pino(30 + (i % 3) * 10, `request ${i} ${'x'.repeat(i % 300)}`, `r-${i % 97}`, `,"i":${i}`));
      bytes += lines[i].length + 1;
    }
    lines.push(pino(50, 'the last one', 'r-5'));
    fs.writeFileSync(path.join(dir, 'big.log'), lines.join('\n')); // no final newline
    const r = await run(['big.log', '--request', 'r-5', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const expected = lines.filter((l) => l.includes('"reqId":"r-5"'));
    assert.ok(expected.length > 100);
    assert.deepEqual(r.stdout.split('\n').slice(0, -1), expected);
  });

  it('a record nested 20,000 levels deep loses none of the records after it to a field query', async () => {
    const deep = '['.repeat(20000) + '1' + ']'.repeat(20000);
    const later = Array.from({ length: 1000 }, (_, i) => pino(30, `after ${i}`, `r${i}`, ',"a":{"b":1}'));
    fs.writeFileSync(path.join(dir, 'deep.log'), [pino(30, 'deep', 'd', `,"a":{"b":${deep}}`), ...later].join('\n') + '\n');
    const r = await run(['deep.log', '--query', 'a.b=1', '--format', 'json'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, later.join('\n') + '\n');
  });

  it('--query filters with the query language', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const r = await run(['app.log', '--query', 'level>=warn', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [RECORDS[3], RECORDS[4], STACK[0], RECORDS[6]]);
  });

  it('a query error exits 2 and shows a caret under the problem', async () => {
    fs.writeFileSync(path.join(dir, 'app.log'), FILE_TEXT);
    const r = await run(['app.log', '--query', 'level>=wran'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n');
    const q = lines.findIndex((l) => l === '  level>=wran');
    assert.ok(q > 0, r.stderr);
    assert.match(lines[q - 1], /invalid --query/);
    assert.equal(lines[q + 1].indexOf('^'), '  level>='.length, 'caret under "wran"');
  });

  it('usage errors and a missing file exit 2 with a message', async () => {
    const missing = await run(['nope.log'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.log: no such file/);
    const noArgs = await run([], { cwd: dir });
    assert.equal(noArgs.code, 2);
    assert.match(noArgs.stderr, /give a file/);
    const badFormat = await run(['x.log', '--format', 'yaml'], { cwd: dir });
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be pretty or json/);
  });

  it('reads stdin with -', async () => {
    const r = await run(['-', '--format', 'json', '--query', 'req:abc123'], { cwd: dir, input: FILE_TEXT });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [RECORDS[2], RECORDS[3], RECORDS[6]]);
  });

  it('--follow reads the file, then appended lines, through rotation and truncation; SIGTERM exits 0', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, pino(30, 'first', 'r1') + '\n');
    const f = new Follower(['app.log', '--format', 'json'], dir);
    followers.push(f);
    await f.waitFor('the existing line', () => f.lines().length === 1);

    fs.appendFileSync(file, pino(30, 'appended', 'r2') + '\n');
    await f.waitFor('the appended line', () => f.lines().length === 2);

    fs.appendFileSync(file, pino(30, 'last before rotation', 'r3') + '\n');
    fs.renameSync(file, file + '.1');
    fs.writeFileSync(file, pino(30, 'after rotation', 'r4') + '\n');
    await f.waitFor('the rotated file', () => f.lines().length === 4);

    fs.truncateSync(file, 0);
    fs.appendFileSync(file, pino(30, 'trunc', 'r5') + '\n');
    await f.waitFor('the line after truncation', () => f.lines().length === 5);

    assert.deepEqual(
      f.lines().map((l) => JSON.parse(l).msg),
      ['first', 'appended', 'last before rotation', 'after rotation', 'trunc'],
    );
    assert.match(f.stderr, /rotated/);
    assert.match(f.stderr, /truncated/);
    f.child.kill('SIGTERM');
    const exit = await f.exited;
    assert.deepEqual(exit, { code: 0, signal: null });
  });

  it('--follow: a truncation refilled past the old size before the next poll loses nothing and is reported on stderr', async () => {
    const file = path.join(dir, 'app.log');
    const before = Array.from({ length: 300 }, (_, i) => pino(30, `before ${i}`, `b${i}`));
    fs.writeFileSync(file, before.join('\n') + '\n');
    const f = new Follower(['app.log', '--format', 'json'], dir);
    followers.push(f);
    await f.waitFor('the existing lines', () => f.lines().length === before.length);
    const after = Array.from({ length: 600 }, (_, i) => pino(40, `after ${i}`, `a${i}`));
    // Truncated and refilled in one open (O_TRUNC, then one write). The CLI is another process: a
    // poll may still fall between the two, and then sees the size drop instead.
    fs.writeFileSync(file, after.join('\n') + '\n');
    await f.waitFor('the lines written after the truncation', () => f.lines().length >= before.length + after.length);
    assert.deepEqual(f.lines(), [...before, ...after]);
    assert.match(f.stderr, /app\.log was truncated: (?:it was written again past where it had been read \(its first bytes changed\)|its size went from \d+ to \d+ bytes); reading it from the start\n/);
  });

  it('--follow on a missing file says it waits, then reads the file once created; SIGINT exits 0', async () => {
    const f = new Follower(['later.log', '--format', 'json'], dir);
    followers.push(f);
    await f.waitFor('the waiting message', () => /later\.log does not exist yet; waiting/.test(f.stderr));
    fs.writeFileSync(path.join(dir, 'later.log'), pino(30, 'born', 'x') + '\n');
    await f.waitFor('the new file', () => f.lines().length === 1);
    f.child.kill('SIGINT');
    assert.deepEqual(await f.exited, { code: 0, signal: null });
  });
});
