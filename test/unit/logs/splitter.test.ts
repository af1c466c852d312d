import * as assert from 'node:assert/strict';
import { splitAt } from './helpers';

describe('logs: LineSplitter', () => {
  const text = '{"msg":"héllo wörld ✓ 🚀"}\r\nplain line\n\n{"msg":"日本語"}\nlast without newline';
  const data = Buffer.from(text, 'utf8');
  const expected = ['{"msg":"héllo wörld ✓ 🚀"}', 'plain line', '', '{"msg":"日本語"}', 'last without newline'];

  it('reassembles the same lines whatever byte the chunks are cut at (inside multi-byte characters too)', () => {
    for (let cut = 0; cut <= data.length; cut++) {
      const lines = splitAt(data, [cut]);
      assert.deepEqual(lines.map((l) => l.text), expected, `cut at byte ${cut}`);
    }
    // Every byte its own chunk.
    const oneByOne = splitAt(data, Array.from({ length: data.length }, (_, i) => i));
    assert.deepEqual(oneByOne.map((l) => l.text), expected);
  });

  it('reports each line\'s byte length, CR included, and strips the CR', () => {
    const lines = splitAt(data, []);
    assert.equal(lines[0].bytes, Buffer.byteLength('{"msg":"héllo wörld ✓ 🚀"}\r'));
    assert.equal(lines[1].bytes, 'plain line'.length);
    assert.ok(lines.every((l) => !l.text.includes('\r')));
  });

  it('turns invalid UTF-8 into replacement characters without throwing, and keeps the next line', () => {
    const bad = Buffer.concat([Buffer.from('a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('b\nnext\n')]);
    const lines = splitAt(bad, [2]);
    assert.equal(lines.length, 2);
    assert.match(lines[0].text, /^a\uFFFD+b$/);
    assert.equal(lines[1].text, 'next');
  });

  it('cuts a 5 MB line to the limit, marks it, and still delivers the line after it', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const payload = Buffer.from(`{"msg":"${big}"}\n{"msg":"after"}\n`);
    // Fed in 64 KB reads, as a file follower would.
    const cuts: number[] = [];
    for (let i = 65536; i < payload.length; i += 65536) cuts.push(i);
    const lines = splitAt(payload, cuts, 1024 * 1024);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].cut, true);
    assert.equal(lines[0].text.length, 1024 * 1024);
    assert.equal(lines[0].bytes, big.length + 10);
    assert.deepEqual(lines[1], { text: '{"msg":"after"}', cut: false, bytes: 15 });
    // The same line arriving in one chunk is cut the same way.
    const whole = splitAt(payload, [], 1024 * 1024);
    assert.equal(whole[0].text.length, 1024 * 1024);
    assert.equal(whole[0].cut, true);
    assert.equal(whole[1].text, '{"msg":"after"}');
  });

  it('never cuts a line inside a character', () => {
    const line = 'é'.repeat(100); // 200 bytes
    for (const max of [17, 18, 33]) {
      const lines = splitAt(Buffer.from(line + '\nok\n'), [5, 50], max);
      assert.equal(lines[0].cut, true);
      assert.ok(!lines[0].text.includes('\uFFFD'), `max ${max}`);
      assert.ok(Buffer.byteLength(lines[0].text) <= max);
      assert.equal(lines[1].text, 'ok');
    }
  });
});
