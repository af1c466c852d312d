// `obs-lens check`: one workspace analysis per repository the paths lie in, optional safe fixes
// written in place, then the report in the chosen format. The repository, the configuration of
// each file and every project fact come from the paths themselves, never from the working
// directory: the same paths give the same findings and fixes from any folder (only the printed
// paths differ). Exit 0 clean, 1 findings at warning or above, 2 usage or configuration error.
// Nothing here throws for bad input: every problem becomes a message.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAnalysis } from '../analysis/types';
import { CLI_TIME_BUDGET_MS, timeBudgetFrom } from '../analysis/limits';
import { analyzeWorkspace, DEFAULT_MAX_FILE_BYTES, type WorkspaceResult } from '../analysis/workspace/analyzeWorkspace';
import { ResultCache } from '../analysis/workspace/cache';
import { mergeServiceFindings } from '../analysis/workspace/servicePhase';
import { fileFindingOf } from '../analysis/services/mergeFindings';
import { engine, engineLoaded } from '../analysis/workspace/engine';
import { loadConfigFromPath } from '../analysis/workspace/config';
import { ConfigLookup } from '../analysis/workspace/configLookup';
import { concurrencyFromEnv } from '../analysis/parallel/concurrency';
import { groupByRepository } from './repositories';
import { CHECK_USAGE, parseCheckArgs, UsageError, type CheckArgs } from './args';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { summaryJson, summaryText } from './formatters/summary';
import type { ServiceCoverageSummary } from '../analysis/metrics/coverageSummary';
import { buildReport, displayPath, isFixable, totals } from './report';
import { colorWanted, terminalSafe } from './terminal';
import { FixRefused, type FixTarget, preserveFileStyle, readFixTarget, writableRoots, writeFixTarget } from './writeFixed';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const DEFAULT_CACHE_FILE = '.obs-lens-cache';

/** A message on stderr; file names and messages from the workspace in it are escaped (see terminalSafe). */
function stderrLine(io: CliIo, message: string): void {
  io.stderr.write(`obs-lens: ${terminalSafe(message)}\n`);
}

interface FixOutcome {
  filesWritten: number;
  fixesApplied: number;
  /** Files with fixes that were not written (read-only, a link out of the paths checked, a write error). */
  notWritten: number;
}

/**
 * Applies the safe fixes of every file that has one and writes the changed files (only regular,
 * writable files whose real path is inside `roots`, see writeFixed.ts); the results of those files
 * are replaced by a fresh analysis of the fixed text.
 */
function applyFixes(result: WorkspaceResult, roots: readonly string[], cache: ResultCache | undefined, io: CliIo): FixOutcome {
  const outcome: FixOutcome = { filesWritten: 0, fixesApplied: 0, notWritten: 0 };
  const timeBudgetMs = timeBudgetFrom(io.env, CLI_TIME_BUDGET_MS);
  const changed: Array<{ index: number; text: string }> = [];
  const refuse = (file: string, reason: string) => {
    stderrLine(io, `not fixing ${displayPath(io.cwd, file)}: ${reason}`);
    outcome.notWritten++;
  };
  result.files.forEach((analysis, index) => {
    if (analysis.skipped || !analysis.findings.some(isFixable)) return;
    let target: FixTarget;
    try {
      target = readFixTarget(analysis.path, roots);
    } catch (err) {
      if (!(err instanceof FixRefused)) throw err;
      return refuse(analysis.path, err.message);
    }
    const { text, fixed } = engine().applySafeFixes(analysis.path, target.text, result.project, { ...result.optionsFor(analysis.path), timeBudgetMs });
    const written = preserveFileStyle(target.text, text);
    if (fixed === 0 || written === target.text) return;
    let bytes: Buffer;
    try {
      bytes = writeFixTarget(target, written);
    } catch (err) {
      return refuse(analysis.path, err instanceof FixRefused ? err.message : `cannot write it: ${(err as Error).message}`);
    }
    outcome.filesWritten++;
    outcome.fixesApplied += fixed;
    // What the next run will read, for the cache and the report.
    changed.push({ index, text: bytes.toString('utf8') });
  });
  // The model learns the fixed texts first (a fix may add an import), then the files are re-analysed.
  for (const c of changed) engine().noteFile(result.project, result.files[c.index].path, c.text);
  const fresh = new Map<number, FileAnalysis>();
  for (const c of changed) {
    const file = result.files[c.index].path;
    const analysis: FileAnalysis = engine().analyzeFile(file, c.text, result.project, result.optionsFor(file));
    fresh.set(c.index, analysis);
    // A file that ran out of time may fit another time (a less busy machine): not kept.
    if (!analysis.stopped) cache?.set(file, c.text, result.configKeyFor(file), analysis);
  }
  if (changed.length > 0) replaceServiceFindings(result, fresh, new Map(changed.map((c) => [result.files[c.index].path, c.text])));
  return outcome;
}

/**
 * The service phase again after fixes, so the report keeps the service findings of the fixed files
 * (handler-missing-metrics) and shows how a fix changed other files' (coverage crosses files): a
 * fixed file gets its fresh analysis with the new service findings, every other file its own
 * findings with the old service findings swapped for the new.
 */
