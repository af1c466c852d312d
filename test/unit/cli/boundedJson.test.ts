// The pretty printer's value renderer walks with a stack of its own instead of JSON.stringify's
// recursion: it must still write what JSON.stringify writes, stop at its bound, and take any depth.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { boundedJson } from '../../../server/src/cli/tailFormat';

/** JSON.stringify's escapes for the controls boundedJson leaves to terminalSafe. */
function asJsonEscapes(text: string): string {
  return text.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

describe('tail pretty: boundedJson', () => {
  it('writes what JSON.stringify writes for any parsed value (controls aside)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        assert.equal(asJsonEscapes(boundedJson(v, Infinity)), JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('stops once past its bound, with the start of the whole text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(200), (v, max) => {
        const whole = boundedJson(v, Infinity);
        const cut = boundedJson(v, max);
        if (whole.length <= max) assert.equal(cut, whole);
        else {
          assert.ok(cut.length > max, 'long enough to show it was cut');
          assert.ok(whole.startsWith(cut.slice(0, max)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('renders a value nested a million levels deep (JSON.stringify overflows the call stack)', () => {
    const depth = 1_000_000;
    const deep = JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    assert.throws(() => JSON.stringify(deep), RangeError);
    assert.equal(boundedJson(deep, 80), '['.repeat(81));
  });
});
