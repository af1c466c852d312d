// The project model: what the engine knows of a repository beyond the file at hand. It is built
// cheaply (package.json files, tsconfig options, noteFile on each workspace file, module summaries
// on demand) and never creates a ts.Program or runs the type checker. Its parts live in model/:
// packages and workspaces, tsconfigs and the module resolver, module summaries, per-file facts.
import * as path from 'node:path';
import ts from './typescriptModule';
import type { FileKind } from './rule';
import type { AnalysisInputs, LoggerLibrary } from './types';
import { computeFacts, computePackageFacts, type ConfiguredLoggerModule, type FactsSource, type FileFacts, type PackageFacts } from './model/facts';
import { FileSystemView } from './model/fileSystem';
import { type ModuleDependencies, ModuleIndex } from './model/modules';
import { PackageIndex, type PackageInfo, packageRequestLogger } from './model/packages';
import { inNodeModules, isInside, stripExtension } from './model/paths';
import { ModuleResolver } from './model/resolver';
import { TsconfigIndex } from './model/tsconfigs';
import type { ImportLinks } from './model/types';
import { findWorkspacePackages, type WorkspaceDeclaration } from './model/workspaces';
import { isModuleSpecifier } from './moduleSpecifier';
import { readRegularTextOrUndefined } from './regularFile';
import { RoleIndex, type RoleVerdict } from './roles';
import { MetricModuleIndex } from './metrics/metricModules';
import { AssertedTextIndex } from './model/assertedTexts';
import type { CodeSource } from './context/fileSources';
import { serviceContextFor } from './context/service';
import { aliasTarget, resolveHookAliases, type RuntimeAliases, sameTable } from './model/runtimeAliases';

export { isInside, stripExtension };
export type { ConfiguredLoggerModule, FileFacts, PackageInfo };

/** One exported logger of a workspace module: export name → library. `module.exports` = the whole module. */
export type LoggerExports = Map<string, LoggerLibrary>;

export interface ProjectOptions {
  /**
   * The `loggerModule` setting for files analysed without one of their own (AnalyzeOptions.loggerModule):
   * a specifier relative to the root (`./src/logger`) or a package name.
   */
  loggerModule: string | null;
  readFile?: (absPath: string) => string | undefined;
}

