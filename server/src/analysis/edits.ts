// Applying text edits, shared by fix validation, fix-all and the tests.
import { lowerBound } from './lowerBound';
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

/**
 * The edits of the fixes fix-all has chosen, kept sorted by start: whether a new fix's edits overlap
 * any of them (ranges that intersect, or two edits starting at one point) is a binary search, not a scan of every fix chosen before.
 */
export class ChosenEdits {
  private readonly sorted: TextEdit[] = [];

  overlaps(edits: readonly TextEdit[]): boolean {
    for (const e of edits) {
      const i = this.firstStartingAtOrAfter(e.start);
      const next = this.sorted[i];
      // The chosen edits do not overlap each other: only the neighbours on each side can touch `e`.
      if (next && (next.start === e.start || next.start < e.end)) return true;
      const previous = this.sorted[i - 1];
      if (previous && e.start < previous.end) return true;
    }
    return false;
  }

  add(edits: readonly TextEdit[]): void {
    // Findings come in text order, so nearly every insertion is an append.
    for (const e of edits) this.sorted.splice(this.firstStartingAtOrAfter(e.start), 0, e);
  }

  private firstStartingAtOrAfter(offset: number): number {
    return lowerBound(this.sorted.length, (i) => this.sorted[i].start < offset);
  }
}

/** True when some edit is in another file than the analysed one (TextEdit.file). */
export function editsOtherFiles(edits: readonly TextEdit[]): boolean {
  return edits.some((e) => e.file !== undefined);
}

/**
 * A fix's edits by the file they apply to, the analysed file (`own`) first; `file` is dropped from
 * each edit (its offsets are into that file's text).
 */
export function editsByFile(own: string, edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>([[own, []]]);
  for (const e of edits) {
    const file = e.file ?? own;
    const list = out.get(file) ?? [];
    if (!out.has(file)) out.set(file, list);
    list.push({ start: e.start, end: e.end, newText: e.newText });
  }
  if (out.get(own)!.length === 0) out.delete(own);
  return out;
}

/** Edits that make a new file: one insertion at 0 (an edit on a file that does not exist must be this). */
export function createsFile(edits: readonly TextEdit[]): boolean {
  return edits.length === 1 && edits[0].start === 0 && edits[0].end === 0;
}

/**
 * A fix proposal's edits as the engine keeps them: `file` only on edits in another file than `own`
 * (a rule may name its own file). Safe only when the fix stays in its file (see Fix.safe).
 */
export function normaliseEdits(own: string, edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((e) => (e.file === undefined || e.file !== own ? e : { start: e.start, end: e.end, newText: e.newText }));
}
