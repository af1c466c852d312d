// Debounces validation per document: typing restarts the timer, so only the latest version is
// analysed (~200 ms after the last keystroke). Runs for one key never overlap; a request made
// while a run is in flight is queued behind it, so results are published in version order.
export class DebouncedScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly onError: (key: string, err: unknown) => void) {}

  schedule(key: string, delayMs: number, run: () => Promise<void>): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const previous = this.running.get(key) ?? Promise.resolve();
        const next = previous
          .then(run)
          .catch((err: unknown) => this.onError(key, err))
          .finally(() => {
            if (this.running.get(key) === next) this.running.delete(key);
          });
        this.running.set(key, next);
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