export class ProjectModel implements FactsSource {
  /** The repository root: nothing outside it is a project module. */
  readonly root: string;
  readonly readFile: (absPath: string) => string | undefined;
  /** The `loggerModule` option, relative to the root. */
  readonly defaultLoggerModule: ConfiguredLoggerModule | null;
  /** Modules (absolute path without extension) noted as making and exporting a logger: the candidates for a package's logger module. */
  readonly loggerExports = new Map<string, LoggerExports>();
  /** The file noted under each module path in loggerExports (the extension an import may have to name). */
  readonly notedFiles = new Map<string, string>();
  /** Request-context sources each file sets up (context/fileSources.ts), learnt by noteFile; only files that have some. */
  readonly contextSources = new Map<string, CodeSource[]>();
  /** Files that configure an error format keeping stacks (`format.errors({ stack: true })`), learnt by noteFile. */
  readonly errorStackFormatFiles = new Set<string>();
  /** Files that configure winston's printf format (`format.splat()`), learnt by noteFile. */
  readonly splatFormatFiles = new Set<string>();
  /** Files whose winston format util.formats the message with every further argument, learnt by noteFile. */
  readonly appendingFormatFiles = new Set<string>();
  /** Files that configure pino to serialise errors under keys besides `err` (a serializer for `error`, `errorKey`), learnt by noteFile. */
  readonly pinoErrorKeyFiles = new Set<string>();
  /** Files with a winston printf format naming keys one by one, which drops the meta's fields (winstonConfigText.ts winstonDropsFieldsIn). */
  readonly winstonFieldDroppingFiles = new Set<string>();
  /** Files with such a printf that leaves out the stack too (winstonDropsFieldsIn's `stacks`). */
  readonly winstonStackDroppingFiles = new Set<string>();
  /** Files with a winston printf writing a record's stack in place of its message, learnt by noteFile. */
  readonly winstonStackForMessageFiles = new Set<string>();
  /** Files whose winston format serialises errors under meta keys of its own (noteFile.ts winstonErrorKeysIn). */
  readonly winstonErrorKeyFiles = new Set<string>();
  /** Files that create a pino logger (`pino(...)`, `pinoHttp(...)`, nestjs-pino's `pinoHttp:` options), learnt by noteFile. */
  readonly pinoCreatorFiles = new Set<string>();
  /** Files that create a bunyan logger (`bunyan.createLogger(...)`), and those that configure its serializers, learnt by noteFile. */
  readonly bunyanCreatorFiles = new Set<string>();
  readonly bunyanSerializerKeys = new Map<string, string[]>();
  /** Files that may put a value on the global object (globalAssignments.ts), learnt by noteFile: where `WIKI.logger` comes from. */
  readonly globalSources = new Set<string>();
  /** Files that may set a member of another module's exports (globalAssignments.ts), learnt by noteFile: where YApi's `yapi.commons` comes from. */
  readonly memberSources = new Set<string>();
  /** Files that may call another module's initialiser (moduleInitialisers.ts), learnt by noteFile: where Node-RED's `runtime.log` comes from. */
  readonly injectionSources = new Set<string>();
  /** Files that start with a `#!` line (CLI entry points), learnt by noteFile. */
  readonly shebangFiles = new Set<string>();
  /** Specifiers each file imports a binding named `logger` or `log` from (model/loggerImports.ts), learnt by noteFile. */
  readonly loggerImports = new Map<string, string[]>();
  /** The texts each test file asserts spies were called with (model/assertedTexts.ts), learnt by noteFile. */
  readonly assertedTexts = new Map<string, string[]>();
  private assertedIndex: { key: string; index: AssertedTextIndex } | null = null;
  /** The console methods each test file spies on and asserts calls of (model/consoleSpies.ts), learnt by noteFile. */
  readonly consoleSpies = new Map<string, string[]>();
  private spiedModules: { key: string; byFile: Map<string, string> } | null = null;
  /** Module syntax of noted files, to pick a package's style when its package.json does not say. */
  readonly fileStyles = new Map<string, 'esm' | 'commonjs'>();
  readonly fsView: FileSystemView;
  readonly packages: PackageIndex;
  readonly tsconfigs: TsconfigIndex;
  readonly resolver: ModuleResolver;
  readonly modules: ModuleIndex;
  /** Every workspace file's role (service, browser, test, script, build, cli, tooling), learnt by noteFile. */
  readonly roles: RoleIndex;
  /** Modules that may export metrics, learnt by noteFile: their importers are read for metric uses. */
  readonly metricModules = new MetricModuleIndex();
  /** Bumped whenever a fact that changes analysis results changes. */
  generation = 0;
  private workspace: (WorkspaceDeclaration & { byName: Map<string, string> }) | undefined;
  private readonly facts = new Map<string, FileFacts>();
  /** Per package folder: whether its relative imports name their files' extensions (needsExplicitExtensions). */
  private readonly extensionEvidence = new Map<string, boolean>();
  private readonly packageFacts = new Map<string, PackageFacts>();
  private factsGeneration = 0;

  constructor(root: string, options: ProjectOptions) {
    this.root = path.resolve(root);
    this.readFile = options.readFile ?? defaultReadFile;
    // Fixes import this module: a value that is not a module specifier (settings are checked before,
    // this guards every other caller) is treated as unset rather than written into code.
    const configured = options.loggerModule?.trim();
    this.defaultLoggerModule = configured && isModuleSpecifier(configured) ? { specifier: configured, base: this.root, source: 'settings' } : null;
    this.fsView = new FileSystemView(this.readFile);
    this.packages = new PackageIndex(this.root, this.readFile);
    this.tsconfigs = new TsconfigIndex(this.root, this.fsView);
    this.resolver = new ModuleResolver({
      root: this.root,
      fsView: this.fsView,
      tsconfigs: this.tsconfigs,
      workspacePackages: () => this.workspacePackageDirs(),
      linksWorkspacePackage: (file, name) => this.linksWorkspacePackage(file, name),
      isEsmFormat: (file) => this.isEsmFormat(file),
      runtimeAlias: (file, specifier) => this.runtimeAlias(file, specifier),
    });
    this.modules = new ModuleIndex({
      resolver: this.resolver,
      readFile: this.readFile,
      requestLogger: (file) => packageRequestLogger(this.packageFor(file)),
      globalSources: () => this.globalSources,
      memberSources: () => this.memberSources,
      injectionSources: () => this.injectionSources,
    });
    // Roles follow imports with the model's own resolver: tsconfig paths, workspace packages by name.
    this.roles = new RoleIndex(
      {
        root: this.root,
        readFile: (p) => this.readFile(p),
        packageDirFor: (p) => (isInside(this.root, p) ? (this.packageFor(p)?.dir ?? null) : null),
        fileNames: (dir) => this.fsView.fileNames(dir),
        workspacePackageDir: (name) => this.workspacePackageDirs().get(name) ?? null,
      },
      this.resolver,
    );
  }

