// One binary search for the sorted lists of the engine (edits by start, log calls by position, paths).

/**
 * The first index in [0, length) at which `before(i)` is false, for a `before` that holds on a prefix
 * of the indexes (a sorted list: `i => list[i].start < offset`); `length` when it holds on all of them.
 */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
