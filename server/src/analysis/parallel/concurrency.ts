// How many threads analyse a workspace pass: the `--concurrency` option of `obs-lens check` (as
// ESLint's: a number of threads, `auto` or `off`) and OBS_LENS_CONCURRENCY for the language server.
// A worker costs a start (its own copy of the engine and TypeScript, compiled afresh) and a project
// model of its own (every text noted again), so small passes stay on one thread.
import * as os from 'node:os';

export type Concurrency = 'auto' | 'off' | number;

/** `auto` uses the cores, up to this many threads (each worker copies every text and notes it). */
const AUTO_MAX_THREADS = 4;

/**
 * The threads `auto` means on a machine with `cores` cores. On two cores, one: in a fresh process
 * (every `obs-lens check`, the server's first scan) the main thread's share (the files whose trees
 * the service phase reads, then the phase) is the critical path, and a worker that must compile the
 * engine and note every file itself does not pay for its start there (measured: 3-10% slower on
 * 2,000 files). `--concurrency 2` still asks for it: with warm workers it is faster.
 */
export function autoThreads(cores: number): number {
  return cores >= 3 ? Math.min(cores, AUTO_MAX_THREADS) : 1;
}

/** Files to analyse per worker before a worker pays for its start and its model. */
export const DEFAULT_MIN_FILES_PER_WORKER = 150;

/** A concurrency from text (a flag, an environment variable), or a message saying what is accepted. */
export function parseConcurrency(text: string): Concurrency | { error: string } {
  const t = text.trim().toLowerCase();
  if (t === 'auto' || t === 'off') return t;
  if (/^[1-9][0-9]{0,2}$/.test(t)) return Number(t);
  return { error: `concurrency must be a number of threads (1 or more), auto or off; got ${JSON.stringify(text)}` };
}

/** The concurrency the environment asks for (OBS_LENS_CONCURRENCY), `auto` when unset or invalid. */
export function concurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): Concurrency {
  const raw = env.OBS_LENS_CONCURRENCY;
  if (raw === undefined || raw === '') return 'auto';
  const parsed = parseConcurrency(raw);
  return typeof parsed === 'object' ? 'auto' : parsed;
}

/**
 * Workers (threads besides the main one) for a pass of `tasks` files: one per `minFilesPerWorker`
 * files beyond the main thread's first share, up to the threads asked for.
 */
export function workersFor(concurrency: Concurrency, tasks: number, minFilesPerWorker = DEFAULT_MIN_FILES_PER_WORKER): number {
  if (concurrency === 'off' || tasks === 0) return 0;
  const threads = concurrency === 'auto' ? autoThreads(os.availableParallelism()) : concurrency;
  const worthIt = minFilesPerWorker <= 0 ? Infinity : Math.floor(tasks / minFilesPerWorker) - 1;
  return Math.max(0, Math.min(threads - 1, worthIt));
}
