// The guarantee that a fix never leaves code that does not parse, checked where fixes are applied
// (quick fixes, fix-all, --fix) rather than for every finding during analysis. A fix may edit other
// files (TextEdit.file): every file it touches must parse no worse after it, and a file it names
// that does not exist must be one it creates (a single insertion at 0).
import { applyEdits, createsFile, editsByFile } from './edits';
import { parseErrorCount, parseSource } from './parse';
import type { Fix } from './types';

/** The current text of another file a fix edits (an open document's, else the disk's); undefined when it does not exist. */
export type ReadText = (file: string) => string | undefined;

/** A file as a fix leaves it: `before` null for a file the fix creates. */
export interface FixedFile {
  file: string;
  before: string | null;
  after: string;
}

/** The text after `fix`, or null when its edits do not apply or the result parses worse than `text`. */
export function applyFixChecked(
  path: string,
  text: string,
  fix: Fix,
  baseErrors = parseErrorCount(parseSource(path, text)),
  readText?: ReadText,
): string | null {
  const files = fixedFilesChecked(path, text, fix, readText, baseErrors);
  if (!files) return null;
  return files.find((f) => f.file === path)?.after ?? text;
}

/**
 * Every file `fix` touches, before and after, the analysed file first; null when an edit does not
 * apply, it edits other files and there is no `readText`, it changes nothing, or a file parses
 * worse after it.
 */
export function fixedFilesChecked(path: string, text: string, fix: Fix, readText: ReadText | undefined, baseErrors?: number): FixedFile[] | null {
  const out: FixedFile[] = [];
  for (const [file, edits] of editsByFile(path, fix.edits)) {
    if (file !== path && !readText) return null; // other files cannot be checked here
    const before = file === path ? text : (readText!(file) ?? null);
    if (before === null && !createsFile(edits)) return null; // edits a file that is not there
    let after: string;
    try {
      after = applyEdits(before ?? '', edits);
    } catch {
      return null; // overlapping or out-of-range edits: a rule bug; offer nothing rather than garbled code
    }
    const base = before === null ? 0 : file === path && baseErrors !== undefined ? baseErrors : parseErrorCount(parseSource(file, before));
    if (parseErrorCount(parseSource(file, after)) > base) return null;
    out.push({ file, before, after });
  }
  if (out.every((f) => f.before === f.after)) return null;
  return out;
}

/**
 * Checks fixes against one text: the text is parsed once, and each fix once however many findings
 * share it (the findings of one message share their fixes), so a request about many findings
 * costs a parse per distinct fix, not per finding and fix. `readText` gives the other files a fix
 * edits (none by default: such fixes are then not valid).
 */
export class FixChecker {
  private baseErrors: number | undefined;
  private readonly verdicts = new Map<Fix, FixedFile[] | null>();

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly readText?: ReadText,
  ) {}

  isValid(fix: Fix): boolean {
    return this.checked(fix) !== null;
  }

  /** The files the fix touches, before and after (see fixedFilesChecked); null when it is not valid. */
  checked(fix: Fix): FixedFile[] | null {
    let verdict = this.verdicts.get(fix);
    if (verdict === undefined) {
      this.baseErrors ??= parseErrorCount(parseSource(this.path, this.text));
      verdict = fixedFilesChecked(this.path, this.text, fix, this.readText, this.baseErrors);
      this.verdicts.set(fix, verdict);
    }
    return verdict;
  }
}
