// The workspace side of `obs-lens inventory`, for one repository: which files, read once each,
// noted by the project model (its logger modules), then the engine's inventory of the services they
// belong to. The services are the package folders of the requested files; each is read whole (a
// route module or the logger may sit outside the folder asked about). As for `check`, each file's
// configuration is the nearest obs-lens.config.json at or above it (or the one --config names):
// its `ignore` leaves files out, and the one that governs a service's folder gives its configured
// logger module, relative to that configuration's own folder.
import * as path from 'node:path';
import type { ServiceInventory } from '../handlers/inventory';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import { classifyPaths, settingsIgnoreMatcher, type UnreadableFile } from './analyzeWorkspace';
import type { ConfigLookup } from './configLookup';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from './discover';
import { engine } from './engine';
import { readRegularTextOrUndefined } from '../regularFile';

export interface InventoryRun {
  services: ServiceInventory[];
  unreadable: UnreadableFile[];
  /** Problems with a configuration that applies: nothing is listed while there are any. */
  configErrors: string[];
}

export async function inventoryWorkspace(root: string, configs: ConfigLookup, paths: readonly string[], maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<InventoryRun> {
  const rootAbs = path.resolve(root);
  const unreadable: UnreadableFile[] = [];
  const ignored = createIgnoreMatcher(rootAbs, []);
  const { dirs, files } = await classifyPaths(rootAbs, [...paths], unreadable, ignored);
  const ignoredBySettings = settingsIgnoreMatcher(configs);
  const named = dirs.length > 0 ? (await discoverFiles(rootAbs, { ignore: [], within: dirs })).filter((f) => !ignoredBySettings(f)) : [];
  for (const f of files) if (isAnalysable(f) && !ignored(f) && !ignoredBySettings(f)) named.push(f);
  const configErrors = [...new Set(named.flatMap((f) => configs.forFile(f).errors))];
  if (configErrors.length > 0) return { services: [], unreadable, configErrors };

  const texts = new Map<string, string | undefined>();
  const readFile = (abs: string) => {
    if (!texts.has(abs)) texts.set(abs, readRegularTextOrUndefined(abs, maxFileBytes));
    return texts.get(abs);
  };
  const { createProjectModel, noteFile, buildInventory } = engine();
  // The model has no setting of its own: each service gets the loggerModule of its configuration.
  const project = createProjectModel(rootAbs, { loggerModule: null, readFile });
  const serviceDirs = new Set<string>();
  for (const f of named) {
    const dir = project.packageFor(f)?.dir;
    if (dir) serviceDirs.add(dir);
  }
  const all = serviceDirs.size > 0 ? (await discoverFiles(rootAbs, { ignore: [], within: [...serviceDirs] })).filter((f) => !ignoredBySettings(f)) : [];
  for (const f of all) {
    const text = readFile(f);
    if (text !== undefined) noteFile(project, f, text);
  }
  const loggerModuleFor = (serviceDir: string) => configs.loggerModuleOf(configs.forFolder(serviceDir));
  return { services: buildInventory(project, all, { maxFileBytes, loggerModuleFor }), unreadable, configErrors: [] };
}
