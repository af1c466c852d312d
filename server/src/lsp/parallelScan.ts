// The workspace scan with analysis workers (analysis/parallel): the workers get the texts the scan
// noted and the files to analyse; the main thread analyses from the front of the list the files
// whose trees the service phase reads, then the rest with them. A worker's result is published
// as the main thread's would be (Validator.acceptDisk); a worker that fails loses nothing.
import type { Concurrency } from '../analysis/parallel/concurrency';
import { workersFor } from '../analysis/parallel/concurrency';
import { ParallelRun } from '../analysis/parallel/parallelRun';
import { planRun, type PlannedFile } from '../analysis/parallel/plan';
import { sharedPool, WorkerPool } from '../analysis/parallel/pool';
import { keepsTree } from '../analysis/index';
import type { ProjectRegistry } from './projects';
import type { ResourceSettings } from './settings';
import { isWithin } from './uris';
import type { Validator } from './validator';

export interface ScanFile {
  path: string;
  text: string;
  rs: ResourceSettings;
}

export interface ScanWorkersDeps {
  projects: ProjectRegistry;
  validator: Validator;
  concurrency: Concurrency;
  timeBudgetMs?: number;
  /** The open documents: [absolute path, text]. */
  openTexts(): Array<[string, string]>;
  /** A worker stopped early (its files are analysed on the main thread). */
  onWorkerFailure(message: string): void;
  pool?: WorkerPool;
}

export class ScanWorkers {
  private cancelled = false;

  private constructor(
    /** Files not sent to the workers (open documents, results the cache holds): the main thread validates them. */
    readonly notSent: readonly ScanFile[],
    private readonly run: ParallelRun,
    private readonly order: ScanFile[],
    /** How many files at the front of `order` keep their trees. */
    private readonly treeFiles: number,
    private readonly onWorkerFailure: (message: string) => void,
  ) {}

  /** Starts the workers a scan of `files` files will want, before it reads and notes them (a worker loads the engine meanwhile). */
  static prepare(deps: Pick<ScanWorkersDeps, 'concurrency' | 'pool'>, files: number): void {
    const workers = WorkerPool.available() ? workersFor(deps.concurrency, files) : 0;
    if (workers > 0) (deps.pool ?? sharedPool()).take(workers);
  }

  /**
   * Starts workers on the files when there are enough to analyse (see workersFor), else null: the
   * scan analyses them itself. `onResult` is told of each file a worker analysed, after it is published.
   */
  static start(deps: ScanWorkersDeps, files: readonly ScanFile[], onResult: () => void): ScanWorkers | null {
    if (!WorkerPool.available()) return null;
    const todo: ScanFile[] = [];
    const notSent: ScanFile[] = [];
    for (const f of files) (deps.validator.needsAnalysis(f.path, f.text, f.rs) ? todo : notSent).push(f);
    const workers = workersFor(deps.concurrency, todo.length);
    if (workers === 0) return null;
    // What the models were made of: open documents (noted when opened), then the scan's texts.
    const scanned = new Set(files.map((f) => f.path));
    const texts: Array<[string, string]> = [...deps.openTexts().filter(([p]) => !scanned.has(p)), ...files.map((f): [string, string] => [f.path, deps.validator.openDocumentFor(f.path)?.getText() ?? f.text])];
    const roots = deps.projects.modelRoots();
    const models = roots.map((root) => ({ root, noted: texts.flatMap(([p], i) => (isWithin(root, p) ? [i] : [])) }));
    const byPath = new Map(todo.map((f) => [f.path, f]));
    const planned: PlannedFile[] = todo.map((f) => {
      const project = deps.projects.forFile(f.path, f.rs.folder?.root);
      return { path: f.path, model: roots.indexOf(project.root), options: deps.validator.optionsOf(f.rs).options, keepsTree: keepsTree(project, f.path, f.text) };
    });
    const plan = planRun(texts, models, planned, deps.timeBudgetMs);
    const order = plan.order.map((p) => byPath.get(p.path)!);
    const pool = deps.pool ?? sharedPool();
    let scan: ScanWorkers | undefined;
    const run = ParallelRun.start(plan.inputs, pool.take(workers), (task, analysis) => {
      // A newer scan (other settings, other texts) publishes its own results.
      if (scan?.cancelled) return;
      const file = order[task];
      deps.validator.acceptDisk(file.path, file.text, file.rs, analysis);
      onResult();
    });
    scan = new ScanWorkers(notSent, run, order, plan.treeTasks, deps.onWorkerFailure);
    return scan;
  }

  /**
   * The main thread's share of the scan's files (ParallelRun.mainShare): the files whose trees the
   * service phase reads, then `meanwhile` (the phase), then the rest. False when `analyse` stopped.
   */
  async mainShare(analyse: (file: ScanFile, beforePhase: boolean) => Promise<boolean>, meanwhile: () => unknown): Promise<boolean> {
    const outcome = await this.run.mainShare(this.treeFiles, (task, beforePhase) => analyse(this.order[task], beforePhase), meanwhile);
    for (const failure of outcome?.failures ?? []) this.onWorkerFailure(failure);
    return outcome !== null;
  }

  /** A newer scan replaced this one: workers stop after their current file. */
  cancel(): void {
    this.cancelled = true;
    this.run.cancel();
  }
}
