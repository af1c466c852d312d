// The project model: what the engine knows of the workspace beyond the file at hand. It is built
// cheaply (package.json files, plus noteFile on each workspace file) and never runs the type checker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileKind, ProjectFacts } from './rule';
import type { LoggerLibrary } from './types';
import { LIBRARY_PACKAGES, REQUEST_LOGGER_PACKAGES } from './libraries';
import { RoleIndex, type RoleVerdict } from './roles';

export interface PackageInfo {
  /** Directory holding the package.json. */
  readonly dir: string;
  readonly dependencies: ReadonlySet<string>;
  readonly type: 'module' | 'commonjs' | null;
  /** Absolute paths of the `bin` entries, without extension. */
  readonly binFiles: ReadonlySet<string>;
}

/** One exported logger of a workspace module: export name → library. `module.exports` = the whole module. */
export type LoggerExports = Map<string, LoggerLibrary>;

export interface ProjectOptions {
  /** The `loggerModule` setting: a specifier relative to root (`./src/logger`) or a package name. */
  loggerModule: string | null;
  readFile?: (absPath: string) => string | undefined;
}

export class ProjectModel implements ProjectFacts {
  readonly root: string;
  readonly readFile: (absPath: string) => string | undefined;
  /** The loggerModule setting as given. */
  readonly configuredLoggerModule: string | null;
  /** Workspace modules (absolute path without extension) that export loggers, learnt by noteFile. */
  readonly loggerExports = new Map<string, LoggerExports>();
  /** Modules (absolute path without extension) already noted, so on-demand noting reads each once. */
  readonly notedModules = new Set<string>();
  /** Directory listings read while resolving imports on demand. */
  readonly directoryListings = new Map<string, ReadonlySet<string>>();
  /** Files that start with a `#!` line (CLI entry points), learnt by noteFile. */
  readonly shebangFiles = new Set<string>();
  /** Module syntax of noted files, to pick the project style when package.json does not say. */
  readonly fileStyles = new Map<string, 'esm' | 'commonjs'>();
  /** Every workspace file's role (service, browser, test, script, build, cli, tooling), learnt by noteFile. */
  readonly roles: RoleIndex;
  /** Bumped whenever a fact that changes analysis results changes (cache keys use fingerprint()). */
  generation = 0;
  private readonly packages = new Map<string, PackageInfo | null>();

  constructor(root: string, options: ProjectOptions) {
    this.root = path.resolve(root);
    this.readFile = options.readFile ?? defaultReadFile;
    this.configuredLoggerModule = options.loggerModule && options.loggerModule.trim() ? options.loggerModule.trim() : null;
    this.roles = new RoleIndex({
      root: this.root,
      readFile: (p) => this.readFile(p),
      packageDirFor: (p) => (isInside(this.root, p) ? (this.packageFor(p)?.dir ?? null) : null),
    });
  }

  get rootPackage(): PackageInfo | null {
    return this.packageAt(this.root);
  }