function replaceServiceFindings(result: WorkspaceResult, fresh: ReadonlyMap<number, FileAnalysis>, texts: ReadonlyMap<string, string>): void {
  const before = result.serviceFindings;
  const after = result.serviceFindingsAfter(texts);
  result.files.forEach((analysis, index) => {
    const now = after[analysis.path] ?? [];
    const own = fresh.get(index);
    if (own) {
      result.files[index] = mergeServiceFindings([own], { findings: { [analysis.path]: now } })[0];
      return;
    }
    const old = new Set(before[analysis.path] ?? []);
    if (old.size === 0 && now.length === 0) return;
    const kept = { ...analysis, findings: analysis.findings.map(fileFindingOf).filter((f) => !old.has(f)) };
    result.files[index] = mergeServiceFindings([kept], { findings: { [analysis.path]: now } })[0];
  });
}

export async function runCheck(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      stderrLine(io, err.message);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout.write(CHECK_USAGE + '\n');
    return 0;
  }

  // --config: one configuration for every file, its relative paths from its own folder.
  const fixedConfig = args.config ? loadConfigFromPath(path.resolve(io.cwd, args.config), args.config) : null;
  if (fixedConfig && fixedConfig.errors.length > 0) return configurationError(fixedConfig.errors, io);

  const paths = args.paths.map((p) => path.resolve(io.cwd, p));
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    for (const p of missing) stderrLine(io, `no such file or folder: ${displayPath(io.cwd, p)}`);
    return 2;
  }

  const maxFileBytes = args.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const useCache = args.cache || args.cacheLocation !== null;
  const sharedCache = args.cacheLocation ? new ResultCache({ location: path.resolve(io.cwd, args.cacheLocation) }) : undefined;
  const files: FileAnalysis[] = [];
  const unreadable: WorkspaceResult['unreadable'] = [];
  const summary: ServiceCoverageSummary[] = [];
  let fixesApplied = 0;
  let fixesNotWritten = 0;
  let filesWritten = 0;
  for (const [root, rootPaths] of groupByRepository(paths)) {
    const configs = fixedConfig
      ? ConfigLookup.fixed(root, { file: path.resolve(io.cwd, args.config!), validated: fixedConfig })
      : ConfigLookup.nearest(root, { label: (abs) => displayPath(io.cwd, abs) });
    const cache = useCache ? (sharedCache ?? new ResultCache({ location: path.join(root, DEFAULT_CACHE_FILE) })) : undefined;
    const result = await analyzeWorkspace(root, { configs, paths: rootPaths, cache, only: args.rules, maxFileBytes, timeBudgetMs: timeBudgetFrom(io.env, CLI_TIME_BUDGET_MS), summary: args.summary, concurrency: args.concurrency ?? concurrencyFromEnv(io.env), onWorkerFailure: (m) => io.stderr.write(`obs-lens: ${terminalSafe(m)}; its files were analysed on the main thread\n`) });
    if (result.configErrors.length > 0) return configurationError(result.configErrors, io);
    if (args.fix) {
      const fixed = applyFixes(result, writableRoots(root, rootPaths), cache, io);
      fixesNotWritten += fixed.notWritten;
      fixesApplied += fixed.fixesApplied;
      filesWritten += fixed.filesWritten;
    }
    cache?.save();
    if (cache && args.debugCache) {
      io.stderr.write(`obs-lens cache: ${cache.stats.hits} hits, ${cache.stats.misses} misses, ${cache.size} entries, engine ${engineLoaded() ? 'loaded' : 'not loaded'}, ${result.analysedByWorkers} analysed by worker threads\n`);
    }
    files.push(...result.files);
    unreadable.push(...result.unreadable);
    summary.push(...(result.summary ?? []));
    for (const e of result.serviceRuleErrors) stderrLine(io, `internal error: rule ${e.rule} failed on the service ${displayPath(io.cwd, e.service)}: ${e.message} (please report this)`);
  }
  if (filesWritten > 0) {
    stderrLine(io, `applied ${fixesApplied} fix${fixesApplied === 1 ? '' : 'es'} in ${filesWritten} file${filesWritten === 1 ? '' : 's'}`);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result = { files, unreadable };

  for (const u of result.unreadable) stderrLine(io, `${displayPath(io.cwd, u.path)}: ${u.message}`);
  const report = buildReport(io.cwd, result.files);
  for (const e of report.ruleErrors) stderrLine(io, `internal error: rule ${e.rule} failed on ${e.file}: ${e.message} (the file's other findings are shown; please report this)`);
  if (args.format !== 'text') {
    for (const s of report.skipped) stderrLine(io, `skipped ${s.file}: ${s.reason}`);
  }
  const output =
    args.format === 'json'
      ? formatJson(report, args.summary ? { coverage: summaryJson(io.cwd, summary) } : {})
      : args.format === 'sarif'
        ? formatSarif(report, engine().RULES.map((r) => r.meta), version)
        : formatStylish(report, { color: colorWanted(io.stdout, io.env) }) + (args.summary ? summaryText(io.cwd, summary) : '');
  io.stdout.write(output);

  // Asked for and not done: a file named that could not be read, fixes that could not be written.
  if (fixesNotWritten > 0 || result.unreadable.some((u) => u.named)) return 2;
  const t = totals(report);
  return t.errors + t.warnings > 0 ? 1 : 0;
}

function configurationError(errors: readonly string[], io: CliIo): number {
  for (const e of errors) stderrLine(io, e);
  io.stderr.write('obs-lens: fix the configuration and run again\n');
  return 2;
}
