// Patterns from settings and queries run on the linear-time engine: they still extract named groups
// and match without case, and what the engine cannot do is refused with the pattern and the reason.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { compileQuery, validateFormats } from '../../../server/src/logs';
import { ingest } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
/** Far above a linear-time run on a busy machine; a backtracking one takes hours. */
const LIMIT_MS = 20_000;

const TEXT_FORMAT = {
  id: 'acme-text',
  detect: { kind: 'regex', pattern: '^(?<ts>\\d{4}-\\d\\d-\\d\\dT\\S+) (?<sev>[a-z]+) \\[(?<rid>[^\\]]+)\\] (?<text>.*)$', flags: 'i' },
  fields: { time: ['ts'], level: ['sev'], requestId: ['rid'], message: ['text'] },
};

describe('logs: user patterns (linear-time engine)', function () {
  this.timeout(LIMIT_MS * 2);

  it('a user regex format still extracts its named groups as fields, with its flags', () => {
    const { formats, errors } = validateFormats([TEXT_FORMAT]);
    assert.deepEqual(errors, []);
    const { records } = ingest(['2024-05-01T10:00:00.000Z WARN [r-77] disk almost full\n'], { formats });
    assert.equal(records.length, 1);
    assert.equal(records[0].format, 'acme-text');
    assert.equal(records[0].level, 'warn');
    assert.equal(records[0].requestId, 'r-77');
    assert.equal(records[0].message, 'disk almost full');
    assert.equal(records[0].time, Date.parse('2024-05-01T10:00:00.000Z'));
  });

  it('a user format pattern that backtracks exponentially in RegExp finishes on an 85-character line', () => {
    // In a child process with a timeout: on a backtracking engine this line takes hours.
    const script = `
      const { RecordParser, validateFormats } = require('./server/src/logs');
      const { formats, errors } = validateFormats([{ id: 'bang', detect: { kind: 'regex', pattern: '^(?<message>(\\\\S+\\\\s?)+)!$' }, fields: { message: ['message'] } }]);
      const parser = new RecordParser({ formats });
      const poison = 'x'.repeat(84) + '?';
      const hit = parser.parseRecord('disk is full!', false, 't');
      process.stdout.write(JSON.stringify({ errors, length: poison.length, poison: parser.parseRecord(poison, false, 't'), hit: hit && [hit.format, hit.message] }));
    `;
    const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/support/register.js'), '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: LIMIT_MS });
    assert.equal(r.signal, null, `the pattern was still matching after ${LIMIT_MS} ms`);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.errors, []);
    assert.equal(out.length, 85);
    assert.equal(out.poison, null);
    assert.deepEqual(out.hit, ['bang', 'disk is full']);
  });

  it('a format pattern with backreferences or lookaround is refused, naming the pattern and the reason', () => {
    const { formats, errors } = validateFormats([
      { id: 'backref', detect: { kind: 'regex', pattern: '^(?<q>["\'])(?<msg>.*)\\k<q>$' }, fields: { message: ['msg'] } },
      { id: 'behind', detect: { kind: 'regex', pattern: '(?<=\\] )(?<msg>.*)' }, fields: { message: ['msg'] } },
      { id: 'flags', detect: { kind: 'regex', pattern: '(?<msg>.*)', flags: 'x' }, fields: { message: ['msg'] } },
    ]);
    assert.deepEqual(formats, []);
    assert.match(errors[0], /tail\.formats\[0\] \("backref"\): detect\.pattern .*pattern "\^\(\?<q>.*backreference \\k<name> is not supported: patterns run on a linear-time engine/);
    assert.match(errors[1], /tail\.formats\[1\] \("behind"\): .*pattern "\(\?<=\\\\\] \)\(\?<msg>\.\*\)": lookbehind \(\?<=\.\.\.\) is not supported/);
    assert.match(errors[2], /unknown flag "x"/);
  });

  it('field~regex queries: case-insensitive by default, /.../ as written, /.../i again without case', () => {
    const { store } = ingest([
      '{"level":50,"time":1,"msg":"Database Timeout"}\n{"level":30,"time":2,"msg":"Ünïcødé ok"}\n{"level":30,"time":3,"msg":"fine"}\n',
    ]);
    const run = (q: string) => {
      const { query, errors } = compileQuery(q);
      assert.deepEqual(errors, [], q);
      return store.query(query).map((r) => r.message);
    };
    assert.deepEqual(run('msg~TIMEOUT'), ['Database Timeout']);
    assert.deepEqual(run('msg~^database\\s+timeout$'), ['Database Timeout']);
    assert.deepEqual(run('msg~/TIMEOUT/'), []);
    assert.deepEqual(run('msg~/TIMEOUT/i'), ['Database Timeout']);
    assert.deepEqual(run('msg~ÜNÏCØDÉ'), ['Ünïcødé ok']);
    assert.deepEqual(run('msg~\\u00fcn'), ['Ünïcødé ok'], 'JavaScript \\u escapes are understood');
  });

  it('a query with a backreference or lookahead is an error at the pattern, and the rest still filters', () => {
    for (const [q, reason] of [
      ['msg~(a)\\1', /pattern "\(a\)\\\\1": backreference \\1 is not supported/],
      ['msg~/a(?!b)/', /pattern "a\(\?!b\)": lookahead \(\?!\.\.\.\) is not supported/],
    ] as const) {
      const { errors } = compileQuery(`level>=info ${q}`);
      assert.equal(errors.length, 1, q);
      assert.match(errors[0].message, reason);
      assert.equal(errors[0].offset, 'level>=info msg~'.length);
    }
  });
});
