// The file phase of `obs-lens check`: each file's result from the cache, or analysed. On one thread
// (the files whose trees the service phase reads last, services/parsedFiles.ts treesLast), or with workers (see ../parallel): the main thread analyses from the front of the task list the
// files whose trees the service phase reads, runs the service phase (`meanwhile`), then takes files
// from the front again; workers analyse from the back all along.
import type { AnalyzeOptions } from '../analyze';
import type { ProjectModel } from '../project';
import type { FileAnalysis } from '../types';
import { type ParsedFiles, treesLast } from '../services/parsedFiles';
import { type Concurrency, workersFor } from '../parallel/concurrency';
import { ParallelRun } from '../parallel/parallelRun';
import { planRun } from '../parallel/plan';
import { sharedPool, WorkerPool } from '../parallel/pool';
import type { ResultCache } from './cache';
import { engine } from './engine';

/** Files analysed between yields to the event loop (progress, and a worker's results taken in). */
const FILES_PER_SLICE = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FilePhaseInputs {
  root: string;
  /** The files to check, sorted. */
  ordered: readonly string[];
  /** Every file the project model was made of, in noting order (the checked ones among them). */
  modelFiles: readonly string[];
  texts: ReadonlyMap<string, string>;
  project: () => ProjectModel;
  optionsFor(file: string): AnalyzeOptions;
  configKeyFor(file: string): string;
  hashes: ReadonlyMap<string, string>;
  cache?: ResultCache;
  /** Whether a stored result still holds. */
  isCurrent(file: string): (result: FileAnalysis) => boolean;
  timeBudgetMs?: number;
  trees: ParsedFiles;
  onProgress?: (done: number, total: number) => void;
  concurrency: Concurrency;
  /** See workersFor (tests lower it to run workers on a small workspace). */
  minFilesPerWorker?: number;
  /** Run once, on the main thread, after its share of the files (the service phase). */
  meanwhile: () => void;
  /** Files the project models read from the disk (workers' models included). */
  extraFiles: Set<string>;
  /** A worker stopped early (its files were analysed here): said on the log, the results are whole. */
  onWorkerFailure?: (message: string) => void;
  /** The pool to take workers from (default: the process's). */
  pool?: WorkerPool;
}

export interface FilePhaseResult {
  results: Map<string, FileAnalysis>;
  cached: number;
  /** Files analysed by workers (0 on one thread). */
  byWorkers: number;
}

export async function runFilePhase(inputs: FilePhaseInputs): Promise<FilePhaseResult> {
  const { ordered, texts, cache, onProgress } = inputs;
  const results = new Map<string, FileAnalysis>();
  let cached = 0;
  const todo: string[] = [];
  for (const file of ordered) {
    const hit = cache?.get(file, texts.get(file)!, inputs.configKeyFor(file), inputs.hashes.get(file), inputs.isCurrent(file));
    if (hit) {
      results.set(file, hit);
      cached++;
    } else todo.push(file);
  }
  const total = ordered.length;
  let done = cached;
  let byWorkers = 0;
  let sinceYield = 0;
  onProgress?.(done, total);
  const take = (file: string, result: FileAnalysis) => {
    results.set(file, result);
    // A file that ran out of time may fit another time (a less busy machine): not kept.
    if (!result.stopped) cache?.set(file, texts.get(file)!, inputs.configKeyFor(file), result, inputs.hashes.get(file));
    done++;
  };
  /** `keep`: the service phase is still to run, and may read the file's tree. */
  const analyseHere = async (file: string, keep = true) => {
    take(file, engine().analyzeFile(file, texts.get(file)!, inputs.project(), { ...inputs.optionsFor(file), timeBudgetMs: inputs.timeBudgetMs, keepTree: keep ? inputs.trees : undefined }));
    if (++sinceYield >= FILES_PER_SLICE) {
      sinceYield = 0;
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
  };

  const workers = WorkerPool.available() ? workersFor(inputs.concurrency, todo.length, inputs.minFilesPerWorker) : 0;
  if (workers === 0) {
    for (const file of treesLast(todo, (f) => engine().keepsTree(inputs.project(), f, texts.get(f)!))) await analyseHere(file);
    onProgress?.(done, total);
    inputs.meanwhile();
    return { results, cached, byWorkers };
  }

  // Started before the project model is built: a worker loads its bundle and the engine meanwhile.
  const pool = inputs.pool ?? sharedPool();
  const threads = pool.take(workers);
  const project = inputs.project();
  const { keepsTree } = engine();
  const plan = planRun(
    inputs.modelFiles.map((f) => [f, texts.get(f)!]),
    [{ root: inputs.root, noted: inputs.modelFiles.map((_, i) => i) }],
    todo.map((path) => ({ path, model: 0, options: inputs.optionsFor(path), keepsTree: keepsTree(project, path, texts.get(path)!) })),
    inputs.timeBudgetMs,
  );
  const run = ParallelRun.start(plan.inputs, threads, (task, result) => {
    take(plan.order[task].path, result);
    byWorkers++;
  });
  const outcome = (await run.mainShare(
    plan.treeTasks,
    async (task, beforePhase) => {
      await analyseHere(plan.order[task].path, beforePhase);
      return true;
    },
    inputs.meanwhile,
  ))!; // never stopped: analyse always goes on
  for (const failure of outcome.failures) inputs.onWorkerFailure?.(failure);
  for (const file of outcome.extraFiles) inputs.extraFiles.add(file);
  onProgress?.(done, total);
  return { results, cached, byWorkers };
}