  /** The nearest package at or above the file, up to the repository root; null outside any. */
  packageFor(absPath: string): PackageInfo | null {
    return this.packages.packageFor(absPath);
  }

  /** The workspace packages the repository declares, and which files declare them. */
  workspaceDeclaration(): WorkspaceDeclaration & { byName: ReadonlyMap<string, string> } {
    if (!this.workspace) {
      const declared = findWorkspacePackages(this.root, this.fsView);
      const byName = new Map<string, string>();
      for (const dir of declared.dirs) {
        const name = this.packages.at(dir)?.name;
        if (name && !byName.has(name)) byName.set(name, dir);
      }
      this.workspace = { ...declared, byName };
    }
    return this.workspace;
  }

  /** Workspace package name → folder. */
  workspacePackageDirs(): ReadonlyMap<string, string> {
    return this.workspaceDeclaration().byName;
  }

  /**
   * Whether the file's package gets workspace package `name` from the workspace: by `workspace:` (or
   * `link:`/`file:`), by a version range where the package manager links those, or undeclared (as
   * hoisting may give it). A pnpm package asking for `"^1.7.0"` gets the registry's copy instead.
   */
  linksWorkspacePackage(absPath: string, name: string): boolean {
    if (this.workspaceDeclaration().linksByVersion) return true;
    const pkg = this.packageFor(absPath);
    return !pkg?.dependencies.has(name) || pkg.linkedDependencies.has(name);
  }

  /**
   * The project file or folder a bare specifier stands for at run time: the file's package's
   * `_moduleAliases`, else the table of a module of that package that patches Node's resolution. A
   * name the package declares as a dependency is that package (a test's module stub is no alias).
   */
  runtimeAlias(absPath: string, specifier: string): string | null {
    const pkg = this.packageFor(absPath);
    const declared = pkg?.moduleAliases ? aliasTarget(pkg.moduleAliases, specifier) : null;
    if (declared) return declared;
    if (this.resolveHookTexts.size === 0 || pkg?.dependencies.has(specifier)) return null;
    for (const hook of this.resolveHookTexts.keys()) {
      const hookPackage = this.packageFor(hook);
      if ((hookPackage?.dir ?? this.root) !== (pkg?.dir ?? this.root)) continue;
      const target = aliasTarget(this.resolveHookTable(hook, hookPackage?.dir ?? this.root), specifier);
      if (target) return target;
    }
    return null;
  }

  /** The text of each module patching Node's resolution (model/runtimeAliases.ts), learnt by noteFile; its table read from it when asked. */
  private readonly resolveHookTexts = new Map<string, string>();
  private readonly resolveHookTables = new Map<string, RuntimeAliases>();

  private resolveHookTable(file: string, packageDir: string): RuntimeAliases {
    let table = this.resolveHookTables.get(file);
    if (!table) this.resolveHookTables.set(file, (table = resolveHookAliases(this.resolveHookTexts.get(file) ?? '', file, packageDir, (p) => this.fsView.fileExists(p))));
    return table;
  }

  /**
   * Notes whether a module patches Node's resolution with a table of names (its text, or null when it
   * does not). Only when that changes is every resolution, summary and role dropped: noting the same
   * text again (the editor re-validating the open file) changes nothing.
   */
  noteResolutionHook(file: string, text: string | null): void {
    const before = this.resolveHookTexts.get(file) ?? null;
    if (before === text || (before !== null && text !== null && sameTable(before, text))) {
      if (text !== null) this.resolveHookTexts.set(file, text);
      return;
    }
    if (text === null) this.resolveHookTexts.delete(file);
    else this.resolveHookTexts.set(file, text);
    this.resolveHookTables.delete(file);
    this.resolver.forget();
    this.modules.clear();
    this.roles.invalidate();
    this.generation++;
  }

  /** Whether Node treats the file as an ES module: by extension, then its package's `type`. */
  isEsmFormat(absPath: string): boolean {
    const ext = path.extname(absPath).toLowerCase();
    if (ext === '.mjs' || ext === '.mts') return true;
    if (ext === '.cjs' || ext === '.cts') return false;
    return this.packageFor(absPath)?.type === 'module';
  }

