// The engine's fast paths give the same answers as the plain ones: big ASCII blocks decoded as one
// external string, the scanner's cache of recent short strings, and the store's allocation-free
// request chain and level bytes across ring wrap-around and clear.
import * as assert from 'node:assert/strict';
import { LogStore, NO_CONTINUATION, compileQuery, type LogRecord } from '../../../server/src/logs';
import { ingest, splitAt } from './helpers';

function record(i: number, requestId: string | null, level: LogRecord['level'] = 'info'): Omit<LogRecord, 'seq'> {
  return {
    source: 'app', raw: `{"i":${i}}`, cut: false, format: 'pino', time: 1000 + i, level, message: `m${i}`,
    requestId, traceId: null, continuation: NO_CONTINUATION, caller: null, status: null, durationMs: null,
  };
}

describe('logs: fast paths agree with the plain ones', () => {
  it('a 1 MB+ chunk read at once (the big-block decoding path) gives the same lines as small reads, ASCII or not', () => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 1_300_000; i++, size += lines[lines.length - 1].length + 1) {
      lines.push(i % 97 === 0 ? '' : i % 89 === 0 ? `{"msg":"line ${i}"}\r` : `{"level":30,"msg":"request ${i} completed","req":{"id":"r-${i}"}}`);
    }
    const ascii = Buffer.from(lines.join('\n') + '\ntail without newline');
    const accented = Buffer.from(lines.join('\n').replace('request 5 ', 'requête 5 ') + '\ntail without newline');
    for (const data of [ascii, accented]) {
      const small = splitAt(data, Array.from({ length: Math.floor(data.length / 4096) }, (_, i) => (i + 1) * 4096));
      const whole = splitAt(data, []);
      assert.equal(whole.length, lines.length + 1);
      assert.deepEqual(whole, small);
      assert.equal(whole[5].text, lines[5].replace('request 5 ', data === ascii ? 'request 5 ' : 'requête 5 '));
      assert.equal(whole[89].text, '{"msg":"line 89"}', 'CR stripped');
      assert.equal(whole[89].bytes, 18, 'CR counted');
    }
    // A long line over the limit inside a big block is still cut and marked.
    const withLong = Buffer.from(`${'y'.repeat(1_100_000)}\n{"msg":"after"}\n`);
    const cut = splitAt(withLong, [], 64 * 1024);
    assert.equal(cut[0].cut, true);
    assert.equal(cut[0].text.length, 64 * 1024);
    assert.equal(cut[1].text, '{"msg":"after"}');
  });

  it('the recent-string cache never hands back a wrong value: thousands of IDs and messages, escapes, long values', () => {
    const lines: string[] = [];
    const expected: Array<{ id: string; msg: string }> = [];
    for (let i = 0; i < 20_000; i++) {
      // IDs cycle through far more values than the cache holds; same-length messages differ in one character.
      const id = `req-${(i * 7919) % 12_000}`;
      const msg = i % 5 === 0 ? `say \\"hi\\" ${i % 3}` : i % 7 === 0 ? 'x'.repeat(70 + (i % 4)) : `done ${String.fromCharCode(97 + (i % 26))}`;
      lines.push(`{"level":30,"time":${1714557600000 + i},"reqId":"${id}","msg":"${msg}"}`);
      expected.push({ id, msg: JSON.parse(`"${msg}"`) as string });
    }
    const { records } = ingest([lines.join('\n') + '\n']);
    assert.equal(records.length, expected.length);
    for (let i = 0; i < records.length; i++) {
      assert.equal(records[i].requestId, expected[i].id, `line ${i}`);
      assert.equal(records[i].message, expected[i].msg, `line ${i}`);
    }
  });

  it('a line never sees the fields of the line before it, whatever format wrote them (the scanner empties only what it set)', () => {
    const lines = [
      '{"level":50,"time":1714557600000,"msg":"first","req":{"id":"r-1"},"res":{"statusCode":500},"responseTime":12}',
      '{"level":30,"msg":"second"}',
      'level=warn msg=third request_id=r-3 status=404',
      '{"msg":"fourth","time":1714557600004}',
      '{"level":"info","message":"fifth"}',
    ];
    const { store, records } = ingest([lines.join('\n') + '\n']);
    // The index (filled while scanning) and the decoded records (read again) must agree.
    const messages = (q: string) => store.query(compileQuery(q).query).map((r) => r.message);
    assert.deepEqual(messages('level>=warn'), ['first', 'third']);
    assert.deepEqual(messages('level=info'), ['second', 'fifth']);
    assert.deepEqual(messages('req:r-3'), ['third']);
    assert.deepEqual(store.requestSummary('r-1')?.status, 500);
    const seen = records.map((r) => [r.message, r.level, r.requestId, r.status, r.durationMs]);
    assert.deepEqual(seen, [
      ['first', 'error', 'r-1', 500, 12],
      ['second', 'info', null, null, null],
      ['third', 'warn', 'r-3', 404, null],
      ['fourth', null, null, null, null],
      ['fifth', 'info', null, null, null],
    ]);
  });

  it('lines kept in a big ASCII block (one external string) give the same records as lines kept as bytes', () => {
    const tricky = [
      '{"level":30,"time":1714557600000,"req":{"id":"a-1","headers":{"x-request-id":"h-1"}},"msg":"plain"}',
      '{ "level" : 40 , "time" : 1714557600001 , "reqId" : "b-2" , "msg" : "spaced out" }',
      '  {"level":50,"time":1714557600002,"msg":"say \\"hi\\" \\u0041","err":{"stack":"a}b]c\\"{"}}',
      '{"level":30,"time":1714557600003,"k\\"ey":"v","msg":"escaped key","requestId":"c-3"}',
      '{"level":30,"time":1714557600004,"res":{"statusCode":503},"responseTime":12.5,"msg":"done","req":{"id":7}}',
      '{"level":"warn","message":"winston","timestamp":"2024-05-01T10:00:00Z","meta":[1,{"a":"]"}]}',
      '{"level":30,"time":1714557600005,"msg":"trailing"} junk',
      '{"level":30,"time":1714557600006,"msg":"unterminated',
      '{"level":30,"time":1714557600007,"n":-1.5e3,"t":true,"f":false,"z":null,"msg":"prims"}',
      '{"level":30,"time":tru,"msg":"bad primitive"}',
      '{}',
      '{"a":1,}',
    ];
    // Padded past 1 MB the chunk is kept as one ASCII string (records decoded from its characters);
    // alone, with one non-ASCII line, the same lines are kept as a copy of their bytes.
    const filler = Array.from({ length: 9000 }, (_, i) => `{"level":30,"time":${i},"msg":"filler ${i}"}`);
    const textIngest = ingest([[...tricky, '{"msg":"é"}'].join('\n') + '\n']);
    const bytesIngest = ingest([[...tricky, ...filler, ...filler].join('\n') + '\n']);
    const asText = textIngest.records.slice(0, -1);
    const asBytes = bytesIngest.records.slice(0, asText.length);
    const strip = (r: LogRecord) => ({ ...r, seq: 0 });
    assert.deepEqual(asBytes.map(strip), asText.map(strip));
    const byMessage = new Map(asBytes.map((r) => [r.message, r]));
    assert.equal(byMessage.get('plain')?.requestId, 'a-1');
    assert.equal(byMessage.get('spaced out')?.requestId, 'b-2');
    assert.ok(byMessage.has('say "hi" A'));
    assert.equal(byMessage.get('done')?.status, 503);
    assert.equal(byMessage.get('done')?.requestId, '7');
    assert.equal(byMessage.get('prims')?.level, 'info');
    assert.equal(byMessage.get('escaped key')?.requestId, 'c-3');
    // Junk after an object, an unterminated string, a bad primitive and a trailing comma make a line
    // plain text: a record of its own, attached to no other.
    assert.deepEqual(asBytes.filter((r) => r.format === null).map((r) => [r.raw, r.continuation]), [
      [tricky[6], []], [tricky[7], []], [tricky[9], []], [tricky[11], []],
    ]);
    // Queries on fields the index does not hold read each line where it is kept: the same answers.
    for (const q of ['res.statusCode=503', 'msg~spaced', 'hi', 'err.stack~"b]c"', 'responseTime>12', 'meta~"a"']) {
      const found = (store: LogStore) => store.query(compileQuery(q).query).map((r) => r.message);
      assert.ok(found(textIngest.store).length > 0, q);
      assert.deepEqual(found(bytesIngest.store), found(textIngest.store), q);
    }
  });

  it('a request spread across ring wrap-arounds: forRequest, query and requests() see exactly its held records', () => {
    const store = new LogStore({ maxRecords: 64, maxBytes: 1 << 30 });
    const added: Array<{ seq: number; id: string | null }> = [];
    for (let i = 0; i < 1000; i++) {
      const id = i % 10 === 0 ? 'long' : i % 3 === 0 ? null : `r${i % 40}`;
      added.push({ seq: store.add(record(i, id, i % 4 === 0 ? 'error' : 'info')).seq, id });
    }
    const held = (id: string) => added.filter((a) => a.id === id && a.seq >= store.firstSeq).map((a) => a.seq);
    const ids = [...new Set(added.map((a) => a.id).filter((id): id is string => id !== null))];
    for (const id of ids) {
      assert.deepEqual(store.forRequest(id).map((r) => r.seq), held(id), id);
      assert.deepEqual(store.select(compileQuery(`req:${id}`).query), held(id), id);
      assert.deepEqual(store.select(compileQuery(`req:${id} level>=error`).query), held(id).filter((s) => store.bySeq(s)!.level === 'error'), id);
    }
    assert.ok(held('long').length > 3);
    // requests(): exactly the requests with held records, most recently active first; evicted ones are forgotten.
    const active = ids.filter((id) => held(id).length > 0).sort((a, b) => held(b).at(-1)! - held(a).at(-1)!);
    assert.ok(active.length < ids.length, 'some requests were evicted entirely');
    assert.deepEqual(store.requests().map((s) => s.requestId), active);
    store.clear();
    store.add(record(2000, 'long'));
    assert.deepEqual(store.forRequest('long').map((r) => r.message), ['m2000'], 'no chain back into cleared records');
  });
});
