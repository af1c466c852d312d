// One analysis pass over a workspace (or some of its files and folders): discover, read, build the
// project model from every file, then analyse each file or take its result from the cache.
// Shared by `obs-lens check` and the language server's workspace diagnostics.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LensSettings } from '../../../../shared/src/settings';
import { analyzeFile, createProjectModel, DEFAULT_MAX_FILE_BYTES, noteFile, resolveSeverities, type ProjectModel } from '../index';
import type { FileAnalysis, RuleSeverities } from '../types';
import { computeConfigKey, type ResultCache } from './cache';
import { createIgnoreMatcher, discoverFiles, isAnalysable } from './discover';

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
  /** Severities to run with instead of those from settings.rules (the CLI's --rule). */
  severities?: RuleSeverities;
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
  /** The project model the files were analysed against (to apply fixes with the same facts). */
  project: ProjectModel;
  severities: RuleSeverities;
  /** The cache key for this configuration and project, for callers that cache results themselves. */
  configKey: string;
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
async function classifyPaths(root: string, paths: string[], unreadable: UnreadableFile[]): Promise<{ dirs: string[]; files: string[] }> {
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
export function configKeyFor(settings: LensSettings, severities: RuleSeverities, maxFileBytes: number, project: ProjectModel): string {
  return computeConfigKey({
    severities,
    loggerModule: settings.loggerModule,
    requestIdHeader: settings.requestIdHeader,
    maxFileBytes,
    project: project.fingerprint(),
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  // Every file informs the project model before any is analysed: the logger module may be anywhere.
  const project = createProjectModel(rootAbs, {
    loggerModule: settings.loggerModule,
    readFile: (abs) => {
      const known = texts.get(abs);
      if (known !== undefined) return known;
      try {
        return fs.readFileSync(abs, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const ordered = [...texts.keys()].sort();
  for (const file of ordered) noteFile(project, file, texts.get(file)!);

  const severities = options.severities ?? resolveSeverities(settings.rules);
  const configKey = configKeyFor(settings, severities, maxFileBytes, project);

  const results: FileAnalysis[] = [...skipped];
  let cached = 0;
  const total = ordered.length;
  onProgress?.(0, total);
  for (let i = 0; i < total; i++) {
    const file = ordered[i];
    const text = texts.get(file)!;
    let result = cache?.get(file, text, configKey);
    if (result) cached++;
    else {
      result = analyzeFile(file, text, project, { severities, maxFileBytes });
      cache?.set(file, text, configKey, result);
    }
    results.push(result);
    if ((i + 1) % FILES_PER_SLICE === 0 || i + 1 === total) {
      onProgress?.(i + 1, total);
      if (i + 1 < total) await yieldToEventLoop();
    }
  }

  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: rootAbs, files: results, unreadable, project, severities, configKey, cached };
}
