// Patterns a user types run on a linear-time engine: the real built CLI, spawned with a timeout, so a
// pattern that backtracks for hours fails this test instead of hanging the suite.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildOnce, CLI } from './helpers';

/** Far above what a linear-time run needs on a busy machine; far below a backtracking one (hours). */
const LIMIT_MS = 20_000;

function tail(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'tail', ...args], { cwd, encoding: 'utf8', timeout: LIMIT_MS, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('obs-lens tail: user patterns on a linear-time engine', function () {
  this.timeout(LIMIT_MS * 2);
  let dir: string;
  before(() => buildOnce());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-patterns-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--query msg~(a+)+$ on an 85-character line finishes, and still filters', () => {
    const poison = `{"level":30,"time":1,"msg":"${'a'.repeat(54)}!"}`;
    assert.equal(poison.length, 85);
    const hit = '{"level":30,"time":2,"msg":"aaaa"}';
    fs.writeFileSync(path.join(dir, 'app.log'), `${poison}\n${hit}\n`);
    const r = tail(['app.log', '--query', 'msg~(a+)+$', '--format', 'json'], dir);
    assert.equal(r.signal, null, `the CLI was still matching after ${LIMIT_MS} ms (killed by ${r.signal})`);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [hit]);
  });

  it('a backreference or lookaround in --query is a usage error naming the pattern and the reason', () => {
    fs.writeFileSync(path.join(dir, 'app.log'), '{"level":30,"time":1,"msg":"x"}\n');
    const backref = tail(['app.log', '--query', 'msg~(a)\\1'], dir);
    assert.equal(backref.code, 2);
    assert.match(backref.stderr, /invalid --query: .*pattern "\(a\)\\\\1": backreference \\1 is not supported/);
    const lookahead = tail(['app.log', '--query', 'msg~a(?=b)'], dir);
    assert.equal(lookahead.code, 2);
    assert.match(lookahead.stderr, /pattern "a\(\?=b\)": lookahead \(\?=\.\.\.\) is not supported/);
  });

  it('a glob that backtracks polynomially (*a*a*…*b) against a long file name finishes and still matches', () => {
    const long = `${'a'.repeat(120)}.log`;
    fs.writeFileSync(path.join(dir, long), '{"level":30,"time":1,"msg":"long"}\n');
    fs.writeFileSync(path.join(dir, 'ab.log'), '{"level":30,"time":1,"msg":"short"}\n');
    const r = tail([`${'*a'.repeat(14)}*b.log`], dir);
    assert.equal(r.signal, null, `the CLI was still matching the glob after ${LIMIT_MS} ms (killed by ${r.signal})`);
    // The long name has no b: nothing matches, and the CLI says so.
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /no file matches \*a\*a/);
    const ok = tail(['*a*b.log', '--format', 'json'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(ok.stdout.trim().split('\n'), ['{"level":30,"time":1,"msg":"short"}']);
  });
});
