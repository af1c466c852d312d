// What the main thread and an analysis worker say to each other (see parallelRun.ts). One run:
// `setup` carries every text the project models are made of and the tasks; the worker notes the
// texts into its own models (as the main thread did), then claims tasks from the shared claim
// table (claims.ts) and answers with `results` until none is left, then `drained`. Everything
// crossing is plain data (structured clone): texts, options, FileAnalysis results.
import type { AnalyzeOptions } from '../analyze';
import type { FileAnalysis } from '../types';

/** workerData of an analysis worker: the bundle it runs starts the worker loop instead of its main. */
export const WORKER_MARK = 'obsLensAnalysisWorker';

export interface WorkerData {
  [WORKER_MARK]: true;
  /** When run from TypeScript sources (tests): the loader to register and the worker module to run. */
  fromSource?: { register: string; module: string };
}

/** One project model to build: its root and the texts noted into it, in the order the main thread noted them. */
export interface ModelSetup {
  root: string;
  /** Indices into RunSetup.texts. */
  noted: number[];
}

/** A file to analyse: its text, the model it belongs to and its options (indices into RunSetup). */
export interface TaskSetup {
  text: number;
  model: number;
  options: number;
}

export interface RunSetup {
  /** Every text the models may read instead of the disk (workspace files, open documents): [absolute path, text]. */
  texts: Array<[string, string]>;
  models: ModelSetup[];
  /** Without keepTree: trees stay where they were made. */
  options: AnalyzeOptions[];
  tasks: TaskSetup[];
  /** Milliseconds one file's analysis may take (AnalyzeOptions.timeBudgetMs). */
  timeBudgetMs?: number;
  /** The claim table (claims.ts), shared with the main thread. */
  claims: SharedArrayBuffer;
  /** This worker's claimant number in the table. */
  claimant: number;
}

export type ToWorker = { kind: 'run'; run: number; setup: RunSetup };

export type FromWorker =
  | { kind: 'results'; run: number; results: Array<[task: number, analysis: FileAnalysis]> }
  /** No task left to claim; the files the models read from the disk (outside RunSetup.texts). */
  | { kind: 'drained'; run: number; extraFiles: string[] }
  /** The run could not go on in the worker (a bug): its claimed tasks fall back to the main thread. */
  | { kind: 'failed'; run: number; message: string };
