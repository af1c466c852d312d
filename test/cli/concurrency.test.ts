// `obs-lens check --concurrency`: the built CLI analysing with worker threads (dist/cli.js is its
// own workers' script) prints exactly what it prints on one thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildOnce, runCli } from './helpers';
import { makeGeneratedService } from '../support/generatedService';

const WORKERS_LINE = /(\d+) analysed by worker threads/;

describe('obs-lens check --concurrency', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    buildOnce();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-cli-parallel-'));
    makeGeneratedService(root, 400);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A check with a fresh cache (--debug-cache says how many files workers analysed). */
  const check = (flags: string[], env: Record<string, string> = {}) => {
    const cache = path.join(root, `.cache-${flags.join('-') || 'env'}-${Object.values(env).join('-')}`);
    fs.rmSync(cache, { force: true });
    const run = runCli(['check', '--format', 'json', '--cache-location', cache, '--debug-cache', ...flags], root, env);
    fs.rmSync(cache, { force: true });
    assert.equal(run.code, 1, run.stderr);
    const byWorkers = Number(WORKERS_LINE.exec(run.stderr)?.[1]);
    return { stdout: run.stdout, byWorkers };
  };

  it('prints the same report with worker threads as on one thread', () => {
    const alone = check(['--concurrency', 'off']);
    const together = check(['--concurrency', '2']);
    assert.equal(alone.byWorkers, 0);
    assert.ok(together.byWorkers > 0, 'no file was analysed by a worker thread');
    assert.ok(JSON.parse(alone.stdout).diagnostics.length > 1000);
    assert.equal(together.stdout, alone.stdout);
  });

  it('takes OBS_LENS_CONCURRENCY when the flag is not given', () => {
    assert.equal(check([], { OBS_LENS_CONCURRENCY: 'off' }).byWorkers, 0);
  });

  it('refuses a concurrency that is not a number of threads, auto or off', () => {
    const run = runCli(['check', '--concurrency', '0'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--concurrency must be a number of threads \(1 or more\), auto or off; got "0"/);
  });
});
