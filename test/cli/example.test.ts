// The example service (README's `npm run example`): every planted mistake is found, and the
// correct code, the seed script and the tests are left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, buildOnce, parseJsonOutput, runCli, type JsonDiagnostic } from './helpers';

const EXAMPLE = 'examples/express-service';

/** 1-based line of the first line containing `needle` in an example file. */
function lineOf(file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(REPO, EXAMPLE, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} not in ${file}`);
  return i + 1;
}

describe('example service', function () {
  this.timeout(120_000);
  let diags: JsonDiagnostic[];
  let code: number | null;
  before(() => {
    buildOnce();
    const r = runCli(['check', EXAMPLE, '--format', 'json'], REPO);
    code = r.code;
    diags = parseJsonOutput(r.stdout);
  });

  const at = (file: string, needle: string) => diags.filter((d) => d.file === `${EXAMPLE}/${file}` && d.line === lineOf(file, needle));

  it('exits 1 with findings', () => {
    assert.equal(code, 1);
  });

  it('finds each planted mistake with the right rule', () => {
    const expected: Array<[string, string, string]> = [
      ['src/routes/users.ts', "console.log('looking up user'", 'console-logging'],
      ['src/routes/users.ts', 'log.info(`fetched user', 'unstructured-log-message'],
      ['src/routes/users.ts', "password: body.password }, 'creating user'", 'sensitive-log-data'],
      ['src/routes/users.ts', 'authorization: req.headers.authorization', 'sensitive-log-data'],
      ['src/routes/users.ts', 'headers: req.headers }', 'sensitive-log-data'],
      ['src/routes/orders.ts', "logger.info('order received'", 'log-argument-order'],
      ['src/routes/orders.ts', 'reason: err.message', 'error-not-serialized'],
      ['src/services/payment.ts', 'log.error(`charge failed', 'unstructured-log-message'],
      ['src/routes/orders.ts', "logger.info('order received'", 'handler-missing-request-context'],
      // On POST /orders's request path across files (routes/orders.ts calls chargeCard): the module's logger, not req.log.
      ['src/services/payment.ts', "'card charged'", 'handler-missing-request-context'],
    ];
    for (const [file, needle, rule] of expected) {
      assert.ok(at(file, needle).some((d) => d.rule === rule), `${rule} at ${file}: ${needle}\n${JSON.stringify(diags, null, 1)}`);
    }
  });

  it('leaves correct code, the seed script and the tests alone', () => {
    const correct: Array<[string, string]> = [
      ['src/routes/users.ts', "req.log.warn({ userId: req.params.id }, 'user not found')"],
      ['src/routes/users.ts', "'login requested'"],
      ['src/routes/orders.ts', "'order paid'"],
      ['src/routes/orders.ts', "'order requested'"],
      ['src/app.ts', "'unhandled error'"],
      ['src/app.ts', "'listening'"],
    ];
    for (const [file, needle] of correct) assert.deepEqual(at(file, needle), [], `${file}: ${needle}`);
    // Well formed: only its missing request context (on a request path in another file) is reported.
    assert.deepEqual(at('src/services/payment.ts', "'card charged'").map((d) => d.rule), ['handler-missing-request-context']);
    assert.ok(!diags.some((d) => d.file.endsWith('scripts/seed.ts') && d.rule === 'console-logging'));
    assert.ok(!diags.some((d) => d.file.endsWith('test/users.test.ts') && d.rule === 'console-logging'));
  });
});
