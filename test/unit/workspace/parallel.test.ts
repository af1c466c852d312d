// A workspace pass with analysis worker threads (server/src/analysis/parallel) says exactly what the
// same pass says on one thread: the same findings, fixes, service findings and coverage summary,
// whichever thread analysed a file, also when a worker dies half-way. The workers are real threads
// running the engine from these sources.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, type WorkspaceOptions } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { ResultCache } from '../../../server/src/analysis/workspace/cache';
import { mergeSettings } from '../../../server/src/analysis/workspace/config';
import { autoThreads, parseConcurrency, workersFor } from '../../../server/src/analysis/parallel/concurrency';
import { WorkerPool } from '../../../server/src/analysis/parallel/pool';
import { ParallelRun } from '../../../server/src/analysis/parallel/parallelRun';
import { makeGeneratedService } from '../../support/generatedService';

/** What a user sees of a pass: every file's findings (fixes included), the service findings and the summary. */
function observable(result: Awaited<ReturnType<typeof analyzeWorkspace>>): string {
  return JSON.stringify({ files: result.files, unreadable: result.unreadable, serviceFindings: result.serviceFindings, summary: result.summary });
}

describe('analyzeWorkspace with analysis workers', function () {
  // Each worker loads the engine from TypeScript sources (compiled on require): seconds, not milliseconds.
  this.timeout(120_000);
  let root: string;
  let pool: WorkerPool;
  const base = (): WorkspaceOptions => ({ settings: mergeSettings(), summary: true });

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-parallel-'));
    makeGeneratedService(root, 160);
    pool = new WorkerPool();
    // A first pass starts the workers (from the sources, a second or two each), which is longer than
    // the main thread takes for these files: the passes under test find them started, as a language
    // server's later passes do.
    await analyzeWorkspace(root, { ...base(), concurrency: 3, minFilesPerWorker: 10, workerPool: pool });
  });
  after(async () => {
    await pool.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives the same findings, fixes, service findings and summary as one thread, with files analysed by workers', async () => {
    const alone = await analyzeWorkspace(root, { ...base(), concurrency: 'off' });
    const together = await analyzeWorkspace(root, { ...base(), concurrency: 3, minFilesPerWorker: 10, workerPool: pool });
    assert.equal(alone.analysedByWorkers, 0);
    assert.ok(together.analysedByWorkers > 0, 'no file was analysed by a worker');
    assert.ok(together.analysedByWorkers < together.files.length, 'the main thread analysed nothing');
    assert.ok(alone.files.reduce((n, f) => n + f.findings.length, 0) > 100);
    assert.ok(Object.keys(alone.serviceFindings).length > 0, 'the workspace has no service findings to compare');
    assert.equal(observable(together), observable(alone));
  });

  it('keeps the workers between passes, and fills the cache with their results', async () => {
    const cache = new ResultCache({});
    const first = await analyzeWorkspace(root, { ...base(), concurrency: 2, minFilesPerWorker: 10, workerPool: pool, cache });
    assert.ok(first.analysedByWorkers > 0);
    // Another file changed: the pass is not warm, so every other result must come from the cache.
    fs.appendFileSync(path.join(root, 'src', 'app.ts'), '// touched\n');
    const second = await analyzeWorkspace(root, { ...base(), concurrency: 2, minFilesPerWorker: 10, workerPool: pool, cache });
    assert.equal(second.cached, second.files.length - 1);
    assert.equal(second.analysedByWorkers, 0, 'one file to analyse is not worth a worker');
  });

  it('loses nothing when a worker dies: its files are analysed on the main thread and the failure is reported', async () => {
    const alone = await analyzeWorkspace(root, { ...base(), concurrency: 'off' });
    // A heap too small for the engine: the worker runs out of memory as it starts.
    const starved = new WorkerPool({ resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    const failures: string[] = [];
    try {
      const result = await analyzeWorkspace(root, { ...base(), concurrency: 2, minFilesPerWorker: 10, workerPool: starved, onWorkerFailure: (m) => failures.push(m) });
      assert.equal(result.analysedByWorkers, 0);
      assert.equal(failures.length, 1);
      assert.match(failures[0], /analysis worker/);
      assert.equal(observable(result), observable(alone));
    } finally {
      await starved.close();
    }
  });
});

describe('ParallelRun', function () {
  this.timeout(60_000);

  it('notices a worker that died before the pass began: its files come back to the main thread, nothing waits for it', async () => {
    const starved = new WorkerPool({ resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    try {
      const [dead] = starved.take(1);
      assert.match(await dead.gone, /analysis worker/);
      const inputs = {
        texts: [['/w/a.ts', 'console.log(1);\n'], ['/w/b.ts', 'console.log(2);\n']] as Array<[string, string]>,
        models: [{ root: '/w', noted: [0, 1] }],
        options: [{ severities: {} }],
        tasks: [{ text: 0, model: 0, options: 0 }, { text: 1, model: 0, options: 0 }],
      };
      const run = ParallelRun.start(inputs, [dead], () => assert.fail('a result from a dead worker'));
      assert.equal(run.takeForMain(), 0);
      const outcome = await run.finish();
      assert.deepEqual(outcome.orphans, [1], 'the file left unclaimed is the main thread\'s');
      assert.equal(outcome.failures.length, 1);
    } finally {
      await starved.close();
    }
  });
});

describe('concurrency', () => {
  it('reads a number of threads, auto or off, and says what it accepts otherwise', () => {
    assert.equal(parseConcurrency('4'), 4);
    assert.equal(parseConcurrency(' AUTO '), 'auto');
    assert.equal(parseConcurrency('off'), 'off');
    for (const bad of ['0', '-1', '1.5', 'many', '']) assert.match((parseConcurrency(bad) as { error: string }).error, /number of threads/);
  });

  it('starts a worker only for enough files, and no more than the threads asked for', () => {
    assert.equal(workersFor('off', 10_000), 0);
    assert.equal(workersFor(1, 10_000), 0);
    assert.equal(workersFor(4, 10_000), 3);
    assert.equal(workersFor(4, 299), 0, 'under two threads worth of files');
    assert.equal(workersFor(4, 300), 1);
    assert.equal(workersFor(4, 40, 10), 3);
  });

  it('auto uses the cores up to four, and one thread on two cores (a worker does not pay for its start in a fresh process there)', () => {
    assert.equal(autoThreads(1), 1);
    assert.equal(autoThreads(2), 1);
    assert.equal(autoThreads(3), 3);
    assert.equal(autoThreads(16), 4);
  });
});
