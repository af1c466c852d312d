// Which thread analyses which file, decided without messages: a table in shared memory with one
// slot per task. The main thread claims from the front (files whose trees it keeps for the service
// phase are put there), workers from the back through a shared cursor; a slot is taken by one
// compare-and-swap, so whoever comes first gets it and a worker never waits for the main thread to
// hand it work. Slot values: 0 free, otherwise the claimant's number (MAIN_CLAIMANT or a worker's).

export const MAIN_CLAIMANT = 1;

/** Layout: [back cursor, slot 0, slot 1, ...]. */
const BACK = 0;
const SLOTS = 1;

export class TaskClaims {
  readonly table: Int32Array;
  private front = 0;

  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly count: number,
  ) {
    this.table = new Int32Array(buffer);
  }

  static create(count: number): TaskClaims {
    const claims = new TaskClaims(new SharedArrayBuffer((count + SLOTS) * Int32Array.BYTES_PER_ELEMENT), count);
    Atomics.store(claims.table, BACK, count);
    return claims;
  }

  /** The next free task from the front (the main thread's end), or undefined when none is left. */
  claimFront(claimant: number): number | undefined {
    while (this.front < this.count) {
      const task = this.front++;
      if (Atomics.compareExchange(this.table, SLOTS + task, 0, claimant) === 0) return task;
    }
    return undefined;
  }

  /** The next free task from the back (the workers' end), or undefined when none is left. */
  claimBack(claimant: number): number | undefined {
    for (;;) {
      const task = Atomics.sub(this.table, BACK, 1) - 1;
      if (task < 0) return undefined;
      if (Atomics.compareExchange(this.table, SLOTS + task, 0, claimant) === 0) return task;
    }
  }

  /** The tasks a claimant took. */
  claimedBy(claimant: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) if (Atomics.load(this.table, SLOTS + i) === claimant) out.push(i);
    return out;
  }
}
