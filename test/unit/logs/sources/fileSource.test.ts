import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSource } from '../../../../server/src/logs/sources';
import { RecordingSink, sleep, tempDir, waitFor } from './helpers';

describe('FileSource (followed files)', () => {
  let dir: string;
  let source: FileSource | null = null;
  beforeEach(() => {
    dir = tempDir('file');
  });
  afterEach(async () => {
    await source?.stop();
    source = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function follow(target: string, fromStart = false): RecordingSink {
    const sink = new RecordingSink();
    source = new FileSource(target, { fromStart, pollIntervalMs: 20, cwd: dir });
    source.start(sink);
    return sink;
  }

  it('starts at the end like tail -f and delivers each appended line once', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'before-1\nbefore-2\n');
    const sink = follow('app.log');
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    for (let i = 0; i < 5; i++) {
      fs.appendFileSync(file, `line-${i}\n`);
      await sleep(10);
    }
    await waitFor('5 lines', () => sink.lines().length >= 5);
    await sleep(100);
    assert.deepEqual(sink.lines(), ['line-0', 'line-1', 'line-2', 'line-3', 'line-4']);
  });

  it('reads existing content with fromStart and holds a partial line until it is finished', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'one\ntw');
    const sink = follow(file, true);
    await waitFor('first line', () => sink.lines().length >= 1);
    await sleep(80);
    assert.equal(sink.text(), 'one\n', 'the unfinished line is held back');
    fs.appendFileSync(file, 'o\nthree\n');
    await waitFor('three lines', () => sink.lines().length >= 3);
    assert.deepEqual(sink.lines(), ['one', 'two', 'three']);
  });

  it('survives rotation by rename: drains the old file, then reads the new one from its start', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, '');
    const sink = follow(file);
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    fs.appendFileSync(file, 'a1\na2\n');
    await waitFor('a2', () => sink.lines().includes('a2'));
    fs.appendFileSync(file, 'a3\n');
    fs.renameSync(file, file + '.1');
    // A writer that has not reopened yet still appends to the renamed file.
    fs.appendFileSync(file + '.1', 'a4\n');
    fs.writeFileSync(file, 'b1\n');
    await waitFor('b1', () => sink.lines().includes('b1'));
    fs.appendFileSync(file, 'b2\n');
    await waitFor('b2', () => sink.lines().includes('b2'));
    await sleep(100);
    assert.deepEqual(sink.lines(), ['a1', 'a2', 'a3', 'a4', 'b1', 'b2']);
    assert.ok(sink.eventTypes().includes('rotated'), `events: ${sink.eventTypes()}`);
  });

  it('survives copytruncate: reads from 0 again and reports truncated', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, '');
    const sink = follow(file);
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    fs.appendFileSync(file, 'long line before truncation 1\nlong line before truncation 2\n');
    await waitFor('2 lines', () => sink.lines().length === 2);
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, 't1\n');
    await waitFor('t1', () => sink.lines().includes('t1'));
    fs.appendFileSync(file, 't2\n');
    await waitFor('t2', () => sink.lines().includes('t2'));
    assert.deepEqual(sink.lines(), ['long line before truncation 1', 'long line before truncation 2', 't1', 't2']);
    assert.ok(sink.eventTypes().includes('truncated'));
  });

  it('reports deletion, then reads the re-created file from its start', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'x1\n');
    const sink = follow(file, true);
    await waitFor('x1', () => sink.lines().includes('x1'));
    fs.unlinkSync(file);
    await waitFor('deleted event', () => sink.eventTypes().includes('deleted'));
    fs.writeFileSync(file, 'y1\ny2\n');
    await waitFor('y2', () => sink.lines().includes('y2'));
    assert.deepEqual(sink.lines(), ['x1', 'y1', 'y2']);
    const types = sink.eventTypes();
    assert.ok(types.lastIndexOf('opened') > types.indexOf('deleted'), `events: ${types}`);
  });

  it('waits for a file that does not exist yet and reads it whole once created', async () => {
    const sink = follow('later.log');
    await waitFor('waiting event', () => sink.events.find((e) => e.type === 'waiting'));
    fs.writeFileSync(path.join(dir, 'later.log'), 'first\nsecond\n');
    await waitFor('second', () => sink.lines().includes('second'));
    assert.deepEqual(sink.lines(), ['first', 'second']);
  });

  it('follows a glob: existing matches, files that appear later, never other files', async () => {
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'a.log'), 'a-old\n');
    fs.writeFileSync(path.join(dir, 'logs', 'b.log'), 'b-old\n');
    fs.writeFileSync(path.join(dir, 'logs', 'notes.txt'), 'not a log\n');
    const sink = follow('logs/*.log', true);
    await waitFor('both existing files', () => sink.lines().length >= 2);
    fs.appendFileSync(path.join(dir, 'logs', 'a.log'), 'a-new\n');
    fs.writeFileSync(path.join(dir, 'logs', 'c.log'), 'c-1\n');
    fs.appendFileSync(path.join(dir, 'logs', 'notes.txt'), 'still not a log\n');
    await waitFor('c-1 and a-new', () => sink.lines().includes('c-1') && sink.lines().includes('a-new'));
    await sleep(100);
    assert.deepEqual([...sink.lines()].sort(), ['a-new', 'a-old', 'b-old', 'c-1']);
  });

  it('a glob that also matches the rotated name does not read the rotated file twice', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'r1\nr2\n');
    const sink = follow('app.log*', true);
    await waitFor('r2', () => sink.lines().includes('r2'));
    fs.renameSync(file, file + '.1');
    fs.writeFileSync(file, 's1\n');
    await waitFor('s1', () => sink.lines().includes('s1'));
    fs.appendFileSync(file + '.1', 'r3\n');
    await waitFor('r3', () => sink.lines().includes('r3'));
    await sleep(100);
    assert.deepEqual([...sink.lines()].sort(), ['r1', 'r2', 'r3', 's1']);
  });

  it('delivers every byte of a large file written in uneven steps exactly once', async () => {
    const file = path.join(dir, 'big.log');
    fs.writeFileSync(file, '');
    const sink = follow(file);
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    const expected: string[] = [];
    let n = 0;
    for (let step = 0; step < 6; step++) {
      let block = '';
      const count = 9000 + step * 3001;
      for (let i = 0; i < count; i++) {
        const line = `{"n":${n++},"msg":"${'x'.repeat(n % 97)}"}`;
        expected.push(line);
        block += line + '\n';
      }
      // Write in two pieces that split a line, so reads see a partial line at the end.
      const cut = Math.floor(block.length / 2) + 3;
      fs.appendFileSync(file, block.slice(0, cut));
      await sleep(5);
      fs.appendFileSync(file, block.slice(cut));
    }
    await waitFor('all lines', () => sink.lines().length >= expected.length, 20000);
    await sleep(100);
    assert.equal(sink.lines().length, expected.length);
    assert.deepEqual(sink.lines(), expected);
  });

  it('starts at the last N lines of an existing file (lastLines), a trailing partial line counting as one', async () => {
    const file = path.join(dir, 'app.log');
    // Long lines, so the backwards search crosses several of its reads.
    const lines = Array.from({ length: 400 }, (_, i) => `line-${i}-${'x'.repeat(700)}`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const sink = new RecordingSink();
    source = new FileSource(file, { lastLines: 150, pollIntervalMs: 20, cwd: dir });
    source.start(sink);
    await waitFor('150 lines', () => sink.lines().length >= 150);
    await sleep(80);
    assert.deepEqual(sink.lines(), lines.slice(-150));
    await source.stop();
    fs.appendFileSync(file, 'partial');
    const partial = new RecordingSink();
    source = new FileSource(file, { lastLines: 2, pollIntervalMs: 20, cwd: dir });
    source.start(partial);
    await waitFor('one whole line', () => partial.lines().length >= 1);
    fs.appendFileSync(file, '-done\n');
    await waitFor('the partial line finished', () => partial.lines().length >= 2);
    assert.deepEqual(partial.lines(), [lines[399], 'partial-done']);
    const opened = partial.events.find((e) => e.type === 'opened');
    assert.ok(opened && opened.type === 'opened' && opened.skipped! > 0 && opened.file === file);
  });

  it('opened at its end, delivers the last N lines it passed over on request, before nothing newer and only once', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'old-1\nold-2\nold-3\nold-4\nhalf-writ');
    const sink = follow('app.log');
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    const opened = sink.events.find((e) => e.type === 'opened');
    assert.equal(opened?.type === 'opened' && opened.skipped, fs.statSync(file).size);
    assert.equal(source!.loadEarlier(file, 2), true);
    await waitFor('the earlier lines', () => sink.lines().length >= 2);
    // Earlier lines are whole ones: the line being written when the file was opened is read from
    // where reading began, as tail -f does, and never delivered twice.
    fs.appendFileSync(file, 'ten\nnew-1\n');
    await waitFor('new-1', () => sink.lines().includes('new-1'));
    await sleep(80);
    assert.deepEqual(sink.lines(), ['old-3', 'old-4', 'ten', 'new-1']);
    assert.equal(source!.loadEarlier(file, 2), false, 'asked twice: the lines were given already');
  });

  it('has no earlier lines to give once the file was truncated, or when it was read from its start', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, 'old-1\nold-2\n');
    const sink = follow('app.log');
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, 'x\n');
    await waitFor('truncation seen', () => sink.eventTypes().includes('truncated'));
    assert.equal(source!.loadEarlier(file, 5), false);
    await source!.stop();
    const whole = follow('app.log', true);
    await waitFor('x', () => whole.lines().includes('x'));
    assert.equal(source!.loadEarlier(file, 5), false);
  });

  it('names each file of a glob by its path under the glob folder, and passes it with the bytes', async () => {
    fs.mkdirSync(path.join(dir, 'logs', 'api'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'logs', 'service.log'), 's\n');
    fs.writeFileSync(path.join(dir, 'logs', 'api', 'web.log'), 'w\n');
    const files: string[] = [];
    const sink = new RecordingSink();
    source = new FileSource('logs/**/*.log', { fromStart: true, pollIntervalMs: 20, cwd: dir });
    source.start({ data: (c, o, file) => (sink.data(c), files.push(source!.nameOf(file!))), event: (e) => sink.event(e) });
    await waitFor('both', () => sink.lines().length >= 2);
    assert.deepEqual(files.sort(), ['api/web.log', 'service.log']);
    assert.equal(new FileSource('logs/app.log', { cwd: dir }).nameOf(path.join(dir, 'logs', 'app.log')), 'app.log');
  });

  it('stop() releases the file: nothing is delivered afterwards', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, '');
    const sink = follow(file);
    await waitFor('opened', () => sink.eventTypes().includes('opened'));
    fs.appendFileSync(file, 'kept\n');
    await waitFor('kept', () => sink.lines().includes('kept'));
    await source!.stop();
    fs.appendFileSync(file, 'after-stop\n');
    await sleep(150);
    assert.deepEqual(sink.lines(), ['kept']);
  });
});