  /**
   * Whether a relative import written into the file must name the target's extension: an ES module
   * under Node's own resolution (nodenext/node16 in its tsconfig, or plain JavaScript without one).
   */
  needsExplicitExtensions(absPath: string): boolean {
    if (!this.isEsmFormat(absPath)) return false;
    const setup = this.tsconfigs.forFile(absPath);
    const kind = setup.options.moduleResolution;
    if (kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext) return true;
    if (kind === ts.ModuleResolutionKind.Bundler) return false;
    if (!setup.configPath) return /\.m?jsx?$/i.test(absPath);
    // A config that says neither (a jsconfig for the editor, a solution tsconfig whose build config is
    // referenced: automatisch's backend, atproto's pds): the package's own imports show how it runs.
    const pkg = this.packageFor(absPath);
    if (!pkg) return false;
    let writes = this.extensionEvidence.get(pkg.dir);
    if (writes === undefined) this.extensionEvidence.set(pkg.dir, (writes = packageWritesExtensions(pkg.dir, this.fileStyles.keys(), (f) => this.packageFor(f)?.dir, this.readFile)));
    return writes;
  }

  /**
   * The console methods the project's tests spy on and assert calls of in the module `absPath`
   * (the modules a spying test imports), sorted and joined by commas; '' for none.
   */
  consoleSpiedIn(absPath: string): string {
    const key = this.factsAndRolesKey();
    if (this.spiedModules?.key !== key) {
      const methodsOf = new Map<string, Set<string>>();
      for (const [test, methods] of this.consoleSpies) {
        if (this.roles.roleOf(test).role !== 'test') continue;
        for (const spec of this.roles.specifiersOf(test)) {
          const target = this.resolver.resolve(test, spec);
          if (!target) continue;
          let set = methodsOf.get(target);
          if (!set) methodsOf.set(target, (set = new Set()));
          for (const m of methods) set.add(m);
        }
      }
      this.spiedModules = { key, byFile: new Map([...methodsOf].map(([f, m]) => [f, [...m].sort().join(',')])) };
    }
    return this.spiedModules.byFile.get(path.resolve(absPath)) ?? '';
  }

  /** Every text the project's tests assert spies were called with, indexed once per factsAndRolesKey. */
  assertedTextIndex(): AssertedTextIndex {
    const key = this.factsAndRolesKey();
    if (this.assertedIndex?.key !== key) {
      // Only test files assert: a service file whose comment names `toHaveBeenCalledWith`, or vendored code, does not.
      const texts = [...this.assertedTexts].filter(([file]) => this.roles.roleOf(file).role === 'test').flatMap(([, list]) => list);
      this.assertedIndex = { key, index: new AssertedTextIndex(texts) };
    }
    return this.assertedIndex.index;
  }

  /**
   * The model's facts and every file's role: what is worked out from which files are tests or service
   * code (the test files' asserted texts and spies here, a service's context in context/service.ts).
   */
  factsAndRolesKey(): string {
    return `${this.generation}\0${this.roles.digest()}`;
  }

  /** The facts rules and fixes use for a file (its package's; `absPath` absolute), under a `loggerModule` setting (default: the model's). */
  factsFor(absPath: string, configured?: ConfiguredLoggerModule | null): FileFacts {
    if (this.factsGeneration !== this.generation) {
      this.facts.clear();
      this.packageFacts.clear();
      this.extensionEvidence.clear();
      this.factsGeneration = this.generation;
    }
    const setting = configured === undefined ? this.defaultLoggerModule : configured;
    const file = absPath;
    const settingKey = setting ? `${setting.base}\0${setting.specifier}` : '';
    let facts = this.facts.get(`${file}\0${settingKey}`);
    if (!facts) {
      const pkg = this.packageFor(file);
      const pkgKey = `${pkg?.dir ?? ''}\0${settingKey}`;
      let shared = this.packageFacts.get(pkgKey);
      if (!shared) this.packageFacts.set(pkgKey, (shared = computePackageFacts(this, pkg, setting)));
      facts = computeFacts(this, file, shared);
      this.facts.set(`${file}\0${settingKey}`, facts);
    }
    return facts;
  }

  /** The links of a file (`absPath` absolute) to the project's modules; what they consult is recorded in `record`. */
  linksFor(absPath: string, record: ModuleDependencies): ImportLinks {
    return this.modules.linksFor(absPath, record);
  }

