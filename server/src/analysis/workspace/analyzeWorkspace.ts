// One analysis pass over a workspace (or some of its files and folders), for `obs-lens check`:
// discover, read, build the project model from the files of the packages involved, then analyse
// each file, or take its result from the cache. Each file is analysed under the configuration that
// applies to it (its nearest obs-lens.config.json, or one given for all). When the cache saw exactly
// these inputs last time (same files, texts, manifests, configurations), the project model is not
// built and the engine is not even loaded (see engine.ts): an unchanged workspace costs reading and
// hashing its files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleId } from '../../../../shared/src/rules';
import type { LensSettings } from '../../../../shared/src/settings';
import type { AnalyzeOptions } from '../analyze';
import { DEFAULT_MAX_FILE_BYTES, tooLargeToAnalyse } from '../limits';
import { FileTooLargeError, kindOf, NotRegularFileError, readRegularFile, readRegularTextOrUndefined, textsThenDisk } from '../regularFile';
import type { ProjectModel } from '../project';
import type { FileAnalysis, Finding, RuleSeverities } from '../types';
import { computeConfigKey, hashText, type ResultCache } from './cache';
import { type AppliedConfig, ConfigLookup } from './configLookup';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from './discover';
import { packageDigest, workspaceToken } from './inputs';
import { dependedWorkspacePackages } from './modelScope';
import { engine } from './engine';
import type { ServiceCoverageSummary } from '../metrics/coverageSummary';
import { ParsedFiles } from '../services/parsedFiles';
import { mergeServiceFindings, runServicePhaseFor, type ServicePhaseMemo } from './servicePhase';
import { runFilePhase } from './filePhase';
import type { Concurrency } from '../parallel/concurrency';
import type { WorkerPool } from '../parallel/pool';

// The engine's limit: files above it are generated or data, skipped without being read whole.
export { DEFAULT_MAX_FILE_BYTES };

export interface WorkspaceOptions {
  /** Settings for every file (paths in them relative to the root). Default: each file's nearest obs-lens.config.json (see `configs`). */
  settings?: LensSettings;
  /** Which configuration applies to each file. Default: the nearest obs-lens.config.json at or above it, up to the root. */
  configs?: ConfigLookup;
  /** Files or folders (absolute, or relative to the root) to analyse; default: the whole root. */
  paths?: string[];
  cache?: ResultCache;
  onProgress?: (done: number, total: number) => void;
  maxFileBytes?: number;
  /** Milliseconds one file's analysis may take (see AnalyzeOptions.timeBudgetMs). */
  timeBudgetMs?: number;
  /** Only these rules (the CLI's --rule), each at its configured severity or its default. */
  only?: readonly RuleId[];
  /** Also work out the handler coverage summary (`check --summary`). */
  summary?: boolean;
  /** Threads that analyse files (see parallel/concurrency.ts); default `auto`. */
  concurrency?: Concurrency;
  /** Files per worker before one is started (parallel/concurrency.ts workersFor). */
  minFilesPerWorker?: number;
  /** A worker stopped early; its files were analysed on the main thread. */
  onWorkerFailure?: (message: string) => void;
  /** Where workers come from (default: the process's pool). */
  workerPool?: WorkerPool;
}

export interface UnreadableFile {
  path: string;
  message: string;
  /** Named in `paths` (not found by a walk): the run could not do what it was asked. */
  named: boolean;
}

export interface WorkspaceResult {
  root: string;
  /** One entry per analysed or skipped file (see FileAnalysis.skipped), sorted by path. */
  files: FileAnalysis[];
  /** Files that could not be read, or paths that do not exist; the rest of the run went on. */
  unreadable: UnreadableFile[];
  /** Problems in the configuration files that apply to the files; when there are any, nothing was analysed. */
  configErrors: string[];
  /**
   * The project model the files were analysed against (to apply fixes with the same facts). Built
   * on first read when the run took every result from the cache (that loads the engine and notes every file).
   */
  readonly project: ProjectModel;
  /** The options a file is analysed with: its configuration's severities and logger module. */
  optionsFor(absPath: string): AnalyzeOptions;
  /** The cache key of a file's configuration. */
  configKeyFor(absPath: string): string;
  /** How many results came from the cache. */
  cached: number;
  /** How many files analysis workers analysed (see WorkspaceOptions.concurrency). */
  analysedByWorkers: number;
  /** Per service, its handlers' coverage; present when asked for (WorkspaceOptions.summary). */
  summary?: ServiceCoverageSummary[];
  /** Service rules that threw (a bug): which rule, on which service. */
  serviceRuleErrors: Array<{ rule: string; service: string; message: string }>;
  /** The service phase's findings by file (absolute), as merged into `files`. */
  serviceFindings: Record<string, Finding[]>;
  /**
   * After files were rewritten (`check --fix`) and noted in `project` with their new texts: the
   * service phase run again on the workspace with those texts, its findings by file. A fix in one
   * file may change another file's service findings (a handler's coverage crosses files).
   */
  serviceFindingsAfter(changed: ReadonlyMap<string, string>): Record<string, Finding[]>;
}

