// Packages: every package.json (and every Nx project.json) is a package, and every fact a rule or
// a fix uses is the package's own: its dependencies, module type, logger module and library. The
// repository's workspace declaration (workspaces.ts) says which packages can be imported by name.
import * as path from 'node:path';
import type { LoggerLibrary } from '../types';
import { LIBRARY_PACKAGES, REQUEST_LOG_PROPERTY_PACKAGES } from '../libraries';
import { isInside, stripExtension } from './paths';
import { moduleAliasesOf, type RuntimeAliases } from './runtimeAliases';

export interface PackageInfo {
  /** Directory holding the package.json (or the Nx project.json). */
  readonly dir: string;
  /** The package's `name`; null when it has none. */
  readonly name: string | null;
  readonly dependencies: ReadonlySet<string>;
  /** The dependencies declared as links to a local folder (`workspace:`, `link:`, `file:`), by the first block that names them. */
  readonly linkedDependencies: ReadonlySet<string>;
  /** Those named only in devDependencies: installed for development, not where the package runs. */
  readonly devOnlyDependencies: ReadonlySet<string>;
  readonly type: 'module' | 'commonjs' | null;
  /** Absolute paths of the `bin` entries, without extension. */
  readonly binFiles: ReadonlySet<string>;
  /** module-alias's `_moduleAliases`: bare names the package maps to its own files at run time. */
  readonly moduleAliases?: RuntimeAliases;
  /** The major version its manifest asks for of the packages whose behaviour changed across majors (VERSIONED_PACKAGES). */
  readonly majors?: ReadonlyMap<string, number>;
}

/** restify's request logger is bunyan up to 8, pino from 9 ("replaces Bunyan with Pino"). */
const VERSIONED_PACKAGES: ReadonlySet<string> = new Set(['restify']);

/** The highest major a version range names (`^8.6.1` → 8, `>=7 <9` → 9, `4.0.4` → 4); null when it names none. */
export function majorOfRange(range: string): number | null {
  const majors = [...range.matchAll(/(?:^|[\s|^~>=<v])(\d+)(?=\.|\s|$|\.x)/g)].map((m) => Number(m[1]));
  return majors.length ? Math.max(...majors) : null;
}

/** A dependency on a local folder rather than a version of the registry's. */
const LINK_SPEC = /^(workspace|link|file):/;

/** Reads a package.json; null when there is none or it is broken (a broken one says nothing; the rest of the model still works). */
export function readPackageJson(dir: string, readFile: (p: string) => string | undefined): PackageInfo | null {
  const json = readJsonObject(path.join(dir, 'package.json'), readFile);
  if (!json) return null;
  const deps = new Set<string>();
  const linked = new Set<string>();
  const runtime = new Set<string>();
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const block = json[key];
    if (!block || typeof block !== 'object') continue;
    for (const [name, spec] of Object.entries(block)) {
      if (!deps.has(name) && typeof spec === 'string' && LINK_SPEC.test(spec)) linked.add(name);
      deps.add(name);
      if (key !== 'devDependencies') runtime.add(name);
    }
  }
  const devOnly = new Set([...deps].filter((d) => !runtime.has(d)));
  const majors = new Map<string, number>();
  for (const key of ['dependencies', 'peerDependencies', 'devDependencies']) {
    const block = json[key];
    if (!block || typeof block !== 'object') continue;
    for (const name of VERSIONED_PACKAGES) {
      const range = (block as Record<string, unknown>)[name];
      const major = typeof range === 'string' && !majors.has(name) ? majorOfRange(range) : null;
      if (major !== null) majors.set(name, major);
    }
  }
  const bin = new Set<string>();
  if (typeof json.bin === 'string') bin.add(stripExtension(path.resolve(dir, json.bin)));
  else if (json.bin && typeof json.bin === 'object') {
    for (const v of Object.values(json.bin)) if (typeof v === 'string') bin.add(stripExtension(path.resolve(dir, v)));
  }
  const type = json.type === 'module' ? 'module' : json.type === 'commonjs' ? 'commonjs' : null;
  const aliases = moduleAliasesOf(json, dir);
  return { dir, name: packageName(json.name), dependencies: deps, linkedDependencies: linked, devOnlyDependencies: devOnly, type, binFiles: bin, ...(aliases.size ? { moduleAliases: aliases } : {}), ...(majors.size ? { majors } : {}) };
}

