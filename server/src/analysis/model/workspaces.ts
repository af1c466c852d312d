// The workspace packages a repository declares: npm/yarn `workspaces` (an array, or `{ packages }`),
// pnpm-workspace.yaml's `packages:` list, lerna.json's `packages`, and Nx projects (project.json
// files, when nx.json is present), and the packages of a node_modules folder the .gitignore keeps as
// source. These are the packages one package may import by name.
import { readRegularHead } from '../regularFile';
import * as path from 'node:path';
import { ALWAYS_SKIPPED_DIRS, createIgnoreMatcher } from '../workspace/discover';
import type { FileSystemView } from './fileSystem';
import { readJsonObject } from './packages';

/** How deep `**` and the Nx project search look: deeper folders are not where packages live. */
const MAX_DEPTH = 6;

export interface WorkspaceDeclaration {
  /** Which files declared the packages (for `explain`), relative to the root. */
  readonly sources: string[];
  /** Package folders (absolute), sorted. */
  readonly dirs: string[];
  /**
   * Whether a dependency on a workspace package by version range (`"^1.7.0"`, not `workspace:`) is
   * the workspace's folder: npm's and yarn's workspaces link it; pnpm 9 and later fetch it from the
   * registry unless `link-workspace-packages` is set.
   */
  readonly linksByVersion: boolean;
}

export function findWorkspacePackages(root: string, fsView: FileSystemView): WorkspaceDeclaration {
  const read = fsView.readFile;
  const include: string[] = [];
  const sources: string[] = [];
  const pkg = readJsonObject(path.join(root, 'package.json'), read);
  const npm = pkg?.workspaces;
  const npmList = Array.isArray(npm) ? npm : npm && typeof npm === 'object' ? (npm as { packages?: unknown }).packages : undefined;
  if (Array.isArray(npmList)) {
    include.push(...npmList.filter((p): p is string => typeof p === 'string'));
    sources.push('package.json');
  }
  const pnpm = read(path.join(root, 'pnpm-workspace.yaml')) ?? read(path.join(root, 'pnpm-workspace.yml'));
  if (pnpm !== undefined) {
    include.push(...pnpmPackages(pnpm));
    sources.push('pnpm-workspace.yaml');
  }
  const lerna = readJsonObject(path.join(root, 'lerna.json'), read);
  if (lerna) {
    const list = Array.isArray(lerna.packages) ? lerna.packages.filter((p): p is string => typeof p === 'string') : ['packages/*'];
    include.push(...list);
    sources.push('lerna.json');
  }
  const dirs = new Set<string>();
  const excluded = new Set<string>();
  for (const raw of include) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\.\//, '').replace(/\/+$/, '');
    // Workspace packages live inside the repository: a pattern that climbs out of it names none.
    if (!pattern || path.isAbsolute(pattern) || pattern.split('/').includes('..')) continue;
    for (const dir of expandFolders(root, pattern, fsView)) (negated ? excluded : dirs).add(dir);
  }
  for (const dir of [...dirs]) if (excluded.has(dir) || !fsView.fileExists(path.join(dir, 'package.json'))) dirs.delete(dir);
  if (read(path.join(root, 'nx.json')) !== undefined) {
    for (const dir of nxProjects(root, fsView)) dirs.add(dir);
    sources.push('nx.json');
  }
  for (const folder of keptNodeModules(root, fsView)) {
    for (const dir of packagesIn(folder, fsView)) dirs.add(dir);
    sources.push(`.gitignore (${path.relative(root, folder).split(path.sep).join('/')})`);
  }
  return { sources, dirs: [...dirs].sort(), linksByVersion: pnpm === undefined || pnpmLinksByVersion(root, pkg, pnpm, read) };
}

/**
 * pnpm's `link-workspace-packages` (.npmrc or pnpm-workspace.yaml; `prefer-workspace-packages=true` asks
 * for the workspace's packages too), else its default: true before pnpm 9, whose version the
 * `packageManager` field names, or else the lockfile's format (`lockfileVersion: 5.4` is pnpm 7's,
 * `9.0` pnpm 9's: Reaction Commerce's plugins link `@reactioncommerce/logger` so).
 */
