// The compiler options that decide how a file's imports resolve: those of the nearest tsconfig.json
// (or jsconfig.json) at or above it, read once each with TypeScript's own parser (`extends` chains,
// `paths`, `baseUrl`), and for a solution-style tsconfig (`files: []` plus `references`) those of
// the referenced project that covers the file. File lists are never expanded: only options matter.
import * as path from 'node:path';
import ts from '../typescriptModule';
import type { FileSystemView } from './fileSystem';
import { isInside } from './paths';

export interface CompilerSetup {
  /** The tsconfig/jsconfig whose options apply; null when none does. */
  readonly configPath: string | null;
  readonly options: ts.CompilerOptions;
  /**
   * The same options resolved the bundler's way, for a second try when the file's own fail (an
   * extensionless import under nodenext: the compiler rejects it, yet bundlers and tsx run it).
   */
  readonly lenient: ts.CompilerOptions;
  /** TypeScript's own cache of resolutions under these options. */
  readonly cache: ts.ModuleResolutionCache;
  /** Whether a bare specifier may name a project module under these options (a `paths` alias or `baseUrl`). */
  mapsBareSpecifier(specifier: string): boolean;
}

interface ParsedConfig {
  readonly path: string;
  readonly parsed: ts.ParsedCommandLine;
  setup?: CompilerSetup;
}

/** Without a tsconfig: resolve as a bundler does (extensionless and `.js` specifiers, package `exports`). */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  allowJs: true,
  noEmit: true,
};

const JSCONFIG_DEFAULTS: ts.CompilerOptions = { allowJs: true, maxNodeModuleJsDepth: 2, allowSyntheticDefaultImports: true, noEmit: true };

export class TsconfigIndex {
  private readonly nearestByDir = new Map<string, string | null>();
  /** Folder → the setup of its files, when every file of the folder has the same (no solution-style config). */
  private readonly setupByDir = new Map<string, CompilerSetup>();
  private readonly configs = new Map<string, ParsedConfig | null>();
  private readonly extendedCache = new Map<string, ts.ExtendedConfigCacheEntry>();
  private defaultSetup: CompilerSetup | undefined;
  private readonly parseHost: ts.ParseConfigHost;

  constructor(
    private readonly root: string,
    private readonly fsView: FileSystemView,
  ) {
    this.parseHost = {
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      // Only the options are wanted: listing the project's files would cost a walk per config.
      readDirectory: () => [],
      fileExists: (p) => fsView.fileExists(p),
      readFile: (p) => fsView.readFile(p),
    };
  }

  /** The setup for a file: its nearest config's options (or a referenced project's), else the defaults. */
  forFile(absFile: string): CompilerSetup {
    const dir = path.dirname(absFile);
    const known = this.setupByDir.get(dir);
    if (known) return known;
    const configPath = this.nearestConfig(dir);
    const config = configPath ? this.parse(configPath) : null;
    if (!config) {
      this.setupByDir.set(dir, this.defaults());
      return this.defaults();
    }
    if (isSolution(config)) return this.setupOf(this.referencedProjectFor(config, absFile) ?? config);
    const setup = this.setupOf(config);
    this.setupByDir.set(dir, setup);
    return setup;
  }

  private nearestConfig(dir: string): string | null {
    const known = this.nearestByDir.get(dir);
    if (known !== undefined) return known;
    let found: string | null = null;
    // Read (not only listed), so the reads are recorded as inputs of the run, present or missing.
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = path.join(dir, name);
      if (this.fsView.readFile(candidate) !== undefined) {
        found = candidate;
        break;
      }
    }
    if (!found && dir !== this.root && isInside(this.root, dir) && path.dirname(dir) !== dir) found = this.nearestConfig(path.dirname(dir));
    this.nearestByDir.set(dir, found);
    return found;
  }

  private parse(configPath: string): ParsedConfig | null {
    const known = this.configs.get(configPath);
    if (known !== undefined) return known;
    let result: ParsedConfig | null = null;
    const read = ts.readConfigFile(configPath, (p) => this.fsView.readFile(p));
    if (read.config && typeof read.config === 'object') {
      const existing = path.basename(configPath) === 'jsconfig.json' ? JSCONFIG_DEFAULTS : undefined;
      const parsed = ts.parseJsonConfigFileContent(read.config, this.parseHost, path.dirname(configPath), existing, configPath, undefined, undefined, this.extendedCache);
      result = { path: configPath, parsed };
    }
    this.configs.set(configPath, result);
    return result;
  }

  /**
   * A solution-style config (`"files": []` and `references`) compiles nothing itself: the file
   * belongs to the referenced project whose `include` folders or `files` cover it.
   */
  private referencedProjectFor(config: ParsedConfig, absFile: string): ParsedConfig | null {
    for (const ref of config.parsed.projectReferences ?? []) {
      const refPath = ts.resolveProjectReferencePath(ref);
      const project = this.parse(refPath);
      if (project && covers(project.parsed, absFile)) return project;
    }
    return null;
  }

  private setupOf(config: ParsedConfig): CompilerSetup {
    if (!config.setup) {
      const options: ts.CompilerOptions = { ...config.parsed.options, allowJs: true, noEmit: true };
      config.setup = {
        configPath: config.path,
        options,
        lenient: { ...options, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext },
        cache: ts.createModuleResolutionCache(path.dirname(config.path), canonical, options),
        mapsBareSpecifier: (specifier) => !!options.baseUrl || Object.keys(options.paths ?? {}).some((key) => matchesPathsKey(key, specifier)),
      };
    }
    return config.setup;
  }

  private defaults(): CompilerSetup {
    this.defaultSetup ??= { configPath: null, options: DEFAULT_OPTIONS, lenient: DEFAULT_OPTIONS, cache: ts.createModuleResolutionCache(this.root, canonical, DEFAULT_OPTIONS), mapsBareSpecifier: () => false };
    return this.defaultSetup;
  }
}

/** A solution-style config: `"files": []`, no `include`, and `references` to the projects that hold the files. */
function isSolution(config: ParsedConfig): boolean {
  const raw = config.parsed.raw as { files?: unknown; include?: unknown } | undefined;
  return !!config.parsed.projectReferences?.length && Array.isArray(raw?.files) && raw.files.length === 0 && raw.include === undefined;
}

function canonical(fileName: string): string {
  return ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase();
}

/** Whether a project's `include` folders (its wildcard directories) or its `files` list cover the file. */
function covers(parsed: ts.ParsedCommandLine, absFile: string): boolean {
  const files = (parsed.raw as { files?: unknown } | undefined)?.files;
  const base = parsed.options.configFilePath ? path.dirname(String(parsed.options.configFilePath)) : '';
  if (Array.isArray(files) && files.some((f) => typeof f === 'string' && path.resolve(base, f) === absFile)) return true;
  for (const [dir, flags] of Object.entries(parsed.wildcardDirectories ?? {})) {
    const recursive = (flags & ts.WatchDirectoryFlags.Recursive) !== 0;
    if (recursive ? isInside(dir, absFile) : path.dirname(absFile) === path.resolve(dir)) return true;
  }
  return false;
}

/** A `paths` key (`@server/*`, `@acme/logger`) against a specifier: at most one `*`, as TypeScript allows. */
function matchesPathsKey(key: string, specifier: string): boolean {
  const star = key.indexOf('*');
  if (star < 0) return key === specifier;
  const prefix = key.slice(0, star);
  const suffix = key.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}
