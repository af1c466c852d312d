// Analyses one file (an open document's current text, or a workspace file from disk) and
// publishes its diagnostics. Results are cached by content, so re-validating an unchanged file
// costs a hash. An open document always wins over its disk text, and a result computed for an
// older document version is dropped instead of published.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import { FileSkippedNotification } from '../../../shared/src/protocol';
import { analyzeFile, mergeFindings, resolveSeverities, type AnalyzeOptions, type ProjectModel } from '../analysis/index';
import type { FileAnalysis, Finding } from '../analysis/types';
import { computeConfigKey, type ResultCache } from '../analysis/workspace/cache';
import { readRegularFileAsync } from '../analysis/regularFile';
import { isAnalysable } from '../analysis/workspace/discover';
import type { ParsedFiles } from '../analysis/services/parsedFiles';
import type { AnalysisStore, StoredAnalysis } from './analysisStore';
import { stoppedDiagnostic, toDiagnostic } from './diagnostics';
import type { WorkspaceFolders } from './folders';
import { describeError } from './guard';
import type { ProjectRegistry } from './projects';
import { logEntry } from './serverLog';
import type { ResourceSettings, SettingsStore } from './settings';
import type { StatusReporter } from './status';
import { documentPath, pathToUri, uriToPath } from './uris';

export interface AnalysisInput {
  uri: string;
  path: string;
  text: string;
  version: number | null;
}

export interface ValidatorDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: WorkspaceFolders;
  settings: SettingsStore;
  projects: ProjectRegistry;
  store: AnalysisStore;
  cache: ResultCache;
  status: StatusReporter;
  /** Milliseconds one file's analysis may take before it stops (the server analyses in its message loop). */
  timeBudgetMs: number;
  /** An edit changed a project fact (e.g. the logger module's exports): other files' results may change. */
  onProjectFactsChanged(): void;
  /** The file's service findings (service phase), published with its own. */
  serviceFindings?(absPath: string): readonly Finding[];
}

