// Records that come through the pipeline are kept as their line's bytes plus indexed columns, and
// decoded only when read. What a reader sees must not depend on that: the same records as the text
// path gives, listeners told with whole records, continuation lines kept, limits and indexes exact.
import * as assert from 'node:assert/strict';
import { LogPipeline, LogStore, RecordParser, compileQuery, matches, type LogRecord } from '../../../server/src/logs';
import { ingest } from './helpers';

const lines = [
  '{"level":30,"time":1714557600000,"req":{"id":"a-1"},"res":{"statusCode":200},"responseTime":12.5,"msg":"request completed"}',
  '{"level":50,"time":1714557600001,"reqId":"a-1","msg":"échec: base indisponible ✗","err":{"stack":"x"}}',
  '{"level":"warn","message":"winston says hi","timestamp":"2024-05-01T10:00:00Z","requestId":"b-2"}',
  'ts=2024-05-01T10:00:02Z level=error msg="logfmt line" request_id=b-2',
  '{"level":40,"time":1714557600003,"trace_id":"t-9","msg":"only a trace id"}',
];

describe('logs: columnar records (kept as bytes, decoded on read)', () => {
  it('read back, a record is what the parser makes of its line as text, also for non-ASCII lines and big ASCII blocks', () => {
    const parser = new RecordParser();
    const expected = lines.map((l, i) => ({ ...parser.parseRecord(l, false, 'test')!, seq: i }));
    assert.ok(expected.every((r) => r.format !== null), 'every sample line is a record');
    // Small chunk (copied as bytes), and the same lines in a block past 1 MB (kept as one external string).
    const small = ingest([lines.join('\n') + '\n']).records;
    assert.deepEqual(small, expected);
    const asciiOnly = lines.filter((l) => !/[^\x00-\x7f]/.test(l));
    const filler = Array.from({ length: 15_000 }, (_, i) => `{"level":30,"time":${i},"msg":"filler ${i}"}`);
    const big = ingest([[...asciiOnly, ...filler].join('\n') + '\n']).records.slice(0, asciiOnly.length);
    assert.deepEqual(big.map((r) => ({ ...r, seq: 0 })), asciiOnly.map((l) => ({ ...parser.parseRecord(l, false, 'test')!, seq: 0 })));
    assert.equal(small[1].message, 'échec: base indisponible ✗');
    assert.equal(small[0].durationMs, 12.5);
    assert.equal(small[4].requestId, 't-9', 'a trace ID stands in for a missing request ID');
  });

  it('listeners get whole records: onAdd as each line arrives, onEvict as it leaves, onUpdate when a stack line attaches', () => {
    const store = new LogStore({ maxRecords: 3, maxBytes: 1 << 20 });
    const pipeline = new LogPipeline(store, new RecordParser());
    const added: LogRecord[] = [];
    const evicted: Array<[number, string]> = [];
    const updated: Array<[number, string[]]> = [];
    store.onAdd((r) => added.push(r));
    store.onEvict((r) => evicted.push([r.seq, r.message]));
    store.onUpdate((r) => updated.push([r.seq, [...r.continuation]]));
    pipeline.feed('api', Buffer.from(lines.join('\n') + '\n    at handler (src/app.ts:1:1)\n'));
    assert.deepEqual(added.map((r) => r.message), ['request completed', 'échec: base indisponible ✗', 'winston says hi', 'logfmt line', 'only a trace id']);
    assert.deepEqual(added.map((r) => r.seq), [0, 1, 2, 3, 4]);
    assert.equal(added[0].raw, lines[0]);
    assert.deepEqual(evicted, [[0, 'request completed'], [1, 'échec: base indisponible ✗']]);
    assert.deepEqual(updated, [[4, ['    at handler (src/app.ts:1:1)']]]);
  });

  it('a stack trace attaches to a columnar record: kept with it, counted in bytes, and the same object from then on', () => {
    const { store, records } = ingest([`${lines[1]}\n    at f (a.js:1:1)\nCaused by: boom\n${lines[0]}\n`]);
    assert.deepEqual(records[0].continuation, ['    at f (a.js:1:1)', 'Caused by: boom']);
    assert.equal(records[1].continuation.length, 0);
    assert.equal(store.bySeq(0), store.bySeq(0), 'held as an object once it grew');
    const bytes = records.reduce((n, r) => n + 64 + Buffer.byteLength(r.raw) + r.continuation.reduce((c, l) => c + l.length + 1, 0), 0);
    // The raw line is counted in bytes while it is kept as bytes, in characters once it is an object.
    assert.equal(store.bytes, bytes - (Buffer.byteLength(records[0].raw) - records[0].raw.length));
    assert.deepEqual(store.query(compileQuery('boom').query).map((r) => r.seq), [0], 'free text searches attached lines');
  });

  it('eviction by count and by bytes over columnar records keeps every count exact', () => {
    const many = Array.from({ length: 500 }, (_, i) => `{"level":${i % 7 === 0 ? 50 : 30},"time":${i},"reqId":"r${i % 13}","msg":"m${i}"}`);
    const byCount = ingest([many.join('\n') + '\n'], { maxRecords: 100 });
    assert.equal(byCount.store.size, 100);
    assert.equal(byCount.store.dropped, 400);
    assert.deepEqual(byCount.records.map((r) => r.message), many.slice(400).map((_, i) => `m${400 + i}`));
    const byBytes = ingest([many.join('\n') + '\n'], { maxBytes: 10_000 });
    assert.ok(byBytes.store.bytes <= 10_000);
    assert.equal(byBytes.store.size + byBytes.store.dropped, 500);
    assert.equal(byBytes.store.bytes, byBytes.records.reduce((n, r) => n + 64 + r.raw.length, 0));
    assert.equal(byBytes.records.at(-1)!.message, 'm499');
  });

  it('index-only queries, full-scan queries and request summaries agree with the decoded records', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      i % 5 === 0
        ? `{"level":30,"time":${1714557600000 + i},"req":{"id":"r${i % 11}"},"res":{"statusCode":${i % 2 ? 500 : 200}},"responseTime":${i},"msg":"request completed"}`
        : `{"level":${[20, 30, 40, 50][i % 4]},"time":${1714557600000 + i},"reqId":"r${i % 11}","msg":"step ${i}"}`);
    const { store, records } = ingest([many.join('\n') + '\n'], { maxRecords: 200 });
    for (const text of ['level>=warn', 'req:r3', 'req:r3 level<warn', 'time>=2024-05-01T10:00:00.250Z', 'res.statusCode=500', 'step -level=debug', 'level>=error OR req:r4']) {
      const { query, errors } = compileQuery(text);
      assert.deepEqual(errors, [], text);
      const scanned = records.filter((r) => matches(query, r)).map((r) => r.seq);
      assert.ok(scanned.length > 0, text);
      assert.deepEqual(store.select(query), scanned, text);
      assert.deepEqual(store.query(query).map((r) => r.seq), scanned, text);
      assert.deepEqual(store.query(query, { reverse: true, limit: 2 }), store.query(query).slice(-2).reverse(), text);
    }
    const r3 = records.filter((r) => r.requestId === 'r3');
    const withStatus = r3.filter((r) => r.status !== null);
    assert.deepEqual(store.requestSummary('r3'), {
      requestId: 'r3', count: r3.length, firstSeq: r3[0].seq, lastSeq: r3.at(-1)!.seq, firstTime: r3[0].time,
      spanMs: r3.at(-1)!.time! - r3[0].time!, status: withStatus.at(-1)?.status ?? null, durationMs: withStatus.at(-1)?.durationMs ?? null,
      errors: r3.filter((r) => r.level === 'error' || r.level === 'fatal').length,
    });
  });

  it('attach() takes only the held record itself: a decoded copy, changed or not, is refused and changes nothing', () => {
    const { store } = ingest([lines[0] + '\n']);
    const seq = store.firstSeq;
    const copy = { ...store.bySeq(seq)!, message: 'forged' };
    assert.equal(store.attach(copy, '    at x (a.js:1:1)'), false);
    assert.equal(store.bySeq(seq)!.message, 'request completed');
    assert.deepEqual(store.bySeq(seq)!.continuation, []);
    // Through its seq the line attaches, and from then on the held record is one object.
    const held = store.attachTo(seq, '    at y (b.js:2:2)')!;
    assert.deepEqual(held.continuation, ['    at y (b.js:2:2)']);
    assert.equal(store.bySeq(seq), held);
    assert.equal(store.attach(held, '    at z (c.js:3:3)'), true);
    assert.deepEqual(store.bySeq(seq)!.continuation, ['    at y (b.js:2:2)', '    at z (c.js:3:3)']);
  });

  it('matchesSeq reads a held record in place and agrees with matching the decoded record; seq listeners get seqs without decoding', () => {
    const store = new LogStore({ maxRecords: 3, maxBytes: 1 << 20 });
    const pipeline = new LogPipeline(store, new RecordParser());
    const added: number[] = [];
    const evicted: number[] = [];
    store.onAddSeq((seq) => added.push(seq));
    store.onEvictSeq((seq) => evicted.push(seq));
    pipeline.feed('test', Buffer.from(lines.join('\n') + '\n'));
    pipeline.end('test');
    assert.deepEqual(added, [0, 1, 2, 3, 4]);
    assert.deepEqual(evicted, [0, 1]);
    for (const text of ['level>=warn', 'msg~indisponible', 'res.statusCode>=200', 'req:b-2', '"only a trace"', '-level=error']) {
      const q = compileQuery(text).query;
      for (let seq = store.firstSeq; seq < store.nextSeq; seq++) {
        assert.equal(store.matchesSeq(q, seq), matches(q, store.bySeq(seq)!), `${text} on record ${seq}`);
      }
    }
    assert.equal(store.matchesSeq(compileQuery('level>=info').query, 0), false, 'an evicted record matches nothing');
  });
});
