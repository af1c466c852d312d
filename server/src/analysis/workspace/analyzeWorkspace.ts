// One analysis pass over a workspace (or some of its files and folders), for `obs-lens check`:
// discover, read, build the project model from every file, then analyse each file or take its
// result from the cache. When the cache saw exactly these inputs last time (same files, texts,
// package.json files and settings), the project model is not rebuilt and the engine is not even
// loaded (see engine.ts): an unchanged workspace costs reading and hashing its files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleId } from '../../../../shared/src/rules';
import type { LensSettings } from '../../../../shared/src/settings';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import type { ProjectModel } from '../project';
import type { FileAnalysis, RuleSeverities } from '../types';
import { computeConfigKey, hashText, type ResultCache } from './cache';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from './discover';
import { packageDigest, readTextOrUndefined, workspaceToken } from './inputs';
import { engine } from './engine';

// The engine's limit: files above it are generated or data, skipped without being read whole.
export { DEFAULT_MAX_FILE_BYTES };


/** Files analysed between yields to the event loop, so a language server stays responsive. */
const FILES_PER_SLICE = 25;

export interface WorkspaceOptions {
  settings: LensSettings;
  /** Files or folders (absolute, or relative to the root) to analyse; default: the whole root. */
  paths?: string[];
  cache?: ResultCache;
  onProgress?: (done: number, total: number) => void;
  maxFileBytes?: number;
  /** Only these rules (the CLI's --rule), each at its configured severity or its default. */
  only?: readonly RuleId[];
}

export interface UnreadableFile {
  path: string;
  message: string;
}

export interface WorkspaceResult {
  root: string;
  /** One entry per analysed or skipped file (see FileAnalysis.skipped), sorted by path. */
  files: FileAnalysis[];
  /** Files that could not be read, or paths that do not exist; the rest of the run went on. */
  unreadable: UnreadableFile[];
  /**
   * The project model the files were analysed against (to apply fixes with the same facts), the
   * severities, and the cache key for them. Built on first read when the run took every result from
   * the cache (that loads the engine and notes every file).
   */
  readonly project: ProjectModel;
  readonly severities: RuleSeverities;
  readonly configKey: string;
  /** The cache key for the model as it is now (after fixes taught it new texts). */
  configKeyNow(): string;
  /** How many results came from the cache. */
  cached: number;
}

