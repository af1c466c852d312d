// The repositories a run's paths lie in: each path belongs to the repository found from the path
// itself (model/repositoryRoot.ts), and each repository is analysed as one workspace.
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';

/** Repository root → the paths (absolute) inside it, in the order given. */
export function groupByRepository(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const root = findRepositoryRoot(p);
    const group = groups.get(root);
    if (group) group.push(p);
    else groups.set(root, [p]);
  }
  return groups;
}
