// The bounded store: ring eviction by count and by bytes, every record accounted for, and indexes
// that never return what was evicted.
import * as assert from 'node:assert/strict';
import { LogStore, compileQuery, matches, NO_CONTINUATION, type LevelName, type LogRecord } from '../../../server/src/logs';

function record(i: number, over: Partial<LogRecord> = {}): Omit<LogRecord, 'seq'> {
  return {
    source: 'app',
    raw: `{"i":${i}}`,
    cut: false,
    format: 'pino',
    time: 1000 + i,
    level: 'info',
    message: `m${i}`,
    requestId: `req-${i % 10}`,
    traceId: null,
    continuation: NO_CONTINUATION,
    caller: null,
    status: null,
    durationMs: null,
    ...over,
  };
}

describe('logs: LogStore', () => {
  it('evicts the oldest records past maxRecords, counting each as dropped', () => {
    const store = new LogStore({ maxRecords: 100, maxBytes: 1 << 30 });
    const evicted: number[] = [];
    store.onEvict((r) => evicted.push(r.seq));
    for (let i = 0; i < 250; i++) store.add(record(i));
    assert.equal(store.size, 100);
    assert.equal(store.dropped, 150);
    assert.equal(store.totalReceived, 250);
    assert.equal(store.size + store.dropped, store.totalReceived);
    assert.deepEqual(evicted, Array.from({ length: 150 }, (_, i) => i));
    assert.equal(store.bySeq(149), undefined);
    assert.equal(store.bySeq(150)!.message, 'm150');
    assert.equal(store.bySeq(249)!.message, 'm249');
  });

  it('evicts by bytes as well, and keeps its byte count exact', () => {
    const store = new LogStore({ maxRecords: 1000, maxBytes: 2000 });
    for (let i = 0; i < 100; i++) store.add(record(i, { raw: 'x'.repeat(100) }));
    assert.ok(store.bytes <= 2000);
    assert.ok(store.size > 0 && store.size < 100);
    assert.equal(store.size + store.dropped, 100);
    let sum = 0;
    for (let s = store.firstSeq; s < store.nextSeq; s++) sum += 64 + store.bySeq(s)!.raw.length;
    assert.equal(store.bytes, sum);
    // A single record larger than the budget is still kept (alone) rather than lost on arrival.
    store.add(record(100, { raw: 'y'.repeat(5000) }));
    assert.equal(store.size, 1);
    assert.equal(store.bySeq(store.firstSeq)!.raw.length, 5000);
  });

  it('forRequest never returns evicted records, and forgets requests that are gone', () => {
    const store = new LogStore({ maxRecords: 25, maxBytes: 1 << 30 });
    for (let i = 0; i < 100; i++) store.add(record(i));
    for (let k = 0; k < 10; k++) {
      const got = store.forRequest(`req-${k}`);
      const expected = Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 10 === k && i >= 75);
      assert.deepEqual(got.map((r) => r.seq), expected);
    }
    store.add(record(100, { requestId: 'lonely' }));
    for (let i = 101; i < 130; i++) store.add(record(i, { requestId: 'other' }));
    assert.deepEqual(store.forRequest('lonely'), []);
    assert.ok(!store.requests().some((r) => r.requestId === 'lonely'));
  });

  it('level and request queries use the indexes and agree with a full scan after eviction', () => {
    const store = new LogStore({ maxRecords: 500, maxBytes: 1 << 30 });
    const levels: LevelName[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
    for (let i = 0; i < 2000; i++) store.add(record(i, { level: i % 7 === 0 ? null : levels[i % 6], requestId: i % 3 ? `r${i % 50}` : null }));
    for (const text of ['level>=warn', 'level<info', 'level=error', 'req:r7', 'req:r7 level>=error', 'level>=warn -level=fatal']) {
      const { query, errors } = compileQuery(text);
      assert.deepEqual(errors, []);
      const indexed = store.query(query).map((r) => r.seq);
      const scanned: number[] = [];
      for (let s = store.firstSeq; s < store.nextSeq; s++) if (matches(query, store.bySeq(s)!)) scanned.push(s);
      assert.deepEqual(indexed, scanned, text);
      assert.ok(indexed.length > 0, text);
      assert.deepEqual(store.select(query), scanned, text);
      assert.equal(store.count(query), scanned.length, text);
      // Paging: limit and fromSeq, and newest first.
      const k = Math.min(2, scanned.length - 1);
      assert.deepEqual(store.query(query, { limit: 3, fromSeq: scanned[k] }).map((r) => r.seq), scanned.slice(k, k + 3), text);
      assert.deepEqual(store.query(query, { limit: 2, reverse: true }).map((r) => r.seq), scanned.slice(-2).reverse(), text);
    }
  });

  it('summarises a request: count, span, status, duration, errors', () => {
    const store = new LogStore({ maxRecords: 100, maxBytes: 1 << 30 });
    store.add(record(0, { requestId: 'a', time: 1000 }));
    store.add(record(1, { requestId: 'a', time: 1040, level: 'error' }));
    store.add(record(2, { requestId: 'a', time: 1100, status: 500, durationMs: 98 }));
    assert.deepEqual(store.requestSummary('a'), {
      requestId: 'a', count: 3, firstSeq: 0, lastSeq: 2, firstTime: 1000, spanMs: 100, status: 500, durationMs: 98, errors: 1,
    });
  });

  it('attach grows a held record (bytes counted, listeners told); clear empties everything', () => {
    const store = new LogStore({ maxRecords: 10, maxBytes: 1 << 20 });
    const r = store.add(record(0));
    const updated: number[] = [];
    store.onUpdate((u) => updated.push(u.seq));
    const before = store.bytes;
    assert.equal(store.attach(r, '    at x (y.js:1:1)'), true);
    assert.deepEqual(r.continuation, ['    at x (y.js:1:1)']);
    assert.equal(NO_CONTINUATION.length, 0, 'the shared empty array is never written to');
    assert.equal(store.bytes, before + 20);
    assert.deepEqual(updated, [0]);
    store.clear();
    assert.equal(store.size, 0);
    assert.equal(store.forRequest('req-0').length, 0);
    assert.equal(store.attach(r, 'late'), false);
    const again = store.add(record(1));
    assert.equal(again.seq, 1, 'seqs are never reused');
    assert.equal(store.bySeq(1), again);
  });
});
