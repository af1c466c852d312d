// Everything the project's configuration says about file roles, gathered once per computation:
// package.json files (entries, scripts, bin, prisma.seed, oclif, inline jest/mocha), test-runner
// configurations, index.html scripts, angular.json / Nx project.json, webpack entries, browser
// tsconfigs, front-end and Next.js packages. Files are named by the configuration as written; each
// is matched to a workspace file (extensions probed, build output mapped back to its source).
import * as path from 'node:path';
import { type ConfigProperty, configProperties, jsonProperties, readFlatYaml, readJsonc, relativeName, stringLiterals } from './configText';
import { REACT_ROUTER_PACKAGES } from '../handlers/frameworks';
import { angularJsonProjects, htmlScriptSources, includedFolders, nxFrontEndProject, sourcePathsIn, tsconfigTargetsBrowser, webpackTargetsNode, type FrontEndProject } from './frontEnd';
import { dockerfileCommands, isDockerfile, isWorkflowFile, type RunCommand, WORKFLOW_DIR, workflowCommands } from './ciCommands';
import { packageNameOf } from '../model/paths';
import { shellScriptFolders } from './shellScripts';
import { binCommandNames, commandLineReason, commandPaths, dependsOnServerFramework, frontEndDependency, interactiveCliDependency, isCommandLinePackage, isLibraryPackage, isObject, readManifest, SERVER_PACKAGES, scriptRole, type PackageManifest } from './manifest';
import { probeModule } from './resolver';
import { type ScannedFile, startsServer } from './scan';
import { jestRunner, mochaRunner, vitestRunner, type TestRunner } from './testRunners';
import { browserEntries, LIBRARY_BUNDLER_CONFIG } from './libraryBundlers';
import { compileGlob } from './glob';
import type { Evidence, FileRole, RoleProject } from './types';
import { isInside, stripExtension } from '../model/paths';

/** Evidence that covers a whole folder (oclif's command folder, a front-end package or project). */
export interface FolderEvidence {
  readonly dir: string;
  readonly evidence: Evidence;
  /**
   * Says something of one package only (its package.json): files of a package nested in the folder
   * (a monorepo root's workspaces) are not covered. A workspace root's dependencies are every
   * package's, hoisted: react-dom there does not make the API package beside the web app a front end.
   */
  readonly ownPackageOnly?: boolean;
}

/** Steps a start script runs before the server itself (each exits first): migrations, seeds, waiting for a database. */
const BEFORE_START = /^(migrate|migration|migrations|db-migrate|seed|wait-for[\w-]*)$/i;

/** When configurations name one file for several roles, the first of these wins. */
const CONFIG_PRIORITY: readonly FileRole[] = ['service', 'test', 'build', 'cli', 'tooling', 'script', 'browser', 'library'];

/** A script named for production or a start in one of its parts (`collab:prod`, `queue:start`, `start-worker`). */
const PRODUCTION_SCRIPT = /(^|[:_-])(prod|production|start)([:_-]|$)/i;
const JEST_CONFIG = /^jest([.-][\w-]+)?\.config\.[cm]?[jt]s$/;
const VITEST_CONFIG = /^vitest([.-][\w-]+)?\.config\.[cm]?[jt]s$|\.vitest\.config\.[cm]?[jt]s$/;
const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
const MOCHARC_SCRIPT = /^\.mocharc\.[cm]?js$/;
/**
 * Development servers of bundlers, run on their own (not middleware a service mounts: webpack-dev-middleware,
 * Vite's createServer in middleware mode, which an Express server starts in development).
 */
