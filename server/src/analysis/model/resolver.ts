// Module resolution as the compiler does it: TypeScript's own resolver (ts.resolveModuleName) under
// the options of the file's tsconfig (paths aliases, baseUrl, `.js` specifiers naming `.ts` files,
// package.json `exports`/`main`/`types`), over a cached view of the file system. Workspace packages
// resolve through the importing package's node_modules link when it is installed and, when it is
// not (an unchecked-out monorepo often lacks installs), through the package's own folder, as if it
// were linked at the root's node_modules. Only project modules come back: files inside the
// repository root and outside node_modules. No Program and no type checker are made.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from '../typescriptModule';
import type { FileSystemView } from './fileSystem';
import { compiledOutputSource, packageEntrySource } from './packageSources';
import { inNodeModules, isInside, isPathSpecifier, packageNameOf } from './paths';
import type { CompilerSetup, TsconfigIndex } from './tsconfigs';

const BUILTINS = new Set(builtinModules);

export interface ResolverDeps {
  readonly root: string;
  readonly fsView: FileSystemView;
  readonly tsconfigs: TsconfigIndex;
  /** Workspace package name → folder. */
  workspacePackages(): ReadonlyMap<string, string>;
  /** Whether the file's package gets workspace package `name` from the workspace (not the registry's copy: pnpm's version ranges). */
  linksWorkspacePackage(fromFile: string, name: string): boolean;
  /** Whether the file is an ES module by Node's rules (extension, then its package's `type`). */
  isEsmFormat(absFile: string): boolean;
  /** The project file or folder a bare specifier stands for at run time (model/runtimeAliases.ts), or null. */
  runtimeAlias?(fromFile: string, specifier: string): string | null;
}

export class ModuleResolver {
  /** Per compiler setup: (folder, specifier) → resolved file or null; every file of a folder shares its resolutions. */
  private readonly resolved = new Map<CompilerSetup, Map<string, string | null>>();
  /**
   * Per compiler setup: (module kind, alias specifier) → the project file its `paths` mapping names.
   * A mapping is relative to the tsconfig, not to the importer: one resolution serves every folder
   * (a monorepo's `@/modules/...` is imported from hundreds of folders). What the importer's folder
   * could change is only a fallback to its node_modules, whose files are never project modules,
   * except a workspace package linked there: shared are the files found through the mapping, and
   * misses of specifiers that name no workspace package.
   */
  private readonly aliased = new Map<CompilerSetup, Map<string, string | null>>();
  private readonly host: ts.ModuleResolutionHost;
  private readonly virtualNodeModules: string;

  constructor(private readonly deps: ResolverDeps) {
    const fsView = deps.fsView;
    this.virtualNodeModules = path.join(deps.root, 'node_modules');
    this.host = {
      fileExists: (p) => fsView.fileExists(this.linked(p)),
      directoryExists: (p) => this.virtualDirectoryExists(p) || fsView.directoryExists(this.linked(p)),
      readFile: (p) => fsView.readFile(this.linked(p)),
      realpath: (p) => fsView.realpath(this.linked(p)),
      getCurrentDirectory: () => deps.root,
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    };
  }

