// Fix-all, as ESLint does it: apply every non-overlapping safe fix, analyse again, repeat until
// nothing changes (at most 10 passes). Suppression fixes and unsafe fixes are never applied here.
import { analyzeFile, type AnalyzeOptions } from './analyze';
import { applyEdits, editsOverlap } from './edits';
import { applyFixChecked } from './fixValidation';
import { parseErrorCount, parseSource } from './parse';
import type { ProjectModel } from './project';
import type { TextEdit } from './types';

const MAX_PASSES = 10;

export function applySafeFixes(path: string, text: string, project: ProjectModel, options: AnalyzeOptions): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = analyzeFile(path, current, project, options);
    const chosen: TextEdit[][] = [];
    const baseErrors = parseErrorCount(parseSource(path, current));
    for (const finding of analysis.findings) {
      const fix = finding.fixes.find((f) => f.kind === 'fix' && f.safe);
      if (!fix || chosen.some((edits) => editsOverlap(edits, fix.edits))) continue;
      if (applyFixChecked(path, current, fix, baseErrors) === null) continue;
      chosen.push(fix.edits);
    }
    if (chosen.length === 0) break;
    let next: string;
    try {
      next = applyEdits(current, chosen.flat());
    } catch {
      break; // edits of different fixes collide at one point: stop rather than garble
    }
    // Each fix parsed on its own; together they must too, or this pass is dropped.
    if (next === current || parseErrorCount(parseSource(path, next)) > baseErrors) break;
    current = next;
    fixed += chosen.length;
  }
  return { text: current, fixed };
}