function skippedFile(absPath: string, reason: string): FileAnalysis {
  return { path: absPath, findings: [], logCalls: [], parseErrors: 0, skipped: reason };
}

function describeReadError(err: unknown): string {
  if (err instanceof NotRegularFileError || err instanceof FileTooLargeError) return err.message;
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'EIO':
      return 'input/output error';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    default:
      return e.message ?? String(err);
  }
}

/**
 * Splits the requested paths into folders to walk and files named explicitly. `ignored` is the
 * root's .gitignore matcher (the caller's, which also tests the named files).
 */
export async function classifyPaths(root: string, paths: string[], unreadable: UnreadableFile[], ignored: ReturnType<typeof createIgnoreMatcher>): Promise<{ dirs: string[]; files: string[] }> {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(root, p);
    try {
      const stat = await fs.promises.stat(abs);
      if (stat.isDirectory()) {
        // A folder inside an ignored one would be walked to nothing, silently (ESLint says so too).
        if (abs !== path.resolve(root) && ignored(abs, true)) {
          unreadable.push({ path: abs, message: `every file in it is ignored (a .gitignore between ${root} and it, or a build or dependency folder)`, named: true });
        } else dirs.push(abs);
      } else if (stat.isFile()) files.push(abs);
      // A named pipe or a device is never opened: reading one would wait forever.
      else unreadable.push({ path: abs, message: `cannot read: ${new NotRegularFileError(kindOf(stat)).message}`, named: true });
    } catch (err) {
      unreadable.push({ path: abs, message: describeReadError(err), named: true });
    }
  }
  return { dirs, files };
}

/** The folder of the nearest package.json at or above a file, up to the root (the root without one). */
function packageDirOf(root: string, file: string, known: Map<string, string>): string {
  const visited: string[] = [];
  let dir = path.dirname(file);
  let found = root;
  for (;;) {
    const hit = known.get(dir);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    visited.push(dir);
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (dir === root || parent === dir || !dir.startsWith(root)) break;
    dir = parent;
  }
  for (const v of visited) known.set(v, found);
  return found;
}

/** Folders not inside another of them. */
function outermost(dirs: Iterable<string>): string[] {
  const sorted = [...new Set(dirs)].sort();
  const out: string[] = [];
  for (const d of sorted) if (!out.some((o) => d === o || d.startsWith(o + path.sep))) out.push(d);
  return out;
}

/** Whether the configuration that governs a file ignores it: its `ignore` globs are relative to its own folder. */
export function settingsIgnoreMatcher(configs: ConfigLookup): (absPath: string) => boolean {
  const matchers = new Map<AppliedConfig, (absPath: string) => boolean>();
  return (file) => {
    const config = configs.forFile(file);
    let matcher = matchers.get(config);
    if (!matcher) matchers.set(config, (matcher = config.settings.ignore.length > 0 ? createIgnoreMatcher(config.dir, config.settings.ignore) : () => false));
    return matcher(file);
  };
}

