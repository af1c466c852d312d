import * as assert from 'node:assert/strict';
import { computeTimeline, toRowView, ROW_MESSAGE_MAX } from '../../../client/src/tail/rowView';
import { record } from './records';

describe('panel rows and request timelines', () => {
  it('orders a request by time and gives the gap before each record', () => {
    const t0 = Date.UTC(2024, 0, 1, 12);
    const { rows, summary } = computeTimeline([
      record(7, { time: t0 + 40, requestId: 'r1', message: 'db done' }),
      record(3, { time: t0, requestId: 'r1', message: 'request start' }),
      record(5, { time: t0 + 12, requestId: 'r1', message: 'db query', level: 'error' }),
      record(9, { time: t0 + 55, requestId: 'r1', message: 'request completed', status: 502, durationMs: 54.5 }),
    ]);
    assert.deepEqual(rows.map((r) => [r.message, r.deltaMs]), [
      ['request start', null],
      ['db query', 12],
      ['db done', 28],
      ['request completed', 15],
    ]);
    assert.deepEqual(summary, { count: 4, spanMs: 55, status: 502, durationMs: 54.5, errors: 1 });
  });

  it('falls back to arrival order when a record has no time, with no delta across it', () => {
    const { rows, summary } = computeTimeline([
      record(2, { time: 1000 }),
      record(1, { time: null }),
      record(3, { time: 1010 }),
    ]);
    assert.deepEqual(rows.map((r) => [r.seq, r.deltaMs]), [[1, null], [2, null], [3, 10]]);
    assert.equal(summary.status, null);
    assert.equal(summary.spanMs, 10);
  });

  it('rows carry the first line of the message, bounded, and count continuation lines', () => {
    const long = 'x'.repeat(ROW_MESSAGE_MAX + 500);
    const row = toRowView(record(1, { message: `first line\nsecond`, continuation: ['  at a', '  at b'], cut: true }));
    assert.equal(row.message, 'first line');
    assert.equal(row.extra, 2);
    assert.equal(row.cut, true);
    assert.equal(toRowView(record(2, { message: long })).message.length, ROW_MESSAGE_MAX);
  });
});
