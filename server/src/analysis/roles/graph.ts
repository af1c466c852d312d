// The workspace's import graph, for reachability: exact edges from the module resolver, and
// possible edges for specifiers it could not resolve (bundler and tsconfig aliases such as
// `@/utils/x` or `@internal/database`), matched to files by their path's tail within the
// importer's package. Possible edges are only ever used where an extra edge makes the answer more
// careful: a file someone may import is not "imported only by tests", and server code that may
// import a file makes it server code. Browser reachability follows exact edges only.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { packageNameOf, stripExtension } from '../model/paths';
import { lowerBound } from '../lowerBound';
import { compileGlob } from './glob';
import type { ModuleResolver } from './types';

export interface ImportGraph {
  readonly files: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** importer → the files it imports (resolved). */
  readonly imports: readonly number[][];
  /** importer → the files it may import (unresolved specifiers matched by path). */
  readonly mayImport: readonly number[][];
  /** importer → those of its `imports` it only loads inside functions or blocks (scan.ts lazySpecifiers). */
  readonly lazyImports: readonly ReadonlySet<number>[];
  /**
   * Files an `import.meta.glob` of the file matches. Only browser reach follows them (a front end's
   * bundle holds them): they are not importers, as a test setup that globs every task to mock it
   * does not make the tasks test support (the server loads them its own way).
   */
  readonly globs: readonly number[][];
  /** file → every file that imports or may import it (a command's dispatcher included). */
  readonly importers: readonly number[][];
  /**
   * importer → the modules it runs as commands (scan.ts commandSpecifiers): loaded, but not by the
   * server's own mode, so not in `imports`; only the role computation's CLI walk follows them.
   */
  readonly commands: readonly number[][];
}

export interface GraphInputs {
  readonly files: readonly string[];
  specifiersOf(file: string): readonly string[];
  /** Those of its specifiers the file only loads inside functions or blocks (scan.ts). */
  lazySpecifiersOf?(file: string): readonly string[];
  /** Whether the file runs the database migrations (scan.ts): it may load every file of its package's migrations/ folders. */
  runsMigrations?(file: string): boolean;
  /** Folders (relative to the file's) whose modules the file loads by listing them (see scan.ts). */
  foldersLoadedBy?(file: string): readonly string[];
  /** File names the file loads from computed folders of its package (see scan.ts). */
  fileNamesLoadedBy?(file: string): readonly string[];
  /** Package names whose modules the file may load by a computed name (see scan.ts). */
  packagesLoadedBy?(file: string): readonly string[];
  /** Vite `import.meta.glob` patterns the file loads (see scan.ts). */
  globImportsOf?(file: string): readonly string[];
  /** Specifiers of the modules the file runs as commands (see scan.ts). */
  commandSpecifiersOf?(file: string): readonly string[];
  readonly resolver: ModuleResolver;
  /** The package folder of a file (aliases are local to a package). */
  packageDirOf(file: string): string | null;
  /** Whether the file's package (or the root's) depends on the named package: then the specifier is that package. */
  dependsOn(file: string, packageName: string): boolean;
}

const BUILTINS = new Set(builtinModules);
/** A possible edge is only a hint: a specifier matching more files than this names none of them in particular. */
const MAX_CANDIDATES = 25;