function skippedFile(absPath: string, reason: string): FileAnalysis {
  return { path: absPath, findings: [], logCalls: [], parseErrors: 0, skipped: reason };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${bytes} bytes`;
}

function describeReadError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e.message ?? String(err);
  }
}

/** Splits the requested paths into folders to walk and files named explicitly. */
export async function classifyPaths(root: string, paths: string[], unreadable: UnreadableFile[]): Promise<{ dirs: string[]; files: string[] }> {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(root, p);
    try {
      const stat = await fs.promises.stat(abs);
      (stat.isDirectory() ? dirs : files).push(abs);
    } catch (err) {
      unreadable.push({ path: abs, message: describeReadError(err) });
    }
  }
  return { dirs, files };
}

/**
 * The cache key for results under these settings and project facts. Recompute it after the project
 * model learns something new (a fix that adds a logger import may change its facts).
 */
function configKeyFor(settings: LensSettings, severities: RuleSeverities, maxFileBytes: number, project: ProjectModel, packages: string): string {
  return computeConfigKey({
    severities,
    loggerModule: settings.loggerModule,
    requestIdHeader: settings.requestIdHeader,
    maxFileBytes,
    project: project.fingerprint(),
    packages,
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the engine side of a pass knows: built only when some file needs analysing (or a caller asks). */
interface EngineState {
  project: ProjectModel;
  severities: RuleSeverities;
  configKey: string;
  configKeyNow(): string;
}

export async function analyzeWorkspace(root: string, options: WorkspaceOptions): Promise<WorkspaceResult> {
  const rootAbs = path.resolve(root);
  const { settings, cache, onProgress } = options;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const unreadable: UnreadableFile[] = [];
  const skipped: FileAnalysis[] = [];

  // Which files: a walk of the requested folders, plus files named explicitly.
  let candidates: string[];
  if (!options.paths || options.paths.length === 0) {
    candidates = await discoverFiles(rootAbs, { ignore: settings.ignore });
  } else {
    const { dirs, files } = await classifyPaths(rootAbs, options.paths, unreadable);
    candidates = dirs.length > 0 ? await discoverFiles(rootAbs, { ignore: settings.ignore, within: dirs }) : [];
    const ignored = createIgnoreMatcher(rootAbs, settings.ignore);
    for (const file of files) {
      if (!isAnalysable(file)) skipped.push(skippedFile(file, 'not a JavaScript or TypeScript source file'));
      else if (ignored(file)) skipped.push(skippedFile(file, 'ignored by .gitignore, the ignore setting or a build folder'));
      else candidates.push(file);
    }
    candidates = [...new Set(candidates)];
  }

  // Read them (size first: a 10 MB generated file is never read whole).
  const texts = new Map<string, string>();
  // Synchronous reads: for many small files they cost a fraction of fs.promises' open/stat/read/close.
  for (const file of candidates) {
    try {
      const stat = fs.statSync(file);
      if (stat.size > maxFileBytes) {
        skipped.push(skippedFile(file, `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxFileBytes)} limit (generated code?)`));
        continue;
      }
      texts.set(file, fs.readFileSync(file, 'utf8'));
    } catch (err) {
      unreadable.push({ path: file, message: `cannot read: ${describeReadError(err)}` });
    }
  }
  const ordered = [...texts.keys()].sort();

  // The project model learns from every workspace file, also when only some are checked: the logger
  // module may be anywhere, and a file's findings must not depend on which others were named.
  if (options.paths && options.paths.length > 0) {
    for (const file of await discoverFiles(rootAbs, { ignore: settings.ignore })) {
      if (texts.has(file)) continue;
      const text = readTextOrUndefined(file, maxFileBytes);
      if (text !== undefined) texts.set(file, text);
    }
  }
  const modelFiles = [...texts.keys()].sort();
  const packages = packageDigest(rootAbs, modelFiles);

  let state: EngineState | undefined;
  /** Files outside the workspace set that the project model read (ignored modules imported), for the next pass's token. */
  const extraFiles = new Set<string>();
  const engineState = (): EngineState => {
    if (state) return state;
    const { createProjectModel, noteFile, resolveSeverities } = engine();
    const project = createProjectModel(rootAbs, {
      loggerModule: settings.loggerModule,
      readFile: (abs) => {
        const known = texts.get(abs);
        if (known !== undefined) return known;
        extraFiles.add(abs);
        return readTextOrUndefined(abs);
      },
    });
    // Every file informs the project model before any is analysed.
    for (const file of modelFiles) noteFile(project, file, texts.get(file)!);
    const severities = resolveSeverities(settings.rules, options.only);
    const configKeyNow = () => configKeyFor(settings, severities, maxFileBytes, project, packages);
    state = { project, severities, configKey: configKeyNow(), configKeyNow };
    return state;
  };

  // Warm start: the same inputs as the cache's last pass give the same configuration key, so the
  // model is not rebuilt (nor the engine loaded) unless some file's result is missing.
  const hashes = new Map<string, string>();
  if (cache) for (const file of modelFiles) hashes.set(file, hashText(texts.get(file)!));
  const token = (extras: readonly string[]) => workspaceToken(settings, options.only, maxFileBytes, modelFiles, hashes, packages, extras);
  const last = cache?.lastWorkspace;
  const warm = !!last && token(last.extraFiles) === last.token;
  const configKey = warm ? last.configKey : engineState().configKey;

  const results: FileAnalysis[] = [...skipped];
  let cached = 0;
  const total = ordered.length;
  onProgress?.(0, total);
  for (let i = 0; i < total; i++) {
    const file = ordered[i];
    const text = texts.get(file)!;
    let result = cache?.get(file, text, configKey, hashes.get(file));
    if (result) cached++;
    else {
      const { project, severities } = engineState();
      result = engine().analyzeFile(file, text, project, { severities, maxFileBytes });
      cache?.set(file, text, configKey, result, hashes.get(file));
    }
    results.push(result);
    if ((i + 1) % FILES_PER_SLICE === 0 || i + 1 === total) {
      onProgress?.(i + 1, total);
      if (i + 1 < total) await yieldToEventLoop();
    }
  }
  if (cache && !warm) {
    // The model may have followed imports out of the workspace set while analysing: those files count too.
    const extras = [...extraFiles].sort();
    cache.rememberWorkspace({ token: token(extras), configKey, extraFiles: extras });
  }

  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    root: rootAbs,
    files: results,
    unreadable,
    cached,
    get project() {
      return engineState().project;
    },
    get severities() {
      return engineState().severities;
    },
    get configKey() {
      return engineState().configKey;
    },
    configKeyNow: () => engineState().configKeyNow(),
  };
}
