// The guarantee that a fix never leaves code that does not parse, checked where fixes are applied
// (quick fixes, fix-all, --fix) rather than for every finding during analysis.
import { applyEdits } from './edits';
import { parseErrorCount, parseSource } from './parse';
import type { Fix } from './types';

/** The text after `fix`, or null when its edits do not apply or the result parses worse than `text`. */
export function applyFixChecked(path: string, text: string, fix: Fix, baseErrors = parseErrorCount(parseSource(path, text))): string | null {
  let fixed: string;
  try {
    fixed = applyEdits(text, fix.edits);
  } catch {
    return null; // overlapping or out-of-range edits: a rule bug; offer nothing rather than garbled code
  }
  if (fixed === text) return null;
  return parseErrorCount(parseSource(path, fixed)) > baseErrors ? null : fixed;
}

/** The fixes that apply and leave code that parses (suppressions included). */
export function validFixes(path: string, text: string, fixes: readonly Fix[]): Fix[] {
  if (fixes.length === 0) return [];
  const base = parseErrorCount(parseSource(path, text));
  return fixes.filter((f) => applyFixChecked(path, text, f, base) !== null);
}
