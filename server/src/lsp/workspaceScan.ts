// Background analysis of every workspace file, so problems in files never opened show up in the
// Problems view (ESLint's workspace mode). Two passes: first every file is read and noted in its
// project model (which logger module exports what, module style), then each is analysed. The
// loop yields to the event loop after every file so requests stay responsive, and a newer scan
// (configuration changed) stops an older one.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { ParsedFiles } from '../analysis/services/parsedFiles';
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

interface ScanItem {
  path: string;
  text: string;
  rs: ResourceSettings;
}

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
}

export class WorkspaceScanner {
  private generation = 0;

  constructor(private readonly deps: ScannerDeps) {}

  /** Starts a scan of all folders; resolves when it finishes or a newer scan replaces it. */
  async scanAll(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const progress = await this.beginProgress();
    const started = Date.now();
    try {
      const files = await this.collect(stale);
      if (stale()) return;
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
      const seen = new Set<string>();
      let reported = -1;
      // Lent to the service phase after the scan, which reads many of the same files (see services/parsedFiles.ts).
      const trees = new ParsedFiles();
      for (let i = 0; i < items.length; i++) {
        if (stale()) return;
        const item = items[i];
        seen.add(pathToUri(item.path));
        await this.deps.validator.validateDisk(item.path, item.text, item.rs, trees);
        items[i] = undefined as unknown as ScanItem; // let the text go
        this.deps.status.analysing(i + 1, total);
        // One progress message per percent, not per file.
        const percent = Math.floor(((i + 1) / Math.max(total, 1)) * 100);
        if (percent !== reported) progress?.report((reported = percent), `${i + 1}/${total} files`);
        await pause();
      }
      if (stale()) return;
      this.dropVanished(seen);
      // Idle means every finding is in: the service phase's too (handlers without metrics, services
      // without request ids), which need every file noted first.
      await this.deps.onScanned?.(this.byFolder(files), trees);
      if (stale()) return;
      this.deps.status.idle(total);
      this.deps.log.info('workspace scan finished', { files: total, findings: this.deps.store.findingsCount(), ms: Date.now() - started });
    } finally {
      progress?.done();
    }
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
