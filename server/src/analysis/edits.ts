// Applying text edits, shared by fix validation, fix-all and the tests.
import type { TextEdit } from './types';

/**
 * Applies non-overlapping edits given in any order. Overlapping edits are a caller bug, so they
 * throw instead of producing garbled text silently.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`edit [${e.start}, ${e.end}) overlaps another edit or is outside the text (length ${text.length})`);
    }
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** True when the edits are in range and pairwise non-overlapping (insertions at one point count as overlapping). */
export function editsAreValid(text: string, edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end < e.start || e.end > text.length || e.start <= pos) return false;
    pos = e.end === e.start ? e.start : e.end - 1;
  }
  return true;
}

/** Whether two sets of edits touch overlapping ranges (used by fix-all to batch independent fixes). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.start === y.start) return true;
      if (x.start < y.end && y.start < x.end) return true;
    }
  }
  return false;
}
