// The repository a path belongs to, found from the path itself (never from the working directory):
// the nearest folder at or above it holding `.git`; without one (an unpacked archive, a temporary
// copy), the outermost folder holding a package.json, an obs-lens.config.json or a workspace
// declaration, stopping below the home and temporary folders (a stray ~/package.json is no repository).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../../../shared/src/settings';
import { isInside } from './paths';

const PROJECT_MARKERS = ['package.json', CONFIG_FILE_NAME, 'pnpm-workspace.yaml', 'lerna.json', 'nx.json'];

export function findRepositoryRoot(start: string): string {
  const from = startFolder(path.resolve(start));
  const limits = [os.homedir(), os.tmpdir()].map((p) => path.resolve(p)).filter((limit) => limit !== from && isInside(limit, from));
  let outermost: string | null = null;
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (limits.includes(dir)) break;
    if (exists(path.join(dir, '.git'))) return dir;
    if (PROJECT_MARKERS.some((m) => exists(path.join(dir, m)))) outermost = dir;
    if (path.dirname(dir) === dir) break;
  }
  return outermost ?? from;
}

function startFolder(p: string): string {
  try {
    return fs.statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

function exists(p: string): boolean {
  return fs.existsSync(p);
}
