// `npm run demo` (scripts/demo.mjs): the example service really starts, serves the demo's requests on
// loopback and leaves a log in which `obs-lens tail --request <id>` prints that request's records and
// nothing else, not even the console lines other requests wrote between them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, buildOnce, runCli } from './helpers';

describe('npm run demo', function () {
  this.timeout(180_000);
  let dir: string;
  let log: string;
  before(() => {
    buildOnce();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-demo-'));
    log = path.join(dir, 'demo.log');
    const r = spawnSync(process.execPath, ['scripts/demo.mjs', '--log', log, '--quiet'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `demo failed: ${r.stderr}`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves pino records of every request and the console lines of the users route', () => {
    const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const ids = new Set(lines.filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { req?: { id?: string } }).req?.id));
    for (const id of ['demo-health', 'demo-get-user', 'demo-order-paid', 'demo-order-declined']) assert.ok(ids.has(id), `no record of ${id}`);
    assert.ok(lines.some((l) => l === 'looking up user u1'), 'the console line of GET /users/u1 is in the log');
  });

  it('obs-lens tail --request prints that request\'s records and nothing else', () => {
    for (const id of ['demo-get-user', 'demo-order-declined', 'demo-missing-user']) {
      const r = runCli(['tail', log, '--request', id, '--format', 'json'], REPO);
      assert.equal(r.code, 0, r.stderr);
      const out = r.stdout.split('\n').filter(Boolean);
      assert.ok(out.length >= 1, `${id}: nothing printed`);
      for (const line of out) {
        const rec = JSON.parse(line) as { req?: { id?: string } };
        assert.equal(rec.req?.id, id, `${id} printed another request's line: ${line.slice(0, 200)}`);
      }
    }
    // Pretty output too: GET /users/nobody's console line is not shown under GET /users/u1's record.
    const pretty = runCli(['tail', log, '--request', 'demo-get-user'], REPO);
    assert.match(pretty.stdout, /demo-get-user/);
    assert.doesNotMatch(pretty.stdout, /looking up user nobody/);
    // The declined order logs its warning and pino-http's completion, both under its ID.
    const declined = runCli(['tail', log, '--request', 'demo-order-declined', '--format', 'json'], REPO).stdout;
    assert.match(declined, /payment declined/);
    assert.match(declined, /"statusCode":402/);
  });
});