/**
 * An Nx project.json without a package.json: a package with a name whose dependencies are those of
 * the manifest above it (`inherited`, the workspace root's: Nx's single-version policy installs every
 * project's dependencies there, as Amplication's NestJS apps have theirs).
 */
export function readNxProject(dir: string, readFile: (p: string) => string | undefined, inherited: PackageInfo | null = null): PackageInfo | null {
  const json = readJsonObject(path.join(dir, 'project.json'), readFile);
  if (!json) return null;
  return { dir, name: packageName(json.name), dependencies: new Set(inherited?.dependencies), linkedDependencies: new Set(inherited?.linkedDependencies), devOnlyDependencies: new Set(inherited?.devOnlyDependencies), type: inherited?.type ?? null, binFiles: new Set() };
}

/**
 * A manifest's `name` when it is a package name npm accepts (`@scope/name`, `name`): a fix may
 * import by it, so a name shaped like a path (`../x`) or holding odd characters is no name.
 */
function packageName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  return name.length <= 214 && /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i.test(name) ? name : null;
}

export function readJsonObject(file: string, readFile: (p: string) => string | undefined): Record<string, unknown> | null {
  const text = readFile(file);
  if (text === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The logger library a package's dependencies name, if any. */
export function libraryOfPackage(pkg: PackageInfo | null): LoggerLibrary | null {
  if (!pkg) return null;
  for (const [name, lib] of LIBRARY_PACKAGES) if (pkg.dependencies.has(name)) return lib;
  return null;
}

/** The library of the logger the package puts on request objects (pino-http, Fastify, koa-pino-logger: pino; restify: bunyan), if any. */
export function packageRequestLogger(pkg: PackageInfo | null): LoggerLibrary | null {
  if (!pkg) return null;
  for (const p of REQUEST_LOG_PROPERTY_PACKAGES.keys()) if (pkg.dependencies.has(p)) return requestLoggerLibrary(pkg, p);
  return null;
}

/**
 * The library of the logger `requestPackage` puts on requests in `pkg`: the table's, except restify's,
 * bunyan up to restify 8 and pino from 9 (a range naming no major: the current, pino).
 */
export function requestLoggerLibrary(pkg: PackageInfo | null, requestPackage: string): LoggerLibrary {
  if (requestPackage !== 'restify') return REQUEST_LOG_PROPERTY_PACKAGES.get(requestPackage) ?? 'pino';
  const major = pkg?.majors?.get('restify');
  return major !== undefined && major <= 8 ? 'bunyan' : 'pino';
}

/** Package lookups for one repository: the nearest package of a file, read once per folder. */
export class PackageIndex {
  private readonly byDir = new Map<string, PackageInfo | null>();
  /** Folder → the package its files belong to (the walk up is made once per folder). */
  private readonly nearest = new Map<string, PackageInfo | null>();

  constructor(
    private readonly root: string,
    private readonly readFile: (p: string) => string | undefined,
  ) {}

  /** The package whose folder holds `dir` itself, if any. */
  at(dir: string): PackageInfo | null {
    let info = this.byDir.get(dir);
    if (info === undefined) {
      info = readPackageJson(dir, this.readFile) ?? readNxProject(dir, this.readFile, this.manifestAbove(dir));
      this.byDir.set(dir, info);
    }
    return info;
  }

  /** The nearest package.json strictly above `dir`, up to the repository root (an Nx project's dependencies). */
  private manifestAbove(dir: string): PackageInfo | null {
    for (let d = path.dirname(dir); isInside(this.root, d); d = path.dirname(d)) {
      const pkg = this.at(d);
      if (pkg && !this.readFile(path.join(d, 'project.json'))) return pkg;
      if (d === this.root || path.dirname(d) === d) break;
    }
    return null;
  }

  /** The nearest package at or above the file's folder, up to the repository root; null outside any. */
  packageFor(absPath: string): PackageInfo | null {
    return this.nearestTo(path.dirname(absPath));
  }

  private nearestTo(dir: string): PackageInfo | null {
    const known = this.nearest.get(dir);
    if (known !== undefined) return known;
    let pkg: PackageInfo | null = null;
    if (isInside(this.root, dir)) {
      pkg = this.at(dir);
      const parent = path.dirname(dir);
      if (!pkg && dir !== this.root && parent !== dir) pkg = this.nearestTo(parent);
    }
    this.nearest.set(dir, pkg);
    return pkg;
  }
}
