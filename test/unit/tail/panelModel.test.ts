import * as assert from 'node:assert/strict';
import type { ExtensionToWebview } from '../../../shared/src/panelMessages';
import { MAX_WINDOW, PanelModel, type PanelClock } from '../../../client/src/tail/panelModel';
import { compileQuery, LogStore, type LogRecord } from '../../../server/src/logs';
import { record } from './records';

class ManualClock implements PanelClock {
  t = 0;
  timers = new Map<number, () => void>();
  private next = 1;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void) {
    const id = this.next++;
    this.timers.set(id, fn);
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers.delete(h as number);
  }
  fire() {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const fn of due) fn();
  }
}

function setup(max = 1000) {
  const store = new LogStore({ maxRecords: max, maxBytes: 64 * 1024 * 1024 });
  const clock = new ManualClock();
  const sent: ExtensionToWebview[] = [];
  const model = new PanelModel(store, (m) => sent.push(m), clock);
  store.onAddSeq((seq) => model.added(seq));
  let seq = 0;
  const feed = (n: number, over: (i: number) => Partial<LogRecord> = () => ({})) => {
    for (let i = 0; i < n; i++) {
      const s = seq++;
      store.add(record(s, over(s)));
    }
  };
  const q = (text: string) => {
    const { query, errors } = compileQuery(text);
    assert.deepEqual(errors, []);
    return query;
  };
  const last = <T extends ExtensionToWebview['type']>(type: T) =>
    sent.filter((m) => m.type === type).at(-1) as Extract<ExtensionToWebview, { type: T }> | undefined;
  return { store, clock, sent, model, feed, last, q };
}

describe('panel model (host side)', () => {
  it('sends one batch for many records, holding only the tail window', () => {
    const { clock, sent, model, feed, last } = setup();
    model.viewport(0, 40);
    sent.length = 0;
    feed(500);
    assert.equal(sent.length, 0, 'no message per record');
    assert.equal(clock.timers.size, 1, 'one pending batch');
    clock.fire();
    const rows = last('rows')!;
    assert.equal(rows.total, 500);
    assert.equal(rows.from, 460);
    assert.deepEqual(rows.rows.map((r) => r.seq), Array.from({ length: 40 }, (_, i) => 460 + i));
    const counts = last('counts')!;
    assert.equal(counts.shown, 500);
    assert.equal(counts.records, 500);
    assert.ok(counts.ratePerSec > 0);
    assert.equal(sent.length, 2);
  });

  it('answers a viewport with exactly those rows of the filtered view, capped', () => {
    const { clock, model, feed, last, q } = setup(5000);
    feed(3000, (i) => ({ level: i % 3 === 0 ? 'error' : 'info' }));
    clock.fire();
    model.setFilter(q('level=error'));
    model.setFollow(false);
    model.viewport(10, 15);
    const rows = last('rows')!;
    assert.equal(rows.total, 1000);
    assert.equal(rows.from, 10);
    assert.ok(rows.rows.every((r) => r.level === 'error'));
    assert.deepEqual(rows.rows.map((r) => r.seq), [30, 33, 36, 39, 42]);
    model.viewport(0, 100_000);
    assert.equal(last('rows')!.rows.length, MAX_WINDOW);
  });

  it('new records respect the current filter', () => {
    const { clock, model, feed, last, q } = setup();
    model.setFilter(q('req:abc'));
    feed(10, (i) => ({ requestId: i % 2 ? 'abc' : 'other' }));
    clock.fire();
    assert.equal(last('counts')!.shown, 5);
    assert.ok(last('rows')!.rows.every((r) => r.requestId === 'abc'));
  });

  it('pausing freezes the list and counts what is waiting; resuming jumps to the end', () => {
    const { clock, sent, model, feed, last } = setup();
    model.viewport(0, 10);
    feed(20);
    clock.fire();
    model.setFollow(false);
    sent.length = 0;
    feed(7);
    clock.fire();
    assert.deepEqual(sent.map((m) => m.type), ['counts'], 'no rows while paused');
    assert.equal(last('counts')!.waiting, 7);
    assert.equal(model.total(), 20);
    model.setFollow(true);
    const rows = last('rows')!;
    assert.equal(rows.total, 27);
    assert.equal(rows.rows.at(-1)!.seq, 26);
    assert.equal(last('counts')!.waiting, 0);
  });

  it('a paused view keeps its positions while the buffer turns over, showing gone records as such', () => {
    const { clock, model, feed, last } = setup(50);
    model.viewport(0, 10);
    feed(50);
    clock.fire();
    model.setFollow(false);
    feed(5); // evicts seq 0..4
    clock.fire();
    const rows = last('rows')!;
    assert.equal(rows.total, 50);
    assert.deepEqual(rows.rows.map((r) => r.seq), [-1, -1, -1, -1, -1, 5, 6, 7, 8, 9]);
  });

  it('a following view drops evicted records and stays bounded', () => {
    const { clock, model, feed, last } = setup(100);
    model.viewport(0, 20);
    feed(1000);
    clock.fire();
    assert.equal(last('rows')!.total, 100);
    assert.equal(last('counts')!.dropped, 900);
    assert.equal(last('rows')!.rows[0].seq, 980);
  });

  it('clear empties the list and the counts', () => {
    const { clock, model, feed, last, store } = setup();
    feed(10);
    clock.fire();
    model.clear();
    assert.equal(store.size, 0);
    assert.deepEqual(last('rows'), { type: 'rows', from: 0, total: 0, rows: [] });
    assert.equal(last('counts')!.shown, 0);
  });

  it('opening a request posts its timeline', () => {
    const { model, feed, last } = setup();
    feed(6, (i) => ({ requestId: i % 2 ? 'r-1' : null, status: i === 5 ? 200 : null }));
    model.openRequest('r-1');
    const t = last('timeline')!;
    assert.equal(t.requestId, 'r-1');
    assert.equal(t.rows.length, 3);
    assert.equal(t.summary.status, 200);
  });
});
