// Which packages a check of some paths learns from beyond the checked files: their own packages, and
// the workspace packages those depend on by name. A shared logger package (Nango's @nangohq/utils)
// configures how its importers' records are written (a winston format that serialises errors, pino's
// serializers, winston's splat): checked alone, a service must still see it.
import * as path from 'node:path';
import { FileSystemView } from '../model/fileSystem';
import { readJsonObject } from '../model/packages';
import { findWorkspacePackages } from '../model/workspaces';
import { readRegularTextOrUndefined } from '../regularFile';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'];

/** The folders of the workspace packages that the packages in `packageDirs` depend on (one level: not what those depend on). */
export function dependedWorkspacePackages(root: string, packageDirs: readonly string[]): string[] {
  const fsView = new FileSystemView((p) => readRegularTextOrUndefined(p));
  const byName = new Map<string, string>();
  for (const dir of findWorkspacePackages(root, fsView).dirs) {
    const name = readJsonObject(path.join(dir, 'package.json'), fsView.readFile)?.name;
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, dir);
  }
  if (byName.size === 0) return [];
  const out = new Set<string>();
  for (const dir of packageDirs) {
    const manifest = readJsonObject(path.join(dir, 'package.json'), fsView.readFile);
    for (const field of DEPENDENCY_FIELDS) {
      const deps = manifest?.[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const name of Object.keys(deps)) {
        const found = byName.get(name);
        if (found && found !== dir) out.add(found);
      }
    }
  }
  return [...out];
}
