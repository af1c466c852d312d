// The log engine against jq, side by side in one run:
//  1. find one request in a 50 MB pino-http log: `jq -c 'select(.req.id == "X")'` vs the engine's
//     read + split + parse + index + query of the same file (best of 5 alternating rounds each; target: engine 2x faster),
//     and the same done by `obs-lens tail` as a process (reported);
//  2. narrowing a full 1,000,000-record buffer to one request (median of 20; < 50 ms);
//  3. memory of that full buffer (heapUsed and rss growth).
// Run: BENCH_ONLY=tail npm run bench
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { LogStore } from '../../server/src/logs';
import { loadBundled } from '../bundle';
import { median, type BenchResult } from '../types';
import { captureTemplates, requestIdFor, writeLog, type RequestTemplate } from './generate';

const WORK = path.join(__dirname, '..', '.work');
const LOG_FILE = path.join(WORK, 'pino-http-50mb.log');
const LOG_BYTES = 50 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const ROUNDS = 5;
const { chunksOf, FileLines, LogPipeline, LogStore: BundledStore, RecordParser, compileQuery } = loadBundled<typeof import('./engineEntry')>(
  path.join(__dirname, 'engineEntry.ts'), 'log-engine-bundle',
);

/**
 * Reads the file in 1 MiB chunks into the store as the panel's file source does: the lines are kept
 * as their place in the file (FileBlock), so the file stays open while the store is read. Returns the
 * close.
 */
function ingestFile(file: string, store: LogStore): () => void {
  const pipeline = new LogPipeline(store, new RecordParser());
  const fd = fs.openSync(file, 'r');
  const lines = new FileLines(fd, file);
  for (const { chunk, position } of chunksOf(fd, CHUNK)) pipeline.feed(file, chunk, { file: lines, position });
  pipeline.end(file);
  return () => {
    lines.detach();
    fs.closeSync(fd);
  };
}

function timeJq(file: string, id: string): { ms: number; matches: number } | null {
  const t0 = performance.now();
  const r = spawnSync('jq', ['-c', `select(.req.id == "${id}")`, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.error || r.status !== 0) return null;
  return { ms, matches: r.stdout.split('\n').filter(Boolean).length };
}

/** `obs-lens tail FILE --request ID --format json` as a user runs it: a process, Node's start included (the build's dist/cli.js). */
function timeCli(file: string, id: string): { ms: number; matches: number } | null {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return null;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'tail', file, '--request', id, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.error || r.status !== 0) return null;
  return { ms, matches: r.stdout.split('\n').filter(Boolean).length };
}

function timeEngine(file: string, id: string): { ms: number; matches: number; records: number; settleMs: number } {
  const t0 = performance.now();
  const store = new BundledStore({ maxRecords: 2_000_000, maxBytes: 1 << 30 });
  const close = ingestFile(file, store);
  const hits = store.query(compileQuery(`req:${id}`).query);
  const ms = performance.now() - t0;
  // What the panel then does in idle time: copy the lines into memory (see FileBlock).
  const t1 = performance.now();
  while (store.settle(Infinity));
  const settleMs = performance.now() - t1;
  close();
  return { ms, matches: hits.length, records: store.size, settleMs };
}

/** A full buffer of `count` records built from the templates (what a long tail session holds). */
function fillStore(templates: RequestTemplate[], count: number): LogStore {
  const store = new BundledStore({ maxRecords: count, maxBytes: 4 * 1024 * 1024 * 1024 });
  const pipeline = new LogPipeline(store, new RecordParser());
  let request = 0;
  let time = Date.UTC(2024, 4, 1);
  const batch: string[] = [];
  while (store.totalReceived < count) {
    const t = templates[request % templates.length];
    const id = requestIdFor(request++);
    for (const line of t.lines) batch.push(line.split(t.id).join(id).replace(/"time":\d+/, `"time":${(time += 3)}`));
    if (batch.length >= 5000) {
      pipeline.feed('bench', Buffer.from(batch.join('\n') + '\n'));
      batch.length = 0;
    }
  }
  return store;
}

/**
 * A full collection between rounds, so that no round pays for the garbage of the one before. Node runs
 * the bench without --expose-gc, so the flag is set here and gc taken from a fresh context.
 */
