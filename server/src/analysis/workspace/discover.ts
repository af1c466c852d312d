// Finds the files a workspace analysis covers: JavaScript and TypeScript sources, minus what git
// ignores (root and nested .gitignore files), the usual build and dependency folders, and the
// user's `ignore` globs. Used by the CLI and by the language server's workspace pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularHead, readRegularTextOrUndefined } from '../regularFile';
import { NODE_SHEBANG } from '../shebang';

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

/** Folders that never hold service source worth analysing, skipped even without a .gitignore, unless one keeps them by name. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'dist', 'build', 'out', 'coverage', '.next', '.git', '.turbo',
]);

/**
 * Whether the file is analysable source: its name says so (declaration files and minified bundles
 * are not), or it is a node script without an extension (isExtensionlessNodeScript).
 */
export function isAnalysable(absPath: string, besideManifest?: () => boolean): boolean {
  const base = path.basename(absPath).toLowerCase();
  if (!base.includes('.')) return isExtensionlessNodeScript(absPath, besideManifest);
  if (!SOURCE_EXTENSIONS.has(path.extname(base))) return false;
  if (/\.d\.[mc]?ts$/.test(base) || /\.d\.[^.]+\.ts$/.test(base)) return false;
  if (/[.-]min\.[mc]?js$/.test(base)) return false;
  return true;
}

/**
 * A node script without an extension in a `bin` folder or beside a package.json: express-generator's
 * `bin/www` (an Express app's entry, `node ./bin/www`), `bin/manage_users`, NodeBB's `./nodebb`. Its
 * first line says so (a node shebang); only such names cost a read of the file's first bytes.
 * `besideManifest` answers whether its folder holds a package.json (a walk asks once per folder).
 */
export function isExtensionlessNodeScript(absPath: string, besideManifest?: () => boolean): boolean {
  const dir = path.dirname(absPath);
  if (path.basename(dir) !== 'bin' && !(besideManifest ? besideManifest() : fs.existsSync(path.join(dir, 'package.json')))) return false;
  const head = readRegularHead(absPath, 256);
  return head !== undefined && NODE_SHEBANG.test(head);
}


