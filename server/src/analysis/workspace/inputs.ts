// What a workspace pass's results depend on besides the engine's code, as digests: the cache compares
// them to tell an unchanged workspace without building the project model (see analyzeWorkspace.ts).
import * as path from 'node:path';
import { readRegularTextOrUndefined } from '../regularFile';
import { ENGINE_VERSION } from '../version';
import { hashText } from './cache';

/**
 * A digest of every input of a pass besides the engine's code: `run` (the configurations that
 * apply, the rules asked for, the files analysed), every workspace file with its text's hash, the
 * package.json files, and the files outside the workspace set the model read last time. Equal tokens
 * mean the project model would come out the same, and so would every result.
 */
export function workspaceToken(run: string, files: readonly string[], hashes: ReadonlyMap<string, string>, packages: string, extraFiles: readonly string[]): string {
  const parts: string[] = [ENGINE_VERSION, run, packages];
  for (const file of files) parts.push(`${file}\0${hashes.get(file)}`);
  for (const extra of extraFiles) parts.push(`${extra}\0${hashText(readRegularTextOrUndefined(extra) ?? '\0missing')}`);
  return hashText(parts.join('\n'));
}

/**
 * A digest of every package.json at or above the files' folders, up to the root: the model reads
 * them for dependencies (the logger library), module type and `bin` entries (CLI files).
 */
export function packageDigest(root: string, files: readonly string[]): string {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file); !dirs.has(dir); dir = path.dirname(dir)) {
      dirs.add(dir);
      if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) break;
    }
  }
  const parts: string[] = [];
  for (const dir of [...dirs].sort()) {
    const text = readRegularTextOrUndefined(path.join(dir, 'package.json'));
    if (text !== undefined) parts.push(`${dir}\0${hashText(text)}`);
  }
  // How the package manager links workspace packages (pnpm's link-workspace-packages) decides what imports reach.
  for (const name of ['pnpm-workspace.yaml', '.npmrc']) {
    const text = readRegularTextOrUndefined(path.join(root, name));
    if (text !== undefined) parts.push(`${name}\0${hashText(text)}`);
  }
  return hashText(parts.join('\n'));
}
