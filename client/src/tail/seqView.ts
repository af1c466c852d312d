// The panel's filtered view: the sequence numbers of the buffered records that match the filter,
// oldest first. Positions are absolute (they never shift when old records leave the front), which
// lets a paused view stay put while the buffer keeps turning over underneath it.

export class SeqView {
  private seqs: number[] = [];
  /** Index into `seqs` of the first live entry; entries before it were trimmed. */
  private head = 0;
  /** Absolute position of `seqs[0]`. */
  private offset = 0;

  /** Absolute position of the first live entry. */
  get start(): number {
    return this.offset + this.head;
  }
  /** One past the absolute position of the last entry. */
  get end(): number {
    return this.offset + this.seqs.length;
  }
  get length(): number {
    return this.seqs.length - this.head;
  }

  push(seq: number): void {
    this.seqs.push(seq);
  }

  /** The seq at an absolute position, or undefined when it was trimmed or does not exist yet. */
  at(position: number): number | undefined {
    if (position < this.start || position >= this.end) return undefined;
    return this.seqs[position - this.offset];
  }

  /**
   * Drops entries from the front while `gone(seq)` says so (records evicted from the buffer leave
   * oldest first). Returns how many were dropped.
   */
  trimFront(gone: (seq: number) => boolean): number {
    let dropped = 0;
    while (this.head < this.seqs.length && gone(this.seqs[this.head])) {
      this.head++;
      dropped++;
    }
    // Compact once the dead prefix dominates, so memory follows the live size.
    if (this.head > 1024 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head);
      this.offset += this.head;
      this.head = 0;
    }
    return dropped;
  }

  /** Empties the view; positions keep increasing so stale viewport requests cannot alias new rows. */
  reset(): void {
    this.offset = this.end;
    this.seqs = [];
    this.head = 0;
  }
}