export async function analyzeWorkspace(root: string, options: WorkspaceOptions): Promise<WorkspaceResult> {
  const rootAbs = path.resolve(root);
  const { cache, onProgress } = options;
  const configs = options.configs ?? (options.settings ? ConfigLookup.ofSettings(rootAbs, options.settings) : ConfigLookup.nearest(rootAbs));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const unreadable: UnreadableFile[] = [];
  const skipped: FileAnalysis[] = [];

  const ignoredBySettings = settingsIgnoreMatcher(configs);

  // Which files: a walk of the requested folders, plus files named explicitly.
  let candidates: string[];
  if (!options.paths || options.paths.length === 0) {
    candidates = (await discoverFiles(rootAbs, { ignore: [] })).filter((f) => !ignoredBySettings(f));
  } else {
    const ignored = createIgnoreMatcher(rootAbs, []);
    const { dirs, files } = await classifyPaths(rootAbs, options.paths, unreadable, ignored);
    candidates = dirs.length > 0 ? (await discoverFiles(rootAbs, { ignore: [], within: dirs })).filter((f) => !ignoredBySettings(f)) : [];
    // A folder named on the command line that yields nothing is said so, not passed in silence (ESLint
    // too: "No files matching the pattern"); a repository with nothing to check is no error.
    for (const dir of dirs) {
      if (dir !== rootAbs && !candidates.some((f) => f.startsWith(dir + path.sep))) {
        unreadable.push({ path: dir, message: 'no JavaScript or TypeScript file to check in it (dependency, build and ignored folders are skipped)', named: true });
      }
    }
    for (const file of files) {
      if (!isAnalysable(file)) skipped.push(skippedFile(file, 'not a JavaScript or TypeScript source file'));
      else if (ignored(file) || ignoredBySettings(file)) skipped.push(skippedFile(file, 'ignored by .gitignore, the ignore setting or a build folder'));
      else candidates.push(file);
    }
    candidates = [...new Set(candidates)];
  }

  const configErrors = [...new Set(candidates.flatMap((f) => configs.forFile(f).errors))];
  if (configErrors.length > 0) candidates = [];

  // Read them (size first: a 10 MB generated file is never read whole; a named pipe is never read).
  const texts = new Map<string, string>();
  // Synchronous reads: for many small files they cost a fraction of fs.promises' open/stat/read/close.
  const named = new Set(options.paths?.map((p) => path.resolve(rootAbs, p)));
  for (const file of candidates) {
    try {
      texts.set(file, readRegularFile(file, { maxBytes: maxFileBytes }).bytes.toString('utf8'));
    } catch (err) {
      if (err instanceof FileTooLargeError) skipped.push(skippedFile(file, tooLargeToAnalyse(err.size, err.limit)));
      else unreadable.push({ path: file, message: `cannot read: ${describeReadError(err)}`, named: named.has(file) });
    }
  }
  const ordered = [...texts.keys()].sort();

  // The project model learns from every file of the packages the checked files belong to, also when
  // only some are checked: a package's logger module may be anywhere in it, and a file's findings
  // must not depend on which others were named. So it does from the workspace packages those depend
  // on (modelScope.ts): a shared logger package configures how their records are written.
  if (options.paths && options.paths.length > 0 && ordered.length > 0) {
    const known = new Map<string, string>();
    const own = ordered.map((f) => packageDirOf(rootAbs, f, known));
    const packageDirs = outermost([...own, ...dependedWorkspacePackages(rootAbs, [...new Set(own)])]);
    for (const file of await discoverFiles(rootAbs, { ignore: [], within: packageDirs })) {
      if (texts.has(file) || ignoredBySettings(file)) continue;
      const text = readRegularTextOrUndefined(file, maxFileBytes);
      if (text !== undefined) texts.set(file, text);
    }
  }
  const modelFiles = [...texts.keys()].sort();
  const packages = packageDigest(rootAbs, modelFiles);

  // Per configuration: its cache key (no engine needed) and, once the engine is loaded, its options.
  const keys = new Map<AppliedConfig, string>();
  const configKeyFor = (file: string): string => {
    const config = configs.forFile(file);
    let key = keys.get(config);
    if (key === undefined) {
      const loggerModule = configs.loggerModuleOf(config);
      keys.set(config, (key = computeConfigKey({ rules: config.settings.rules, only: options.only ?? null, loggerModule: loggerModule && [loggerModule.specifier, loggerModule.base], maxFileBytes, requestIdHeader: config.settings.requestIdHeader })));
    }
    return key;
  };
  const analyzeOptions = new Map<AppliedConfig, AnalyzeOptions>();
  const optionsFor = (file: string): AnalyzeOptions => {
    const config = configs.forFile(file);
    let o = analyzeOptions.get(config);
    if (!o) {
      const severities: RuleSeverities = engine().resolveSeverities(config.settings.rules, options.only);
      analyzeOptions.set(config, (o = { severities, maxFileBytes, loggerModule: configs.loggerModuleOf(config), requestIdHeader: config.settings.requestIdHeader }));
    }
    return o;
  };

  let project: ProjectModel | undefined;
  /** Files outside the workspace set that the project model read (ignored modules imported, manifests, tsconfigs), for the next pass's token. */
  const extraFiles = new Set<string>();
  const projectModel = (): ProjectModel => {
    if (project) return project;
    const { createProjectModel, noteFile } = engine();
    project = createProjectModel(rootAbs, { loggerModule: null, readFile: textsThenDisk(texts, extraFiles) });
    // Every file informs the project model before any is analysed.
    for (const file of modelFiles) noteFile(project, file, texts.get(file)!);
    return project;
  };

  // Warm start: the same inputs as the cache's last pass mean every result it stored is current,
  // so the model is not built (nor the engine loaded) unless some file's result is missing.
  const hashes = new Map<string, string>();
  if (cache) for (const file of modelFiles) hashes.set(file, hashText(texts.get(file)!));
  const run = JSON.stringify([
    configs.used().map((c) => [c.file, c.dir, c.layer]),
    options.only ?? null,
    maxFileBytes,
    ordered.map((f) => configKeyFor(f)),
    ordered,
  ]);
  const token = (extras: readonly string[]) => workspaceToken(run, modelFiles, hashes, packages, extras);
  const last = cache?.lastWorkspace;
  const warm = !!last && token(last.extraFiles) === last.token;
  /** A stored result still holds when its package facts and the modules it imports say the same (always, on a warm start). */
  const isCurrent = (file: string) => (result: FileAnalysis) =>
    warm || !result.inputs || projectModel().inputsUnchanged(file, result.inputs, optionsFor(file).loggerModule);

  // The file phase lends its trees to the service phase, which reads many of the same files.
  const trees = new ParsedFiles();
  // The service phase: from the cache's memo on a warm start (when it holds what is asked), else run,
  // on the main thread while workers (if any) analyse the last files.
  const stored = warm ? last?.services : undefined;
  let services: ServicePhaseMemo = { findings: {} };
  const servicePhase = () => {
    if (configErrors.length > 0 || ordered.length === 0) return;
    services =
      stored && (!options.summary || stored.summary)
        ? stored
        : runServicePhaseFor({ project: projectModel, modelFiles, severitiesFor: (f) => optionsFor(f).severities, requestIdHeaderFor: (f) => optionsFor(f).requestIdHeader, maxFileBytes, summary: !!options.summary, trees });
  };
  const phase = await runFilePhase({
    root: rootAbs,
    ordered,
    modelFiles,
    texts,
    project: projectModel,
    optionsFor,
    configKeyFor,
    hashes,
    cache,
    isCurrent,
    timeBudgetMs: options.timeBudgetMs,
    trees,
    onProgress,
    concurrency: options.concurrency ?? 'auto',
    minFilesPerWorker: options.minFilesPerWorker,
    meanwhile: servicePhase,
    extraFiles,
    onWorkerFailure: options.onWorkerFailure,
    pool: options.workerPool,
  });
  const results: FileAnalysis[] = [...skipped, ...ordered.map((f) => phase.results.get(f)!)];
  const cached = phase.cached;
  trees.clear();
  const checked = new Set(ordered);
  const merged = mergeServiceFindings(results, { findings: Object.fromEntries(Object.entries(services.findings).filter(([f]) => checked.has(f))) });
  if (cache && warm && services !== stored && configErrors.length === 0) cache.rememberWorkspace({ ...last!, services });
  if (cache && !warm && configErrors.length === 0) {
    // The model may have followed imports out of the workspace set while analysing: those files count too.
    const extras = [...extraFiles].sort();
    cache.rememberWorkspace({ token: token(extras), extraFiles: extras, services });
  }

  results.splice(0, results.length, ...merged);
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    root: rootAbs,
    files: results,
    unreadable,
    configErrors,
    cached,
    analysedByWorkers: phase.byWorkers,
    ...(services.summary ? { summary: services.summary } : {}),
    serviceRuleErrors: services.ruleErrors ?? [],
    serviceFindings: services.findings,
    serviceFindingsAfter(changed) {
      for (const [file, text] of changed) if (texts.has(file)) texts.set(file, text);
      if (configErrors.length > 0 || ordered.length === 0) return {};
      return runServicePhaseFor({ project: projectModel, modelFiles, severitiesFor: (f) => optionsFor(f).severities, requestIdHeaderFor: (f) => optionsFor(f).requestIdHeader, maxFileBytes, summary: false }).findings;
    },
    get project() {
      return projectModel();
    },
    optionsFor,
    configKeyFor,
  };
}
