// File roles from the project, not only from folder names. The project model notes every
// workspace file here (noteFile); the first question after a change computes every file's role at
// once (configuration read as text, the import graph, reachability) and keeps the answer until a
// noted file's imports, directives or configuration text change. Rules ask for the role through
// RuleContext.fileKind; `why` says what decided it.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { type ComputedRole, computeRoles, DEFAULT_WHY } from './compute';
import { evidenceFor } from './evidence';
import { buildImportGraph } from './graph';
import { ProjectConfigs } from './projectConfigs';
import { probeModule } from './resolver';
import { loadsPackage, scanFile, type ScannedFile } from './scan';
import { extensionlessEntries } from './extensionlessEntries';
import { packageNameOf } from '../model/paths';
import type { ModuleResolver, RoleProject, RoleVerdict } from './types';
import { stripExtension } from '../model/paths';

export type { FileRole, ModuleResolver, RoleProject, RoleVerdict } from './types';

/** Files whose text, not only their imports, decides other files' roles. */
const CONFIGURATION = /(^|[.-])config\.[cm]?[jt]s$|^\.mocharc\.[cm]?js$/;

interface Noted {
  readonly scan: ScannedFile;
  /** The text of configuration files, to tell when it changed. */
  readonly configText?: string;
}

export class RoleIndex {
  private readonly noted = new Map<string, Noted>();
  private readonly resolver: ModuleResolver;
  private roles: Map<string, ComputedRole> | null = null;
  private configs: ProjectConfigs | null = null;
  private digestValue: string | null = null;

  private readonly project: RoleProject;

  constructor(project: RoleProject, resolver: ModuleResolver) {
    // Relative specifiers by probing the noted files (cheap: most imports are relative); the rest
    // (tsconfig paths, workspace packages by name) by the project model's resolver.
    const noted = (p: string) => this.noted.has(p);
    this.resolver = {
      resolve: (fromFile, specifier) => {
        if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return resolver.resolve(fromFile, specifier);
        const written = path.resolve(path.dirname(fromFile), specifier.split('?')[0]);
        // `./dist/controller.js` of a TypeScript project: its compiled output, whose source the file runs.
        return probeModule(stripExtension(written), written, noted) ?? resolver.compiledSource(fromFile, specifier);
      },
      compiledSource: (fromFile, specifier) => resolver.compiledSource(fromFile, specifier),
    };
    // Files of one folder share a package: asked for every file and every import, it is looked up once per folder.
    const byFolder = new Map<string, string | null>();
    this.project = {
      root: project.root,
      readFile: (p) => project.readFile(p),
      packageDirFor: (file) => {
        const folder = path.dirname(file);
        let dir = byFolder.get(folder);
        if (dir === undefined) byFolder.set(folder, (dir = project.packageDirFor(file)));
        return dir;
      },
      fileNames: project.fileNames && ((dir) => project.fileNames!(dir)),
      workspacePackageDir: project.workspacePackageDir && ((name) => project.workspacePackageDir!(name)),
    };
    this.forgetPackages = () => byFolder.clear();
  }

  private readonly forgetPackages: () => void;

  /** Learns a workspace file's text; true when that may change some file's role. */
  note(absPath: string, text: string): boolean {
    const file = path.resolve(absPath);
    const configText = CONFIGURATION.test(path.basename(file)) ? text : undefined;
    const next: Noted = { scan: scanFile(text, path.basename(file)), configText };
    const before = this.noted.get(file);
    this.noted.set(file, next);
    if (before && sameNote(before, next)) return false;
    this.invalidate();
    return true;
  }

  /** The import specifiers of a noted file, as its scan read them (none for a file not noted). */
  specifiersOf(absPath: string): readonly string[] {
    return this.noted.get(path.resolve(absPath))?.scan.specifiers ?? [];
  }

  /** Whether a noted file of the package at `dir` loads the package `name` (or a module of it): a value import, not only types (inline ones included). */
  importsPackage(dir: string, name: string): boolean {
    for (const [file, noted] of this.noted) {
      if (this.project.packageDirFor(file) !== dir || !noted.scan.specifiers.some((s) => packageNameOf(s) === name)) continue;
      const text = this.project.readFile(file);
      if (text !== undefined && loadsPackage(text, name)) return true;
    }
    return false;
  }

  /** A file was deleted. */
  forget(absPath: string): void {
    if (this.noted.delete(path.resolve(absPath))) this.invalidate();
  }

  /** Something roles are computed from changed (a package.json, a configuration file). */
  invalidate(): void {
    this.forgetPackages();
    this.roles = null;
    this.configs = null;
    this.digestValue = null;
  }

  /**
   * The file's role and why. A noted file gets the answer computed for the whole workspace; any
   * other (an editor's file outside it, a test's single file) what its path, the configuration and
   * `text` say, without the import graph.
   */
  roleOf(absPath: string, text?: string): RoleVerdict {
    const file = path.resolve(absPath);
    if (this.noted.has(file)) {
      const known = this.all().get(file);
      if (known) return { role: known.role, why: typeof known.reason === 'string' ? known.reason : known.reason(), ...(known.loadedByServer ? { loadedByServer: true } : {}), ...(known.sharedWithBrowser ? { sharedWithBrowser: true } : {}) };
    }
    const scanned = text !== undefined ? scanFile(text, path.basename(file)) : null;
    const evidence = evidenceFor(this.project, this.projectConfigs(), file, scanned);
    return evidence ? { role: evidence.role, why: evidence.why } : { role: 'service', why: DEFAULT_WHY };
  }

