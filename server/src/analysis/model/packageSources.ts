// A workspace package whose package.json points at build output that is not there (an unbuilt
// monorepo: `exports` names `./dist/esm/observability/index.js`, and `dist/` is made by a build
// step nobody ran) is read from its sources instead, as TypeScript does for a referenced project
// (its output mapped back to the source through the package tsconfig's `outDir` and `rootDir`).
// When the package's tsconfig names no `outDir`, a first folder named like build output (`dist`,
// `build`, `lib`, `out`) stands for it and `src` for the sources. One folder under the output root
// may name the module format (`dist/esm/`, `dist/commonjs/`, as tshy and similar tools write it).
import * as path from 'node:path';
import type { FileSystemView } from './fileSystem';
import { isInside } from './paths';
import type { TsconfigIndex } from './tsconfigs';

const OUTPUT_FOLDERS = new Set(['dist', 'build', 'lib', 'out']);
const OUTPUT_EXTENSION = /(\.d)?\.(m|c)?(js|ts)$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];

/** The source file of `subpath` (`.` or `./observability`) of the package in `dir`, when its entry names missing output. */
export function packageEntrySource(dir: string, subpath: string, fsView: FileSystemView, tsconfigs: TsconfigIndex): string | null {
  const manifest = readManifest(dir, fsView);
  if (!manifest) return null;
  const options = tsconfigs.forFile(path.join(dir, 'package.json')).options;
  for (const target of entryTargets(manifest, subpath)) {
    const abs = path.resolve(dir, target);
    if (!isInside(dir, abs) || fsView.fileExists(abs)) continue; // the output exists: the compiler's own resolution applies
    for (const base of sourceBases(dir, abs, options.outDir, options.rootDir)) {
      for (const ext of SOURCE_EXTENSIONS) if (fsView.fileExists(base + ext)) return base + ext;
    }
  }
  return null;
}

/**
 * The source a path under a tsconfig's `outDir` is compiled from (`dist/controller.js` → `lib/controller.ts`
 * under `rootDir: lib`), built or not: a JavaScript entry that loads the project's compiled output
 * (zigbee2mqtt's index.js: `import('./dist/controller.js')`) runs that source. Null without an `outDir`
 * holding the path, or without the source.
 */
export function compiledOutputSource(abs: string, options: { outDir?: string; rootDir?: string }, configDir: string, fsView: FileSystemView): string | null {
  if (!options.outDir || !isInside(options.outDir, abs)) return null;
  for (const base of sourceBases(configDir, abs, options.outDir, options.rootDir)) {
    for (const ext of SOURCE_EXTENSIONS) if (fsView.fileExists(base + ext)) return base + ext;
  }
  return null;
}

function readManifest(dir: string, fsView: FileSystemView): Record<string, unknown> | null {
  const text = fsView.readFile(path.join(dir, 'package.json'));
  if (text === undefined) return null;
  try {
    const json = JSON.parse(text) as unknown;
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  } catch {
    return null; // a broken package.json names no entry
  }
}

/**
 * Every file the package's `exports` (each condition), else `types`/`main`/`module`, names for the subpath.
 * A subpath pattern (`"./*": { "import": "./dist/*.js" }`: Saltcorn's `@saltcorn/data/db/state`) names
 * its targets with the matched part put in, the pattern with the longest prefix first, as Node picks it.
 */
function entryTargets(manifest: Record<string, unknown>, subpath: string): string[] {
  const exports = manifest.exports;
  const out: string[] = [];
  const collect = (v: unknown, depth: number, star?: string) => {
    if (typeof v === 'string') out.push(star === undefined ? v : v.split('*').join(star));
    else if (v && typeof v === 'object' && depth < 4) for (const inner of Object.values(v)) collect(inner, depth + 1, star);
  };
  if (typeof exports === 'string' || Array.isArray(exports)) {
    if (subpath === '.') collect(exports, 0);
  } else if (exports && typeof exports === 'object') {
    const map = exports as Record<string, unknown>;
    const keyed = Object.keys(map).some((k) => k.startsWith('.'));
    if (keyed && subpath in map) collect(map[subpath], 0);
    else if (keyed) {
      const pattern = patternFor(Object.keys(map), subpath);
      if (pattern) collect(map[pattern.key], 0, pattern.star);
    } else if (subpath === '.') collect(map, 0);
  } else if (subpath === '.') {
    for (const key of ['types', 'typings', 'module', 'main']) if (typeof manifest[key] === 'string') out.push(manifest[key] as string);
  } else out.push(subpath);
  return out;
}

/** The `exports` key with one `*` that matches the subpath (the longest prefix wins), and what its `*` stands for. */
function patternFor(keys: readonly string[], subpath: string): { key: string; star: string } | null {
  let best: { key: string; star: string; prefix: number } | null = null;
  for (const key of keys) {
    const at = key.indexOf('*');
    if (at < 0 || key.indexOf('*', at + 1) >= 0) continue;
    const prefix = key.slice(0, at);
    const suffix = key.slice(at + 1);
    if (subpath.length < prefix.length + suffix.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length), prefix: prefix.length };
  }
  return best;
}

/** Paths without extension where the source of the output file `abs` may be. */
function sourceBases(dir: string, abs: string, outDir: string | undefined, rootDir: string | undefined): string[] {
  let rel: string[];
  let sourceRoot: string;
  if (outDir && isInside(outDir, abs)) {
    rel = path.relative(outDir, abs).split(path.sep);
    sourceRoot = rootDir ?? path.join(dir, 'src');
  } else {
    const parts = path.relative(dir, abs).split(path.sep);
    if (!OUTPUT_FOLDERS.has(parts[0])) return [];
    rel = parts.slice(1);
    sourceRoot = path.join(dir, 'src');
  }
  const strip = (parts: string[]) => path.join(sourceRoot, ...parts).replace(OUTPUT_EXTENSION, '');
  return rel.length > 1 ? [strip(rel), strip(rel.slice(1))] : [strip(rel)];
}
