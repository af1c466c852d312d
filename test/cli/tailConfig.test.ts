// `obs-lens tail` reads the `tail` section of obs-lens.config.json, as the editor's log panel does:
// its files when the command line names none, its formats and request ID fields always. The real
// built CLI on real temporary projects.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, CLI, makeWorkspace, removeWorkspaces, runCli } from './helpers';

/** A text format no built-in one reads: `<time> <LEVEL> [<request>] <message>`. */
const ACME_FORMAT = {
  id: 'acme-text',
  detect: { kind: 'regex', pattern: '^(?<ts>\\d{4}-\\d\\d-\\d\\dT\\S+) (?<sev>[a-z]+) \\[(?<rid>[^\\]]+)\\] (?<text>.*)$', flags: 'i' },
  fields: { time: ['ts'], level: ['sev'], requestId: ['rid'], message: ['text'] },
};
const ACME_LINES = [
  '2024-05-01T10:00:00.000Z INFO [ord-7] order received',
  '2024-05-01T10:00:00.120Z WARN [ord-8] stock low',
  '2024-05-01T10:00:00.250Z ERROR [ord-7] payment declined',
];
/** A pino line whose request ID is only where tail.requestIdFields says. */
const PINO_CTX = '{"level":30,"time":1714557600300,"ctx":{"rid":"ord-7"},"msg":"receipt mailed"}';

function project(config: unknown, extra: Record<string, string> = {}): string {
  return makeWorkspace({
    'package.json': JSON.stringify({ name: 'svc', private: true }),
    'obs-lens.config.json': JSON.stringify(config, null, 2),
    'logs/service.log': ACME_LINES.join('\n') + '\n',
    'logs/worker.log': PINO_CTX + '\n',
    'logs/notes.txt': 'not a log\n',
    'src/app.ts': 'export {};\n',
    ...extra,
  });
}

describe('obs-lens tail: the tail section of obs-lens.config.json', function () {
  this.timeout(60_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('with no source given, reads tail.files (relative to the config) with its formats and requestIdFields', () => {
    const root = project({ tail: { files: ['logs/*.log'], formats: [ACME_FORMAT], requestIdFields: ['ctx.rid'] } });
    // Run from a folder below the project: the config is found the way `check` finds it.
    const r = runCli(['tail', '--request', 'ord-7', '--format', 'json'], path.join(root, 'src'), { NO_COLOR: '1' });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [ACME_LINES[0], ACME_LINES[2], PINO_CTX]);
    const pretty = runCli(['tail', '--query', 'level>=warn'], root, { NO_COLOR: '1', TZ: 'UTC' });
    assert.equal(pretty.code, 0, pretty.stderr);
    // The user's format gave level and request ID; each line names its file, not the glob.
    assert.deepEqual(pretty.stdout.trim().split('\n'), [
      '10:00:00.120 WARN  logs/service.log [ord-8] stock low',
      '10:00:00.250 ERROR logs/service.log [ord-7] payment declined',
    ]);
  });

  it('a source on the command line wins over tail.files; the formats still apply', () => {
    const root = project({ tail: { files: ['logs/worker.log'], formats: [ACME_FORMAT] } });
    const r = runCli(['tail', 'logs/service.log', '--query', 'req:ord-8', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [ACME_LINES[1]]);
  });

  it('--config names another file, its files relative to it', () => {
    const root = project({}, { 'ops/tail.json': JSON.stringify({ tail: { files: ['../logs/service.log'], formats: [ACME_FORMAT] } }) });
    const r = runCli(['tail', '--config', 'ops/tail.json', '--query', 'level=error', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [ACME_LINES[2]]);
  });

  it('a bad tail section is a clear message and exit 2; no files anywhere says where to list them', () => {
    const bad = project({ tail: { files: 'logs/*.log', formats: [{ id: 'x', detect: { kind: 'regex', pattern: '(a)\\1' }, fields: {} }] } });
    const r = runCli(['tail'], bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /obs-lens\.config\.json:3:14: tail\.files must be an array of strings/);
    assert.match(r.stderr, /obs-lens\.config\.json: tail\.formats\[0\] \("x"\): .*backreference/);
    const none = project({ tail: { requestIdFields: ['ctx.rid'] } });
    const empty = runCli(['tail'], none);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /give a file, a glob or - \(stdin\) to read, or list them in tail\.files of obs-lens\.config\.json/);
  });

  it('--follow names each file of a glob, and --lines starts at the last lines of each', async () => {
    const root = project({ tail: { files: ['logs/*.log'], formats: [ACME_FORMAT] } });
    const child = spawn(process.execPath, [CLI, 'tail', '--follow', '--lines', '1'], { cwd: root, env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const waitFor = async (text: string) => {
      const until = Date.now() + 20_000;
      while (!out.includes(text) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await waitFor('receipt mailed');
      await waitFor('payment declined');
      fs.appendFileSync(path.join(root, 'logs', 'service.log'), '2024-05-01T10:00:01.000Z INFO [ord-9] shipped\n');
      await waitFor('shipped');
      const lines = out.trim().split('\n').sort();
      assert.deepEqual(lines, [
        '10:00:00.250 ERROR logs/service.log [ord-7] payment declined',
        '10:00:00.300 INFO  logs/worker.log receipt mailed ctx={"rid":"ord-7"}',
        '10:00:01.000 INFO  logs/service.log [ord-9] shipped',
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
