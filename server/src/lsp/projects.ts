// One project model per repository (the folder holding .git above a workspace folder, or the
// folder itself; see model/repositoryRoot.ts), shared by every workspace folder inside it. Models
// read files through the open documents first, so an unsaved logger module counts. Settings do
// not shape a model (each analysis passes its own `loggerModule`); clear() drops them all when
// manifests or configuration change.
import * as path from 'node:path';
import { readRegularTextOrUndefined } from '../analysis/regularFile';
import { isWithin } from './uris';
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';
import { createProjectModel, forgetFile, noteFile, type ProjectModel } from '../analysis/index';

export class ProjectRegistry {
  private readonly models = new Map<string, ProjectModel>();
  /** Folder → its repository root (found once). */
  private readonly roots = new Map<string, string>();
  /**
   * The texts a workspace scan read from disk, until the service phase after it is done: module
   * resolution, summaries and the phase read the same files again (a disk read each, a tenth of
   * the scan's time). Any news of a file (a note, a change, a deletion) drops its entry.
   */
  private scanTexts: Map<string, string> | null = null;

  constructor(private readonly openText: (absPath: string) => string | undefined) {}

  /** The model of the repository a file belongs to, found from its workspace folder (or its own folder outside any). */
  forFile(absPath: string, folderRoot?: string): ProjectModel {
    const start = folderRoot ?? path.dirname(absPath);
    let root = this.roots.get(start);
    if (root === undefined) this.roots.set(start, (root = findRepositoryRoot(start)));
    let model = this.models.get(root);
    if (!model) {
      model = createProjectModel(root, { loggerModule: null, readFile: (p) => this.read(p) });
      this.models.set(root, model);
    }
    return model;
  }

  /**
   * Tells every model rooted above the file about its new text; true when a project fact changed.
   * File roles are compared only when they were computed before the note: while a scan notes every
   * file, nothing has asked for them yet, and recomputing them for each file would be quadratic.
   */
  note(absPath: string, text: string): boolean {
    this.scanTexts?.delete(path.resolve(absPath));
    let changed = false;
    for (const model of this.models.values()) {
      if (!isWithin(model.root, absPath)) continue;
      const before = model.generation;
      const rolesBefore = model.roles.settledDigest();
      noteFile(model, absPath, text);
      if (model.generation !== before) changed = true;
      else if (rolesBefore !== null && model.roles.digest() !== rolesBefore) changed = true;
    }
    return changed;
  }

  /**
   * A file was deleted: it imports nothing any more, and what the models learnt from it goes (a
   * winston format, a logger module). True when some file's role or the models' facts may have changed.
   */
  forget(absPath: string): boolean {
    this.scanTexts?.delete(path.resolve(absPath));
    let changed = false;
    for (const model of this.models.values()) {
      if (!isWithin(model.root, absPath)) continue;
      const before = model.roles.settledDigest();
      if (forgetFile(model, absPath)) changed = true;
      if (before !== null && model.roles.digest() !== before) changed = true;
    }
    return changed;
  }

  /** A file was created or deleted: the models holding it resolve imports afresh. */
  fileCreatedOrDeleted(absPath: string): void {
    this.scanTexts?.delete(path.resolve(absPath));
    for (const model of this.models.values()) if (isWithin(model.root, absPath)) model.fileCreatedOrDeleted(absPath);
  }

  /** The roots of the models made so far. */
  modelRoots(): string[] {
    return [...this.models.keys()];
  }

  clear(): void {
    this.scanTexts = null;
    this.models.clear();
    this.roots.clear();
  }

  /** Keeps the text a scan read of a file (after noting it), for the reads that follow. */
  rememberScanText(absPath: string, text: string): void {
    (this.scanTexts ??= new Map()).set(path.resolve(absPath), text);
  }

  /** The scan and the service phase after it are done: later reads go to the disk again. */
  forgetScanTexts(): void {
    this.scanTexts = null;
  }

  private read(absPath: string): string | undefined {
    const open = this.openText(absPath);
    if (open !== undefined) return open;
    return this.scanTexts?.get(absPath) ?? readRegularTextOrUndefined(absPath);
  }
}
