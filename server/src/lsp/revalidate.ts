// What to re-run when something outside a single document changes: configuration (settings,
// obs-lens.config.json, package.json, tsconfig/jsconfig, workspace declarations, .gitignore)
// re-validates everything; a source file changed on disk re-validates that file, or everything when
// it changed a project fact (for example the logger module's exports); a source file created or
// deleted may change how imports resolve, so everything is checked again (cached results whose
// imports still resolve the same are reused).
import * as path from 'node:path';
import { FileChangeType, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../../../shared/src/settings';
import { readRegularFileAsync } from '../analysis/regularFile';
import { isAnalysable } from '../analysis/workspace/discover';
import type { ResultCache } from '../analysis/workspace/cache';
import type { WorkspaceFolders } from './folders';
import type { ProjectRegistry } from './projects';
import type { DebouncedScheduler } from './scheduler';
import type { SettingsStore } from './settings';
import { pathToUri, uriToPath } from './uris';
import { stripBom, type Validator } from './validator';
import type { WorkspaceScanner } from './workspaceScan';
import type { Logger } from './guard';

/** Files whose change may change the results of every file. */
const CONFIGURATION_FILES = new Set([CONFIG_FILE_NAME, 'package.json', '.gitignore', 'pnpm-workspace.yaml', '.npmrc', 'lerna.json', 'nx.json', 'project.json']);
// A shell script a package script runs may name folders of scripts (roles/shellScripts.ts).
const isConfigurationFile = (base: string) => CONFIGURATION_FILES.has(base) || /^(tsconfig|jsconfig).*\.json$/.test(base) || /^(jest\.config\.json|\.mocharc\.(json|jsonc|ya?ml))$/.test(base) || base.endsWith('.sh');

export interface RevalidatorDeps {
  documents: TextDocuments<TextDocument>;
  folders: WorkspaceFolders;
  settings: SettingsStore;
  projects: ProjectRegistry;
  cache: ResultCache;
  validator: Validator;
  scanner: WorkspaceScanner;
  scheduler: DebouncedScheduler;
  logger: Logger;
}

export class Revalidator {
  constructor(private readonly deps: RevalidatorDeps) {}

  /** Debounced validation of an open document (typing), or immediate (open). */
  validateOpen(uri: string, delayMs: number): void {
    this.deps.scheduler.schedule(uri, delayMs, () => this.deps.validator.validateOpen(uri));
  }

  /** Forget settings and project models, then validate open documents and rescan the workspace. */
  async all(): Promise<void> {
    this.deps.settings.clear();
    this.deps.projects.clear();
    for (const doc of this.deps.documents.all()) this.validateOpen(doc.uri, 0);
    await this.deps.scanner.scanAll();
  }

  /**
   * Project facts changed but settings did not: re-validate open documents and rescan, keeping the
   * project models (the result cache keys on their fingerprint, so only affected files re-run).
   */
  async afterFactsChanged(): Promise<void> {
    for (const doc of this.deps.documents.all()) this.validateOpen(doc.uri, 0);
    await this.deps.scanner.scanAll();
  }

  async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    const sources: Array<{ path: string; type: FileChangeType; uri: string }> = [];
    let configuration = false;
    for (const change of changes) {
      const absPath = uriToPath(change.uri);
      if (!absPath) continue;
      if (isConfigurationFile(path.basename(absPath))) configuration = true;
      else if (isAnalysable(absPath) || (change.type === FileChangeType.Deleted && this.wasAnalysed(absPath))) sources.push({ path: absPath, type: change.type, uri: pathToUri(absPath) });
    }
    if (configuration) {
      this.deps.logger.log('Configuration files changed: re-validating the workspace');
      await this.all();
      return;
    }
    let factsChanged = false;
    for (const source of sources) {
      if (source.type !== FileChangeType.Changed) {
        this.deps.projects.fileCreatedOrDeleted(source.path);
        factsChanged = true;
      }
      if (source.type === FileChangeType.Deleted) {
        this.deps.cache.delete(source.path);
        this.deps.validator.clear(source.uri);
        if (this.deps.projects.forget(source.path)) factsChanged = true;
        continue;
      }
      if (!this.deps.folders.folderFor(source.path) || this.deps.validator.openDocumentFor(source.path)) continue;
      let text: string;
      try {
        text = stripBom((await readRegularFileAsync(source.path)).toString('utf8'));
      } catch {
        this.deps.validator.clear(source.uri);
        continue;
      }
      if (this.deps.projects.note(source.path, text)) factsChanged = true;
      await this.deps.validator.validateDisk(source.path, text);
    }
    if (factsChanged) await this.afterFactsChanged();
  }

  /**
   * A deleted file this server analysed. Asked of a name without a source extension: whether
   * `bin/www` was a node script was read from its first line, which is gone with the file.
   */
  private wasAnalysed(absPath: string): boolean {
    return this.deps.cache.has(absPath);
  }
}
