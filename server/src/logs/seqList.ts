// An ascending list of sequence numbers whose oldest entries leave first (the store evicts in
// arrival order). Dropping from the front only moves `head`; the array is compacted now and then,
// so eviction costs O(1) amortised and memory stays proportional to what is held.
export class SeqList {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(seq: number): void {
    this.items.push(seq);
  }

  /** Drops entries below `minSeq` from the front. */
  dropBelow(minSeq: number): void {
    const items = this.items;
    let h = this.head;
    while (h < items.length && items[h] < minSeq) h++;
    this.head = h;
    if (h > 1024 && h * 2 > items.length) {
      this.items = items.slice(h);
      this.head = 0;
    }
  }

  /** Index of the first entry >= seq (binary search). */
  lowerBound(seq: number): number {
    const items = this.items;
    let lo = this.head;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(index: number): number {
    return this.items[index];
  }

  get end(): number {
    return this.items.length;
  }

  get start(): number {
    return this.head;
  }

  toArray(): number[] {
    return this.items.slice(this.head);
  }
}
