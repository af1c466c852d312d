// The panel back end end to end without VS Code: real files followed by the real sources, the real
// log engine, and the webview's messages answered as the panel would see them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExtensionToWebview } from '../../../shared/src/panelMessages';
import { DEFAULT_SETTINGS, type TailSettings } from '../../../shared/src/settings';
import type { LogRecord } from '../../../server/src/logs';
import { TailSession } from '../../../client/src/tail/tailSession';
import { planSources, pickedFileSpec, UNTRUSTED_COMMAND } from '../../../client/src/tail/tailSources';

const tail = (over: Partial<TailSettings>): TailSettings => ({ ...DEFAULT_SETTINGS.tail, ...over });

async function until(cond: () => boolean, what: string): Promise<void> {
  // Up to 30 s: the machine running the suite may be busy (two cores, many processes).
  for (let i = 0; i < 1200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`timed out waiting for ${what}`);
}

function pino(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ level: 30, time: 1704110400000 + i, pid: 1, hostname: 'h', msg: `hello ${i}`, ...extra });
}

describe('tail session (host side, real sources and engine)', function () {
  this.timeout(60_000);
  let dir: string;
  let session: TailSession | undefined;
  const sent: ExtensionToWebview[] = [];
  const copied: string[] = [];
  const opened: LogRecord[] = [];
  const trustRequests: number[] = [];
  const last = <T extends ExtensionToWebview['type']>(type: T) =>
    sent.filter((m) => m.type === type).at(-1) as Extract<ExtensionToWebview, { type: T }> | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-tail-'));
    sent.length = copied.length = opened.length = trustRequests.length = 0;
  });
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function start(engine = { maxRecords: 1000, maxBytes: 1 << 24, requestIdFields: [] as string[], formats: [] as unknown[] }) {
    session = new TailSession(engine, {
      post: (m) => sent.push(m),
      copy: (t) => copied.push(t),
      goToCode: (r) => opened.push(r),
      manageTrust: () => trustRequests.push(1),
    });
    return session;
  }

  it('follows a configured file, labels records with their source, and batches them to the webview', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, pino(0) + '\n'); // existing content is skipped, like tail -f
    const s = start();
    await s.setSources(planSources([{ name: 'svc', path: dir, tail: tail({ files: ['app.log'] }) }], true));
    s.handle({ type: 'ready' });
    assert.equal(last('init')?.sources[0].label, 'app.log');
    await until(() => s.statuses()[0]?.state === 'running', 'the file to open');
    fs.appendFileSync(file, [1, 2, 3].map((i) => pino(i, { reqId: 'r-1' })).join('\n') + '\n');
    await until(() => (last('rows')?.total ?? 0) === 3, 'three rows');
    const rows = last('rows')!.rows;
    assert.deepEqual(rows.map((r) => [r.message, r.source, r.requestId]), [
      ['hello 1', 'app.log', 'r-1'],
      ['hello 2', 'app.log', 'r-1'],
      ['hello 3', 'app.log', 'r-1'],
    ]);
    assert.equal(last('counts')?.records, 3);
  });

  it('a configured file that already holds lines: waits for new ones, offers its last N, loads them on request, rows named by the file', async () => {
    fs.mkdirSync(path.join(dir, 'logs'));
    const file = path.join(dir, 'logs', 'service.log');
    fs.writeFileSync(file, [0, 1, 2, 3, 4].map((i) => pino(i)).join('\n') + '\n');
    const s = start();
    await s.setSources(planSources([{ name: 'svc', path: dir, tail: tail({ files: ['logs/*.log'], loadExisting: 3 }) }], true));
    s.handle({ type: 'ready' });
    await until(() => (last('existing')?.offers.length ?? 0) === 1, 'the offer');
    const offer = last('existing')!.offers[0];
    assert.deepEqual({ ...offer, id: '' }, { id: '', file: 'service.log', bytes: fs.statSync(file).size, lines: 3 });
    assert.equal(s.store.size, 0, 'existing lines are not read unless asked for');
    assert.deepEqual(last('sourceStatus')?.sources.map((x) => [x.label, x.state]), [['logs/*.log', 'running']]);
    // An offer the host never made is ignored.
    s.handle({ type: 'loadExisting', id: 'offer-999' });
    s.handle({ type: 'loadExisting', id: offer.id });
    await until(() => (last('rows')?.total ?? 0) === 3, 'the last three lines');
    assert.deepEqual(last('rows')!.rows.map((r) => [r.message, r.source]), [['hello 2', 'service.log'], ['hello 3', 'service.log'], ['hello 4', 'service.log']]);
    await until(() => last('existing')?.offers.length === 0, 'the offer to go');
    fs.appendFileSync(file, pino(5) + '\n');
    await until(() => (last('rows')?.total ?? 0) === 4, 'the new line');
    assert.deepEqual(last('rows')!.rows.at(-1)!.source, 'service.log');
    assert.equal(s.store.size, 4, 'nothing was read twice');
  });

  it('makes no offer for an empty file, a file tailed from its start, or with tail.loadExisting 0', async () => {
    fs.writeFileSync(path.join(dir, 'empty.log'), '');
    fs.writeFileSync(path.join(dir, 'full.log'), pino(1) + '\n');
    fs.writeFileSync(path.join(dir, 'picked.log'), pino(2) + '\n');
    const s = start();
    await s.setSources(planSources([
      { name: 'a', path: dir, tail: tail({ files: ['empty.log'] }) },
      { name: 'b', path: dir, tail: tail({ files: ['full.log'], loadExisting: 0 }) },
    ], true));
    s.addSource(pickedFileSpec(path.join(dir, 'picked.log'), dir));
    await until(() => s.statuses().filter((x) => x.state === 'running').length === 3 && s.store.size === 1, 'the three files');
    s.handle({ type: 'ready' });
    assert.deepEqual(last('existing')?.offers, []);
  });

  it('titles the details by request, request ID and time', async () => {
    const file = path.join(dir, 'app.log');
    const s = start();
    s.addSource(pickedFileSpec(file, dir));
    const line = JSON.stringify({ level: 30, time: Date.UTC(2024, 0, 1, 12, 0, 1, 234), req: { id: 'req-7', method: 'get', url: '/orders/42' }, msg: 'order loaded' });
    fs.writeFileSync(file, `${line}\n${pino(3, { path: '/etc/hosts' })}\n`);
    await until(() => s.store.size === 2, 'the records');
    s.handle({ type: 'expand', seq: s.store.firstSeq });
    assert.deepEqual(last('details')!.heading, { request: 'GET /orders/42', requestId: 'req-7', time: Date.UTC(2024, 0, 1, 12, 0, 1, 234), message: 'order loaded' });
    // A path alone does not make a record a request.
    s.handle({ type: 'expand', seq: s.store.firstSeq + 1 });
    assert.equal(last('details')!.heading.request, null);
  });

  it('keeps every record readable when its file is truncated in place (copytruncate) after being read', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, '');
    const s = start();
    await s.setSources(planSources([{ name: 'svc', path: dir, tail: tail({ files: ['app.log'] }) }], true));
    await until(() => s.statuses()[0]?.state === 'running', 'the file to open');
    const written = Array.from({ length: 200 }, (_, i) => pino(i, { reqId: `r-${i % 7}` }));
    fs.appendFileSync(file, written.join('\n') + '\n');
    await until(() => s.store.size === 200, 'the records');
    // The lines were kept as places in the file; the session copies them in when idle.
    await until(() => !s.store.settle(0), 'the lines to be copied in');
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, pino(999) + '\n');
    await until(() => s.store.size === 201, 'the record written after the truncation');
    const raws: string[] = [];
    for (let seq = s.store.firstSeq; seq < s.store.nextSeq; seq++) raws.push(s.store.bySeq(seq)!.raw);
    assert.deepEqual(raws, [...written, pino(999)]);
  });

  it('filters with the query language, reporting query errors with positions instead of throwing', async () => {
    const file = path.join(dir, 'app.log');
    const s = start();
    s.addSource(pickedFileSpec(file, dir));
    fs.writeFileSync(file, [pino(1), pino(2, { level: 50, msg: 'db timeout' }), pino(3, { level: 40 })].join('\n') + '\n');
    await until(() => s.store.size === 3, 'three records');
    s.handle({ type: 'setQuery', text: 'level>=warn' });
    assert.deepEqual(last('queryErrors')?.errors, []);
    assert.deepEqual(last('rows')!.rows.map((r) => r.level), ['error', 'warn']);
    s.handle({ type: 'setQuery', text: 'level>=bogus (' });
    const errors = last('queryErrors')!.errors;
    assert.ok(errors.length > 0);
    assert.ok(errors.every((e) => e.offset >= 0 && e.offset <= 'level>=bogus ('.length));
  });

  it('answers expand, copy and go-to-code with the record, and ignores malformed messages', async () => {
    const file = path.join(dir, 'app.log');
    const s = start();
    s.addSource(pickedFileSpec(file, dir));
    fs.writeFileSync(file, pino(1, { level: 50, err: { type: 'Error' } }) + '\n    at handler (/srv/app.js:10:5)\n    at next (/srv/r.js:2:1)\n');
    await until(() => s.store.size === 1 && s.store.bySeq(s.store.firstSeq)!.continuation.length === 2, 'the record and its stack');
    const seq = s.store.firstSeq;
    s.handle({ type: 'expand', seq });
    const d = last('details')!;
    assert.equal(JSON.parse(d.json).err.type, 'Error');
    assert.deepEqual(d.continuation, ['    at handler (/srv/app.js:10:5)', '    at next (/srv/r.js:2:1)']);
    s.handle({ type: 'copy', seq });
    assert.deepEqual(copied, [s.store.bySeq(seq)!.raw]);
    s.handle({ type: 'goToCode', seq });
    assert.equal(opened[0].message, 'hello 1');
    const before = sent.length;
    for (const bad of [{ type: 'expand', seq: 'x' }, { type: 'viewport', from: 5, to: 1 }, { type: 'eval', code: '1' }, null, 'ready']) s.handle(bad);
    assert.equal(sent.length, before);
  });

  it('exports exactly the lines the filter shows, stack lines included', async () => {
    const file = path.join(dir, 'app.log');
    const s = start();
    s.addSource(pickedFileSpec(file, dir));
    const lines = [pino(1), pino(2, { level: 50 }), '    at x (/a.js:1:1)', pino(3)];
    fs.writeFileSync(file, lines.join('\n') + '\n');
    await until(() => s.store.size === 3, 'three records');
    s.handle({ type: 'setQuery', text: 'level=error' });
    assert.deepEqual([...s.exportLines()], [lines[1], lines[2]]);
    s.handle({ type: 'setQuery', text: '' });
    assert.deepEqual([...s.exportLines()], lines);
  });

  it('runs tail.command only in a trusted workspace, and says why otherwise', async () => {
    const argv = [process.execPath, '-e', `console.log(${JSON.stringify(pino(7, { msg: 'from command' }))})`];
    const folders = [{ name: 'svc', path: dir, tail: tail({ command: argv }) }];
    const untrusted = planSources(folders, false);
    assert.deepEqual(untrusted.specs, []);
    assert.equal(untrusted.notRunning[0].state, 'blocked');
    assert.equal(untrusted.notRunning[0].detail, UNTRUSTED_COMMAND);
    const s = start();
    await s.setSources(untrusted);
    assert.equal(s.statuses()[0].state, 'blocked');
    await s.setSources(planSources(folders, true));
    await until(() => s.store.size === 1, 'the command output');
    assert.equal(s.store.bySeq(s.store.firstSeq)!.message, 'from command');
    assert.equal(s.store.bySeq(s.store.firstSeq)!.source, argv.join(' '));
    await until(() => s.statuses()[0].state === 'stopped', 'the command to exit');
  });

  it('rejects a malformed command setting with a message', () => {
    const plan = planSources([{ name: 'a', path: dir, tail: tail({ command: 'npm run dev' as unknown as string[] }) }], true);
    assert.deepEqual(plan.specs, []);
    assert.match(plan.notRunning[0].detail, /array of strings/);
  });

  it('labels sources by folder in a multi-root workspace and reports bad formats', () => {
    const plan = planSources([
      { name: 'api', path: path.join(dir, 'api'), tail: tail({ files: ['logs/*.log'] }) },
      { name: 'web', path: path.join(dir, 'web'), tail: tail({ files: ['logs/*.log'] }) },
    ], true);
    assert.deepEqual(plan.specs.map((s) => s.label), ['api: logs/*.log', 'web: logs/*.log']);
    const s = start({ maxRecords: 10, maxBytes: 1 << 20, requestIdFields: [], formats: [{ nonsense: true }] });
    assert.ok(s.statuses().some((x) => x.label === 'tail.formats' && x.state === 'error'));
  });
});
