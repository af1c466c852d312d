// `obs-lens check`: configuration, one workspace analysis, optional safe fixes written in place,
// then the report in the chosen format. Exit 0 clean, 1 findings at warning or above, 2 usage or
// configuration error. Nothing here throws for bad input: every problem becomes a message.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAnalysis } from '../analysis/types';
import { analyzeWorkspace, DEFAULT_MAX_FILE_BYTES, type WorkspaceResult } from '../analysis/workspace/analyzeWorkspace';
import { ResultCache } from '../analysis/workspace/cache';
import { engine, engineLoaded } from '../analysis/workspace/engine';
import { CHECK_USAGE, parseCheckArgs } from './args';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { buildReport, displayPath, isFixable, totals } from './report';
import { parseUsage, setUpRun, stderrLine } from './runSetup';
import { colorWanted } from './terminal';
import { preserveFileStyle, writeFileAtomic } from './writeFixed';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const DEFAULT_CACHE_FILE = '.obs-lens-cache';

interface FixOutcome {
  filesWritten: number;
  fixesApplied: number;
}

/**
 * Applies the safe fixes of every file that has one and writes the changed files; the results of
 * those files are replaced by a fresh analysis of the fixed text.
 */
function applyFixes(result: WorkspaceResult, maxFileBytes: number, cache: ResultCache | undefined, io: CliIo): FixOutcome {
  const outcome: FixOutcome = { filesWritten: 0, fixesApplied: 0 };
  const options = { severities: result.severities, maxFileBytes };
  const changed: Array<{ index: number; text: string }> = [];
  result.files.forEach((analysis, index) => {
    if (analysis.skipped || !analysis.findings.some(isFixable)) return;
    let original: string;
    try {
      original = fs.readFileSync(analysis.path, 'utf8');
    } catch (err) {
      stderrLine(io, `cannot read ${displayPath(io.cwd, analysis.path)} to fix it: ${(err as Error).message}`);
      return;
    }
    const { text, fixed } = engine().applySafeFixes(analysis.path, original, result.project, options);
    const written = preserveFileStyle(original, text);
    if (fixed === 0 || written === original) return;
    try {
      writeFileAtomic(analysis.path, written);
    } catch (err) {
      stderrLine(io, `cannot write fixes to ${displayPath(io.cwd, analysis.path)}: ${(err as Error).message}`);
      return;
    }
    outcome.filesWritten++;
    outcome.fixesApplied += fixed;
    changed.push({ index, text: written });
  });
  // The model learns the fixed texts first (a fix may add an import), then the files are re-analysed.
  for (const c of changed) engine().noteFile(result.project, result.files[c.index].path, c.text);
  const configKey = result.configKeyNow();
  for (const c of changed) {
    const file = result.files[c.index].path;
    const fresh: FileAnalysis = engine().analyzeFile(file, c.text, result.project, options);
    result.files[c.index] = fresh;
    cache?.set(file, c.text, configKey, fresh);
  }
  return outcome;
}

export async function runCheck(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const args = parseUsage(io, () => parseCheckArgs(argv));
  if (!args) return 2;
  if (args.help) {
    io.stdout.write(CHECK_USAGE + '\n');
    return 0;
  }

  const setup = setUpRun(io, args.config, args.paths);
  if (!setup) return 2;
  const { root, settings, paths } = setup;

  const maxFileBytes = args.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const useCache = args.cache || args.cacheLocation !== null;
  const cache = useCache
    ? new ResultCache({ location: args.cacheLocation ? path.resolve(io.cwd, args.cacheLocation) : path.join(root, DEFAULT_CACHE_FILE) })
    : undefined;

  const result = await analyzeWorkspace(root, { settings, paths, cache, only: args.rules, maxFileBytes });

  if (args.fix) {
    const fixed = applyFixes(result, maxFileBytes, cache, io);
    if (fixed.filesWritten > 0) {
      stderrLine(io, `applied ${fixed.fixesApplied} fix${fixed.fixesApplied === 1 ? '' : 'es'} in ${fixed.filesWritten} file${fixed.filesWritten === 1 ? '' : 's'}`);
    }
  }
  if (cache) {
    cache.save();
    if (args.debugCache) {
      io.stderr.write(`obs-lens cache: ${cache.stats.hits} hits, ${cache.stats.misses} misses, ${cache.size} entries, engine ${engineLoaded() ? 'loaded' : 'not loaded'}\n`);
    }
  }

  for (const u of result.unreadable) stderrLine(io, `${displayPath(io.cwd, u.path)}: ${u.message}`);
  const report = buildReport(io.cwd, result.files);
  if (args.format !== 'text') {
    for (const s of report.skipped) stderrLine(io, `skipped ${s.file}: ${s.reason}`);
  }
  const output =
    args.format === 'json'
      ? formatJson(report)
      : args.format === 'sarif'
        ? formatSarif(report, engine().RULES.map((r) => r.meta), version)
        : formatStylish(report, { color: colorWanted(io.stdout, io.env) });
  io.stdout.write(output);

  const t = totals(report);
  return t.errors + t.warnings > 0 ? 1 : 0;
}
