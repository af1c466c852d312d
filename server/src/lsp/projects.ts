// One project model per workspace folder (and per loose directory for files outside the
// workspace). Models read files through the open documents first, so an unsaved logger module
// counts. A model depends on the folder's `loggerModule` setting, so a different setting gives a
// new model; clear() drops them all when configuration or package.json files change.
import * as fs from 'node:fs';
import { isWithin } from './uris';
import { createProjectModel, noteFile, type ProjectModel } from '../analysis/index';

export class ProjectRegistry {
  private readonly models = new Map<string, ProjectModel>();

  constructor(private readonly openText: (absPath: string) => string | undefined) {}

  forRoot(root: string, loggerModule: string | null): ProjectModel {
    const key = `${root}\0${loggerModule ?? ''}`;
    let model = this.models.get(key);
    if (!model) {
      model = createProjectModel(root, { loggerModule, readFile: (p) => this.read(p) });
      this.models.set(key, model);
    }
    return model;
  }

  /**
   * Tells every model rooted above the file about its new text; true when a project fact changed.
   * File roles are compared only when they were computed before the note: while a scan notes every
   * file, nothing has asked for them yet, and recomputing them for each file would be quadratic.
   */
  note(absPath: string, text: string): boolean {
    let changed = false;
    for (const model of this.models.values()) {
      if (!isWithin(model.root, absPath)) continue;
      const before = model.factsFingerprint();
      const rolesBefore = model.roles.settledDigest();
      noteFile(model, absPath, text);
      if (model.factsFingerprint() !== before) changed = true;
      else if (rolesBefore !== null && model.roles.digest() !== rolesBefore) changed = true;
    }
    return changed;
  }

  /** A file was deleted: it imports nothing any more. True when some file's role may have changed. */
  forget(absPath: string): boolean {
    let changed = false;
    for (const model of this.models.values()) {
      if (!isWithin(model.root, absPath)) continue;
      const before = model.roles.settledDigest();
      model.roles.forget(absPath);
      if (before !== null && model.roles.digest() !== before) changed = true;
    }
    return changed;
  }

  clear(): void {
    this.models.clear();
  }

  private read(absPath: string): string | undefined {
    const open = this.openText(absPath);
    if (open !== undefined) return open;
    try {
      return fs.readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  }
}
