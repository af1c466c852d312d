// One parallel analysis pass, seen from the main thread: the workers get the texts and the tasks,
// the main thread claims tasks from the front of the claim table between its other work, the
// workers claim from the back, and each worker result is handed to `onResult` as it arrives. A
// worker that fails or dies loses nothing: the tasks it claimed and did not answer come back from
// finish() for the main thread to analyse.
import type { FileAnalysis } from '../types';
import { MAIN_CLAIMANT, TaskClaims } from './claims';
import type { PoolWorker } from './pool';
import type { FromWorker, RunSetup, ToWorker } from './protocol';

export type RunInputs = Omit<RunSetup, 'claims' | 'claimant'>;

export interface RunOutcome {
  /** Files the workers' models read from the disk (outside the texts given). */
  extraFiles: string[];
  /** Tasks no worker answered for (it failed or died, or none was left to claim them): the main thread's now. */
  orphans: number[];
  /** Why workers stopped early, for the log. */
  failures: string[];
}

let runs = 0;

export class ParallelRun {
  private readonly claims: TaskClaims;
  private readonly answered: Uint8Array;
  private readonly extraFiles = new Set<string>();
  private readonly failures: string[] = [];
  private readonly settled: Promise<void>;

  private constructor(
    inputs: RunInputs,
    private readonly workers: readonly PoolWorker[],
    private readonly onResult: (task: number, analysis: FileAnalysis) => void,
  ) {
    const run = ++runs;
    this.claims = TaskClaims.create(inputs.tasks.length);
    this.answered = new Uint8Array(inputs.tasks.length);
    this.settled = Promise.all(workers.map((worker, i) => this.follow(worker, run, { ...inputs, claims: this.claims.buffer, claimant: MAIN_CLAIMANT + 1 + i }))).then(() => undefined);
  }

  static start(inputs: RunInputs, workers: readonly PoolWorker[], onResult: (task: number, analysis: FileAnalysis) => void): ParallelRun {
    return new ParallelRun(inputs, workers, onResult);
  }

  /** The next task for the main thread (from the front), or undefined when every task is claimed. */
  takeForMain(): number | undefined {
    return this.claims.claimFront(MAIN_CLAIMANT);
  }

  /**
   * The main thread's side of the run: the first `treeTasks` tasks (the files whose trees the service
   * phase reads; planRun puts them at the front) as far as workers have not reached them, then
   * `meanwhile` (the phase) while the workers go on, then every task left, then those no worker
   * answered. `analyse(task, beforePhase)` answers false to stop (a newer pass replaced this one):
   * the run is cancelled and null answered.
   */
  async mainShare(treeTasks: number, analyse: (task: number, beforePhase: boolean) => Promise<boolean>, meanwhile: () => unknown): Promise<RunOutcome | null> {
    if (treeTasks > 0) {
      for (let task = this.takeForMain(); task !== undefined; task = this.takeForMain()) {
        if (!(await analyse(task, true))) return this.stop();
        if (task + 1 >= treeTasks) break;
      }
    }
    await meanwhile();
    for (let task = this.takeForMain(); task !== undefined; task = this.takeForMain()) if (!(await analyse(task, false))) return this.stop();
    const outcome = await this.finish();
    for (const task of outcome.orphans) if (!(await analyse(task, false))) return null;
    return outcome;
  }

  private stop(): null {
    this.cancel();
    return null;
  }

  /** Stops handing out tasks (a newer scan replaced this one): the workers drain after their current file. */
  cancel(): void {
    while (this.claims.claimFront(MAIN_CLAIMANT) !== undefined);
  }

  /** Waits for every worker to drain (or stop); answers what the main thread still has to do. */
  async finish(): Promise<RunOutcome> {
    await this.settled;
    // Left unclaimed (every worker stopped early) or claimed and never answered: the main thread's.
    const orphans: number[] = [];
    for (let task = this.claims.claimFront(MAIN_CLAIMANT); task !== undefined; task = this.claims.claimFront(MAIN_CLAIMANT)) orphans.push(task);
    for (let claimant = MAIN_CLAIMANT + 1; claimant <= MAIN_CLAIMANT + this.workers.length; claimant++) {
      for (const task of this.claims.claimedBy(claimant)) if (!this.answered[task]) orphans.push(task);
    }
    return { extraFiles: [...this.extraFiles].sort(), orphans: orphans.sort((a, b) => a - b), failures: this.failures };
  }

  /** Sends one worker the run and listens until it drains, fails or dies (also before the run began). */
  private follow({ worker, gone }: PoolWorker, run: number, setup: RunSetup): Promise<void> {
    return new Promise<void>((resolve) => {
      let stopped = false;
      const stop = (failure?: string) => {
        if (stopped) return;
        stopped = true;
        if (failure) this.failures.push(failure);
        worker.off('message', onMessage);
        worker.unref();
        resolve();
      };
      const onMessage = (message: FromWorker) => {
        if (message.run !== run) return;
        if (message.kind === 'results') {
          for (const [task, analysis] of message.results) {
            try {
              this.onResult(task, analysis);
              this.answered[task] = 1;
            } catch (err) {
              // Left unanswered, the file is analysed again on the main thread.
              this.failures.push(`a worker's result could not be taken: ${(err as Error)?.message ?? String(err)}`);
            }
          }
        } else if (message.kind === 'drained') {
          for (const f of message.extraFiles) this.extraFiles.add(f);
          stop();
        } else stop(`an analysis worker failed: ${message.message}`);
      };
      worker.on('message', onMessage);
      void gone.then(stop);
      // Referenced while it works: the process must not exit with a run half done.
      worker.ref();
      const message: ToWorker = { kind: 'run', run, setup };
      try {
        worker.postMessage(message);
      } catch (err) {
        stop(`an analysis worker could not be given its work: ${(err as Error).message}`);
      }
    });
  }
}
