// The error-not-serialized table checked against the real bunyan: where it writes an error in the
// fields object as `{}` (no serializers), the rule reports the call, and where it keeps the error
// (the whole fields argument, or a logger with serializers), the rule is quiet.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';

// bunyan ships no type declarations; this is the part of its API the test uses.
interface BunyanLogger {
  error(fieldsOrError: object, msg: string): void;
}
interface BunyanModule {
  createLogger(o: { name: string; streams: Array<{ stream: NodeJS.WritableStream; level: string }>; serializers?: object }): BunyanLogger;
  stdSerializers: object;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bunyan = require('bunyan') as BunyanModule;

/** The records one call writes, parsed. */
function written(serializers: boolean, log: (logger: BunyanLogger, err: Error) => void): Record<string, unknown> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = bunyan.createLogger({ name: 'shop', streams: [{ stream, level: 'trace' }], ...(serializers ? { serializers: bunyan.stdSerializers } : {}) });
  log(logger, new Error('boom'));
  assert.equal(lines.length, 1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

/** The error-not-serialized findings of a module that logs so, in a package depending on bunyan. */
async function findings(serializers: boolean, calls: string[]): Promise<string[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-bunyan-'));
  try {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'shop', type: 'module', main: 'index.js', dependencies: { bunyan: '^1', express: '^4' } }));
    const options = serializers ? "{ name: 'shop', serializers: Bunyan.stdSerializers }" : "{ name: 'shop' }";
    const body = calls.map((c) => `    ${c}`).join('\n');
    fs.writeFileSync(path.join(root, 'index.js'), `import Bunyan from 'bunyan';\nconst log = Bunyan.createLogger(${options});\nexport async function run(job, ctx) {\n  try {\n    await job();\n  } catch (err) {\n${body}\n  }\n}\n`);
    const result = await analyzeWorkspace(root, {});
    return result.files.flatMap((f) => f.findings).filter((f) => f.rule === 'error-not-serialized').map((f) => `${f.line + 1}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('error-not-serialized against the real bunyan', () => {
  it('without serializers an error in the fields object is written as {} and reported; as the whole fields argument it keeps its stack and is not', async () => {
    const nested = written(false, (log, err) => log.error({ job: 'sync', error: err }, 'sync failed'));
    assert.deepEqual(nested.error, {}, 'bunyan wrote the nested error as {}');
    const underErr = written(false, (log, err) => log.error({ err }, 'sync failed'));
    assert.deepEqual(underErr.err, {}, 'not even `err` is serialised without serializers');
    const whole = written(false, (log, err) => log.error(err, 'sync failed'));
    assert.match(String((whole.err as { stack?: unknown }).stack), /Error: boom/);
    // Lines 7 and 8 lose the error; line 9 keeps it.
    assert.deepEqual(await findings(false, ["log.error({ ...ctx, error: err }, 'sync failed');", "log.error({ err }, 'sync failed');", "log.error(err, 'sync failed');"]), ['7', '8']);
  });

  it('with serializers `err` keeps its stack, and the rule leaves the fields object alone', async () => {
    const kept = written(true, (log, err) => log.error({ err }, 'sync failed'));
    assert.match(String((kept.err as { stack?: unknown }).stack), /Error: boom/);
    assert.deepEqual(await findings(true, ["log.error({ ...ctx, err }, 'sync failed');", "log.error(err, 'sync failed');"]), []);
  });
});
