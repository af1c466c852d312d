// The latest analysis of every file the server has diagnostics for (open documents and workspace
// files), keyed by URI. Code actions, fix-all, the call-site request and the status bar read it.
import type { AnalyzeOptions, ProjectModel } from '../analysis/index';
import type { FileAnalysis } from '../analysis/types';

export interface StoredAnalysis {
  uri: string;
  path: string;
  /** Version of the open document analysed; null when the text came from disk. */
  version: number | null;
  /** The exact text analysed (finding offsets point into it); empty for disk files, to save memory. */
  text: string;
  analysis: FileAnalysis;
  project: ProjectModel;
  /** The options it was analysed with (severities, logger module), for fixes to apply under the same. */
  options: AnalyzeOptions;
  /** The file's own analysis, when `analysis` also holds service findings (see serviceFindings.ts). */
  fileAnalysis?: FileAnalysis;
}

export class AnalysisStore {
  private readonly byUri = new Map<string, StoredAnalysis>();

  set(entry: StoredAnalysis): void {
    this.byUri.set(entry.uri, entry);
  }

  get(uri: string): StoredAnalysis | undefined {
    return this.byUri.get(uri);
  }

  /** Finds an entry by path (URIs of one file may be spelt differently by client and server). */
  getByPath(absPath: string): StoredAnalysis | undefined {
    for (const entry of this.byUri.values()) if (entry.path === absPath) return entry;
    return undefined;
  }

  delete(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  values(): IterableIterator<StoredAnalysis> {
    return this.byUri.values();
  }

  findingsCount(): number {
    let n = 0;
    for (const entry of this.byUri.values()) n += entry.analysis.findings.length;
    return n;
  }
}