const BUNDLER_DEV_SERVERS: ReadonlySet<string> = new Set(['webpack-dev-server', 'webpack-serve', '@vue/cli-service', '@web/dev-server', 'browser-sync', 'live-server']);
const WEBPACK_CONFIG = /^webpack(\.[\w-]+)?\.config\.[cm]?[jt]s$/;
const NEXT_CONFIG = /^next\.config\.[cm]?[jt]s$/;
/** nps's scripts file (package-scripts.js, .cjs, .mjs, .json, .yml): the package's scripts, written as code or data. */
const NPS_CONFIG = /^package-scripts\.(?:[cm]?js|json|ya?ml)$/;
/** Keys before a command in nps's scripts (`banner: { serve: { script: '...' } }`), bounded. */
const NPS_KEY = /([A-Za-z_$][\w$-]{0,100})['"]?\s*:/g;
/** nps's own keys of a script object, which name no script. */
const NPS_FIELDS: ReadonlySet<string> = new Set(['script', 'description', 'hiddenFromHelp', 'silent']);

/** The name of the nps script whose command follows `before` (the nearest key that is not one of nps's own fields), or null. */
function npsScriptName(before: string): string | null {
  const keys = [...before.matchAll(NPS_KEY)].map((k) => k[1]).filter((k) => !NPS_FIELDS.has(k));
  return keys.length ? keys[keys.length - 1] : null;
}

/** A source file's path in a command line (`ts-node --transpile-only ./commands/banner.ts`), bounded. */
const COMMAND_PATH = /(?:^|[\s'"`(=])(\.{1,2}\/[\w@.$-]{1,100}(?:\/[\w@.$-]{1,100}){0,20}\.[cm]?[jt]sx?)(?![\w/])/g;
/** Build output folders whose files are compiled from `src/`. */
const OUTPUT_DIRS = new Set(['dist', 'build', 'lib', 'out']);

export class ProjectConfigs {
  /** Evidence for single files named by a configuration. */
  readonly files = new Map<string, Evidence>();
  /** Folder-wide evidence, deepest folders first. */
  readonly folders: FolderEvidence[] = [];
  readonly runners: TestRunner[] = [];
  /** Package folders that depend on Next.js (its file conventions apply there). */
  readonly nextPackages = new Set<string>();
  /** Of those, the Next.js apps: no other server framework beside it (no Nest or Express server in the same package). */
  readonly nextAppPackages = new Set<string>();
  /** Package folders that depend on Nuxt (its folder conventions apply there). */
  readonly nuxtPackages = new Set<string>();
  /** Of those, the Nuxt apps: no other server framework beside it. */
  readonly nuxtAppPackages = new Set<string>();
  /** Package folders that depend on React Router's framework mode or Remix (their app/ conventions apply there). */
  readonly reactRouterPackages = new Set<string>();
  readonly manifests = new Map<string, PackageManifest>();

  constructor(
    private readonly project: RoleProject,
    private readonly exists: (absPath: string) => boolean,
    files: readonly string[],
    private readonly scanOf: (file: string) => ScannedFile | undefined,
  ) {
    this.workspaceFiles = files;
    const packageDirs = new Set<string>([project.root]);
    for (const file of files) {
      const dir = project.packageDirFor(file);
      if (dir) packageDirs.add(dir);
    }
    for (const dir of [...packageDirs].sort()) {
      const manifest = readManifest(dir, project.readFile);
      if (manifest) {
        this.manifests.set(dir, manifest);
        this.readManifestRoles(manifest);
      }
      this.readPackageFolder(dir, manifest);
    }
    this.readRunCommands([...packageDirs]);
    for (const file of files) {
      this.readConfigFile(file);
      for (const dir of scanOf(file)?.commandDirs ?? []) {
        this.folders.push({ dir: path.resolve(path.dirname(file), dir), evidence: { role: 'cli', why: `CLI command (yargs commandDir in ${this.rel(file)})` } });
      }
    }
    if (project.readFile(path.join(project.root, 'nx.json')) !== undefined) this.readNxProjects(files);
    this.folders.sort((a, b) => b.dir.length - a.dir.length);
  }

  /** Whether `dir` holds a package of its own (PackageManifest.ownPackage), not only a marker package.json. */
  isPackage(dir: string): boolean {
    return this.manifests.get(dir)?.ownPackage ?? false;
  }

  private rel(absPath: string): string {
    return relativeName(this.project.root, absPath);
  }

  /** "package.json" at the root, "packages/api/package.json" elsewhere. */
  private manifestName(dir: string): string {
    return this.rel(path.join(dir, 'package.json'));
  }

  private name(file: string, evidence: Evidence): void {
    const known = this.files.get(file);
    if (!known || CONFIG_PRIORITY.indexOf(evidence.role) < CONFIG_PRIORITY.indexOf(known.role)) this.files.set(file, evidence);
  }

  /**
   * The TypeScript source a JavaScript file was compiled from, when it lies beside it (`src/util.js`
   * next to `src/util.ts`: tsc without an outDir writes there). Imports of the module resolve to the
   * source, as the compiler's resolver prefers it, so the source holds the code to check.
   */
  typeScriptSourceOf(file: string): string | null {
    const m = /\.([cm]?)js$/.exec(file);
    if (!m) return null;
    const stem = file.slice(0, -m[0].length);
    for (const ext of m[1] ? [`.${m[1]}ts`] : ['.ts', '.tsx']) if (this.exists(stem + ext)) return stem + ext;
    return null;
  }

  /** The workspace file a configured path names, relative to `dir`: as written, else its source for build output. */
  sourceFile(dir: string, written: string): string | null {
    const abs = path.resolve(dir, written);
    const direct = probeModule(stripExtension(abs), abs, this.exists);
    if (direct) return direct;
    // `node ./bin/www`: a node script without an extension (discover.ts isExtensionlessNodeScript).
    if (!path.basename(abs).includes('.') && this.exists(abs)) return abs;
    const rel = path.relative(dir, abs).split(path.sep);
    if (rel.length > 1 && OUTPUT_DIRS.has(rel[0])) {
      for (const replacement of [['src'], []]) {
        const mapped = path.join(dir, ...replacement, ...rel.slice(1));
        const found = probeModule(stripExtension(mapped), mapped, this.exists);
        if (found) return found;
      }
    }
    return null;
  }

  /**
   * The bundler's development server a file starts (it imports one, and no server framework: an Express
   * server that starts browser-sync beside itself in development is still the service), or null.
   */
  private devServerOf(file: string): string | null {
    const specifiers = this.scanOf(file)?.specifiers ?? [];
    if (specifiers.some((s) => (SERVER_PACKAGES as readonly string[]).includes(packageNameOf(s)))) return null;
    return specifiers.find((s) => BUNDLER_DEV_SERVERS.has(s)) ?? null;
  }

  /**
   * Whether the package depends (as a peer, a dev dependency or otherwise) on a workspace package that
   * is server-side (a server framework among its dependencies): a plugin of a server framework
   * (Vendure's elasticsearch-plugin on @vendure/core) runs in the servers that install it, so it is
   * no library that may run anywhere.
   */
  private pluginOfServerPackage(m: PackageManifest): boolean {
    const servers = new Set<string>();
    for (const name of m.dependencies) {
      const dir = this.project.workspacePackageDir?.(name);
      if (!dir || dir === m.dir) continue;
      const manifest = this.manifests.get(dir) ?? readManifest(dir, this.project.readFile);
      if (manifest && dependsOnServerFramework(manifest)) servers.add(name);
    }
    if (servers.size === 0) return false;
    // A value import of it from the package's own files (scan.ts leaves type-only imports out): a
    // client that devDepends on the server for its router's type is still a library.
    return (this.filesByPackage().get(m.dir) ?? []).some((f) => this.scanOf(f)?.specifiers.some((s) => servers.has(packageNameOf(s))));
  }

  private packageFiles: Map<string, string[]> | undefined;
  private readonly workspaceFiles: readonly string[];

  /** The noted files by package folder, made on first use. */
  private filesByPackage(): Map<string, string[]> {
    if (this.packageFiles) return this.packageFiles;
    this.packageFiles = new Map();
    for (const f of this.workspaceFiles) {
      const dir = this.project.packageDirFor(f);
      if (!dir) continue;
      const list = this.packageFiles.get(dir);
      if (list) list.push(f);
      else this.packageFiles.set(dir, [f]);
    }
    return this.packageFiles;
  }

  private readManifestRoles(m: PackageManifest): void {
    const where = this.manifestName(m.dir);
    const bins = new Set<string>();
    for (const bin of m.bin) {
      const file = this.sourceFile(m.dir, bin);
      if (file) {
        bins.add(file);
        this.name(file, { role: 'cli', why: `${where} bin` });
      }
    }
    const frontEnd = frontEndDependency(m);
    const library = m.dir !== this.project.root && isLibraryPackage(m) && !this.pluginOfServerPackage(m);
    const prompts = interactiveCliDependency(m);
    const commandLine = !prompts && m.dir !== this.project.root && isCommandLinePackage(m);
    // A library's or a command-line package's `main` is what importers load, not a process to start;
    // nor is a `main` that one of its scripts runs as a one-off, in a package with no server framework
    // (Etherpad's bin/ package: `"main": "checkAllPads.js"`, `"checkAllPads": "node --import tsx checkAllPads.ts"`).
    if (m.main && !frontEnd && !library && !prompts && !commandLine) {
      const file = this.sourceFile(m.dir, m.main);
      const runAsScript = (f: string) => m.scripts.some(([name, command]) => scriptRole(name) === 'script' && commandPaths(command).some((w) => this.sourceFile(m.dir, w) === f));
      // Only a workspace package's: the root's `main` is often the service Docker or a Procfile starts, whatever its scripts say (`"debug": "node --inspect index.js"`).
      if (file && !bins.has(file) && (m.dir === this.project.root || dependsOnServerFramework(m) || !runAsScript(file))) this.name(file, { role: 'service', why: `${where} main` });
      // The same file as `main` and `bin` in a package with a server framework: the server, installed
      // as a command (code-server's `out/node/entry.js`, json-server).
      else if (file && bins.has(file) && dependsOnServerFramework(m)) this.name(file, { role: 'service', why: `${where} main and bin, and the package has a server framework (a server started as a command)` });
    }
    for (const [name, command] of m.scripts) {
      // An interactive tool's `start` starts the tool, not a service.
      const role = prompts && scriptRole(name) === 'service' ? 'cli' : scriptRole(name);
      const written = commandPaths(command);
      written.forEach((w, i) => {
        const file = this.sourceFile(m.dir, w);
        const devServer = file && role === 'service' ? this.devServerOf(file) : null;
        // `"start": "node dist/migration.mjs && node dist/server.mjs"`: a process that migrates (or
        // waits for the database) and exits before the server starts is a script, not the service.
        if (file && role === 'service' && i < written.length - 1 && BEFORE_START.test(path.posix.basename(w).replace(/\.[^.]*$/, ''))) {
          this.name(file, { role: 'script', why: `${where} scripts.${name} runs it before the service starts` });
          return;
        }
        // `"prod": "node --require tsx/cjs node/server.ts"` in a package with a server framework runs its
        // bin as the service in production (Etherpad's `etherpad-lite` bin is its server).
        if (file && role === 'service' && bins.has(file) && PRODUCTION_SCRIPT.test(name) && dependsOnServerFramework(m)) this.name(file, { role: 'service', why: `${where} scripts.${name} runs its bin in production, and the package has a server framework` });
        // `"dev": "tsx src/cli.ts"` runs the package's own bin from its sources: still the command.
        else if (file && role === 'service' && bins.has(file)) this.name(file, { role: 'cli', why: `${where} bin (scripts.${name} runs it from its sources)` });
        // `"dev-frontend": "node scripts/start.js"` starting webpack-dev-server (an ejected Create React App's,
        // Sharetribe's web template): a bundler's development server, not the service.
        else if (file && role === 'service' && devServer) this.name(file, { role: 'tooling', why: `${where} scripts.${name} runs it, and it starts a bundler's development server (${devServer})` });
        // `"dev:benchmark": "node scripts/benchmarks/dev-board.mts"` (homarr): a development task kept in a
        // scripts folder, not the service run in development (`"dev": "nodemon src/index.ts"`).
        else if (file && role === 'service' && /^dev[:_-]/i.test(name) && path.relative(m.dir, file).split(path.sep).includes('scripts')) this.name(file, { role: 'script', why: `${where} scripts.${name} runs it from a scripts folder (a development task)` });
        // `"collab:prod": "node dist/collaboration/server/collab-main"`: a second server process run in
        // production. Not a dev tool's server (`"simple-dns-server": "node extra/simple-dns-server.js"`).
        else if (file && role === 'script' && PRODUCTION_SCRIPT.test(name) && (this.scanOf(file)?.startsServer ?? startsServer(this.project.readFile(file) ?? ''))) this.name(file, { role: 'service', why: `${where} scripts.${name} runs it in production, and it starts a server` });
        else if (file) this.name(file, { role, why: `${where} scripts.${name} runs it` + (role === 'cli' && scriptRole(name) === 'service' ? ` (an interactive command-line tool: ${prompts})` : '') });
      });
    }
    for (const [name, command] of m.scripts) {
      if (scriptRole(name) !== 'script') continue;
      for (const dir of shellScriptFolders(command, m.dir, this.project.readFile)) this.folders.push({ dir, evidence: { role: 'script', why: `${where} scripts.${name} runs its files through a shell script` } });
    }
    if (prompts) this.folders.push({ dir: m.dir, evidence: { role: 'cli', why: `${where} is an interactive command-line tool (${prompts}, no server framework)`, weak: true }, ownPackageOnly: true });
    else if (commandLine) {
      this.folders.push({ dir: m.dir, evidence: { role: 'cli', why: `${where} is a command-line package (${commandLineReason(m)})`, weak: true }, ownPackageOnly: true });
    }
    if (m.prismaSeed) {
      for (const written of commandPaths(m.prismaSeed)) {
        const file = this.sourceFile(m.dir, written);
        if (file) this.name(file, { role: 'script', why: `${where} prisma.seed runs it` });
      }
    }
    if (m.oclifCommands) {
      const written = path.resolve(m.dir, m.oclifCommands);
      const rel = path.relative(m.dir, written).split(path.sep);
      const dir = OUTPUT_DIRS.has(rel[0]) ? path.join(m.dir, 'src', ...rel.slice(1)) : written;
      this.folders.push({ dir, evidence: { role: 'cli', why: `oclif command (${where} oclif.commands)` } });
      // A command the service's start script runs (`"start": "cd bin && ./run start"`) is the service.
      for (const [name, command] of m.scripts) {
        if (scriptRole(name) !== 'service') continue;
        for (const commandName of binCommandNames(command, m.bin, m.binNames)) {
          const file = this.sourceFile(dir, `./${commandName.split(':').join('/')}`);
          if (file) this.name(file, { role: 'service', why: `${where} scripts.${name} runs the oclif command ${commandName}` });
        }
      }
    }
    if (m.jest) this.addRunner(jestRunner(path.join(m.dir, 'package.json'), jsonProperties(m.jest), `${where} jest`));
    if (m.mocha) {
      const props = jsonProperties(m.mocha);
      const values = (key: string) => props.filter((p) => p.chain.length === 1 && p.chain[0] === key).flatMap((p) => p.values);
      this.addRunner(mochaRunner(m.dir, { spec: values('spec'), require: values('require'), file: values('file') }, `${where} mocha`));
    }
    if (frontEnd) this.folders.push({ dir: m.dir, evidence: { role: 'browser', why: `${where} is a front end (${frontEnd}, no server framework)`, weak: true }, ownPackageOnly: true });
    else if (library) {
      this.folders.push({ dir: m.dir, evidence: { role: 'library', why: `${where} is a library (it declares what importers get, has no start of its own and no server framework): service code only where a server imports it`, weak: true }, ownPackageOnly: true });
    }
    if (m.dependencies.has('next')) this.nextPackages.add(m.dir);
    if (m.dependencies.has('next') && !SERVER_PACKAGES.some((p) => p !== 'next' && m.dependencies.has(p))) this.nextAppPackages.add(m.dir);
    if (REACT_ROUTER_PACKAGES.some((p) => m.dependencies.has(p))) this.reactRouterPackages.add(m.dir);
    if (m.dependencies.has('nuxt')) this.nuxtPackages.add(m.dir);
    if (m.dependencies.has('nuxt') && !SERVER_PACKAGES.some((p) => p !== 'nuxt' && m.dependencies.has(p))) this.nuxtAppPackages.add(m.dir);
  }

  /**
   * Files that CI workflows (the root's .github/workflows) and Dockerfiles (in the root, its docker/
   * folder and each package) run, with the role their instruction gives (ciCommands.ts); paths
   * relative to the repository root, as a checkout or a `COPY . .` build context has them.
   */
  private readRunCommands(packageDirs: readonly string[]): void {
    const names = this.project.fileNames;
    if (!names) return;
    const root = this.project.root;
    const read = (dir: string, name: string, commands: (text: string) => RunCommand[]) => {
      const file = path.join(dir, name);
      for (const { command, role } of commands(this.project.readFile(file) ?? '')) {
        for (const written of commandPaths(command)) {
          const target = this.sourceFile(root, written);
          if (target) this.name(target, { role, why: `${this.rel(file)} runs it` });
        }
      }
    };
    const workflows = path.join(root, WORKFLOW_DIR);
    for (const name of names(workflows)) if (isWorkflowFile(name)) read(workflows, name, workflowCommands);
    for (const dir of new Set([root, path.join(root, 'docker'), ...packageDirs])) {
      for (const name of names(dir)) if (isDockerfile(name)) read(dir, name, dockerfileCommands);
    }
  }

  /** Non-JavaScript configuration a package folder may hold: index.html, angular.json, .mocharc.json/.yml, jest.config.json, tsconfig.json. */
  private readPackageFolder(dir: string, manifest: PackageManifest | null): void {
    const html = path.join(dir, 'index.html');
    for (const src of htmlScriptSources(this.project.readFile(html) ?? '')) {
      const file = this.sourceFile(dir, src.startsWith('/') ? `.${src}` : src);
      // A UMD module the server requires too is shared: the page's load is weak evidence, server reach wins.
      if (file) this.name(file, { role: 'browser', why: `loaded by ${this.rel(html)}`, ...(this.scanOf(file)?.isomorphic ? { weak: true } : {}) });
    }
    const angular = path.join(dir, 'angular.json');
    for (const p of angularJsonProjects(angular, this.project.readFile(angular))) this.addFrontEndProject(p);
    for (const name of ['.mocharc.json', '.mocharc.jsonc', '.mocharc.yml', '.mocharc.yaml']) {
      const file = path.join(dir, name);
      const text = this.project.readFile(file);
      if (text === undefined) continue;
      const values = name.endsWith('json') || name.endsWith('jsonc') ? jsonValues(readJsonc(file, text)) : readFlatYaml(text, ['spec', 'require', 'file']);
      this.addRunner(mochaRunner(dir, { spec: values.spec ?? [], require: values.require ?? [], file: values.file ?? [] }, this.rel(file)));
      break;
    }
    // jest reads a JSON configuration too (Actual's jest.config.json names its globalSetup).
    const jestJson = path.join(dir, 'jest.config.json');
    const jestText = this.project.readFile(jestJson);
    if (jestText !== undefined) this.addRunner(jestRunner(jestJson, jsonProperties(readJsonc(jestJson, jestText)), this.rel(jestJson)));
    this.readTsconfig(dir, manifest);
  }

  private readTsconfig(dir: string, manifest: PackageManifest | null): void {
    const file = path.join(dir, 'tsconfig.json');
    const hasNodeTypes = [...this.manifests.values()].some((m) => m.dependencies.has('@types/node') && isInside(m.dir, dir)) || !!manifest?.dependencies.has('@types/node');
    const browser = (config: string, folder: string) => {
      if (tsconfigTargetsBrowser(config, this.project.readFile, hasNodeTypes, (name) => this.project.workspacePackageDir?.(name) ?? null)) {
        // Only what it includes: web-check's root tsconfig (`"include": ["src"]`) is its Astro front end's,
        // not the Express server's api/ beside it.
        for (const covered of includedFolders(config, this.project.readFile(config), folder)) {
          this.folders.push({ dir: covered, evidence: { role: 'browser', why: `${this.rel(config)} has the DOM library and no Node types`, weak: true } });
        }
      }
    };
    browser(file, dir);
    // Its project references (The Lounge's root tsconfig names ./client, ./server and ./shared, folders
    // without a package.json of their own): each referenced project's folder by its own tsconfig.
    for (const reference of tsconfigReferences(file, this.project.readFile(file))) {
      const config = /\.json$/i.test(reference) ? path.resolve(dir, reference) : path.join(path.resolve(dir, reference), 'tsconfig.json');
      const folder = path.dirname(config);
      if (folder !== dir && isInside(dir, folder)) browser(config, folder);
    }
  }

  /**
   * The files nps's scripts run (express-typescript-boilerplate's `runFast('./commands/banner.ts')` in
   * package-scripts.js): commands a developer starts from a terminal, as package.json's other scripts
   * are. Read as text, by the relative paths of source files it names; a file that starts a server is
   * left to what else is known of it (nps may start the service too).
   */
  private readNpsScripts(file: string): void {
    const text = this.project.readFile(file);
    if (text === undefined) return;
    const dir = path.dirname(file);
    for (const m of text.matchAll(COMMAND_PATH)) {
      if (m[1].includes('node_modules')) continue;
      // The script's name, as package.json's are read (`start`, `serve`, nps's `default`: the service).
      const name = npsScriptName(text.slice(Math.max(0, m.index! - 300), m.index));
      const role = name === null || name === 'default' ? 'service' : scriptRole(name);
      if (role === 'service') continue;
      const target = this.sourceFile(dir, m[1]);
      if (target && !this.scanOf(target)?.startsServer) this.name(target, { role, why: `${this.rel(file)} (nps) runs it as scripts.${name}` });
    }
  }

  private addFrontEndProject(p: FrontEndProject): void {
    this.folders.push({ dir: p.dir, evidence: { role: 'browser', why: p.why, weak: true } });
    for (const entry of p.entries) {
      const file = this.sourceFile(path.dirname(entry), path.basename(entry));
      if (file) this.name(file, { role: 'browser', why: `the front end's entry (${p.why})` });
    }
  }

  private addRunner(runner: TestRunner): void {
    this.runners.push(runner);
    for (const setup of runner.setupFiles) {
      const file = this.sourceFile(path.dirname(setup), path.basename(setup));
      if (file) this.name(file, { role: 'test', why: `${runner.runner} loads it to set tests up (${runner.source})` });
    }
  }

  /** JavaScript and TypeScript configuration files among the workspace files. */
  private readConfigFile(file: string): void {
    const base = path.basename(file);
    const dir = path.dirname(file);
    const isJest = JEST_CONFIG.test(base);
    const isVitest = VITEST_CONFIG.test(base);
    const isVite = VITE_CONFIG.test(base);
    const isMocha = MOCHARC_SCRIPT.test(base);
    const isWebpack = WEBPACK_CONFIG.test(base);
    if (NEXT_CONFIG.test(base)) this.nextPackages.add(dir);
    if (NPS_CONFIG.test(base)) return this.readNpsScripts(file);
    if (LIBRARY_BUNDLER_CONFIG.test(base)) return this.readLibraryBundler(file);
    if (!isJest && !isVitest && !isVite && !isMocha && !isWebpack) return;
    const text = this.project.readFile(file);
    if (text === undefined) return;
    const source = this.rel(file);
    if (isWebpack) return this.readWebpack(file, text, source);
    const props = configProperties(file, text);
    if (isVite) this.readViteBuild(file, props, source);
    if (isJest) this.addRunner(jestRunner(file, props, source));
    else if (isMocha) {
      const values = (key: string) => props.filter((p) => p.chain.length === 1 && p.chain[0] === key).flatMap((p) => p.values);
      this.addRunner(mochaRunner(dir, { spec: values('spec'), require: values('require'), file: values('file') }, source));
    } else {
      const runner = vitestRunner(file, props, source, isVite);
      if (runner) this.addRunner(runner);
    }
  }

  /**
   * A Vite build's entries (`build.rollupOptions.input`, a string, an array or named entries) are the
   * front end's, unless it builds a library or for the server (`build.lib`, `build.ssr`): Vite's
   * other default entry, index.html, is read with the package folder.
   */
  private readViteBuild(file: string, props: readonly ConfigProperty[], source: string): void {
    const under = (prefix: readonly string[]) => props.filter((p) => prefix.every((k, i) => p.chain[i] === k));
    if (under(['build', 'lib']).length > 0 || under(['build', 'ssr']).length > 0) return;
    for (const p of under(['build', 'rollupOptions', 'input'])) {
      for (const written of p.values) {
        const found = this.sourceFile(path.dirname(file), written);
        if (found) this.name(found, { role: 'browser', why: `the Vite build's entry (${source} build.rollupOptions.input)` });
      }
    }
  }

  /** tsup and tsdown builds for the browser: their entries (paths or globs) are browser code (libraryBundlers.ts). */
  private readLibraryBundler(file: string): void {
    const text = this.project.readFile(file);
    if (text === undefined || !text.includes('browser')) return;
    const dir = path.dirname(file);
    const source = this.rel(file);
    const evidence: Evidence = { role: 'browser', why: `a browser build's entry (${source} platform: 'browser')` };
    for (const written of browserEntries(file, text)) {
      if (!/[*?{[]/.test(written)) {
        const found = this.sourceFile(dir, written.startsWith('.') ? written : `./${written}`);
        if (found) this.name(found, evidence);
        continue;
      }
      const glob = compileGlob(written);
      for (const f of this.filesByPackage().get(this.project.packageDirFor(file) ?? dir) ?? []) {
        const rel = path.relative(dir, f).split(path.sep).join('/');
        if (!rel.startsWith('..') && glob.matches(rel)) this.name(f, evidence);
      }
    }
  }

  /** webpack entries: server code when webpack builds for Node, browser code otherwise. */
  private readWebpack(file: string, text: string, source: string): void {
    const node = webpackTargetsNode(text);
    const packageDir = this.project.packageDirFor(file) ?? path.dirname(file);
    for (const written of sourcePathsIn(stringLiterals(file, text))) {
      const found = this.sourceFile(path.dirname(file), written) ?? this.sourceFile(packageDir, written);
      if (found) this.name(found, node ? { role: 'service', why: `webpack entry for Node (${source})` } : { role: 'browser', why: `webpack entry (${source})` });
    }
  }

  /** Nx project.json files in the folders above workspace files (an Nx workspace holds one per project). */
  private readNxProjects(files: readonly string[]): void {
    const seen = new Set<string>([this.project.root]);
    const prefix = this.project.root + path.sep;
    for (const file of files) {
      for (let dir = path.dirname(file); dir.startsWith(prefix) && !seen.has(dir); dir = path.dirname(dir)) {
        seen.add(dir);
        if (dir.slice(prefix.length).split(path.sep).length > 4) continue; // projects sit near the root (apps/x, libs/y/z)
        const projectFile = path.join(dir, 'project.json');
        const p = nxFrontEndProject(projectFile, this.project.readFile(projectFile), this.project.root);
        if (p) {
          this.addFrontEndProject(p);
          this.readTsconfig(dir, null);
        }
      }
    }
  }
}

function jsonValues(json: Record<string, unknown> | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of jsonProperties(json)) if (p.chain.length === 1) (out[p.chain[0]] ??= []).push(...p.values);
  return out;
}

/** The paths a tsconfig's `references` name (`[{ "path": "./client" }]`), as written. */
function tsconfigReferences(file: string, text: string | undefined): string[] {
  const references = readJsonc(file, text)?.references;
  if (!Array.isArray(references)) return [];
  return references.flatMap((r) => (isObject(r) && typeof r.path === 'string' ? [r.path] : []));
}