/** One ignore file's rules, applied to paths relative to the folder it sits in. */
interface IgnoreLayer {
  /** Folder of the rules, relative to the root with forward slashes ('' for the root). */
  base: string;
  rules: Ignore;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function readIgnoreLayer(dirAbs: string, base: string): IgnoreLayer | undefined {
  const text = readRegularTextOrUndefined(path.join(dirAbs, '.gitignore'));
  if (text === undefined) return undefined;
  return { base, rules: ignore({ allowRelativePaths: true }).add(text) };
}

/**
 * Git semantics, as far as they matter here: layers are consulted from the root down and the
 * deepest layer with an opinion wins, so a nested `!keep.ts` re-includes what the root ignored.
 * Undefined when no layer has an opinion.
 */
function verdictOf(layers: readonly IgnoreLayer[], relPosix: string, isDir: boolean): 'ignored' | 'kept' | undefined {
  let verdict: 'ignored' | 'kept' | undefined;
  for (const layer of layers) {
    let rel: string;
    if (layer.base === '') rel = relPosix;
    else if (relPosix.startsWith(layer.base + '/')) rel = relPosix.slice(layer.base.length + 1);
    else continue;
    if (rel === '') continue;
    const test = layer.rules.test(isDir ? rel + '/' : rel);
    if (test.ignored) verdict = 'ignored';
    else if (test.unignored) verdict = 'kept';
  }
  return verdict;
}

function isIgnoredBy(layers: readonly IgnoreLayer[], relPosix: string, isDir: boolean): boolean {
  return verdictOf(layers, relPosix, isDir) === 'ignored';
}

/**
 * Whether a folder is skipped: one of the always-skipped names unless a .gitignore keeps it by name
 * (Node-RED's sources live in `packages/node_modules`, kept by `!packages/node_modules`), or ignored.
 */
function isSkippedFolder(layers: readonly IgnoreLayer[], name: string, relPosix: string): boolean {
  const verdict = verdictOf(layers, relPosix, true);
  return ALWAYS_SKIPPED_DIRS.has(name) ? verdict !== 'kept' : verdict === 'ignored';
}

function settingsLayer(ignoreGlobs: readonly string[]): IgnoreLayer[] {
  const globs = ignoreGlobs.filter((g) => typeof g === 'string' && g.trim() !== '');
  return globs.length > 0 ? [{ base: '', rules: ignore({ allowRelativePaths: true }).add(globs) }] : [];
}

function relativeToRoot(root: string, absPath: string): string | undefined {
  const rel = path.relative(root, absPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

/**
 * A matcher for single files (the language server checks one document at a time): true when the
 * file lies in an always-skipped folder or is ignored by a .gitignore between the root and the
 * file, or by the settings' globs. Files outside the root are only checked against the folder names.
 * .gitignore files are read once, when the matcher is created or a folder is first asked about.
 * With `isFolder`, asks about a folder itself (the walk would not enter it).
 */
export function createIgnoreMatcher(root: string, ignoreGlobs: string[]): (absPath: string, isFolder?: boolean) => boolean {
  const rootAbs = path.resolve(root);
  const rootLayer = readIgnoreLayer(rootAbs, '');
  const fixed = settingsLayer(ignoreGlobs);
  const nestedByDir = new Map<string, IgnoreLayer | undefined>();
  return (absPath: string, isFolder = false): boolean => {
    const abs = path.resolve(absPath);
    const rel = relativeToRoot(rootAbs, abs);
    const parts = toPosix(rel ?? abs).split('/');
    if (rel === undefined) return (isFolder ? parts : parts.slice(0, -1)).some((p) => ALWAYS_SKIPPED_DIRS.has(p));
    const layers: IgnoreLayer[] = [];
    if (rootLayer) layers.push(rootLayer);
    for (let i = 1; i < parts.length; i++) {
      const base = parts.slice(0, i).join('/');
      // A file inside an ignored folder is ignored whatever deeper rules say (git never looks inside).
      if (isSkippedFolder([...layers, ...fixed], parts[i - 1], base)) return true;
      if (!nestedByDir.has(base)) nestedByDir.set(base, readIgnoreLayer(path.join(rootAbs, base), base));
      const layer = nestedByDir.get(base);
      if (layer) layers.push(layer);
    }
    return isFolder ? isSkippedFolder([...layers, ...fixed], parts[parts.length - 1], rel) : isIgnoredBy([...layers, ...fixed], rel, false);
  };
}

export interface DiscoverOptions {
  /** Globs in gitignore syntax, relative to the root. */
  ignore: string[];
  /**
   * Limit the walk to these folders (absolute). Ignore rules still come from the root down, so a
   * root .gitignore applies to `obs-lens check src/` too. Default: the whole root.
   */
  within?: string[];
}

function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Walks the root and returns the analysable files (absolute paths, sorted). Symbolic links to
 * folders are not followed (they loop and duplicate); unreadable folders are passed over.
 */
export async function discoverFiles(root: string, options: DiscoverOptions): Promise<string[]> {
  const rootAbs = path.resolve(root);
  const within = (options.within ?? [rootAbs]).map((p) => path.resolve(p));
  const fixed = settingsLayer(options.ignore);
  const found: string[] = [];

  const walk = async (dirAbs: string, layers: IgnoreLayer[]): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dirAbs, { withFileTypes: true });
    } catch {
      return;
    }
    const relDir = toPosix(path.relative(rootAbs, dirAbs));
    const own = readIgnoreLayer(dirAbs, relDir);
    const here = own ? [...layers, own] : layers;
    const all = [...here, ...fixed];
    const subdirs: string[] = [];
    // Asked at most once per folder, for its files without an extension (LICENSE, Makefile, bin scripts).
    let manifest: boolean | undefined;
    const besideManifest = () => (manifest ??= fs.existsSync(path.join(dirAbs, 'package.json')));
    for (const entry of entries) {
      const abs = path.join(dirAbs, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          isFile = (await fs.promises.stat(abs)).isFile();
        } catch {
          continue;
        }
      }
      if (entry.isDirectory()) {
        // Only descend where a requested folder lies below or above.
        if (!within.some((w) => isWithin(w, abs) || isWithin(abs, w))) continue;
        if (isSkippedFolder(all, entry.name, rel)) continue;
        subdirs.push(abs);
      } else if (isFile) {
        if (!isAnalysable(abs, besideManifest)) continue;
        if (!within.some((w) => isWithin(w, abs))) continue;
        if (isIgnoredBy(all, rel, false)) continue;
        found.push(abs);
      }
    }
    for (const sub of subdirs) await walk(sub, here);
  };

  // A requested folder outside the root is walked on its own, without the root's ignore files.
  await walk(rootAbs, []);
  for (const w of within) {
    if (!isWithin(rootAbs, w)) found.push(...(await discoverFiles(w, { ignore: [] })));
  }
  return [...new Set(found)].sort();
}
