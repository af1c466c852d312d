// The work one file's analysis does, counted as it goes, and the time it may take. Analysis is
// synchronous and runs in the language server's message loop: a file too complex to analyse in
// time must stop with a reason instead of blocking the editor. The walks count their steps here
// (nodes visited, parent steps, message parts), and every CHECK_EVERY steps the clock is read:
// cheap enough for the hottest loop, and a count tests can hold to linear growth.

/** Steps between two readings of the clock (a reading costs about as much as a hundred steps). */
const CHECK_EVERY = 4096;

/** Thrown by a walk when the file's time budget is spent; analyzeFile turns it into a skip with the reason. */
export class BudgetExceeded extends Error {
  constructor(
    readonly elapsedMs: number,
    readonly budgetMs: number,
  ) {
    super(`analysis stopped after ${Math.round(elapsedMs)} ms (budget ${budgetMs} ms)`);
  }
}

export class WorkMeter {
  /** Units of work done so far: grows linearly with the file (a test holds it to that). */
  steps = 0;
  private nextCheck = CHECK_EVERY;

  constructor(
    private readonly startedAt: number,
    readonly budgetMs: number,
  ) {}

  /** Counts `n` steps; every CHECK_EVERY steps, throws BudgetExceeded once past the deadline. */
  step(n = 1): void {
    this.steps += n;
    if (this.steps >= this.nextCheck) {
      this.nextCheck = this.steps + CHECK_EVERY;
      this.check();
    }
  }

  /** Throws BudgetExceeded when the budget is spent (called directly after work not counted in steps, like the parse). */
  check(): void {
    const elapsed = performance.now() - this.startedAt;
    if (elapsed > this.budgetMs) throw new BudgetExceeded(elapsed, this.budgetMs);
  }
}

/** Outside an analysis (helpers called by tests or fixes), steps are counted against no deadline. */
const UNBOUNDED = new WorkMeter(0, Infinity);
let current: WorkMeter = UNBOUNDED;

/** The meter of the analysis running now; helpers deep in the walks count on it without it being passed down. */
export function workMeter(): WorkMeter {
  return current;
}

/** Runs `work` with `meter` as the current meter (analyses never interleave: they are synchronous). */
export function metered<T>(meter: WorkMeter, work: () => T): T {
  const previous = current;
  current = meter;
  try {
    return work();
  } finally {
    current = previous;
  }
}