/** Disk text as the editor shows it: VS Code drops a UTF-8 BOM, so positions must not count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class Validator {
  /** Skip reasons already reported per URI, so a rescan does not repeat the notification. */
  private readonly reportedSkips = new Map<string, string>();

  /**
   * Paths whose last published diagnostics were not empty. A closed file with nothing to show and
   * nothing shown is not published at all: on a first scan most files have no findings, and each
   * notification is a write the editor reads and a Problems view update.
   */
  private readonly shown = new Set<string>();

  /** Settings objects are made afresh when settings change, so a weak map forgets the old ones. */
  private readonly optionsBySettings = new WeakMap<ResourceSettings, { options: AnalyzeOptions; key: string }>();

  constructor(private readonly deps: ValidatorDeps) {}

  /** The open document for a path, if any (client URIs may be spelt differently from ours). */
  openDocumentFor(absPath: string): TextDocument | undefined {
    for (const doc of this.deps.documents.all()) {
      if (documentPath(doc.uri, doc.languageId) === absPath) return doc;
    }
    return undefined;
  }

  /** Analyses without publishing; null when the file is disabled or ignored by the settings. */
  analyse(input: AnalysisInput, rs: ResourceSettings, keepTree?: ParsedFiles): StoredAnalysis | null {
    if (!rs.settings.enable) return null;
    if (rs.folder && rs.isIgnored(input.path)) return null;
    const project = this.deps.projects.forFile(input.path, rs.folder?.root);
    const { options, key } = this.optionsOf(rs);
    const analysis = this.analyseCached(input, project, { ...options, keepTree }, key);
    return { ...input, analysis, project, options };
  }

  /**
   * Whether a workspace file needs analysing: it is not open (the document wins), and the cache has
   * no current result for its text under these settings. A parallel scan sends only these to workers.
   */
  needsAnalysis(absPath: string, text: string, rs: ResourceSettings): boolean {
    if (this.openDocumentFor(absPath)) return false;
    const { options, key } = this.optionsOf(rs);
    return !this.cachedResult(absPath, text, this.deps.projects.forFile(absPath, rs.folder?.root), options, key);
  }

  /**
   * Publishes a disk file's result computed elsewhere (an analysis worker, with these settings and
   * this text), as validateDisk would have: unless the file was opened meanwhile.
   */
  acceptDisk(absPath: string, text: string, rs: ResourceSettings, analysis: FileAnalysis): void {
    if (this.openDocumentFor(absPath)) return;
    const project = this.deps.projects.forFile(absPath, rs.folder?.root);
    const { options, key } = this.optionsOf(rs);
    this.keepResult(absPath, text, key, analysis);
    this.publish(pathToUri(absPath), null, { uri: pathToUri(absPath), path: absPath, text, version: null, analysis, project, options });
  }

  /** The analysis options of some settings and their cache key, worked out once per settings object (a scan passes one per folder). */
  optionsOf(rs: ResourceSettings): { options: AnalyzeOptions; key: string } {
    let known = this.optionsBySettings.get(rs);
    if (!known) {
      const options: AnalyzeOptions = { severities: resolveSeverities(rs.settings.rules), loggerModule: rs.loggerModule, requestIdHeader: rs.settings.requestIdHeader };
      const { severities, loggerModule, requestIdHeader } = options;
      const key = computeConfigKey({ severities, loggerModule: loggerModule && [loggerModule.specifier, loggerModule.base], requestIdHeader });
      this.optionsBySettings.set(rs, (known = { options, key }));
    }
    return known;
  }

  /**
   * The cached result when the text and settings are the same and its inputs (the file's package
   * facts, the summaries of the modules it imports) still hold; otherwise a fresh analysis.
   */
  private analyseCached(input: AnalysisInput, project: ProjectModel, options: AnalyzeOptions, key: string): FileAnalysis {
    const cached = this.cachedResult(input.path, input.text, project, options, key);
    if (cached) return cached;
    let analysis: FileAnalysis;
    try {
      analysis = analyzeFile(input.path, input.text, project, { ...options, timeBudgetMs: this.deps.timeBudgetMs });
    } catch (err) {
      // The engine promises not to throw; if it does, this file gets no diagnostics and the server goes on.
      this.deps.connection.console.error(logEntry('analysis failed', { file: input.path, error: describeError(err) }));
      analysis = { path: input.path, findings: [], logCalls: [], parseErrors: 0, skipped: `internal error: ${(err as Error)?.message ?? String(err)}` };
    }
    this.keepResult(input.path, input.text, key, analysis);
    return analysis;
  }

  /** The cache's result for this text and settings, while its inputs (package facts, followed modules' summaries) still hold. */
  private cachedResult(absPath: string, text: string, project: ProjectModel, options: AnalyzeOptions, key: string): FileAnalysis | undefined {
    const isCurrent = (r: FileAnalysis) => !r.inputs || project.inputsUnchanged(absPath, r.inputs, options.loggerModule);
    return this.deps.cache.get(absPath, text, key, undefined, isCurrent);
  }

  /** A fresh result (here or from a worker): rules that threw are said in the log, and the cache keeps it. */
  private keepResult(absPath: string, text: string, key: string, analysis: FileAnalysis): void {
    for (const e of analysis.ruleErrors ?? []) this.deps.connection.console.error(logEntry('rule failed', { file: absPath, rule: e.rule, error: e.message }));
    this.deps.cache.set(absPath, text, key, analysis);
  }

  /** Validates an open document at its current version (debounced by the caller). */
  async validateOpen(uri: string): Promise<void> {
    const doc = this.deps.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const absPath = documentPath(doc.uri, doc.languageId);
    const rs = await this.deps.settings.forResource(uri, absPath);
    this.deps.status.reportConfigErrors(rs.errors);
    const current = this.deps.documents.get(uri);
    // A newer version arrived while settings were pulled: its own run will publish.
    if (!current || current.version !== version) return;
    const text = current.getText();
    const factsChanged = rs.folder ? this.deps.projects.note(absPath, text) : false;
    const result = this.analyse({ uri, path: absPath, text, version }, rs);
    this.publish(uri, version, result);
    if (factsChanged) this.deps.onProjectFactsChanged();
  }

  /**
   * Validates a workspace file from disk (not open). `rs` may be passed by the workspace scan,
   * which resolves settings once per folder.
   */
  async validateDisk(absPath: string, knownText?: string, rs?: ResourceSettings, keepTree?: ParsedFiles): Promise<void> {
    if (this.openDocumentFor(absPath)) return;
    const uri = pathToUri(absPath);
    if (!isAnalysable(absPath)) return;
    let text = knownText;
    if (text === undefined) {
      try {
        text = stripBom((await readRegularFileAsync(absPath)).toString('utf8'));
      } catch {
        this.clear(uri); // deleted, unreadable or no regular file (a named pipe): nothing to report on
        return;
      }
    }
    const settings = rs ?? (await this.deps.settings.forResource(uri, absPath));
    this.deps.status.reportConfigErrors(settings.errors);
    if (this.openDocumentFor(absPath)) return; // opened meanwhile: the document wins
    const result = this.analyse({ uri, path: absPath, text, version: null }, settings, keepTree);
    this.publish(uri, null, result);
  }

  publish(uri: string, version: number | null, result: StoredAnalysis | null): void {
    if (!result) {
      this.clear(uri, version);
      return;
    }
    // The file's own findings and its service findings, in one list (code actions index into it).
    const own = result.fileAnalysis ?? result.analysis;
    const extra = own.skipped ? [] : (this.deps.serviceFindings?.(result.path) ?? []);
    const analysis = extra.length === 0 ? own : { ...own, findings: mergeFindings(own.findings, extra) };
    const entry: StoredAnalysis = { ...result, analysis, fileAnalysis: own };
    // Disk texts are not kept: code actions only run on open documents, which have their own text.
    this.deps.store.set(version === null ? { ...entry, text: '' } : entry);
    let diagnostics: Diagnostic[] = [];
    if (analysis.skipped) {
      this.reportSkipped(uri, analysis.skipped);
      // Stopped for time, the file is one the user works on: the Problems view says why it shows nothing.
      if (analysis.stopped) diagnostics = [stoppedDiagnostic(analysis.skipped)];
    } else {
      this.reportedSkips.delete(uri);
      diagnostics = analysis.findings.map((f, i) => toDiagnostic(f, i, version));
    }
    this.deps.status.changed();
    // By path: an open document's URI may be spelt otherwise than ours (`%40scope`, `c%3A`) for the same file.
    if (diagnostics.length === 0 && version === null && !this.shown.has(result.path)) return;
    if (diagnostics.length > 0) this.shown.add(result.path);
    else this.shown.delete(result.path);
    void this.deps.connection.sendDiagnostics({ uri, ...(version !== null ? { version } : {}), diagnostics }).catch(() => undefined);
  }

  /** Publishes a file's stored analysis again (its service findings changed). */
  republish(absPath: string): void {
    const entry = this.deps.store.getByPath(absPath);
    if (entry) this.publish(entry.uri, entry.version, entry);
  }

  /** Removes a file's diagnostics (closed outside the workspace, deleted, now ignored). */
  clear(uri: string, version: number | null = null): void {
    const had = this.deps.store.delete(uri);
    this.reportedSkips.delete(uri);
    this.shown.delete(uriToPath(uri) ?? uri);
    if (had || this.deps.documents.get(uri)) {
      void this.deps.connection.sendDiagnostics({ uri, ...(version !== null ? { version } : {}), diagnostics: [] }).catch(() => undefined);
      this.deps.status.changed();
    }
  }

  private reportSkipped(uri: string, reason: string): void {
    if (this.reportedSkips.get(uri) === reason) return;
    this.reportedSkips.set(uri, reason);
    this.deps.connection.console.info(logEntry('file skipped', { uri, reason }));
    void this.deps.connection.sendNotification(FileSkippedNotification, { uri, reason }).catch(() => undefined);
  }
}
