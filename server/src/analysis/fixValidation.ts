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

/**
 * Checks fixes against one text: the text is parsed once, and each fix once however many findings
 * share it (the findings of one message share their fixes), so a request about many findings
 * costs a parse per distinct fix, not per finding and fix.
 */
export class FixChecker {
  private baseErrors: number | undefined;
  private readonly verdicts = new Map<Fix, boolean>();

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {}

  isValid(fix: Fix): boolean {
    let verdict = this.verdicts.get(fix);
    if (verdict === undefined) {
      this.baseErrors ??= parseErrorCount(parseSource(this.path, this.text));
      verdict = applyFixChecked(this.path, this.text, fix, this.baseErrors) !== null;
      this.verdicts.set(fix, verdict);
    }
    return verdict;
  }
}
