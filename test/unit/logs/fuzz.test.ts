// Property tests over random and mangled input (fast-check, seeded: a failure prints its seed and
// path, and the same seed replays it). Lines written by the real pino, winston and bunyan are
// mutated (bytes flipped, cut, quotes, braces, backslashes, NUL and invalid UTF-8 inserted, nesting
// thousands deep) and fed to the engine: nothing may throw out of it, and a known record written
// after the garbage must come out whole, with its fields. The JSON scanner must read every valid
// object as JSON.parse does, the splitter must give the same lines however its input is cut, and
// the query parser must answer any string with a query or an error object.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import * as winston from 'winston';
import {
  chunksOf, compileQuery, FileLines, fieldValue, fullJson, LineSplitter, LogPipeline, LogStore, RecordParser, type LogRecord,
} from '../../../server/src/logs';
import { firstNonWs, JsonLine, JsonText, onlyWsAfter, scanObject } from '../../../server/src/logs/jsonScan';
import { PathTrie } from '../../../server/src/logs/paths';
import { Collector } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bunyan = require('bunyan') as { createLogger(o: { name: string; streams: Array<{ stream: NodeJS.WritableStream; level: string }> }): { info(f: object, m: string): void; error(e: Error, m: string): void } };

/** Every property runs from this seed (OBS_LENS_FUZZ_SEED explores others); fast-check prints the seed and path of a failure. */
const SEED = Number(process.env.OBS_LENS_FUZZ_SEED ?? 20261201);
const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

/** The record written after the garbage; it must come out exactly so. */
const SENTINEL = JSON.stringify({
  level: 40, time: 1714557600123, pid: 1, hostname: 'h', req: { id: 'sentinel-7', method: 'GET', url: '/s' },
  res: { statusCode: 503 }, responseTime: 42, user: { id: 7 }, msg: 'sentinel ✓ "quoted" {braces} \\ back',
});

function assertSentinel(r: LogRecord | undefined): void {
  assert.ok(r, 'the sentinel record is there');
  assert.equal(r.raw, SENTINEL);
  assert.deepEqual(
    [r.format, r.level, r.time, r.requestId, r.status, r.durationMs, r.message, r.cut, r.continuation.length],
    ['pino-http', 'warn', 1714557600123, 'sentinel-7', 503, 42, 'sentinel ✓ "quoted" {braces} \\ back', false, 0],
  );
  assert.equal(fieldValue(r, 'user.id'), 7);
}

/** Lines the real libraries write: plain records, child bindings, errors with stacks, HTTP-like fields. */
async function corpusLines(): Promise<string[]> {
  const p = new Collector();
  const log = pino({ level: 'trace' }, p);
  log.info({ userId: 42, tags: ['a', 'b'], nested: { deep: { deeper: [1, { x: 'y' }] } } }, 'user loaded');
  log.child({ reqId: 'req-7' }).error({ err: new Error('card "declined" \\ {') }, 'charge failed');
  log.info({ req: { id: 'r-1', method: 'POST', url: '/orders?x=1', headers: { 'x-request-id': 'h-1' } }, res: { statusCode: 201 }, responseTime: 12.5 }, 'request completed');
  log.warn('ünïcødé ✓ 日本語 🚀');
  const w = new Collector();
  const wl = winston.createLogger({ format: winston.format.combine(winston.format.timestamp(), winston.format.json()), transports: [new winston.transports.Stream({ stream: w })] });
  wl.error('db down', { requestId: 'w-1', retry: 3, meta: { a: [1, 2, { b: null }] } });
  wl.info('started');
  await new Promise<void>((resolve) => {
    wl.on('finish', resolve);
    wl.end();
  });
  const b = new Collector();
  const bl = bunyan.createLogger({ name: 'svc', streams: [{ stream: b, level: 'trace' }] });
  bl.info({ req_id: 'x' }, 'hello');
  bl.error(new Error('nope'), 'failed');
  const lines = [p.text, w.text, b.text].join('').split('\n').filter((l) => l !== '');
  assert.ok(lines.length >= 8, 'the libraries wrote their lines');
  return [...lines, 'level=info msg="logfmt line" request_id=zzz', '    at handler (/app/src/routes.ts:12:7)', 'plain console.log text'];
}

