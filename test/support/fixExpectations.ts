// Every fix of every finding of a rule case, written out as a reviewer reads it: `<name>.fixes.md`
// next to the case lists each finding's fixes (title, safe or not) with the exact text of the
// lines the fix leaves where it changed something, like ESLint RuleTester's
// `suggestions: [{ desc, output }]`. The rule test renders the same document from the engine's
// fixes and compares it with the file; OBS_LENS_UPDATE_CASES=1 writes it instead (then read it).
import type { Fix, TextEdit } from '../../server/src/analysis/types';
import { applyEdits, editsByFile } from '../../server/src/analysis';

/** The other files of a case's project, for fixes that edit them (TextEdit.file). */
export interface OtherFiles {
  /** The case file's absolute path (its edits carry no file). */
  own: string;
  /** A file's text; undefined when it does not exist (the fix creates it). */
  read(file: string): string | undefined;
  /** How the document names a file (relative to the project). */
  name(file: string): string;
}

export interface FindingFixes {
  /** 0-based line and column of the finding. */
  line: number;
  column: number;
  rule: string;
  fixes: readonly Fix[];
}

/** The markdown document for a case; '' when no finding has a fix. */
export function renderFixes(caseName: string, text: string, findings: readonly FindingFixes[], fence: string, other?: OtherFiles): string {
  const withFixes = findings.filter((f) => f.fixes.length > 0);
  if (withFixes.length === 0) return '';
  const out: string[] = [`# Fixes offered in ${caseName}`, ''];
  out.push('Each finding, then each of its fixes: its title, whether fix-all applies it, and the lines it changes as they read after the fix. Positions and line numbers count code lines only (the case without its marker lines).', '');
  for (const f of withFixes) {
    out.push(`## ${f.line + 1}:${f.column + 1} ${f.rule}`, '');
    f.fixes.forEach((fix, i) => {
      out.push(`### ${i + 1}. ${fix.title} (${fix.kind === 'suppress' ? 'suppression' : fix.safe ? 'safe' : 'not safe'})`, '');
      if (!other || fix.edits.every((e) => !e.file)) {
        out.push('```' + fence, ...changedLines(text, fix), '```', '');
        return;
      }
      // A fix over several files: each file's changed lines under its name, the case file first.
      for (const [file, edits] of editsByFile(other.own, fix.edits)) {
        const before = file === other.own ? text : other.read(file);
        out.push(`${file === other.own ? 'this file' : `\`${other.name(file)}\``}${before === undefined ? ' (created)' : ''}:`, '');
        out.push('```' + fence, ...changedLines(before ?? '', { ...fix, edits }), '```', '');
      }
    });
  }
  return out.join('\n');
}

/**
 * The lines of the fixed text that the fix's edits touch, numbered, hunks separated by `…`. A
 * line an edit deleted entirely shows as the line that now stands where it was.
 */
export function changedLines(text: string, fix: Pick<Fix, 'edits'> & { edits: readonly TextEdit[] }): string[] {
  const fixed = applyEdits(text, fix.edits);
  // Where each edit's new text lands in the fixed text: shifted by the edits before it.
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  const ranges: Array<[number, number]> = [];
  let shift = 0;
  for (const e of sorted) {
    const start = e.start + shift;
    ranges.push([start, start + e.newText.length]);
    shift += e.newText.length - (e.end - e.start);
  }
  const lineStarts = [0];
  for (let i = 0; i < fixed.length; i++) if (fixed[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Line spans, merged when they touch. An insertion ending in a newline ends on the line before.
  const spans: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const first = lineOf(s);
    const last = e > s && fixed[e - 1] === '\n' ? lineOf(e - 1) : lineOf(e);
    const prev = spans[spans.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else spans.push([first, last]);
  }
  const lines = fixed.split('\n').map((l) => l.replace(/\r$/, ''));
  const width = String(lines.length).length;
  const out: string[] = [];
  spans.forEach(([first, last], i) => {
    if (i > 0) out.push('…');
    for (let n = first; n <= last; n++) {
      const line = `${String(n + 1).padStart(width)} | ${lines[n]}`;
      // Trailing whitespace would be invisible (and editors strip it): it is named instead.
      out.push(/\s$/.test(lines[n]) ? `${line.trimEnd()} ⟵ trailing whitespace` : line.trimEnd());
    }
  });
  return out;
}
