// The analysis workers of this process. Started on the first parallel run and kept (unreferenced,
// so they never hold the process open) for the next: a language server analyses the workspace
// again when settings change, and a warm worker has its code compiled. A worker that dies is
// replaced on the next run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { WORKER_MARK, type WorkerData } from './protocol';

/**
 * How a worker is started. A bundle (dist/cli.js, dist/server.js, the benchmarks' bundle) is its own
 * worker script: its entry sees the mark in workerData and runs the worker loop (worker.ts
 * startIfAnalysisWorker). Run from the TypeScript sources (tests), the worker registers the same
 * loader the tests use and loads worker.ts; without that loader there are no workers.
 */
function workerScript(): { script: string; eval: boolean; data: WorkerData } | null {
  if (!__filename.endsWith('.ts')) return { script: __filename, eval: false, data: { [WORKER_MARK]: true } };
  const register = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'support', 'register.js');
  if (!fs.existsSync(register)) return null;
  // A fixed script: the paths travel as data.
  const script = "const { workerData } = require('node:worker_threads'); require(workerData.fromSource.register); require(workerData.fromSource.module).runAnalysisWorker();";
  return { script, eval: true, data: { [WORKER_MARK]: true, fromSource: { register, module: path.join(__dirname, 'worker.ts') } } };
}

export interface PoolOptions {
  /** Limits for each worker's heap (a worker that outgrows them dies; its files are analysed by the main thread). */
  resourceLimits?: ResourceLimits;
}

/** A worker of the pool, and why it is gone once it is (an error, an exit): a run that starts after it died still learns it. */
export interface PoolWorker {
  readonly worker: Worker;
  readonly gone: Promise<string>;
}

export class WorkerPool {
  private readonly workers: Array<PoolWorker & { dead: boolean }> = [];

  constructor(private readonly options: PoolOptions = {}) {}

  /** Whether workers can be started here at all. */
  static available(): boolean {
    return workerScript() !== null;
  }

  /** `count` live workers (started as needed), or fewer when they cannot be started. */
  take(count: number): PoolWorker[] {
    for (let i = this.workers.length - 1; i >= 0; i--) if (this.workers[i].dead) this.workers.splice(i, 1);
    const spec = workerScript();
    while (spec && this.workers.length < count) {
      let worker: Worker;
      try {
        worker = new Worker(spec.script, { eval: spec.eval, workerData: spec.data, resourceLimits: this.options.resourceLimits, stdout: false, stderr: false });
      } catch {
        break; // no thread to be had (resources): the main thread does the work
      }
      worker.unref();
      let entry!: PoolWorker & { dead: boolean };
      const gone = new Promise<string>((resolve) => {
        worker.once('error', (err: Error) => resolve(`an analysis worker stopped: ${err.message}`));
        worker.once('exit', (code: number) => resolve(`an analysis worker exited (code ${code})`));
      });
      void gone.then(() => (entry.dead = true));
      // Errors after the first are not lost either: a listener keeps them from becoming the process's.
      worker.on('error', () => undefined);
      entry = { worker, gone, dead: false };
      this.workers.push(entry);
    }
    return this.workers.slice(0, count);
  }

  /** Stops every worker (tests; a process exits without it: the workers are unreferenced). */
  async close(): Promise<void> {
    const all = this.workers.splice(0);
    await Promise.all(all.map((w) => w.worker.terminate()));
  }
}

let shared: WorkerPool | undefined;

/** The process's pool. */
export function sharedPool(): WorkerPool {
  return (shared ??= new WorkerPool());
}