  /** A digest of every noted file's role: cached results are keyed on it. */
  digest(): string {
    if (this.digestValue === null) {
      const hash = createHash('sha1');
      for (const [file, verdict] of [...this.all()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(`${file}\0${verdict.role}${verdict.loadedByServer ? '+loaded' : ''}${verdict.sharedWithBrowser ? '+browser' : ''}\n`);
      this.digestValue = hash.digest('hex');
    }
    return this.digestValue;
  }

  /** The digest when it is computed and still valid, else null (computing it is the caller's choice). */
  settledDigest(): string | null {
    return this.roles ? this.digest() : null;
  }

  private projectConfigs(): ProjectConfigs {
    this.configs ??= new ProjectConfigs(this.project, (p) => this.noted.has(p), [...this.noted.keys()], (f) => this.noted.get(f)?.scan);
    return this.configs;
  }

  private all(): Map<string, ComputedRole> {
    if (this.roles) return this.roles;
    const configs = this.projectConfigs();
    // Extension-less command entries (`./nodebb`) are in the graph, not noted: an edit to one is seen
    // at the next change of a noted file (the CLI's cache token records their reads).
    const packageDirs = new Set([this.project.root, ...configs.manifests.keys()]);
    const entries = extensionlessEntries(this.project, packageDirs, (f) => this.noted.has(f));
    const scans = new Map([...this.noted].map(([f, n]) => [f, n.scan] as const));
    for (const e of entries) scans.set(e.file, e.scan);
    const files = [...scans.keys()].sort();
    const evidence = files.map((f) => evidenceFor(this.project, configs, f, scans.get(f)!));
    // Nothing but service code (no test, script, browser or weak evidence anywhere, no command run, no
    // file that may run as one when executed directly): reachability cannot move any role, so the
    // import graph is not built.
    if (evidence.every((e) => !e || (e.role === 'service' && !e.weak)) && files.every((f) => scans.get(f)!.commandSpecifiers.length === 0 && !scans.get(f)!.testsMain)) {
      this.roles = new Map(files.map((f, i) => [f, { role: 'service', reason: evidence[i]?.why ?? DEFAULT_WHY }]));
      return this.roles;
    }
    const packageDirOf = (f: string) => this.project.packageDirFor(f);
    const graph = buildImportGraph({
      files,
      specifiersOf: (f) => scans.get(f)!.specifiers,
      lazySpecifiersOf: (f) => scans.get(f)!.lazySpecifiers,
      runsMigrations: (f) => scans.get(f)!.runsMigrations,
      globImportsOf: (f) => scans.get(f)!.globImports,
      foldersLoadedBy: (f) => scans.get(f)!.loadsFolders,
      fileNamesLoadedBy: (f) => scans.get(f)!.fileNamesLoaded,
      packagesLoadedBy: (f) => scans.get(f)!.packagesLoaded,
      commandSpecifiersOf: (f) => scans.get(f)!.commandSpecifiers,
      resolver: this.resolver,
      packageDirOf,
      dependsOn: (f, name) => {
        const dir = packageDirOf(f);
        return !!(dir && configs.manifests.get(dir)?.dependencies.has(name)) || !!configs.manifests.get(this.project.root)?.dependencies.has(name);
      },
    });
    this.roles = computeRoles(this.project.root, graph, evidence);
    return this.roles;
  }
}

function sameNote(a: Noted, b: Noted): boolean {
  const x = a.scan;
  const y = b.scan;
  return (
    a.configText === b.configText &&
    x.shebang === y.shebang &&
    x.directive === y.directive &&
    x.serviceWorker === y.serviceWorker &&
    x.registersServiceWorker === y.registersServiceWorker &&
    x.commandDirs.join('\0') === y.commandDirs.join('\0') &&
    x.runsMigrations === y.runsMigrations &&
    x.globImports.join('\0') === y.globImports.join('\0') &&
    x.loadsFolders.join('\0') === y.loadsFolders.join('\0') &&
    x.fileNamesLoaded.join('\0') === y.fileNamesLoaded.join('\0') &&
    x.packagesLoaded.join('\0') === y.packagesLoaded.join('\0') &&
    x.stylesheet === y.stylesheet &&
    x.startsServer === y.startsServer &&
    x.usesPageGlobals === y.usesPageGlobals &&
    x.isomorphic === y.isomorphic &&
    x.defaultExport === y.defaultExport &&
    x.testsMain === y.testsMain &&
    x.lazySpecifiers.join('\0') === y.lazySpecifiers.join('\0') &&
    x.commandSpecifiers.join('\0') === y.commandSpecifiers.join('\0') &&
    x.specifiers.length === y.specifiers.length &&
    x.specifiers.every((s, i) => s === y.specifiers[i])
  );
}
