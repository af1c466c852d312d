// Output of the real logging libraries, written to a real stream or file, fed through the engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import pinoHttp from 'pino-http';
import * as winston from 'winston';
import { compileQuery, fieldValue, fullJson } from '../../../server/src/logs';
import { Collector, ingest } from './helpers';

// bunyan ships no type declarations; this is the part of its API the test uses.
interface BunyanLogger {
  info(fields: object, msg: string): void;
  error(err: Error, msg: string): void;
  child(fields: object): BunyanLogger;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bunyan = require('bunyan') as { createLogger(o: { name: string; streams: Array<{ stream: NodeJS.WritableStream; level: string }> }): BunyanLogger };

describe('logs: records from real logging libraries', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-logs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pino: levels, times, messages, child bindings and a serialised error with its stack', () => {
    const out = new Collector();
    const log = pino({ level: 'trace' }, out);
    log.trace('tracing');
    log.info({ userId: 42 }, 'user loaded');
    const child = log.child({ requestId: 'req-7', module: 'billing' });
    child.warn('slow invoice');
    child.error({ err: new Error('card declined') }, 'charge failed');
    log.fatal('shutting down');
    const { records } = ingest([out.text]);
    assert.equal(records.length, 5);
    assert.deepEqual(records.map((r) => r.level), ['trace', 'info', 'warn', 'error', 'fatal']);
    assert.deepEqual(records.map((r) => r.message), ['tracing', 'user loaded', 'slow invoice', 'charge failed', 'shutting down']);
    assert.ok(records.every((r) => r.format === 'pino' && typeof r.time === 'number' && Math.abs(r.time - Date.now()) < 60_000));
    assert.equal(records[2].requestId, 'req-7');
    assert.equal(records[3].requestId, 'req-7');
    assert.equal(fieldValue(records[1], 'userId'), 42);
    assert.equal(fieldValue(records[3], 'module'), 'billing');
    const stack = fieldValue(records[3], 'err.stack');
    assert.equal(typeof stack, 'string');
    assert.match(stack as string, /^Error: card declined\n\s+at /);
    assert.equal((fullJson(records[3]) as { err: { message: string } }).err.message, 'card declined');
  });

  it('pino-http under real requests: req.id → requestId, res.statusCode → status, responseTime → durationMs', async () => {
    const file = path.join(dir, 'http.log');
    const dest = pino.destination({ dest: file, sync: true });
    const logger = pino(dest);
    let n = 0;
    const httpLogger = pinoHttp({ logger, genReqId: () => `r-${++n}` });
    // pino-http writes its line on the response's "finish", which can come after the client saw the body.
    let finished = 0;
    let allFinished: () => void = () => {};
    const bothFinished = new Promise<void>((resolve) => (allFinished = resolve));
    const server = http.createServer((req, res) => {
      httpLogger(req, res);
      res.on('finish', () => ++finished === 2 && allFinished());
      req.log.info('handling');
      res.statusCode = req.url === '/boom' ? 500 : 200;
      res.end('done');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    for (const p of ['/ok', '/boom']) {
      await new Promise<void>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: p }, (res) => res.resume().on('end', resolve)).on('error', reject),
      );
    }
    await bothFinished;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    dest.flushSync();
    const { records, store } = ingest([fs.readFileSync(file)]);
    assert.equal(records.length, 4);
    // pino-http's access lines: "request completed", or "request errored" for a 5xx.
    const done = records.filter((r) => r.message.startsWith('request '));
    assert.equal(done.length, 2);
    assert.deepEqual(done.map((r) => r.requestId), ['r-1', 'r-2']);
    assert.deepEqual(done.map((r) => r.status), [200, 500]);
    assert.ok(done.every((r) => typeof r.durationMs === 'number' && r.durationMs >= 0));
    assert.ok(done.every((r) => r.format === 'pino-http'));
    // The handler's own line carries the request too, so the request's timeline has both.
    assert.deepEqual(store.forRequest('r-2').map((r) => r.message), ['handling', 'request errored']);
    assert.equal(records[0].format, 'pino', 'a line without the access fields is plain pino');
    assert.deepEqual(store.query(compileQuery('res.statusCode>=500').query).map((r) => r.requestId), ['r-2']);
    assert.equal(fieldValue(done[1], 'req.url'), '/boom');
  });

  it('winston JSON format: level names, message, timestamp and metadata', async () => {
    const out = new Collector();
    const logger = winston.createLogger({
      level: 'silly',
      format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream: out })],
    });
    logger.error('db down', { requestId: 'w-1', retry: 3 });
    logger.warn('slow query');
    logger.info('started');
    logger.http('GET /');
    logger.verbose('details');
    logger.silly('noise');
    await new Promise<void>((resolve) => {
      logger.on('finish', resolve);
      logger.end();
    });
    const { records } = ingest([out.text]);
    assert.deepEqual(records.map((r) => r.level), ['error', 'warn', 'info', 'debug', 'debug', 'trace']);
    assert.equal(records[0].message, 'db down');
    assert.equal(records[0].requestId, 'w-1');
    assert.equal(records[0].format, 'winston');
    assert.equal(fieldValue(records[0], 'retry'), 3);
    assert.ok(records.every((r) => typeof r.time === 'number' && Math.abs(r.time - Date.now()) < 60_000));
  });

  it('bunyan: numeric levels, ISO time, msg, req_id and child request IDs', () => {
    const out = new Collector();
    const log = bunyan.createLogger({ name: 'svc', streams: [{ stream: out, level: 'trace' }] });
    log.info({ req_id: 'x' }, 'hello');
    log.child({ reqId: 'b-9' }).error(new Error('nope'), 'failed');
    const { records } = ingest([out.text]);
    assert.equal(records.length, 2);
    assert.deepEqual(records.map((r) => r.format), ['bunyan', 'bunyan']);
    assert.deepEqual(records.map((r) => r.level), ['info', 'error']);
    assert.equal(records[1].requestId, 'b-9');
    assert.equal(records[1].message, 'failed');
    assert.ok(records[0].time !== null && Math.abs(records[0].time - Date.now()) < 60_000);
    assert.equal(records[0].requestId, 'x');
    assert.match(String(fieldValue(records[1], 'err.stack')), /nope/);
  });
});
