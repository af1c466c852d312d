// Records per second over a short sliding window, for the panel's rate counter.

export class RateMeter {
  private readonly buckets = new Map<number, number>();

  /** `windowMs` is split into 250 ms buckets; older ones are forgotten. */
  constructor(private readonly windowMs = 2000, private readonly bucketMs = 250) {}

  add(count: number, now: number): void {
    const b = Math.floor(now / this.bucketMs);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + count);
  }

  perSecond(now: number): number {
    const oldest = Math.floor((now - this.windowMs) / this.bucketMs);
    let sum = 0;
    for (const [b, n] of this.buckets) {
      if (b <= oldest) this.buckets.delete(b);
      else sum += n;
    }
    return (sum * 1000) / this.windowMs;
  }

  reset(): void {
    this.buckets.clear();
  }
}
