// Background analysis of every workspace file, so problems in files never opened show up in the
// Problems view (ESLint's workspace mode). Two passes: first every file is read and noted in its
// project model (which logger module exports what, module style), then each is analysed. The
// loop yields to the event loop after every file so requests stay responsive, and a newer scan
// (configuration changed) stops an older one.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { ParsedFiles, treesLast } from '../analysis/services/parsedFiles';
import { keepsTree } from '../analysis/index';
import { readRegularFile } from '../analysis/regularFile';
import { discoverFiles } from '../analysis/workspace/discover';
import type { AnalysisStore } from './analysisStore';
import type { WorkspaceFolders } from './folders';
import { describeError } from './guard';
import type { ProjectRegistry } from './projects';
import type { ServerLog } from './serverLog';
import type { ResourceSettings, SettingsStore } from './settings';
import type { StatusReporter } from './status';
import { pathToUri } from './uris';
import { stripBom, type Validator } from './validator';
import type { ScanFile, ScanWorkers } from './parallelScan';

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Work between yields: long enough that a 2,000-file scan is not a 2,000-turn round trip through the
 * event loop (it made the first scan 2x slower than `obs-lens check`), short enough that a request
 * (a hover, a code action, a keystroke's analysis) waits at most about this long plus one file.
 */
const SLICE_MS = 12;

/** Yields once the current slice is used up. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}

type ScanItem = ScanFile;

export interface ScannerDeps {
  connection: Connection;
  log: ServerLog;
  folders: WorkspaceFolders;
  settings: SettingsStore;
  projects: ProjectRegistry;
  store: AnalysisStore;
  validator: Validator;
  status: StatusReporter;
  /** Whether the client accepts window/workDoneProgress. */
  progressSupported: () => boolean;
  /** The scan taught a model a changed fact (a module's exports): open documents, which the scan does not analyse, are checked again. */
  onFactsChanged(): void;
  /** The scan finished: the files of each folder, for the service phase. */
  onScanned?(folders: Array<{ root: string; files: string[]; rs: ResourceSettings }>, trees: ParsedFiles): void | Promise<void>;
  /** Starts the workers a scan of this many files will want (they load while the scan reads and notes). */
  prepareWorkers?(files: number): void;
  /** Workers for the scan's files when it is worth it (lsp/parallelScan.ts); `onResult` after each file a worker analysed. */
  startWorkers?(files: readonly ScanFile[], onResult: () => void): ScanWorkers | null;
}

export class WorkspaceScanner {
  private generation = 0;
  /** The workers of the scan in progress, stopped when a newer scan starts. */
  private running: ScanWorkers | null = null;

  constructor(private readonly deps: ScannerDeps) {}

  /** Starts a scan of all folders; resolves when it finishes or a newer scan replaces it. */
  async scanAll(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    this.running?.cancel();
    this.running = null;
    const progress = await this.beginProgress();
    const started = Date.now();
    try {
      const files = await this.collect(stale);
      if (stale()) return;
      this.deps.prepareWorkers?.(files.length);
      const total = files.length;
      this.deps.status.analysing(0, total);

      const items: ScanItem[] = [];
      let factsChanged = false;
      const pause = slicer();
      for (const file of files) {
        let text: string;
        try {
          // Synchronous reads inside a time slice: for many small files a fraction of the cost of
          // fs.promises' open/stat/read/close round trips.
          text = stripBom(readRegularFile(file.path).bytes.toString('utf8'));
        } catch {
          continue; // vanished between discovery and reading, or replaced by a named pipe
        }
        await pause();
        if (stale()) return;
        this.deps.projects.forFile(file.path, file.rs.folder!.root);
        // An open document's unsaved text is what the project is made of right now.
        if (this.deps.projects.note(file.path, this.deps.validator.openDocumentFor(file.path)?.getText() ?? text)) factsChanged = true;
        this.deps.projects.rememberScanText(file.path, text);
        items.push({ path: file.path, text, rs: file.rs });
      }

      // An edit may have been noted here first: its own validation then sees nothing new, so the
      // open documents that depend on it are checked from here.
      if (factsChanged) this.deps.onFactsChanged();
      const seen = new Set(items.map((item) => pathToUri(item.path)));
      let analysed = 0;
      let reported = -1;
      const advance = () => {
        analysed++;
        this.deps.status.analysing(analysed, total);
        // One progress message per percent, not per file.
        const percent = Math.floor((analysed / Math.max(total, 1)) * 100);
        if (percent !== reported) progress?.report((reported = percent), `${analysed}/${total} files`);
      };
      // Lent to the service phase after the scan, which reads many of the same files (see services/parsedFiles.ts).
      const trees = new ParsedFiles();
      let byWorkers = 0;
      const workers = this.deps.startWorkers?.(items, () => {
        byWorkers++;
        if (!stale()) advance();
      });
      if (workers) {
        this.running = workers;
        if (!(await this.analyseWithWorkers(workers, files, trees, stale, advance))) return;
      } else {
        // The files whose trees the service phase reads go last, to live the shortest (treesLast).
        const order = treesLast(items, (item) => keepsTree(this.deps.projects.forFile(item.path, item.rs.folder?.root), item.path, item.text));
        items.length = 0;
        for (let i = 0; i < order.length; i++) {
          if (stale()) return;
          const item = order[i];
          await this.deps.validator.validateDisk(item.path, item.text, item.rs, trees);
          order[i] = undefined as unknown as ScanItem; // let the text go
          advance();
          await pause();
        }
        if (stale()) return;
        // Idle means every finding is in: the service phase's too (handlers without metrics, services
        // without request ids), which need every file noted first.
        await this.deps.onScanned?.(this.byFolder(files), trees);
      }
      if (stale()) return;
      this.dropVanished(seen);
      this.deps.status.idle(total);
      this.deps.log.info('workspace scan finished', { files: total, analysedByWorkers: byWorkers, findings: this.deps.store.findingsCount(), ms: Date.now() - started });
    } finally {
      progress?.done();
    }
  }

