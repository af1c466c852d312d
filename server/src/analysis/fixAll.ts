// Fix-all, as ESLint does it: apply every non-overlapping safe fix, analyse again, repeat until
// nothing changes (at most 10 passes). Suppression fixes and unsafe fixes are never applied here.
// Linear in the number of fixes: overlap is tested against the chosen edits in sorted order, and
// the chosen fixes are parsed together, once, unless some of them break the code.
import * as nodePath from 'node:path';
import { analyzeFile, type AnalyzeOptions } from './analyze';
import { applyEdits, ChosenEdits, editsOtherFiles } from './edits';
import { importsLeftUnused } from './importsLeftUnused';
import { parseErrorCount, parseSource } from './parse';
import type { ProjectModel } from './project';
import ts from './typescriptModule';
import type { Fix } from './types';

const MAX_PASSES = 10;

export function applySafeFixes(path: string, text: string, project: ProjectModel, options: AnalyzeOptions): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = analyzeFile(path, current, project, options);
    const chosen = new ChosenEdits();
    const candidates: Fix[] = [];
    for (const finding of analysis.findings) {
      // Never a fix with an edit in another file (never safe either): this rewrites `path` alone.
      const fix = finding.fixes.find((f) => f.kind === 'fix' && f.safe && !editsOtherFiles(f.edits));
      if (!fix || changesNothing(current, fix) || chosen.overlaps(fix.edits)) continue;
      chosen.add(fix.edits);
      candidates.push(fix);
    }
    if (candidates.length === 0) break;
    const baseErrors = parseErrorCount(parseSource(path, current));
    const good = fixesThatParse(path, current, candidates, baseErrors);
    const next = good.length > 0 ? applied(current, good) : null;
    // Fixes that parsed in separate halves must parse together too, or this pass is dropped.
    if (next === null || (good.length < candidates.length && parseErrorCount(parseSource(path, next)) > baseErrors)) break;
    current = next;
    fixed += good.length;
  }
  return { text: fixed > 0 ? withoutImportsLeftUnused(path, text, current, project) : current, fixed };
}

/** The fixed text without the imports the fixes left unused (see importsLeftUnused.ts), unless that would not parse. */
function withoutImportsLeftUnused(path: string, original: string, fixed: string, project: ProjectModel): string {
  const after = parseSource(path, fixed);
  const existingToo = /\.[cm]?tsx?$/i.test(path) && !keepsUnusedImports(project.tsconfigs.forFile(nodePath.resolve(project.root, path)).options);
  const edits = importsLeftUnused(parseSource(path, original), after, existingToo);
  if (edits.length === 0) return fixed;
  const cleaned = applyEdits(fixed, edits);
  return parseErrorCount(parseSource(path, cleaned)) <= parseErrorCount(after) ? cleaned : fixed;
}

/**
 * Whether the compiler keeps an unused import in its output, so that the import loads its module at
 * run time as it would in JavaScript: `verbatimModuleSyntax`, or the options it replaced
 * (`preserveValueImports`, `importsNotUsedAsValues: preserve`), which older configs still carry.
 */
function keepsUnusedImports(options: ts.CompilerOptions): boolean {
  const kept = options.importsNotUsedAsValues;
  return options.verbatimModuleSyntax === true || options.preserveValueImports === true || kept === ts.ImportsNotUsedAsValues.Preserve || kept === ts.ImportsNotUsedAsValues.Error;
}

function changesNothing(text: string, fix: Fix): boolean {
  return fix.edits.every((e) => text.slice(e.start, e.end) === e.newText);
}

/** The text with every fix applied, or null when their edits collide (a rule bug: nothing is garbled). */
function applied(text: string, fixes: readonly Fix[]): string | null {
  try {
    return applyEdits(text, fixes.flatMap((f) => f.edits));
  } catch {
    return null;
  }
}

/**
 * The fixes (non-overlapping) whose edits leave code that parses no worse than `text`: all of them
 * after one parse in the usual case; else each half is tried, so a few bad fixes among thousands
 * cost a few parses each (one parse per fix would make fix-all quadratic in a large file).
 */
function fixesThatParse(path: string, text: string, fixes: readonly Fix[], baseErrors: number): Fix[] {
  const result = applied(text, fixes);
  if (result !== null && parseErrorCount(parseSource(path, result)) <= baseErrors) return [...fixes];
  if (fixes.length === 1) return [];
  const mid = fixes.length >> 1;
  return [...fixesThatParse(path, text, fixes.slice(0, mid), baseErrors), ...fixesThatParse(path, text, fixes.slice(mid), baseErrors)];
}
