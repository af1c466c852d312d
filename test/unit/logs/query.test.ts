// The filter language over real records (parsed from lines), and its error reporting.
import * as assert from 'node:assert/strict';
import { compileQuery } from '../../../server/src/logs';
import { ingest } from './helpers';

const lines = [
  { level: 30, time: 1714557600000, msg: 'request completed', req: { id: 'abc123', method: 'GET' }, res: { statusCode: 200 }, responseTime: 12, user: { id: 42 } },
  { level: 50, time: 1714557601000, msg: 'Database Timeout', req: { id: 'abc123', method: 'GET' }, err: { code: 'ETIMEDOUT' } },
  { level: 40, time: 1714557602000, msg: 'slow request', req: { id: 'def456', method: 'POST' }, res: { statusCode: 503 }, responseTime: 2300, user: { id: '7' } },
  { level: 20, time: 1714557603000, msg: 'cache miss for key user:42' },
  { level: 60, time: 1714557604000, msg: 'out of memory' },
];
// The plain-text line comes first: after a JSON record it would be attached to it as a continuation.
const text = 'connection reset by peer\n' + lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

function run(q: string): string[] {
  const { store } = ingest([text]);
  const { query, errors } = compileQuery(q);
  assert.deepEqual(errors, [], `errors for ${q}`);
  return store.query(query).map((r) => r.message);
}

describe('logs: query language', () => {
  it('level comparisons', () => {
    assert.deepEqual(run('level>=warn'), ['Database Timeout', 'slow request', 'out of memory']);
    assert.deepEqual(run('level=error'), ['Database Timeout']);
    assert.deepEqual(run('level<info'), ['cache miss for key user:42']);
    assert.deepEqual(run('level!=info level<=warn'), ['slow request', 'cache miss for key user:42']);
  });

  it('request IDs', () => {
    assert.deepEqual(run('req:abc123'), ['request completed', 'Database Timeout']);
    assert.deepEqual(run('req:nope'), []);
  });

  it('fields by dotted path: numbers compare numerically, strings without case, != includes records without the field', () => {
    assert.deepEqual(run('res.statusCode=503'), ['slow request']);
    assert.deepEqual(run('res.statusCode>=500'), ['slow request']);
    assert.deepEqual(run('user.id=42'), ['request completed']);
    assert.deepEqual(run('user.id=7'), ['slow request'], 'a numeric string matches a number');
    assert.deepEqual(run('responseTime>1000'), ['slow request']);
    assert.deepEqual(run('responseTime<=12'), ['request completed']);
    assert.deepEqual(run('req.method=post'), ['slow request']);
    assert.deepEqual(run('req.method!=GET').length, 4);
    assert.deepEqual(run('err.code~^ETIME'), ['Database Timeout']);
    assert.deepEqual(run('msg~/^slow/'), ['slow request']);
    assert.deepEqual(run('msg~"out of"'), ['out of memory']);
  });

  it('free text is a case-insensitive substring; quoted phrases; negation; OR; parentheses', () => {
    assert.deepEqual(run('timeout'), ['Database Timeout']);
    assert.deepEqual(run('"connection reset"'), ['connection reset by peer']);
    assert.deepEqual(run('user:42'), ['cache miss for key user:42']);
    assert.deepEqual(run('request -slow'), ['request completed']);
    assert.deepEqual(run('request NOT completed'), ['slow request']);
    assert.deepEqual(run('-"request"').length, 4);
    assert.deepEqual(run('memory OR timeout'), ['Database Timeout', 'out of memory']);
    assert.deepEqual(run('msg~(memory|peer)'), ['connection reset by peer', 'out of memory']);
    assert.deepEqual(run('(req:abc123 OR req:def456) level>=warn'), ['Database Timeout', 'slow request']);
    assert.deepEqual(run('level=fatal OR level=debug req:none'), ['out of memory']);
    assert.deepEqual(run('').length, 6);
  });

  it('free text also searches attached stack traces', () => {
    const { store } = ingest([JSON.stringify({ level: 50, time: 1, msg: 'crash' }) + '\n    at handleOrder (orders.ts:9:1)\n']);
    assert.deepEqual(store.query(compileQuery('handleorder').query).map((r) => r.message), ['crash']);
  });

  it('returns errors with positions, never throws, and keeps the valid parts', () => {
    const cases: Array<[string, RegExp, number, number]> = [
      ['level>=loud', /Unknown level "loud"/, 7, 4],
      ['msg~([a-', /Invalid regular expression/, 4, 4],
      ['req:', /needs a request ID/, 0, 4],
      ['status=', /needs a value/, 0, 7],
      ['(timeout', /Missing "\)"/, 0, 1],
      ['timeout)', /Unmatched "\)"/, 7, 1],
      ['OR timeout', /needs a term before it/, 0, 2],
      ['"open', /Unterminated quote/, 0, 5],
      ['time>yesterday', /not a time/, 5, 9],
    ];
    for (const [q, message, offset, length] of cases) {
      const { errors } = compileQuery(q);
      assert.equal(errors.length, 1, `${q}: ${JSON.stringify(errors)}`);
      assert.match(errors[0].message, message, q);
      assert.equal(errors[0].offset, offset, q);
      assert.equal(errors[0].length, length, q);
    }
    // The valid part still filters.
    const { store } = ingest([text]);
    const { query, errors } = compileQuery('level>=warn msg~([ memory');
    assert.equal(errors.length, 1);
    assert.deepEqual(store.query(query).map((r) => r.message), ['out of memory']);
  });

  it('a query nested thousands of levels deep is an error with its position, not a stack overflow', () => {
    for (const [q, offset] of [['('.repeat(9000) + 'x', 100], ['NOT '.repeat(2400) + 'x', 400], ['- '.repeat(4000) + 'x', 200]] as const) {
      const { errors } = compileQuery(q);
      assert.equal(errors.length, 1, JSON.stringify(errors.slice(0, 3)));
      assert.match(errors[0].message, /Nested too deeply: at most 100/);
      assert.equal(errors[0].offset, offset);
    }
    // A hundred levels is fine.
    assert.deepEqual(run('('.repeat(100) + 'memory' + ')'.repeat(100)), ['out of memory']);
    assert.deepEqual(run('NOT '.repeat(100) + 'memory'), ['out of memory']);
  });

  it('a query past 10,000 characters is an error, not a pattern that throws when the records are matched', () => {
    const { store } = ingest([text]);
    const { query, errors } = compileQuery('x'.repeat(40000));
    assert.deepEqual(errors.map((e) => [e.message, e.offset, e.length]), [['The query is too long (40000 characters; at most 10000)', 10000, 30000]]);
    assert.equal(store.query(query).length, 6);
    assert.deepEqual(compileQuery('x'.repeat(10000)).errors, []);
  });

  it('time comparisons accept ISO times', () => {
    assert.deepEqual(run('time>=2024-05-01T10:00:03Z'), ['cache miss for key user:42', 'out of memory']);
  });
});
