// Lines read from a file are kept as their place in it (FileBlock), not copied: these tests read
// real files through the real pipeline and store, change the files under them the ways log files
// change (rewritten, truncated, rotated, deleted), and check that every record still reads as the
// line it was, or says it is gone, never another line's text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chunksOf, compileQuery, FileLines, LogPipeline, LogStore, RecordParser, type LogRecord } from '../../../server/src/logs';
import { FileSource } from '../../../server/src/logs/sources';
import { tempDir, waitFor } from './sources/helpers';

const line = (i: number, id = `req-${i}`) => JSON.stringify({ level: 30 + (i % 3) * 10, time: 1714557600000 + i, req: { id }, msg: `line ${i}` });

function allRecords(store: LogStore): LogRecord[] {
  const out: LogRecord[] = [];
  for (let s = store.firstSeq; s < store.nextSeq; s++) out.push(store.bySeq(s)!);
  return out;
}

describe('logs: lines kept as places in their file', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('filelines');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Reads `file` whole into a new store in `chunk`-byte reads, as a file source does; returns the open file. */
  function readInto(file: string, chunk: number): { store: LogStore; lines: FileLines; fd: number } {
    const store = new LogStore({ maxRecords: 10_000, maxBytes: 64 * 1024 * 1024 });
    const pipeline = new LogPipeline(store, new RecordParser());
    const fd = fs.openSync(file, 'r');
    const lines = new FileLines(fd, file);
    for (const { chunk: bytes, position } of chunksOf(fd, chunk)) {
      pipeline.feed('app', bytes, { file: lines, position });
      // The same buffer for every read: the store must not keep it.
      bytes.fill(0x21);
    }
    pipeline.end('app');
    return { store, lines, fd };
  }

  it('reads each record back from the file as the line it was, whatever the read size', () => {
    const file = path.join(dir, 'app.log');
    const text = Array.from({ length: 300 }, (_, i) => line(i)).join('\n') + '\n';
    fs.writeFileSync(file, text);
    for (const chunk of [64, 1000, 1 << 20]) {
      const { store, fd } = readInto(file, chunk);
      try {
        const records = allRecords(store);
        assert.deepEqual(records.map((r) => r.raw), text.trimEnd().split('\n'), `read in ${chunk}-byte chunks`);
        assert.equal(records[7].message, 'line 7');
        // A scan that reads every line (free text): blocks are read back into a few reused buffers.
        assert.deepEqual(store.query(compileQuery('"line 29"').query).map((r) => r.raw), [line(29), line(290), line(291), line(292), line(293), line(294), line(295), line(296), line(297), line(298), line(299)]);
        assert.deepEqual(store.forRequest('req-150').map((r) => r.raw), [line(150)]);
      } finally {
        fs.closeSync(fd);
      }
    }
  });

  it('a file rewritten before the lines were copied: records say they are gone, keeping their indexed fields', () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, Array.from({ length: 50 }, (_, i) => line(i)).join('\n') + '\n');
    const { store, fd } = readInto(file, 1 << 20);
    try {
      // Same length, other text: what copytruncate followed by new writes can leave at the same offsets.
      fs.writeFileSync(file, Array.from({ length: 50 }, (_, i) => line(i, `new-${i}`)).join('\n') + '\n');
      const r = store.bySeq(store.firstSeq + 10)!;
      assert.match(r.raw, /no longer in .*app\.log/);
      assert.equal(r.requestId, 'req-10');
      assert.equal(r.level, 'warn');
      assert.ok(!allRecords(store).some((x) => x.raw.includes('new-')), 'never shows the new text as an old record');
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a rewrite the sampled fingerprint cannot see (a newline moved by one byte) still shows no line wrongly', () => {
    const file = path.join(dir, 'app.log');
    const text = Array.from({ length: 40 }, (_, i) => line(i)).join('\n') + '\n';
    fs.writeFileSync(file, text);
    const { store, fd } = readInto(file, 1 << 20);
    try {
      // The block is every line but the final newline; the fingerprint samples every step-th byte.
      const step = Math.floor((text.length - 1) / 64);
      let p = text.indexOf('\n', 200);
      while (p % step === 0 || (p + 1) % step === 0) p = text.indexOf('\n', p + 1);
      const moved = text.slice(0, p) + text[p + 1] + '\n' + text.slice(p + 2);
      fs.writeFileSync(file, moved);
      const records = allRecords(store);
      const after = records.findIndex((r) => r.raw.includes('no longer in'));
      assert.ok(after >= 0, 'the changed lines are reported gone');
      for (const r of records) assert.ok(text.split('\n').includes(r.raw) || /no longer in/.test(r.raw), `never another text: ${r.raw}`);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('settle copies the lines into memory: a truncation afterwards loses nothing', () => {
    const file = path.join(dir, 'app.log');
    const text = Array.from({ length: 2000 }, (_, i) => line(i)).join('\n') + '\n';
    fs.writeFileSync(file, text);
    const { store, fd } = readInto(file, 4096);
    try {
      let steps = 0;
      while (store.settle(16 * 1024)) steps++;
      assert.ok(steps > 1, 'settles a little at a time');
      fs.truncateSync(file, 0);
      assert.deepEqual(allRecords(store).map((r) => r.raw), text.trimEnd().split('\n'));
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a block read into a lent buffer and then pinned keeps its own copy (the buffer goes on to other blocks)', () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, line(1) + '\n' + line(2) + '\n');
    const fd = fs.openSync(file, 'r');
    try {
      const lines = new FileLines(fd, file);
      const text = fs.readFileSync(file);
      const block = lines.block(text, 0, text.length - 1, 0);
      const lent = Buffer.alloc(1 << 16);
      assert.equal(block.readInto(lent)?.toString(), text.subarray(0, text.length - 1).toString());
      block.pin();
      lent.fill(0x3f);
      assert.equal(block.unload(), null, 'a pinned block keeps its bytes');
      assert.equal(block.bytes()?.toString(), text.subarray(0, text.length - 1).toString());
    } finally {
      fs.closeSync(fd);
    }
  });

  it('detach copies what is still held before the file is let go (rotation, deletion, stop)', () => {
    const file = path.join(dir, 'app.log');
    const text = Array.from({ length: 100 }, (_, i) => line(i)).join('\n') + '\n';
    fs.writeFileSync(file, text);
    const { store, lines, fd } = readInto(file, 512);
    lines.detach();
    fs.closeSync(fd);
    fs.rmSync(file);
    assert.deepEqual(allRecords(store).map((r) => r.raw), text.trimEnd().split('\n'));
  });

  it('through a followed file: records stay readable after rotation by rename and after deletion', async () => {
    const file = path.join(dir, 'app.log');
    const store = new LogStore({ maxRecords: 10_000, maxBytes: 64 * 1024 * 1024 });
    const pipeline = new LogPipeline(store, new RecordParser());
    const source = new FileSource('app.log', { fromStart: true, pollIntervalMs: 20, cwd: dir });
    const first = Array.from({ length: 20 }, (_, i) => line(i));
    fs.writeFileSync(file, first.join('\n') + '\n');
    source.start({ data: (chunk, origin) => pipeline.feed('app', chunk, origin), event: () => undefined });
    try {
      await waitFor('the first file', () => store.size === 20);
      fs.renameSync(file, path.join(dir, 'app.log.1'));
      const second = Array.from({ length: 5 }, (_, i) => line(100 + i));
      fs.writeFileSync(file, second.join('\n') + '\n');
      await waitFor('the new file', () => store.size === 25);
      // The rotated file goes away too: what was read from it must not.
      fs.rmSync(path.join(dir, 'app.log.1'));
      fs.writeFileSync(path.join(dir, 'app.log.1'), 'x'.repeat(5000));
      assert.deepEqual(allRecords(store).map((r) => r.raw), [...first, ...second]);
      fs.rmSync(file);
      await source.stop();
      assert.deepEqual(allRecords(store).map((r) => r.raw), [...first, ...second]);
    } finally {
      await source.stop();
    }
  });

  /** A followed file feeding a store, as the panel and `obs-lens tail --follow` do. */
  function followInto(name: string): { store: LogStore; source: FileSource; events: string[] } {
    const store = new LogStore({ maxRecords: 10_000, maxBytes: 64 * 1024 * 1024 });
    const pipeline = new LogPipeline(store, new RecordParser());
    const source = new FileSource(name, { fromStart: true, pollIntervalMs: 20, cwd: dir });
    const events: string[] = [];
    source.start({ data: (chunk, origin) => pipeline.feed('app', chunk, origin), event: (e) => events.push(e.type) });
    return { store, source, events };
  }

  it('a followed file truncated in place before its lines were copied: old records say gone, new ones read right', async () => {
    const file = path.join(dir, 'app.log');
    const before = Array.from({ length: 30 }, (_, i) => line(i));
    fs.writeFileSync(file, before.join('\n') + '\n');
    const { store, source, events } = followInto('app.log');
    try {
      await waitFor('the lines', () => store.size === 30);
      // copytruncate, then the service writes on: lines of the same length at the same offsets.
      fs.truncateSync(file, 0);
      const after = Array.from({ length: 30 }, (_, i) => line(i, `new-${i}`));
      await waitFor('the truncation to be seen', () => events.includes('truncated'));
      fs.appendFileSync(file, after.join('\n') + '\n');
      await waitFor('the new lines', () => store.size === 60);
      const raws = allRecords(store).map((r) => r.raw);
      assert.deepEqual(raws.slice(30), after);
      for (const [i, raw] of raws.slice(0, 30).entries()) assert.match(raw, /no longer in/, `record ${i}`);
      assert.deepEqual(allRecords(store).slice(0, 30).map((r) => r.requestId), before.map((_, i) => `req-${i}`));
    } finally {
      await source.stop();
    }
  });

  it('stop() copies held lines in; stop({ discard: true }) lets the file go without reading it again', async () => {
    const file = path.join(dir, 'app.log');
    const text = Array.from({ length: 40 }, (_, i) => line(i));
    fs.writeFileSync(file, text.join('\n') + '\n');
    const kept = followInto('app.log');
    const discarded = followInto('app.log');
    await waitFor('both to read the file', () => kept.store.size === 40 && discarded.store.size === 40);
    await kept.source.stop();
    await discarded.source.stop({ discard: true });
    assert.deepEqual(allRecords(kept.store).map((r) => r.raw), text);
    assert.ok(allRecords(discarded.store).every((r) => /no longer in/.test(r.raw)));
  });
});