  /** The project module file `specifier` names from `fromFile`, or null (a package, a builtin, missing, outside the repository). */
  resolve(fromFile: string, specifier: string): string | null {
    if (!specifier || BUILTINS.has(specifier) || specifier.startsWith('node:')) return null;
    const setup = this.deps.tsconfigs.forFile(fromFile);
    const isAlias = !isPathSpecifier(specifier) && setup.mapsBareSpecifier(specifier);
    if (!isPathSpecifier(specifier) && !isAlias) {
      // `require("logger")` where the service maps the name to its own file at run time: resolved as that path.
      const runtime = this.deps.runtimeAlias?.(fromFile, specifier);
      if (runtime) return this.resolve(fromFile, pathSpecifier(fromFile, runtime));
      const name = packageNameOf(specifier);
      if (!this.deps.workspacePackages().has(name) || !this.deps.linksWorkspacePackage(fromFile, name)) return null;
    }
    let bySetup = this.resolved.get(setup);
    if (!bySetup) this.resolved.set(setup, (bySetup = new Map()));
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    const known = bySetup.get(key);
    if (known !== undefined) return known;
    const mode = this.deps.isEsmFormat(fromFile) ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS;
    const aliasKey = `${mode}\0${specifier}`;
    if (isAlias) {
      const shared = this.aliased.get(setup)?.get(aliasKey);
      if (shared !== undefined) {
        bySetup.set(key, shared);
        return shared;
      }
    }
    let found = ts.resolveModuleName(specifier, fromFile, setup.options, this.host, setup.cache, undefined, mode).resolvedModule?.resolvedFileName;
    if (!found && (isPathSpecifier(specifier) || isAlias)) found = ts.resolveModuleName(specifier, fromFile, setup.lenient, this.host, undefined, undefined, mode).resolvedModule?.resolvedFileName;
    if (!found && !isPathSpecifier(specifier)) found = this.unbuiltPackageSource(specifier) ?? undefined;
    // The project's compiled output named by path (`./dist/controller.js`): the source it is compiled from.
    if (isPathSpecifier(specifier) && (!found || (setup.options.outDir && isInside(setup.options.outDir, found)))) found = this.compiledSource(fromFile, specifier) ?? found;
    const file = found ? path.resolve(this.deps.fsView.realpath(found)) : null;
    const result = file && isInside(this.deps.root, file) && (!inNodeModules(file) || this.inSourcePackage(file)) ? file : null;
    bySetup.set(key, result);
    const viaMapping = !!result && !!found && !inNodeModules(found);
    if (isAlias && (viaMapping || (!result && !this.deps.workspacePackages().has(packageNameOf(specifier))))) {
      let shared = this.aliased.get(setup);
      if (!shared) this.aliased.set(setup, (shared = new Map()));
      shared.set(aliasKey, result);
    }
    return result;
  }

  /**
   * The source of the project's compiled output that a path specifier names, built or not
   * (zigbee2mqtt's index.js: `import('./dist/controller.js')` under `outDir: dist`, `rootDir: lib`), or null.
   */
  compiledSource(fromFile: string, specifier: string): string | null {
    const setup = this.deps.tsconfigs.forFile(fromFile);
    if (!setup.options.outDir || !isPathSpecifier(specifier)) return null;
    const configDir = setup.configPath ? path.dirname(setup.configPath) : this.deps.root;
    return compiledOutputSource(path.resolve(path.dirname(fromFile), specifier), setup.options, configDir, this.deps.fsView);
  }

  /** A workspace package's module when its package.json names build output that was not built: its source (packageSources.ts). */
  private unbuiltPackageSource(specifier: string): string | null {
    const name = packageNameOf(specifier);
    const dir = this.deps.workspacePackages().get(name);
    return dir ? packageEntrySource(dir, `.${specifier.slice(name.length)}`, this.deps.fsView, this.deps.tsconfigs) : null;
  }

  /** A file of a workspace package kept in a node_modules folder (Node-RED's), not below a node_modules of its own. */
  private inSourcePackage(file: string): boolean {
    for (const dir of this.deps.workspacePackages().values()) {
      if (inNodeModules(dir + path.sep) && isInside(dir, file) && !inNodeModules(path.sep + path.relative(dir, file))) return true;
    }
    return false;
  }

  /** Forgets every resolution (a file was created or deleted, so any of them may now differ). */
  forget(): void {
    this.resolved.clear();
    this.aliased.clear();
  }

  /** A path under the root's node_modules naming a workspace package that is not installed there: the package's folder instead. */
  private linked(p: string): string {
    const prefix = this.virtualNodeModules + path.sep;
    if (!p.startsWith(prefix)) return p;
    const rest = p.slice(prefix.length).split(path.sep);
    const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
    const name = rest.slice(0, nameParts).join('/');
    const dir = this.deps.workspacePackages().get(name);
    if (!dir || this.deps.fsView.directoryExists(path.join(this.virtualNodeModules, ...rest.slice(0, nameParts)))) return p;
    return path.join(dir, ...rest.slice(nameParts));
  }

  private virtualDirectoryExists(p: string): boolean {
    if (p === this.virtualNodeModules) return this.deps.workspacePackages().size > 0;
    const prefix = this.virtualNodeModules + path.sep;
    if (!p.startsWith(prefix)) return false;
    const scope = p.slice(prefix.length);
    // `node_modules/@acme` exists when some workspace package is in that scope.
    if (scope.startsWith('@') && !scope.includes(path.sep)) for (const name of this.deps.workspacePackages().keys()) if (name.startsWith(`${scope}/`)) return true;
    return false;
  }
}

/** A relative specifier from `fromFile` to `target` (`./js/logger.js`, `../js/logger.js`). */
function pathSpecifier(fromFile: string, target: string): string {
  const rel = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}