const fullGc: (() => void) | undefined = (() => {
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return own;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

function gc(): void {
  fullGc?.();
}

export async function runTailBench(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const templates = await captureTemplates(300);
  if (!fs.existsSync(LOG_FILE) || fs.statSync(LOG_FILE).size < LOG_BYTES) writeLog(LOG_FILE, templates, LOG_BYTES);
  const totalRequests = Math.floor(fs.statSync(LOG_FILE).size / 1200);
  const target = requestIdFor(Math.floor(totalRequests / 2) + 17);

  const jqTimes: number[] = [];
  const engineTimes: number[] = [];
  let jqMatches = -1;
  let engineMatches = -1;
  let records = 0;
  const settleTimes: number[] = [];
  const cliTimes: number[] = [];
  let cliMatches = -1;
  // Alternating rounds, so both sides see the same machine load; the best round of each counts.
  for (let i = 0; i < ROUNDS; i++) {
    const j = timeJq(LOG_FILE, target);
    if (j) {
      jqTimes.push(j.ms);
      jqMatches = j.matches;
    }
    gc();
    const e = timeEngine(LOG_FILE, target);
    engineTimes.push(e.ms);
    settleTimes.push(e.settleMs);
    gc();
    const c = timeCli(LOG_FILE, target);
    if (c) {
      cliTimes.push(c.ms);
      cliMatches = c.matches;
    }
    engineMatches = e.matches;
    records = e.records;
    gc();
  }
  const engine = Math.min(...engineTimes);
  const agree = jqTimes.length === 0 || jqMatches === engineMatches;
  if (jqTimes.length) {
    const jq = Math.min(...jqTimes);
    rows.push({
      name: `50 MB pino-http log (${records} records): read+parse+index+query one request${agree ? '' : ` (MISMATCH: jq ${jqMatches}, engine ${engineMatches})`}`,
      value: engine,
      unit: 'ms',
      baseline: { name: 'jq select(.req.id)', value: jq },
      ratio: engine / jq,
      target: 'ratio <= 0.5 (2x faster than jq)',
      pass: agree && engine / jq <= 0.5 && engineMatches > 0,
    });
  } else {
    rows.push({ name: '50 MB pino-http log: read+parse+index+query (jq not found)', value: engine, unit: 'ms', target: '< 370 ms', pass: engine < 370 && engineMatches > 0 });
  }
  if (cliTimes.length && jqTimes.length) {
    const cli = Math.min(...cliTimes);
    const jq = Math.min(...jqTimes);
    rows.push({
      name: `obs-lens tail --request X --format json on it, a process like jq${cliMatches === jqMatches ? '' : ` (MISMATCH: jq ${jqMatches}, obs-lens ${cliMatches})`}`,
      value: cli,
      unit: 'ms',
      baseline: { name: 'jq select(.req.id)', value: jq },
      ratio: cli / jq,
      target: 'reported',
      pass: cliMatches === jqMatches,
    });
  }
  rows.push({ name: '50 MB pino-http log: then copying the held lines into memory (the panel does it in idle time)', value: median(settleTimes), unit: 'ms', target: 'reported', pass: true });
  // Reported: the target is the ratio to jq above, measured side by side (an absolute rate would say more about the machine).
  rows.push({ name: '50 MB pino-http log: throughput', value: (fs.statSync(LOG_FILE).size / 1048576) / (engine / 1000), unit: 'MB/s', target: 'reported', pass: true });

  gc();
  const heap0 = process.memoryUsage();
  const count = 1_000_000;
  const store = fillStore(templates, count);
  gc();
  const heap1 = process.memoryUsage();
  const narrowId = requestIdFor(Math.floor(count / 3 / 2));
  const q = compileQuery(`req:${narrowId}`).query;
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    found = store.query(q).length;
    times.push(performance.now() - t0);
  }
  const narrow = median(times);
  rows.push({ name: `narrow a full ${count.toLocaleString('en')}-record buffer to one request (${found} records)`, value: narrow, unit: 'ms', target: '< 50 ms', pass: narrow < 50 && found > 0 });
  const levelTimes: number[] = [];
  const warnQ = compileQuery('level>=warn').query;
  let warnCount = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    warnCount = store.count(warnQ);
    levelTimes.push(performance.now() - t0);
  }
  const lv = median(levelTimes);
  rows.push({ name: `level>=warn over ${count.toLocaleString('en')} records (${warnCount} matches)`, value: lv, unit: 'ms', target: '< 100 ms', pass: lv < 100 && warnCount > 0 });
  // Big ASCII blocks are kept as external strings (outside the JS heap), so they count as well.
  const heapPer = (heap1.heapUsed + heap1.external - heap0.heapUsed - heap0.external) / store.size;
  const rssMb = (heap1.rss - heap0.rss) / 1048576;
  const avgLine = store.bytes / store.size;
  rows.push({ name: `memory per record, full buffer (heapUsed + external; avg line ${avgLine.toFixed(0)} B)`, value: heapPer, unit: 'B', target: '< line bytes + 400 B', pass: heapPer < avgLine + 400 });
  rows.push({ name: `memory for the full buffer (rss growth)`, value: rssMb, unit: 'MB', target: 'reported', pass: true });
  return rows;
}

if (require.main === module) {
  runTailBench().then(
    (rows) => {
      const { formatTable } = require('../types') as typeof import('../types');
      console.log(formatTable(rows));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
