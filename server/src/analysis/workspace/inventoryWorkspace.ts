// The workspace side of `obs-lens inventory`: which files, read once each, noted by the project
// model (its logger modules), then the engine's inventory of the services they belong to. The
// services are the package folders of the requested files; each is read whole (a route module
// or the logger may sit outside the folder asked about).
import * as path from 'node:path';
import type { LensSettings } from '../../../../shared/src/settings';
import type { ServiceInventory } from '../handlers/inventory';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import { classifyPaths, type UnreadableFile } from './analyzeWorkspace';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from './discover';
import { engine } from './engine';
import { readRegularTextOrUndefined } from '../regularFile';

export interface InventoryRun {
  services: ServiceInventory[];
  unreadable: UnreadableFile[];
}

export async function inventoryWorkspace(root: string, settings: LensSettings, paths: readonly string[], maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<InventoryRun> {
  const rootAbs = path.resolve(root);
  const unreadable: UnreadableFile[] = [];
  const { dirs, files } = await classifyPaths(rootAbs, [...paths], unreadable);
  const ignored = createIgnoreMatcher(rootAbs, settings.ignore);
  const named = dirs.length > 0 ? await discoverFiles(rootAbs, { ignore: settings.ignore, within: dirs }) : [];
  for (const f of files) if (isAnalysable(f) && !ignored(f)) named.push(f);

  const texts = new Map<string, string | undefined>();
  const readFile = (abs: string) => {
    if (!texts.has(abs)) texts.set(abs, readRegularTextOrUndefined(abs, maxFileBytes));
    return texts.get(abs);
  };
  const { createProjectModel, noteFile, buildInventory } = engine();
  const project = createProjectModel(rootAbs, { loggerModule: settings.loggerModule, readFile });
  const serviceDirs = new Set<string>();
  for (const f of named) {
    const dir = project.packageFor(f)?.dir;
    if (dir) serviceDirs.add(dir);
  }
  const all = serviceDirs.size > 0 ? await discoverFiles(rootAbs, { ignore: settings.ignore, within: [...serviceDirs] }) : [];
  for (const f of all) {
    const text = readFile(f);
    if (text !== undefined) noteFile(project, f, text);
  }
  return { services: buildInventory(project, all, { maxFileBytes, loggerModule: settings.loggerModule ? { specifier: settings.loggerModule, base: rootAbs, source: 'settings' } : null }), unreadable };
}