  /**
   * The analysis with workers: the files the scan need not send (open, or cached) and the files
   * whose trees the service phase reads first, then the phase (workers go on meanwhile), then the
   * rest with the workers. False when a newer scan replaced this one.
   */
  private async analyseWithWorkers(workers: ScanWorkers, files: ReadonlyArray<{ path: string; rs: ResourceSettings }>, trees: ParsedFiles, stale: () => boolean, advance: () => void): Promise<boolean> {
    const pause = slicer();
    const here = async (file: ScanFile, keep?: ParsedFiles): Promise<boolean> => {
      if (stale()) {
        workers.cancel();
        return false;
      }
      await this.deps.validator.validateDisk(file.path, file.text, file.rs, keep);
      advance();
      await pause();
      return true;
    };
    for (const file of workers.notSent) if (!(await here(file))) return false;
    const finished = await workers.mainShare(
      (file, beforePhase) => here(file, beforePhase ? trees : undefined),
      () => this.deps.onScanned?.(this.byFolder(files), trees),
    );
    return finished && !stale();
  }

  private byFolder(files: ReadonlyArray<{ path: string; rs: ResourceSettings }>): Array<{ root: string; files: string[]; rs: ResourceSettings }> {
    const out = new Map<string, { root: string; files: string[]; rs: ResourceSettings }>();
    for (const f of files) {
      const root = f.rs.folder!.root;
      let entry = out.get(root);
      if (!entry) out.set(root, (entry = { root, files: [], rs: f.rs }));
      entry.files.push(f.path);
    }
    return [...out.values()];
  }

  /** Files no longer in the workspace set (deleted, newly ignored) lose their diagnostics. */
  private dropVanished(seen: Set<string>): void {
    for (const entry of [...this.deps.store.values()]) {
      if (entry.version !== null || seen.has(entry.uri)) continue;
      if (this.deps.validator.openDocumentFor(entry.path)) continue;
      this.deps.validator.clear(entry.uri);
    }
  }

  private async collect(stale: () => boolean): Promise<Array<{ path: string; rs: ResourceSettings }>> {
    const out: Array<{ path: string; rs: ResourceSettings }> = [];
    for (const folder of this.deps.folders.all()) {
      const rs = await this.deps.settings.forResource(folder.uri, folder.root);
      this.deps.status.reportConfigErrors(rs.errors);
      if (stale()) return out;
      if (!rs.settings.enable) continue;
      let paths: string[];
      try {
        paths = await discoverFiles(folder.root, { ignore: [] });
      } catch (err) {
        this.deps.log.error('could not list the files of a folder', { folder: folder.root, error: describeError(err) });
        continue;
      }
      // Nested folders are scanned as their own folder, with their own settings; each file under the
      // configuration file that applies to it (its nearest), with the folder's editor settings.
      for (const p of paths) {
        if (this.deps.folders.folderFor(p)?.root !== folder.root) continue;
        const fileSettings = this.deps.settings.forWorkspaceFile(rs, p);
        if (fileSettings.isIgnored(p) || !fileSettings.settings.enable) continue;
        this.deps.status.reportConfigErrors(fileSettings.errors);
        out.push({ path: p, rs: fileSettings });
      }
    }
    return out;
  }

  private async beginProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.deps.progressSupported()) return undefined;
    try {
      const progress = await this.deps.connection.window.createWorkDoneProgress();
      progress.begin('Observability Lens', 0, 'Analysing workspace', false);
      return progress;
    } catch {
      return undefined; // the client declined; the status notification still reports progress
    }
  }
}