export function buildImportGraph(inputs: GraphInputs): ImportGraph {
  const { files } = inputs;
  const index = new Map(files.map((f, i) => [f, i]));
  const imports: number[][] = files.map(() => []);
  const mayImport: number[][] = files.map(() => []);
  const importers: number[][] = files.map(() => []);
  const globs: number[][] = files.map(() => []);
  const commands: number[][] = files.map(() => []);
  const lazyImports: Set<number>[] = files.map(() => NO_LAZY);
  /** Files by folder, made when a file first lists a folder. */
  let byFolder: Map<string, number[]> | undefined;
  let byName: Map<string, number[]> | undefined;
  /** File indexes sorted by path, made when a file first has a glob: a pattern's fixed folder is a range of them. */
  let sortedFiles: number[] | undefined;
  const aliases = new AliasMatcher(files, inputs);
  // Files of one folder resolve a specifier alike (one tsconfig, one base): once per folder.
  const resolutions = new Map<string, string | null>();
  /** Per package, the files of its migrations/ folders (walked once per package that runs them). */
  const migrations = new Map<string | null, number[]>();
  for (let i = 0; i < files.length; i++) {
    const from = files[i];
    const folder = path.dirname(from);
    const exact = new Set<number>();
    const possible = new Set<number>();
    const lazy = inputs.lazySpecifiersOf?.(from) ?? [];
    // A file loaded both lazily and at the top level (through two specifiers) is loaded at the top level.
    const lazyTargets = new Set<number>();
    const eagerTargets = new Set<number>();
    for (const spec of inputs.specifiersOf(from)) {
      const key = `${folder}\0${spec}`;
      let resolved = resolutions.get(key);
      if (resolved === undefined) resolutions.set(key, (resolved = inputs.resolver.resolve(from, spec)));
      const target = resolved === null ? undefined : index.get(resolved);
      if (target !== undefined) {
        if (target !== i) exact.add(target);
        if (target !== i && lazy.length > 0) (lazy.includes(spec) ? lazyTargets : eagerTargets).add(target);
        continue;
      }
      if (resolved !== null || !mayBeAlias(spec) || inputs.dependsOn(from, packageNameOf(spec))) continue;
      for (const c of aliases.candidates(spec, from)) if (c !== i && !exact.has(c)) possible.add(c);
    }
    // knex loads the migration files by folder, not by import: `db.migrate.latest()` at start-up runs them in the server.
    if (inputs.runsMigrations?.(from)) {
      const pkg = inputs.packageDirOf(from);
      let targets = migrations.get(pkg);
      if (!targets) migrations.set(pkg, (targets = migrationFiles(files, inputs, pkg)));
      for (const c of targets) if (c !== i && !exact.has(c)) possible.add(c);
    }
    // A folder listed and required file by file (`requireDirectory(__dirname)`): its modules may all be loaded.
    for (const dir of inputs.foldersLoadedBy?.(from) ?? []) {
      byFolder ??= filesByFolder(files);
      for (const c of byFolder.get(path.resolve(folder, dir)) ?? []) if (c !== i && !exact.has(c)) possible.add(c);
    }
    // A file name loaded from computed folders (`${moduleFolder}/node_helper.js`): every file so named in the package.
    for (const name of inputs.fileNamesLoadedBy?.(from) ?? []) {
      byName ??= filesByName(files);
      const pkg = inputs.packageDirOf(from);
      for (const c of byName.get(name) ?? []) if (c !== i && !exact.has(c) && inputs.packageDirOf(files[c]) === pkg) possible.add(c);
    }
    // A dependency loaded by a computed name (`require(type.replace('providers/', '@signalk/streams/'))`):
    // any module in the folder of the package's entry may be the one.
    for (const name of inputs.packagesLoadedBy?.(from) ?? []) {
      if (!inputs.dependsOn(from, name)) continue;
      const entry = inputs.resolver.resolve(from, name);
      if (entry === null || !index.has(entry)) continue;
      byFolder ??= filesByFolder(files);
      for (const c of byFolder.get(path.dirname(entry)) ?? []) if (c !== i && !exact.has(c)) possible.add(c);
    }
    // Vite bundles every file an `import.meta.glob` pattern matches (plugins, pages, locales).
    for (const pattern of inputs.globImportsOf?.(from) ?? []) {
      sortedFiles ??= files.map((_, k) => k).sort((a, b) => (files[a] < files[b] ? -1 : files[a] > files[b] ? 1 : 0));
      for (const c of globTargets(files, sortedFiles, inputs.packageDirOf(from), folder, pattern)) if (c !== i && !exact.has(c)) globs[i].push(c);
    }
    // A module run as a command is the dispatcher's only as a command: not one of its imports.
    for (const spec of inputs.commandSpecifiersOf?.(from) ?? []) {
      const target = resolutions.get(`${folder}\0${spec}`);
      const t = target ? index.get(target) : undefined;
      if (t === undefined || t === i || !exact.delete(t)) continue;
      commands[i].push(t);
      importers[t].push(i);
    }
    for (const t of eagerTargets) lazyTargets.delete(t);
    if (lazyTargets.size > 0) lazyImports[i] = lazyTargets;
    imports[i] = [...exact];
    mayImport[i] = [...possible].filter((c) => !exact.has(c));
    for (const t of imports[i]) importers[t].push(i);
    for (const t of mayImport[i]) importers[t].push(i);
  }
  return { files, index, imports, mayImport, lazyImports, importers, globs, commands };
}

/** The shared empty set of a file with no lazy loads (most files): never written to. */
const NO_LAZY: Set<number> = new Set();

const MIGRATION_DIRS = new Set(['migrations', 'migration']);

/** The files in migrations/ folders of a package (`null`: the whole workspace). */
function migrationFiles(files: readonly string[], inputs: GraphInputs, pkg: string | null): number[] {
  const out: number[] = [];
  files.forEach((f, i) => {
    if (pkg !== null && inputs.packageDirOf(f) !== pkg) return;
    const dirs = path.relative(pkg ?? path.parse(f).root, path.dirname(f)).split(path.sep);
    if (dirs.some((d) => MIGRATION_DIRS.has(d.toLowerCase()))) out.push(i);
  });
  return out;
}

/** Not relative, not absolute, not a builtin: a package or an alias. */
function mayBeAlias(spec: string): boolean {
  return !spec.startsWith('.') && !path.isAbsolute(spec) && !spec.startsWith('node:') && !BUILTINS.has(spec.split('/')[0]) && spec.includes('/');
}


/**
 * Files an alias specifier may name: in the importer's package, named by the last segment, and
 * holding the middle segments as folders in order (`@app/orders/service` → `.../orders/.../service.ts`).
 * One answer per package and specifier: a project writes the same alias in many files.
 */