const INSERTS: Buffer[] = [
  '"', '{', '}', '[', ']', '\\', '\\"', '\\u', '\\ud800', ':', ',', '\0', '\r', '\n', '\t', ' ', 'null', '1e999', '-',
].map((s) => Buffer.from(s)).concat([[0xff], [0xfe], [0xc3], [0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xe2, 0x82]].map((b) => Buffer.from(b)));

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; what: number }
  | { kind: 'deep'; at: number; depth: number; open: string }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'dup'; at: number; length: number };

const position = fc.integer({ min: 0, max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: position }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, what: fc.nat({ max: INSERTS.length - 1 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      at: position,
      depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1000, max: 20000 })),
      open: fc.constantFrom('{"a":', '[', '{"a":[', '{"level":{'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dup' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), at: position, depth: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 5000, max: 20000 })) }) },
);

function mutate(line: Buffer, mutations: Mutation[]): Buffer {
  let b = line;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.kind) {
      case 'flip':
        if (b.length) {
          b = Buffer.from(b);
          b[at % b.length] ^= m.mask;
        }
        break;
      case 'cut':
        b = b.subarray(0, at);
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), INSERTS[m.what], b.subarray(at)]);
        break;
      case 'deep':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.open.repeat(m.depth)), b.subarray(at)]);
        break;
      case 'dup':
        b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
        break;
      case 'nest': {
        // A value nested `depth` deep as the first field: the line stays the record it was.
        const open = b.indexOf(123);
        if (open >= 0) b = Buffer.concat([b.subarray(0, open + 1), Buffer.from(`"a":${'{"a":['.repeat(m.depth)}1${']}'.repeat(m.depth)},`), b.subarray(open + 1)]);
        break;
      }
    }
  }
  return b;
}

/** A mangled line: a library's line with mutations, or random bytes. */
function garbage(corpus: Buffer[]): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([line, ms]) => mutate(line, ms)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }).map((s) => Buffer.from(s)) },
  );
}

const isPrintable = (c: number) => c > 32 && c < 127;

/** Lines of `data` that are surely not blank to the engine (a printable ASCII byte among their first 16), and all lines. */
function lineCounts(data: Buffer): { nonBlank: number; all: number } {
  let nonBlank = 0;
  let all = 0;
  for (let start = 0; start < data.length; ) {
    let nl = data.indexOf(10, start);
    if (nl < 0) nl = data.length;
    all++;
    for (let i = start; i < Math.min(nl, start + 16); i++) {
      if (isPrintable(data[i])) {
        nonBlank++;
        break;
      }
    }
    start = nl + 1;
  }
  return { nonBlank, all };
}

/** Every held record, decoded (and read the ways the panel and the CLI read them). */
function allRecords(store: LogStore): LogRecord[] {
  const out: LogRecord[] = [];
  for (let s = store.firstSeq; s < store.nextSeq; s++) {
    const r = store.bySeq(s);
    if (!r) continue;
    fullJson(r);
    fieldValue(r, 'req.id');
    out.push(r);
  }
  return out;
}

/** What the pipeline made of `data`: nothing lost, nothing thrown, the sentinel last and whole. */
function checkIngested(store: LogStore, data: Buffer): void {
  const records = allRecords(store);
  assertSentinel(records.at(-1));
  const kept = records.reduce((n, r) => n + 1 + r.continuation.length, 0);
  const { nonBlank, all } = lineCounts(data);
  assert.ok(kept >= nonBlank && kept <= all, `lines kept ${kept}, non-blank ${nonBlank}, all ${all}`);
  for (const q of ['req:sentinel-7', 'user.id=7', '"sentinel ✓"', 'level>=warn res.statusCode>=500', 'msg~quoted']) {
    const found = store.query(compileQuery(q).query);
    assert.equal(found.at(-1)?.raw, SENTINEL, q);
  }
  for (const q of ['nested.deep.deeper~x OR err.message="card" -hello', 'a~x', 'a.a=1', 'a.a.a!=2']) store.query(compileQuery(q).query);
}

