// What `obs-lens tail` prints for records real libraries write and for hostile ones: stack traces of
// logged errors, json output byte for byte, records nested deeper than any call stack, the duration
// shown once, and a path that cannot be followed reported once.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import * as winston from 'winston';
import { buildOnce, CLI, makeWorkspace, removeWorkspaces, runCliBytes } from './helpers';

// bunyan ships no type declarations; this is the part of its API the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bunyan = require('bunyan') as {
  createLogger(o: { name: string; streams: Array<{ stream: NodeJS.WritableStream }>; serializers: unknown }): { error(fields: object, msg: string): void };
  stdSerializers: unknown;
};

/** Pretty output as lines, in UTC so times do not depend on the machine. */
function pretty(args: string[], cwd: string): { code: number | null; lines: string[]; stderr: string } {
  const r = runCliBytes(['tail', ...args], cwd, { TZ: 'UTC' });
  return { code: r.code, lines: r.stdout.toString('utf8').split('\n').slice(0, -1), stderr: r.stderr };
}

/** The lines a stack trace is printed as: each indented by four spaces under its record. */
function indented(stack: string): string[] {
  return stack.split('\n').map((l) => '    ' + l.trim());
}

/** Everything written to `stream` until `done` resolves. */
async function collect(stream: PassThrough, done: () => Promise<void>): Promise<string> {
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  await done();
  return text;
}

