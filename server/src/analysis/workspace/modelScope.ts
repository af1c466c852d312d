// Which packages a check of some paths learns from beyond the checked files: their own packages, and
// the workspace packages those depend on by name. A shared logger package (Nango's @nangohq/utils)
// configures how its importers' records are written (a winston format that serialises errors, pino's
// serializers, winston's splat): checked alone, a service must still see it. Packages are read as the
// project model reads them (PackageIndex: names, every kind of dependency, Nx projects).
import { FileSystemView } from '../model/fileSystem';
import { PackageIndex } from '../model/packages';
import { findWorkspacePackages } from '../model/workspaces';
import { readRegularTextOrUndefined } from '../regularFile';

/** The folders of the workspace packages that the packages in `packageDirs` depend on (one level: not what those depend on). */
export function dependedWorkspacePackages(root: string, packageDirs: readonly string[]): string[] {
  const read = (p: string) => readRegularTextOrUndefined(p);
  const packages = new PackageIndex(root, read);
  const byName = new Map<string, string>();
  for (const dir of findWorkspacePackages(root, new FileSystemView(read)).dirs) {
    const name = packages.at(dir)?.name;
    if (name && !byName.has(name)) byName.set(name, dir);
  }
  if (byName.size === 0) return [];
  const out = new Set<string>();
  for (const dir of packageDirs) {
    for (const name of packages.at(dir)?.dependencies ?? []) {
      const found = byName.get(name);
      if (found && found !== dir) out.add(found);
    }
  }
  return [...out];
}