function pnpmLinksByVersion(root: string, pkg: Record<string, unknown> | null, workspaceYaml: string, read: (p: string) => string | undefined): boolean {
  const npmrc = read(path.join(root, '.npmrc')) ?? '';
  const set = /^\s*link-workspace-packages\s*=\s*(\S+)/m.exec(npmrc)?.[1] ?? /^\s*linkWorkspacePackages\s*:\s*(\S+)/m.exec(workspaceYaml)?.[1];
  if (set !== undefined) return set !== 'false';
  if (/^\s*prefer-workspace-packages\s*=\s*true\b/m.test(npmrc) || /^\s*preferWorkspacePackages\s*:\s*true\b/m.test(workspaceYaml)) return true;
  const major = /^pnpm@(\d+)\./.exec(typeof pkg?.packageManager === 'string' ? pkg.packageManager : '')?.[1];
  if (major !== undefined) return Number(major) < 9;
  // Its first line only: a lockfile is often megabytes.
  const lockfile = /^lockfileVersion:\s*['"]?(\d+)/.exec(readRegularHead(path.join(root, 'pnpm-lock.yaml'), 200) ?? '')?.[1];
  return lockfile !== undefined && Number(lockfile) < 9;
}

/**
 * The `packages:` list of a pnpm-workspace.yaml, read by hand (it is one small list; no YAML parser
 * is needed): block style (`  - 'apps/*'`) or flow style (`packages: [a/*, b/*]`).
 */
export function pnpmPackages(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((l) => /^packages\s*:/.test(l));
  if (start < 0) return [];
  const rest = stripComment(lines[start].replace(/^packages\s*:/, '')).trim();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return (close >= 0 ? rest.slice(1, close) : rest.slice(1)).split(',').map(unquote).filter(Boolean);
  }
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = stripComment(lines[i]);
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) break; // the next top-level key
    const item = /^\s*-\s*(.*)$/.exec(line);
    if (item) {
      const value = unquote(item[1]);
      if (value) out.push(value);
    }
  }
  return out;
}

function stripComment(line: string): string {
  // A `#` starts a comment only outside quotes and after whitespace (or at the start).
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

/** The folders a workspace glob names (`packages/*`, `apps/**`, `services/api`), segment by segment. */
function expandFolders(root: string, pattern: string, fsView: FileSystemView): string[] {
  let current = [root];
  for (const segment of pattern.split('/')) {
    const next = new Set<string>();
    for (const dir of current) {
      if (segment === '**') for (const d of descendants(dir, fsView, MAX_DEPTH)) next.add(d);
      else if (/[*?]/.test(segment)) {
        for (const name of fsView.subdirectories(dir)) if (isSearched(name) && wildcardMatch(segment, name)) next.add(path.join(dir, name));
      } else if (segment === '.') next.add(dir);
      else if (fsView.directoryExists(path.join(dir, segment))) next.add(path.join(dir, segment));
    }
    current = [...next];
  }
  return current;
}

/** `dir` and the folders below it, down to `depth` levels. */
function descendants(dir: string, fsView: FileSystemView, depth: number): string[] {
  const out = [dir];
  for (let i = 0, level = [dir]; i < depth && level.length > 0; i++) {
    const below: string[] = [];
    for (const d of level) for (const name of fsView.subdirectories(d)) if (isSearched(name)) below.push(path.join(d, name));
    out.push(...below);
    level = below;
  }
  return out;
}

function isSearched(name: string): boolean {
  return !name.startsWith('.') && !ALWAYS_SKIPPED_DIRS.has(name);
}

/**
 * `node_modules` folders one level down that the root .gitignore keeps (`!packages/node_modules`):
 * Node-RED commits its packages' sources there, and each imports the others by name through Node's
 * own lookup, with no workspace declared.
 */
function keptNodeModules(root: string, fsView: FileSystemView): string[] {
  const candidates = [...fsView.subdirectories(root)].filter(isSearched).map((d) => path.join(root, d, 'node_modules')).filter((d) => fsView.directoryExists(d));
  if (candidates.length === 0) return [];
  const ignored = createIgnoreMatcher(root, []);
  return candidates.filter((d) => !ignored(d, true));
}

/** The packages in a node_modules folder: `name/` and `@scope/name/` with a package.json. */
function packagesIn(folder: string, fsView: FileSystemView): string[] {
  const out: string[] = [];
  for (const name of fsView.subdirectories(folder)) {
    const dirs = name.startsWith('@') ? [...fsView.subdirectories(path.join(folder, name))].map((n) => path.join(folder, name, n)) : [path.join(folder, name)];
    for (const dir of dirs) if (fsView.fileExists(path.join(dir, 'package.json'))) out.push(dir);
  }
  return out;
}

function nxProjects(root: string, fsView: FileSystemView): string[] {
  return descendants(root, fsView, MAX_DEPTH).filter((d) => d !== root && fsView.fileExists(path.join(d, 'project.json')));
}

/**
 * A folder name against one glob segment (`*` any run, `?` one character). The classic greedy
 * match with one resume point: at most name × pattern steps, never exponential.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