class AliasMatcher {
  private byStem: Map<string, number[]> | undefined;
  private readonly answers = new Map<string, number[]>();
  private readonly folders = new Map<number, string[]>();

  constructor(
    private readonly files: readonly string[],
    private readonly inputs: GraphInputs,
  ) {}

  candidates(spec: string, from: string): number[] {
    const pkg = this.inputs.packageDirOf(from);
    const key = `${pkg ?? ''}\0${spec}`;
    let answer = this.answers.get(key);
    if (!answer) this.answers.set(key, (answer = this.match(spec, pkg)));
    return answer;
  }

  private match(spec: string, pkg: string | null): number[] {
    const segments = spec.split('/').filter(Boolean);
    const stem = stripExtension(segments[segments.length - 1] ?? '');
    // The first segment is the alias's own name (`@app`), or a folder a NODE_PATH-style base holds
    // (YApi's `require('models/group.js')` from its server folder): files under such a folder are
    // the better answer when there are any (not the front end's `reducer/modules/group.js`).
    const inFolder = this.matching(stem, segments.slice(0, -1), pkg);
    const out = inFolder.length > 0 ? inFolder : this.matching(stem, segments.slice(1, -1), pkg);
    return out.length > MAX_CANDIDATES ? [] : out;
  }

  /** Files named `stem` in the package whose folders hold `middle` in order. */
  private matching(stem: string, middle: readonly string[], pkg: string | null): number[] {
    const out: number[] = [];
    for (const c of this.stems().get(stem) ?? []) {
      if (this.inputs.packageDirOf(this.files[c]) !== pkg) continue;
      let at = 0;
      for (const d of this.foldersOf(c, pkg)) if (at < middle.length && d === middle[at]) at++;
      if (at === middle.length) out.push(c);
    }
    return out;
  }

  /** Files by the name an import would use for them: `a/b.ts` as `b`, `a/b/index.ts` as `b` too. */
  private stems(): Map<string, number[]> {
    if (this.byStem) return this.byStem;
    this.byStem = new Map();
    this.files.forEach((file, i) => {
      const noExt = stripExtension(file);
      let stem = path.basename(noExt);
      if (stem === 'index') stem = path.basename(path.dirname(noExt));
      let list = this.byStem!.get(stem);
      if (!list) this.byStem!.set(stem, (list = []));
      list.push(i);
    });
    return this.byStem;
  }

  private foldersOf(c: number, pkg: string | null): string[] {
    let dirs = this.folders.get(c);
    if (!dirs) this.folders.set(c, (dirs = path.relative(pkg ?? path.parse(this.files[c]).root, path.dirname(this.files[c])).split(path.sep)));
    return dirs;
  }
}

/**
 * The files a Vite glob pattern matches: relative to the importing file's folder (`./`, `../`), or
 * to the package root for `/src/...`. Negated patterns (`!**\/*.test.ts`) are left out: the edge
 * set may then be larger, which only makes roles more careful.
 */
function globTargets(files: readonly string[], sorted: readonly number[], packageRoot: string | null, folder: string, pattern: string): number[] {
  if (pattern.startsWith('!')) return [];
  const base = pattern.startsWith('/') ? packageRoot : folder;
  if (!base) return [];
  const abs = path.resolve(base, pattern.startsWith('/') ? `.${pattern}` : pattern);
  // The literal folder before the first wildcard bounds the search; the rest is matched with the glob matcher.
  const wild = abs.search(/[*?[{]/);
  // The files under the literal folder are one run of the sorted list: found by binary search, then read in order.
  const firstAtOrAfter = (key: string) => lowerBound(sorted.length, (k) => files[sorted[k]] < key);
  if (wild < 0) {
    const at = firstAtOrAfter(abs);
    return at < sorted.length && files[sorted[at]] === abs ? [sorted[at]] : [];
  }
  const fixed = abs.slice(0, abs.lastIndexOf(path.sep, wild));
  const prefix = fixed + path.sep;
  const matcher = compileGlob(path.relative(fixed, abs).split(path.sep).join('/'));
  const lo = firstAtOrAfter(prefix);
  const out: number[] = [];
  for (let k = lo; k < sorted.length && files[sorted[k]].startsWith(prefix); k++) {
    const f = files[sorted[k]];
    if (matcher.matches(f.slice(prefix.length).split(path.sep).join('/'))) out.push(sorted[k]);
  }
  return out;
}

/** Files by name (`node_helper.js`), for names loaded from computed folders. */
function filesByName(files: readonly string[]): Map<string, number[]> {
  return groupFiles(files, path.basename);
}

function filesByFolder(files: readonly string[]): Map<string, number[]> {
  return groupFiles(files, path.dirname);
}

/** File indexes grouped by a key of their path. */
function groupFiles(files: readonly string[], keyOf: (file: string) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  files.forEach((f, i) => {
    const key = keyOf(f);
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  });
  return out;
}