describe('obs-lens tail output', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('pretty: the stack of an error logged by pino, winston and bunyan is printed indented under its record', async () => {
    const dir = makeWorkspace({});
    const file = path.join(dir, 'pino.log');
    const destination = pino.destination({ dest: file, sync: true });
    const logger = pino(destination);
    const pinoError = new Error('boom');
    logger.error({ err: pinoError }, 'failed');
    logger.info('after');
    destination.flushSync();

    const winstonError = new Error('winston boom');
    const winstonOut = new PassThrough();
    const winstonText = await collect(winstonOut, async () => {
      const w = winston.createLogger({
        format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()),
        transports: [new winston.transports.Stream({ stream: winstonOut })],
      });
      w.error(winstonError);
      await new Promise((resolve) => setImmediate(resolve));
    });
    const bunyanError = new Error('bunyan boom');
    const bunyanOut = new PassThrough();
    const bunyanText = await collect(bunyanOut, async () => {
      bunyan.createLogger({ name: 'svc', streams: [{ stream: bunyanOut }], serializers: bunyan.stdSerializers }).error({ err: bunyanError }, 'bunyan failed');
      await new Promise((resolve) => setImmediate(resolve));
    });
    fs.appendFileSync(file, winstonText + bunyanText);

    const { code, lines, stderr } = pretty(['pino.log'], dir);
    assert.equal(code, 0, stderr);
    const at = (pattern: RegExp) => {
      const i = lines.findIndex((l) => pattern.test(l));
      assert.ok(i >= 0, `no line matches ${pattern}:\n${lines.join('\n')}`);
      return i;
    };
    const failed = at(/ ERROR failed err=boom$/);
    const pinoStack = indented(pinoError.stack!);
    assert.ok(pinoStack.length > 2);
    assert.deepEqual(lines.slice(failed + 1, failed + 1 + pinoStack.length), pinoStack);
    assert.match(lines[failed + 1 + pinoStack.length], / INFO  after$/);
    const w = at(/ ERROR winston boom$/);
    assert.deepEqual(lines.slice(w + 1, w + 1 + indented(winstonError.stack!).length), indented(winstonError.stack!));
    const b = at(/ ERROR bunyan failed err="bunyan boom"$/);
    assert.deepEqual(lines.slice(b + 1), indented(bunyanError.stack!));
  });

  it('--format json prints a 5 MB line and a line with invalid UTF-8 byte for byte, from a file and from stdin', () => {
    const dir = makeWorkspace({});
    const big = Buffer.from(`{"level":30,"time":1700000000000,"msg":"big","blob":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    const invalid = Buffer.concat([
      Buffer.from('{"level":40,"time":1700000000001,"msg":"bytes '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80, 0xed, 0xa0, 0x80]), // not UTF-8: stray, truncated, surrogate
      Buffer.from('"}'),
    ]);
    const small = Buffer.from('{"level":30,"time":1700000000002,"msg":"small"}');
    const log = Buffer.concat([small, Buffer.from('\n'), big, Buffer.from('\n'), invalid, Buffer.from('\n'), small, Buffer.from('\n')]);
    fs.writeFileSync(path.join(dir, 'app.log'), log);

    const fromFile = runCliBytes(['tail', 'app.log', '--format', 'json'], dir);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromFile.stdout.length, log.length);
    assert.ok(fromFile.stdout.equals(log), 'file: output bytes differ from the logged bytes');
    const fromStdin = runCliBytes(['tail', '-', '--format', 'json'], dir, {}, log);
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.ok(fromStdin.stdout.equals(log), 'stdin: output bytes differ from the logged bytes');
    const warnings = runCliBytes(['tail', 'app.log', '--format', 'json', '--query', 'level>=warn'], dir);
    assert.ok(warnings.stdout.equals(Buffer.concat([invalid, Buffer.from('\n')])));
  });

  it('pretty: records nested 20,000 levels deep are printed, and so is every record after them', () => {
    const dir = makeWorkspace({});
    const depth = 20_000;
    const lines = [
      `{"level":30,"time":1700000000000,"msg":"deep objects","d":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      `{"level":30,"time":1700000000000,"msg":"deep arrays","d":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    ];
    for (let i = 0; i < 1000; i++) lines.push(`{"level":30,"time":1700000000000,"msg":"after ${i}"}`);
    fs.writeFileSync(path.join(dir, 'deep.log'), lines.join('\n') + '\n');
    const r = pretty(['deep.log'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.lines.length, 1002);
    assert.match(r.lines[0], /^22:13:20\.000 INFO  deep objects d=\{"a":\{"a":.*…$/);
    assert.match(r.lines[1], /^22:13:20\.000 INFO  deep arrays d=\[\[\[.*…$/);
    for (let i = 0; i < 1000; i++) assert.equal(r.lines[i + 2], `22:13:20.000 INFO  after ${i}`);
  });

  it('pretty: the duration and status are shown once, not again under the field they came from', () => {
    const dir = makeWorkspace({});
    fs.writeFileSync(
      path.join(dir, 'app.log'),
      [
        '{"level":30,"time":1700000000000,"msg":"zero","durationMs":0}',
        '{"level":30,"time":1700000000000,"msg":"http","statusCode":204,"responseTime":12}',
        // A second duration field with another value is a field of its own.
        '{"level":30,"time":1700000000000,"msg":"two","durationMs":5,"elapsed":7}',
        'level=info msg=logfmt status=500 duration_ms=3',
      ].join('\n') + '\n',
    );
    const r = pretty(['app.log'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.lines, [
      '22:13:20.000 INFO  zero duration=0ms',
      '22:13:20.000 INFO  http status=204 duration=12ms',
      '22:13:20.000 INFO  two duration=5ms elapsed=7',
      `${' '.repeat(12)} INFO  logfmt status=500 duration=3ms`,
    ]);
  });

  for (const kind of ['a directory', 'a FIFO'] as const) {
    it(`--follow on ${kind} says it cannot follow it once, not at every poll`, async function () {
      const dir = makeWorkspace({});
      const target = path.join(dir, 'target');
      if (kind === 'a directory') fs.mkdirSync(target);
      else execFileSync('mkfifo', [target]);
      const child = spawn(process.execPath, [CLI, 'tail', '--follow', 'target'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      try {
        const until = Date.now() + 20_000;
        while (!stderr.includes('not a regular file') && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
        assert.match(stderr, /target is not a regular file/);
        // Files are polled every 250 ms: give it several more polls to repeat itself.
        await new Promise((r) => setTimeout(r, 1500));
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0);
      assert.equal(stderr.split('\n').filter((l) => l.includes('not a regular file')).length, 1, stderr);
    });
  }
});
