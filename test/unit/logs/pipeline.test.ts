// Hostile and messy input through the whole pipeline: every line ends up in a record (or attached to
// the one it continues), nothing throws.
import * as assert from 'node:assert/strict';
import { compileQuery, LogPipeline, LogStore, RecordParser } from '../../../server/src/logs';
import { ingest } from './helpers';

const rec = (o: object) => JSON.stringify(o);

describe('logs: pipeline', () => {
  it('attaches indented stack frames to the record before them; an unindented error header is a record of its own', () => {
    const text = [
      '> service@1.0.0 start',
      '> node dist/main.js',
      '',
      rec({ level: 50, time: 1714557600000, msg: 'unhandled', reqId: 'r1' }),
      '    at handler (/app/src/routes.ts:12:7)',
      'Caused by: Error: socket hang up',
      'TypeError: Cannot read properties of undefined (reading \'id\')',
      '    at handler (/app/src/routes.ts:12:7)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      rec({ level: 30, time: 1714557600001, msg: 'next' }),
    ].join('\n');
    const { records } = ingest([text]);
    assert.deepEqual(records.map((r) => r.message), [
      '> service@1.0.0 start', '> node dist/main.js', 'unhandled', "TypeError: Cannot read properties of undefined (reading 'id')", 'next',
    ]);
    assert.equal(records[0].format, null);
    assert.deepEqual(records[2].continuation, ['    at handler (/app/src/routes.ts:12:7)', 'Caused by: Error: socket hang up']);
    // Whoever printed the error (console.error(err) in any request) is not known: its own record, level guessed.
    assert.deepEqual([records[3].format, records[3].level, records[3].requestId], [null, 'error', null]);
    assert.deepEqual(records[3].continuation, [
      '    at handler (/app/src/routes.ts:12:7)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ]);
    assert.equal(records[4].continuation.length, 0);
  });

  it('a console.log line between the JSON records of two requests is a record of its own, in neither request, found by free text', () => {
    const text = [
      rec({ level: 30, time: 1, msg: 'incoming request', reqId: 'A' }),
      rec({ level: 30, time: 2, msg: 'incoming request', reqId: 'B' }),
      rec({ level: 30, time: 3, msg: 'request completed', reqId: 'B' }),
      'charging card for order 77', // console.log from request A, written after B's last record
      rec({ level: 30, time: 4, msg: 'request completed', reqId: 'A' }),
    ].join('\n') + '\n';
    const { store, records } = ingest([text]);
    assert.deepEqual(records.map((r) => [r.message, r.requestId, r.continuation.length]), [
      ['incoming request', 'A', 0],
      ['incoming request', 'B', 0],
      ['request completed', 'B', 0],
      ['charging card for order 77', null, 0],
      ['request completed', 'A', 0],
    ]);
    assert.deepEqual([records[3].format, records[3].level], [null, null]);
    assert.deepEqual(store.forRequest('B').map((r) => r.message), ['incoming request', 'request completed']);
    const found = store.query(compileQuery('"card for order"').query);
    assert.deepEqual(found.map((r) => r.raw), ['charging card for order 77']);
  });

  it('lines inside a multi-line value left open continue it, whatever they look like; a record ends it', () => {
    const text = [
      rec({ level: 30, time: 1, msg: 'before', reqId: 'A' }),
      '{"level":30,"msg":"a value with a raw',
      'newline in it, and {braces} in the string',
      'and one more"}',
      'after the value',
      '[',
      '"one",',
      '"two"',
      ']',
      '{"level":30,"msg":"open again',
      rec({ level: 30, time: 2, msg: 'a record ends any open value', reqId: 'A' }),
      'plain again',
    ].join('\n') + '\n';
    const { records } = ingest([text]);
    assert.deepEqual(records.map((r) => [r.raw, r.continuation]), [
      [rec({ level: 30, time: 1, msg: 'before', reqId: 'A' }), []],
      ['{"level":30,"msg":"a value with a raw', ['newline in it, and {braces} in the string', 'and one more"}']],
      ['after the value', []],
      ['[', ['"one",', '"two"', ']']],
      ['{"level":30,"msg":"open again', []],
      [rec({ level: 30, time: 2, msg: 'a record ends any open value', reqId: 'A' }), []],
      ['plain again', []],
    ]);
  });

  it('a plain-text line starting with a bracket it does not close leaves nothing open', () => {
    const text = ['[worker 1 starting', '[2024-05-01 10:00] [INFO] server [port 3000', '{ not json', 'next line', '["a",', '"b"]', 'after'].join('\n') + '\n';
    const { records } = ingest([text]);
    assert.deepEqual(records.map((r) => [r.raw, r.continuation]), [
      ['[worker 1 starting', []],
      ['[2024-05-01 10:00] [INFO] server [port 3000', []],
      ['{ not json', []],
      ['next line', []],
      ['["a",', ['"b"]']],
      ['after', []],
    ]);
  });

  it('attaches at most maxContinuation lines to one record; the rest become records of their own, none lost', () => {
    const store = new LogStore({ maxRecords: 1000, maxBytes: 1 << 20 });
    const pipeline = new LogPipeline(store, new RecordParser(), { maxContinuation: 3 });
    const frames = Array.from({ length: 5 }, (_, i) => `    at frame${i} (/app/f.js:${i}:1)`);
    pipeline.feed('app', Buffer.from([rec({ level: 50, time: 1, msg: 'boom' }), ...frames, rec({ level: 30, time: 2, msg: 'after' })].join('\n') + '\n'));
    pipeline.end('app');
    const records = [];
    for (let s = store.firstSeq; s < store.nextSeq; s++) records.push(store.bySeq(s)!);
    assert.deepEqual(records[0].continuation, frames.slice(0, 3));
    // The fourth frame starts a plain record; the fifth, a stack line, continues that one.
    assert.deepEqual(records.slice(1).map((r) => [r.message, r.continuation]), [
      [frames[3], [frames[4]]],
      ['after', []],
    ]);
  });

  it('keeps sources apart: a stack frame attaches to the last record of its own source', () => {
    const store = new LogStore({ maxRecords: 100, maxBytes: 1 << 20 });
    const p = new LogPipeline(store, new RecordParser());
    p.feed('api', Buffer.from(rec({ level: 50, time: 1, msg: 'api failed' }) + '\n'));
    p.feed('worker', Buffer.from(rec({ level: 30, time: 2, msg: 'worker tick' }) + '\n'));
    p.feed('api', Buffer.from('    at api.ts:1:1\n'));
    p.feed('worker', Buffer.from('    at worker.ts:9:9\n'));
    assert.deepEqual(store.bySeq(0)!.continuation, ['    at api.ts:1:1']);
    assert.deepEqual(store.bySeq(1)!.continuation, ['    at worker.ts:9:9']);
  });

  it('a stack frame with no record before it becomes a plain-text record, so it is not lost', () => {
    const { records } = ingest(['    at orphan (x.js:1:1)\n']);
    assert.equal(records.length, 1);
    assert.equal(records[0].format, null);
    assert.equal(records[0].message, '    at orphan (x.js:1:1)');
  });

  it('plain-text lines of a plain-text service stay separate records, with a level guessed from the text', () => {
    const { records } = ingest(['Server listening on :3000\nERROR could not connect to db\n[warn] retrying\n']);
    assert.deepEqual(records.map((r) => [r.message, r.level]), [
      ['Server listening on :3000', null],
      ['ERROR could not connect to db', 'error'],
      ['[warn] retrying', 'warn'],
    ]);
  });

  it('JSON that is not an object, broken JSON, garbage bytes and CRLF: all kept as records, nothing thrown', () => {
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41, 0x0a]);
    const { records } = ingest([
      '[1,2]\r\n"str"\r\n42\r\n{"unterminated":\r\n',
      garbage,
      rec({ level: 30, time: 1, msg: 'fine' }) + '\r\n',
    ]);
    const plain = records.filter((r) => r.format === null);
    assert.deepEqual(plain.map((r) => r.raw), ['[1,2]', '"str"', '42', '{"unterminated":']);
    // The garbage line comes inside the value the line before left open: it continues it.
    assert.equal(plain[3].continuation.length, 1);
    assert.match(plain[3].continuation[0], /\uFFFDA$/);
    const fine = records.find((r) => r.message === 'fine');
    assert.ok(fine && fine.format === 'pino' && fine.level === 'info');
    assert.ok(records.every((r) => !r.raw.includes('\r')));
  });

  it('a key differing from a known one only in a non-ASCII first byte is not that key', () => {
    // 0xEC and 0xED share their low 7 bits with 'l' and 'm' (level, msg).
    const line = Buffer.concat([Buffer.from('{"level":30,"msg":"real","'), Buffer.from([0xec]), Buffer.from('evel":50,"'), Buffer.from([0xed]), Buffer.from('sg":"x"}\n')]);
    const { records } = ingest([line]);
    assert.equal(records.length, 1);
    assert.equal(records[0].level, 'info');
    assert.equal(records[0].message, 'real');
    // The other path (a line given as text) agrees.
    const again = ingest([line.toString('utf8')]).records[0];
    assert.deepEqual([again.level, again.message], ['info', 'real']);
  });

  it('deeply nested JSON and duplicate keys (the last one wins, as with JSON.parse)', () => {
    let nested = '1';
    for (let i = 0; i < 5000; i++) nested = `{"a":[${nested}]}`;
    const line = `{"level":30,"time":1,"deep":${nested},"msg":"first","msg":"second","reqId":"x","reqId":"y"}`;
    const { records } = ingest([line + '\n']);
    assert.equal(records.length, 1);
    assert.equal(records[0].message, 'second');
    assert.equal(records[0].requestId, 'y');
    assert.equal(records[0].format, 'pino');
  });

  it('strings with escaped quotes and braces do not confuse the scanner', () => {
    const line = rec({ level: 40, time: 1, note: 'a "quoted" {brace} [bracket] \\ back', nested: { s: '}"}' }, msg: 'after tricky', reqId: 'q\u00e9' });
    const { records } = ingest([line + '\n']);
    assert.equal(records[0].message, 'after tricky');
    assert.equal(records[0].requestId, 'qé');
    assert.equal(records[0].level, 'warn');
  });

  it('a 5 MB line is cut, marked, keeps the fields before the cut, and the next line still parses', () => {
    const big = rec({ level: 50, time: 1714557600000, msg: 'huge payload', reqId: 'big-1', blob: 'x'.repeat(5 * 1024 * 1024) });
    const chunks: Buffer[] = [];
    const data = Buffer.from(big + '\n' + rec({ level: 30, time: 1714557600001, msg: 'after' }) + '\n');
    for (let i = 0; i < data.length; i += 65536) chunks.push(data.subarray(i, i + 65536));
    const { records } = ingest(chunks);
    assert.equal(records.length, 2);
    assert.equal(records[0].cut, true);
    assert.equal(records[0].raw.length, 1024 * 1024);
    assert.equal(records[0].message, 'huge payload');
    assert.equal(records[0].requestId, 'big-1');
    assert.equal(records[1].message, 'after');
    assert.equal(records[1].cut, false);
  });

  it('feedLine takes whole lines (OTLP receiver) and end() delivers an unterminated last line', () => {
    const store = new LogStore({ maxRecords: 10, maxBytes: 1 << 20 });
    const p = new LogPipeline(store, new RecordParser());
    p.feedLine('otlp', rec({ severityText: 'INFO', body: 'from otlp', timeUnixNano: '1714557600000000000' }));
    p.feed('file', Buffer.from(rec({ level: 30, time: 1, msg: 'no newline' })));
    assert.equal(store.size, 1);
    p.end('file');
    assert.deepEqual([store.bySeq(0)!.message, store.bySeq(1)!.message], ['from otlp', 'no newline']);
  });
});
