// Records nested thousands of levels deep: reading, querying and expanding them must not overflow
// the stack (a RangeError out of a query stops a whole file), and the records after them are all there.
import * as assert from 'node:assert/strict';
import { compileQuery, fieldValue, fullJson } from '../../../server/src/logs';
import { MAX_JSON_DEPTH, parseJsonCapped } from '../../../server/src/logs/jsonDepth';
import { MAX_PATH_KEYS } from '../../../server/src/logs/paths';
import { ingest } from './helpers';

const DEPTH = 20_000;
const arrays = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('logs: deeply nested records', () => {
  const deepLines = [
    `{"level":30,"time":1,"msg":"deep arrays","a":{"b":${arrays(DEPTH)}}}`,
    `{"level":30,"time":2,"msg":"deep objects","a":${objects(DEPTH)}}`,
  ];
  const later = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ level: 30, time: 10 + i, msg: `after ${i}`, a: { b: 1 }, reqId: `r${i}` }));
  const { store, records } = ingest([[...deepLines, ...later].join('\n') + '\n']);

  it('every record after a 20,000-deep one is kept, and field queries over all of them answer', () => {
    assert.equal(records.length, 1002);
    const messages = (q: string) => store.query(compileQuery(q).query).map((r) => r.message);
    assert.deepEqual(messages('a.b=1'), later.map((_, i) => `after ${i}`));
    assert.deepEqual(messages('a.b~"1]]]"'), ['deep arrays']);
    assert.deepEqual(messages('a.a.a~"a"'), ['deep objects']);
    assert.equal(store.count(compileQuery('a!=1').query), 1002);
  });

  it('a field path of thousands of keys over a record nested as deep is not a path: no scan thousands of calls deep', () => {
    const keys = (n: number) => Array.from({ length: n }, () => 'a').join('.');
    assert.equal(fieldValue(records[1], keys(DEPTH + 1)), undefined);
    assert.equal(fieldValue(records[1], keys(MAX_PATH_KEYS + 1)), undefined);
    // Up to MAX_PATH_KEYS keys it is a path, read where the record has it.
    assert.equal(fieldValue(records[1], keys(MAX_PATH_KEYS)), objects(DEPTH - MAX_PATH_KEYS + 1));
    assert.equal(compileQuery(`${keys(MAX_PATH_KEYS)}=1`).query.root.t, 'field');
  });

  it('a value nested past the cap is its JSON text: a field reads it whole, an expanded record keeps the text past the cap', () => {
    assert.equal(fieldValue(records[0], 'a.b'), arrays(DEPTH));
    const expanded = fullJson(records[0]) as { a: { b: unknown } };
    // Printing it recurses no deeper than the cap.
    const printed = JSON.stringify(expanded);
    assert.ok(printed.length > 2 * DEPTH);
    let inner: unknown = expanded.a.b;
    for (let d = 3; d <= MAX_JSON_DEPTH; d++) inner = (inner as unknown[])[0];
    assert.equal(inner, arrays(DEPTH - (MAX_JSON_DEPTH - 2)));
  });

  it('parseJsonCapped agrees with JSON.parse up to the cap and throws what JSON.parse throws on bad text', () => {
    for (const text of ['{"x":[1,{"y":"]}[{"}],"z":2}', arrays(10), objects(10), '"a\\"[["', '[]']) {
      assert.deepEqual(parseJsonCapped(text, 10), JSON.parse(text));
    }
    assert.deepEqual(parseJsonCapped('[[["[", {"k":[1]}]]]', 2), [['["[", {"k":[1]}]']]);
    assert.throws(() => parseJsonCapped(arrays(30).slice(0, -1), 10), SyntaxError);
    assert.throws(() => parseJsonCapped('{"a":[[[1]]],}', 2), SyntaxError);
  });
});