  /** The nearest package.json at or above the file's directory, up to the root (then the root's). */
  packageFor(absPath: string): PackageInfo | null {
    let dir = path.dirname(absPath);
    const inside = isInside(this.root, dir);
    while (inside) {
      const pkg = this.packageAt(dir);
      if (pkg) return pkg;
      if (dir === this.root) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return this.rootPackage;
  }

  get library(): LoggerLibrary | null {
    return this.libraryFor(this.root);
  }

  /** The logger library of the package holding absPath: its logger module's, else its dependencies'. */
  libraryFor(absPath: string): LoggerLibrary | null {
    const module = this.loggerModule;
    if (module) return module.library;
    return libraryOf(this.packageFor(path.join(absPath, 'x'))) ?? libraryOf(this.rootPackage) ?? this.libraryFromExports();
  }

  get moduleStyle(): 'esm' | 'commonjs' {
    return this.moduleStyleFor(path.join(this.root, 'x'));
  }

  moduleStyleFor(absPath: string): 'esm' | 'commonjs' {
    const pkg = this.packageFor(absPath);
    if (pkg?.type === 'module') return 'esm';
    if (pkg?.type === 'commonjs') return 'commonjs';
    let esm = 0;
    let cjs = 0;
    for (const style of this.fileStyles.values()) style === 'esm' ? esm++ : cjs++;
    return esm > cjs ? 'esm' : 'commonjs';
  }

  /** Whether the project provides a pino logger on request objects (pino-http, Fastify, koa-pino-logger...). */
  providesRequestLogger(absPath: string): boolean {
    for (const pkg of [this.packageFor(absPath), this.rootPackage]) {
      if (pkg && [...REQUEST_LOGGER_PACKAGES].some((p) => pkg.dependencies.has(p))) return true;
    }
    return false;
  }

  get loggerModule(): ProjectFacts['loggerModule'] {
    const configured = this.configuredModulePath();
    if (configured) {
      const exports = this.loggerExports.get(configured) ?? this.loggerExports.get(path.join(configured, 'index'));
      const lib = exports ? [...exports.values()][0] : null;
      return {
        absPath: configured,
        exportName: exports ? preferredExport(exports) : 'logger',
        library: lib ?? libraryOf(this.rootPackage) ?? 'pino',
      };
    }
    if (this.configuredLoggerModule) {
      return { absPath: this.configuredLoggerModule, exportName: 'logger', library: libraryOf(this.rootPackage) ?? 'pino', specifier: this.configuredLoggerModule };
    }
    const best = [...this.loggerExports.keys()].sort(compareModuleCandidates)[0];
    if (!best) return null;
    const exports = this.loggerExports.get(best)!;
    const exportName = preferredExport(exports);
    return { absPath: best.replace(/[\\/]index$/, ''), exportName, library: exports.get(exportName)! };
  }

  /** The configured logger module as an absolute path without extension, when it is relative. */
  configuredModulePath(): string | null {
    const spec = this.configuredLoggerModule;
    if (!spec || !(spec.startsWith('.') || path.isAbsolute(spec))) return null;
    return stripExtension(path.resolve(this.root, spec));
  }

  /** A string that changes whenever project facts that affect analysis change, file roles included. */
  fingerprint(): string {
    return `${this.factsFingerprint()}\0${this.roles.digest()}`;
  }

  /**
   * The fingerprint without file roles: cheap, for telling after each noted file whether the logger
   * facts changed (roles are computed for the whole workspace at once, when first asked for).
   */
  factsFingerprint(): string {
    const exports = [...this.loggerExports].map(([k, v]) => `${k}:${[...v].join(',')}`).sort();
    return JSON.stringify([this.configuredLoggerModule, this.library, this.moduleStyle, exports]);
  }

  private libraryFromExports(): LoggerLibrary | null {
    for (const exports of this.loggerExports.values()) for (const lib of exports.values()) return lib;
    return null;
  }

  private packageAt(dir: string): PackageInfo | null {
    const cached = this.packages.get(dir);
    if (cached !== undefined) return cached;
    const info = readPackage(dir, this.readFile);
    this.packages.set(dir, info);
    return info;
  }

  /** Forgets a cached package.json (call when one changes). */
  forgetPackage(dir: string): void {
    this.packages.delete(dir);
    this.roles.invalidate();
    this.generation++;
  }
}

export function createProjectModel(root: string, options: ProjectOptions): ProjectModel {
  return new ProjectModel(root, options);
}

function defaultReadFile(absPath: string): string | undefined {
  try {
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

function readPackage(dir: string, readFile: (p: string) => string | undefined): PackageInfo | null {
  const text = readFile(path.join(dir, 'package.json'));
  if (text === undefined) return null;
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!parsed || typeof parsed !== 'object') return null;
    json = parsed as Record<string, unknown>;
  } catch {
    return null; // A broken package.json says nothing; the rest of the model still works.
  }
  const deps = new Set<string>();
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const block = json[key];
    if (block && typeof block === 'object') for (const name of Object.keys(block)) deps.add(name);
  }
  const bin = new Set<string>();
  if (typeof json.bin === 'string') bin.add(stripExtension(path.resolve(dir, json.bin)));
  else if (json.bin && typeof json.bin === 'object') {
    for (const v of Object.values(json.bin)) if (typeof v === 'string') bin.add(stripExtension(path.resolve(dir, v)));
  }
  const type = json.type === 'module' ? 'module' : json.type === 'commonjs' ? 'commonjs' : null;
  return { dir, dependencies: deps, type, binFiles: bin };
}

function libraryOf(pkg: PackageInfo | null): LoggerLibrary | null {
  if (!pkg) return null;
  for (const [name, lib] of LIBRARY_PACKAGES) if (pkg.dependencies.has(name)) return lib;
  return null;
}

function preferredExport(exports: LoggerExports): string {
  for (const name of ['logger', 'default', 'module.exports', 'log']) if (exports.has(name)) return name === 'module.exports' ? 'default' : name;
  return [...exports.keys()].sort()[0];
}

/** Among several modules exporting a logger, prefer one named like a logger module, then the shortest path. */
function compareModuleCandidates(a: string, b: string): number {
  const score = (p: string) => (/(^|[\\/])(logger|logging|log)([\\/]index)?$/i.test(p) ? 0 : 1);
  return score(a) - score(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function stripExtension(p: string): string {
  return p.replace(/\.(d\.)?([cm]?[jt]sx?)$/i, '');
}

export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** What the file is for (see roles/): from the project's configuration, its imports, its folder and (when known) its text. */
export function classifyFile(project: ProjectModel, absPath: string, text?: string): FileKind {
  return project.roles.roleOf(absPath, text).role;
}

/** The file's role and what decided it, for a person (`obs-lens explain`). */
export function explainRole(project: ProjectModel, absPath: string, text?: string): RoleVerdict {
  return project.roles.roleOf(absPath, text);
}

/** Resolves a relative import specifier to an absolute path without extension; null for packages. */
export function resolveRelative(fromPath: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return null;
  return stripExtension(path.resolve(path.dirname(fromPath), specifier));
}
