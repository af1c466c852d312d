// Real temporary projects for engine tests: files on disk, a project model that noted them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFile, createProjectModel, noteFile, resolveSeverities, type ProjectModel } from '../../../server/src/analysis';
import type { FileAnalysis } from '../../../server/src/analysis/types';

export interface TempProject {
  root: string;
  model: ProjectModel;
  analyze(rel: string, text?: string): FileAnalysis;
  cleanup(): void;
}

export function tempProject(files: Record<string, string>, options: { loggerModule?: string | null } = {}): TempProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-engine-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  const model = createProjectModel(root, { loggerModule: options.loggerModule ?? null });
  for (const rel of Object.keys(files)) if (!rel.endsWith('.json')) noteFile(model, path.join(root, rel), files[rel]);
  return {
    root,
    model,
    analyze(rel, text) {
      const abs = path.join(root, rel);
      const result = analyzeFile(abs, text ?? fs.readFileSync(abs, 'utf8'), model, { severities: resolveSeverities({}) });
      // A rule that throws is a failing test, not a file with fewer findings.
      if (result.ruleErrors) throw new Error(`rule failed on ${rel}: ${JSON.stringify(result.ruleErrors)}`);
      return result;
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** "line:column library.method" for each recognised log call (1-based line). */
export function callsOf(result: FileAnalysis): string[] {
  return result.logCalls.map((c) => `${c.line + 1}:${c.column} ${c.library}.${c.method}`);
}
