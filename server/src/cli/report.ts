// What the formatters print: each file's findings with a display path (relative to the working
// directory, forward slashes), the skipped files with their reasons, and the totals.
import * as path from 'node:path';
import type { Finding, FileAnalysis } from '../analysis/types';

export interface ReportFile {
  /** Relative to the working directory, with forward slashes (absolute when on another drive). */
  file: string;
  findings: Finding[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Report {
  /** Files with findings, in path order; findings in position order. */
  files: ReportFile[];
  skipped: SkippedFile[];
  /** Rules that threw on a file (a bug of ours, to be reported); the file's other findings stand. */
  ruleErrors: Array<{ file: string; rule: string; message: string }>;
  /** The working directory the display paths are relative to. */
  cwd: string;
}

export interface Totals {
  problems: number;
  errors: number;
  warnings: number;
  /** info and hint findings: shown, but never fail the run. */
  infos: number;
  fixable: number;
}

export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  const shown = rel === '' ? path.basename(absPath) : path.isAbsolute(rel) ? absPath : rel;
  return shown.split(path.sep).join('/');
}

/** A finding can be fixed by --fix when it offers a safe, non-suppressing fix. */
/** A route's path for people: the path, else what is known of it (`…` where a part is computed) and a note, else that it is computed. */
export function routePathForPeople(path: string | null, shownPath?: string): string {
  return path ?? (shownPath ? `${shownPath} (… computed at run time)` : '(computed at run time)');
}

export function isFixable(finding: Finding): boolean {
  return finding.fixes.some((f) => f.safe && f.kind === 'fix');
}

export function buildReport(cwd: string, analyses: readonly FileAnalysis[]): Report {
  const files: ReportFile[] = [];
  const skipped: SkippedFile[] = [];
  const ruleErrors: Report['ruleErrors'] = [];
  for (const a of analyses) {
    const file = displayPath(cwd, a.path);
    if (a.skipped) skipped.push({ file, reason: a.skipped });
    for (const e of a.ruleErrors ?? []) ruleErrors.push({ file, rule: e.rule, message: e.message });
    if (a.findings.length > 0) {
      const findings = [...a.findings].sort((x, y) => x.start - y.start || x.end - y.end || (x.rule < y.rule ? -1 : 1));
      files.push({ file, findings });
    }
  }
  const byFile = (x: { file: string }, y: { file: string }) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0);
  return { files: files.sort(byFile), skipped: skipped.sort(byFile), ruleErrors: ruleErrors.sort(byFile), cwd };
}

export function totals(report: Report): Totals {
  const t: Totals = { problems: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of report.files) {
    for (const d of f.findings) {
      t.problems++;
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else t.infos++;
      if (isFixable(d)) t.fixable++;
    }
  }
  return t;
}