describe('logs: fuzzing the engine with random and mangled input', function () {
  this.timeout(120_000);
  let corpus: Buffer[] = [];
  before(async () => {
    corpus = (await corpusLines()).map((l) => Buffer.from(l));
  });

  it('garbage lines fed in random chunks never throw and never lose the record after them', () => {
    fc.assert(
      fc.property(
        fc.array(garbage(corpus), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(256, 4096, 1024 * 1024),
        (lines, cuts, maxLineBytes) => {
          const data = Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]), Buffer.from(SENTINEL + '\n')]);
          const store = new LogStore({ maxRecords: 100_000, maxBytes: 1 << 30 });
          const pipeline = new LogPipeline(store, new RecordParser(), { maxLineBytes });
          let prev = 0;
          for (const c of [...cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b), data.length]) {
            pipeline.feed('fuzz', data.subarray(prev, c));
            prev = c;
          }
          pipeline.end('fuzz');
          checkIngested(store, data);
        },
      ),
      runs(2000),
    );
  });

  it('the same through a real file read in place (lines kept as their place in the file)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-fuzz-'));
    try {
      let n = 0;
      fc.assert(
        fc.property(fc.array(garbage(corpus), { minLength: 1, maxLength: 6 }), fc.integer({ min: 64, max: 4096 }), (lines, chunkBytes) => {
          const data = Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]), Buffer.from(SENTINEL + '\n')]);
          const file = path.join(dir, `f${n++}.log`);
          fs.writeFileSync(file, data);
          const fd = fs.openSync(file, 'r');
          const store = new LogStore({ maxRecords: 100_000, maxBytes: 1 << 30 });
          const pipeline = new LogPipeline(store, new RecordParser(), { maxLineBytes: 4096 });
          const fileLines = new FileLines(fd, file);
          try {
            for (const { chunk, position } of chunksOf(fd, chunkBytes)) pipeline.feed('fuzz', chunk, { file: fileLines, position });
            pipeline.end('fuzz');
            checkIngested(store, data);
          } finally {
            fileLines.drop();
            fs.closeSync(fd);
            fs.rmSync(file);
          }
        }),
        runs(300),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the JSON scanner reads every generated object as JSON.parse does', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }), fc.array(key, { maxLength: 4 }), fc.boolean(), (obj, extra, spaced) => {
        const text = spaced ? JSON.stringify(obj, null, 2) : JSON.stringify(obj);
        const wanted = [...new Set([...Object.keys(obj).slice(0, 4), ...extra])];
        const trie = new PathTrie();
        const slots = wanted.map((k) => trie.add(k));
        const out: unknown[] = new Array(trie.slotCount).fill(undefined);
        const line = new JsonLine();
        const b = Buffer.from(text);
        line.b = b;
        const close = scanObject(line, firstNonWs(b, 0, b.length), b.length, trie.root, out);
        assert.ok(close > 0 && onlyWsAfter(b, close, b.length), `scanned to ${close} of ${b.length}`);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        wanted.forEach((k, i) => {
          const v = out[slots[i]];
          const expected = Object.prototype.hasOwnProperty.call(parsed, k) ? parsed[k] : undefined;
          assert.deepEqual(v instanceof JsonText ? JSON.parse(v.text) : v, expected, k);
        });
      }),
      runs(3000),
    );
  });

  it('the JSON scanner never throws on mangled lines, stays inside them, and accepts what JSON.parse accepts', () => {
    const trie = new PathTrie();
    for (const p of ['level', 'time', 'msg', 'message', 'req.id', 'req.headers["x-request-id"]', 'err.stack', 'a.a', 'user.id']) trie.add(p);
    const out: unknown[] = new Array(trie.slotCount).fill(undefined);
    const line = new JsonLine();
    fc.assert(
      fc.property(garbage(corpus), (b) => {
        out.fill(undefined);
        line.b = b;
        const start = firstNonWs(b, 0, b.length);
        const close = start < b.length && b[start] === 123 ? scanObject(line, start, b.length, trie.root, out) : -1;
        assert.ok(close === -1 || (close > start && close <= b.length), `close ${close}`);
        for (const v of out) if (v instanceof JsonText) assert.equal(typeof v.text, 'string');
        let parsed: unknown;
        try {
          parsed = JSON.parse(b.toString('utf8'));
        } catch {
          return; // not JSON: the scanner may take it or not
        }
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && b.toString('utf8') === b.toString('latin1')) {
          assert.ok(close > 0 && onlyWsAfter(b, close, b.length), 'an object JSON.parse reads is read whole');
        }
      }),
      runs(4000),
    );
  });

  it('the splitter gives the same lines however its input is cut, each within the length limit', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
      fc.array(fc.constantFrom('a', 'é', '🚀', '\n', '\r', '\r\n', 'xxxxxxxxxxxxxxxx', '\n\n'), { maxLength: 80 }).map((p) => Buffer.from(p.join(''))),
    );
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 16, max: 64 }), (data, cuts, max) => {
        const split = (points: number[]) => {
          const s = new LineSplitter({ maxLineBytes: max });
          const got: Array<{ bytes: number; cut: boolean; head: string }> = [];
          const sink = (b: Buffer, start: number, end: number, cut: boolean, n: number) => got.push({ bytes: n, cut, head: b.toString('hex', start, end) });
          let prev = 0;
          for (const c of [...points, data.length]) {
            s.pushEach(data.subarray(prev, c), sink);
            prev = c;
          }
          s.flushEach(sink);
          return got;
        };
        const whole = split([]);
        assert.deepEqual(split(cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b)), whole);
        // Against the lines themselves: every "\n" ends one, the rest (when any) is the last.
        const pieces = data.toString('latin1').split('\n');
        if (pieces.at(-1) === '') pieces.pop();
        assert.equal(whole.length, pieces.length);
        whole.forEach((l, i) => {
          const piece = Buffer.from(pieces[i], 'latin1');
          const content = piece.at(-1) === 13 ? piece.subarray(0, -1) : piece;
          assert.equal(l.bytes, piece.length);
          assert.equal(l.cut, piece.length > max);
          const head = Buffer.from(l.head, 'hex');
          if (!l.cut) assert.ok(head.equals(content));
          else assert.ok(head.length <= max && head.length >= max - 3 && content.subarray(0, head.length).equals(head));
        });
      }),
      runs(4000),
    );
  });

  it('the query parser answers any string with a query or error objects, and the query runs', () => {
    const store = new LogStore({ maxRecords: 1000, maxBytes: 1 << 24 });
    const pipeline = new LogPipeline(store, new RecordParser());
    pipeline.feed('q', Buffer.concat(corpus.flatMap((l) => [l, Buffer.from('\n')])));
    pipeline.end('q');
    const piece = fc.constantFrom(
      '(', ')', '"', '-', '-"', 'NOT', 'OR', 'AND', ' ', '\t', '\\', 'level>=warn', 'level=', 'level<', 'req:', 'req:r-1', 'msg~', 'msg~/a/i',
      'msg~(', 'status>500', 'res.statusCode>=500', 'time>2024-05-01T10:00:00Z', 'time<x', 'a.b.c=1', 'x["y"]=2', "x['", '[', ']', '=', '!=', '~',
      'user.id!=7', 'é', '\u0000', '\ud800', '🚀', 'timeout',
    );
    const query = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
      fc.array(piece, { maxLength: 30 }).map((p) => p.join(' ')),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.tuple(fc.constantFrom('(', 'NOT ', '- ', '-'), fc.integer({ min: 1, max: 3000 }), piece).map(([open, n, p]) => open.repeat(n) + p),
    );
    fc.assert(
      fc.property(query, (text) => {
        const { query: q, errors } = compileQuery(text);
        assert.ok(Array.isArray(errors));
        for (const e of errors) {
          assert.ok(typeof e.message === 'string' && e.message.length > 0, JSON.stringify(e));
          assert.ok(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= text.length, JSON.stringify(e));
          assert.ok(Number.isInteger(e.length) && e.length >= 0, JSON.stringify(e));
        }
        store.query(q);
        store.count(q);
      }),
      runs(3000),
    );
  });
});
