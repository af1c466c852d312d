// The analysis worker's side of a parallel run (see parallelRun.ts): build the project models from
// the texts the main thread noted, then claim files from the back of the claim table and analyse
// them until none is left. A worker lives across runs (its compiled code stays warm) and keeps
// nothing of a run once it is drained.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { textsThenDisk } from '../regularFile';
import type { ProjectModel } from '../project';
import type { FileAnalysis } from '../types';
import { engine } from '../workspace/engine';
import { TaskClaims } from './claims';
import { type FromWorker, type RunSetup, type ToWorker, WORKER_MARK, type WorkerData } from './protocol';

/** Results are sent in small batches: the main thread publishes them as they come. */
const RESULTS_PER_MESSAGE = 8;

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.[WORKER_MARK] === true;
}

/**
 * For an entry point (the CLI's, the server's): in an analysis worker, starts the worker loop and
 * answers true, so the entry does not run its own main.
 */
export function startIfAnalysisWorker(): boolean {
  if (!isAnalysisWorker()) return false;
  runAnalysisWorker();
  return true;
}

export function runAnalysisWorker(): void {
  const port = parentPort!;
  const post = (message: FromWorker) => port.postMessage(message);
  // The engine (and TypeScript) load as soon as the worker starts, while the main thread reads and
  // notes the files: the first run's message finds them compiled.
  setImmediate(() => engine());
  port.on('message', (message: ToWorker) => {
    if (message.kind !== 'run') return;
    try {
      const extraFiles = runTasks(message.setup, (results) => post({ kind: 'results', run: message.run, results }));
      post({ kind: 'drained', run: message.run, extraFiles });
    } catch (err) {
      post({ kind: 'failed', run: message.run, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

/** Builds the models, analyses claimed tasks, sends their results; answers the files the models read from the disk. */
export function runTasks(setup: RunSetup, send: (results: Array<[number, FileAnalysis]>) => void): string[] {
  const { createProjectModel, noteFile, analyzeFile } = engine();
  const texts = new Map(setup.texts);
  const extraFiles = new Set<string>();
  const readFile = textsThenDisk(texts, extraFiles);
  const models: ProjectModel[] = setup.models.map((m) => {
    const model = createProjectModel(m.root, { loggerModule: null, readFile });
    for (const i of m.noted) noteFile(model, setup.texts[i][0], setup.texts[i][1]);
    return model;
  });
  const claims = new TaskClaims(setup.claims, setup.tasks.length);
  let batch: Array<[number, FileAnalysis]> = [];
  for (let task = claims.claimBack(setup.claimant); task !== undefined; task = claims.claimBack(setup.claimant)) {
    const t = setup.tasks[task];
    const [file, text] = setup.texts[t.text];
    batch.push([task, analyzeFile(file, text, models[t.model], { ...setup.options[t.options], timeBudgetMs: setup.timeBudgetMs })]);
    if (batch.length >= RESULTS_PER_MESSAGE) {
      send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) send(batch);
  return [...extraFiles].sort();
}