  /**
   * Whether a result computed with these facts and module dependencies would come out the same now.
   * The file's role is part of its facts (analyze.ts writes `<facts digest>\0<role>`).
   */
  inputsUnchanged(absPath: string, inputs: AnalysisInputs, configured?: ConfiguredLoggerModule | null): boolean {
    if (inputs.facts.startsWith(SKIPPED)) return inputs.facts === skippedFactsKey(this);
    if (analysisFactsKey(this, absPath, this.factsFor(absPath, configured).digest) !== inputs.facts || !this.modules.stillValid(inputs.modules)) return false;
    const index = inputs.testedMessages?.length ? this.assertedTextIndex() : null;
    return !index || inputs.testedMessages!.every((m) => index.containsInOrder(m.runs) === m.asserted);
  }

  /** What a file is for (FactsSource.roleOf). */
  roleOf(absPath: string): FileKind {
    return this.roles.roleOf(absPath).role;
  }

  /** A file was created or deleted: listings, resolutions, summaries and roles may all differ now. */
  fileCreatedOrDeleted(absPath: string): void {
    this.fsView.forget(path.dirname(path.resolve(absPath)));
    // A hook's table names files that may exist now.
    this.resolveHookTables.clear();
    this.resolver.forget();
    this.modules.clear();
    this.roles.invalidate();
    if (this.readFile(path.resolve(absPath)) === undefined) this.contextSources.delete(path.resolve(absPath));
    this.generation++;
  }
}

export function createProjectModel(root: string, options: ProjectOptions): ProjectModel {
  return new ProjectModel(root, options);
}

function defaultReadFile(absPath: string): string | undefined {
  return readRegularTextOrUndefined(absPath);
}

/**
 * What a file's analysis result depends on besides its text and the modules it follows: its
 * package's facts, its role and its service's request context (another file's mixin or middleware).
 */
const SKIPPED = '\0skipped\0';

/** The facts a file skipped unparsed depends on: the modules that may export metrics (a module it imports may come to). */
export function skippedFactsKey(project: ProjectModel): string {
  return `${SKIPPED}${project.metricModules.key()}`;
}

export function analysisFactsKey(project: ProjectModel, absPath: string, factsDigest: string, role: RoleVerdict = project.roles.roleOf(absPath)): string {
  // The tests' asserted texts are not here: the result records what it asked of them (AnalysisInputs.testedMessages).
  // The console methods tests spy on in this module are: a console fix there is not applied.
  return `${factsDigest}\0${role.role}${role.loadedByServer ? '+loaded' : ''}${role.sharedWithBrowser ? '+browser' : ''}\0${serviceContextFor(project, absPath)?.digest ?? ''}\0${project.consoleSpiedIn(absPath)}`;
}

/** What the file is for (see roles/): from the project's configuration, its imports, its folder and (when known) its text. */
export function classifyFile(project: ProjectModel, absPath: string, text?: string): FileKind {
  return project.roles.roleOf(absPath, text).role;
}

/** The file's role and what decided it, for a person (`obs-lens explain`). */
export function explainRole(project: ProjectModel, absPath: string, text?: string): RoleVerdict {
  return project.roles.roleOf(absPath, text);
}

/** Files of a package read for how it writes relative imports (enough to tell, few enough to stay cheap). */
const EXTENSION_SAMPLE_FILES = 40;
/** A relative import, or one through a path alias (`@/helpers/logger.js`, `~/db`, `#lib/x.js`). */
const RELATIVE_IMPORT = /\bfrom\s*['"]((?:\.\.?\/|@\/|~\/|#)[^'"\n]{1,300})['"]/g;

/**
 * Whether most relative (and path-alias) imports in the package's own files name an extension
 * (`'./logger.js'`): its files (not its sub-packages'), in path order so that the CLI and the editor,
 * which note files in different orders, read the same sample. A specifier of another kind of file
 * (`./styles.css`, `./data.json`, `./x.ts`) says nothing either way.
 */
function packageWritesExtensions(dir: string, files: Iterable<string>, packageDirOf: (absPath: string) => string | undefined, readFile: (absPath: string) => string | undefined): boolean {
  const own: string[] = [];
  for (const file of files) if (isInside(dir, file) && !inNodeModules(file) && packageDirOf(file) === dir) own.push(file);
  own.sort();
  let withExtension = 0;
  let without = 0;
  for (const file of own.slice(0, EXTENSION_SAMPLE_FILES)) {
    for (const m of (readFile(file) ?? '').matchAll(RELATIVE_IMPORT)) {
      if (/\.[cm]?jsx?$/.test(m[1])) withExtension++;
      else if (!/\.[A-Za-z0-9]+$/.test(m[1])) without++;
    }
  }
  return withExtension > without;
}
