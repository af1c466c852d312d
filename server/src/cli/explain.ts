// `obs-lens explain <file>...` (as `eslint --print-config`): for each file, the repository and
// package it belongs to, the configuration file that applies, its module style and logger library,
// the logger module a fix would import and why, and the loggers in scope with the module each comes
// from. Text (default) or `--format json`; paths relative to the working directory, as `check` prints them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileExplanation } from '../analysis/explain';
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';
import { analyzeWorkspace, settingsIgnoreMatcher } from '../analysis/workspace/analyzeWorkspace';
import { discoverFiles } from '../analysis/workspace/discover';
import { loadConfigFromPath } from '../analysis/workspace/config';
import { ConfigLookup } from '../analysis/workspace/configLookup';
import { engine } from '../analysis/workspace/engine';
import type { CliIo } from './check';
import { printable } from './printable';
import { type OptionSpec, readArguments, UsageError } from './readArguments';
import { displayPath, routePathForPeople } from './report';

export const EXPLAIN_USAGE = `Usage: obs-lens explain <file>... [options]

Prints what obs-lens believes about each file, and why: its repository and package, the
configuration file that applies, its module style and logger library, the logger module a fix
would import, the loggers in scope with the module each comes from, and the HTTP handlers in the
file (method and full route path, every mount prefix applied).

Options:
  -f, --format text|json  Output format (default: text)
  -c, --config PATH       Configuration file for every file (default: each file's nearest obs-lens.config.json)
  -h, --help              Show this help`;

interface ExplainArgs {
  files: string[];
  format: 'text' | 'json';
  config: string | null;
  help: boolean;
}

/** What `explain` prints for one file: the engine's explanation plus the configuration file, all paths shown relative to the cwd. */
export type ExplainedFile = FileExplanation & { configuration: string | null };

const EXPLAIN_OPTIONS: OptionSpec = { command: 'explain', values: ['--format', '--config'], booleans: ['--help'], aliases: { '-f': '--format', '-c': '--config', '-h': '--help' } };

function parseExplainArgs(argv: readonly string[]): ExplainArgs | string {
  const args: ExplainArgs = { files: [], format: 'text', config: null, help: false };
  let read;
  try {
    read = readArguments(argv, EXPLAIN_OPTIONS);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  args.files = read.paths;
  for (const { flag, value = '' } of read.options) {
    if (flag === '--help') args.help = true;
    else if (flag === '--config') args.config = value;
    else if (value === 'text' || value === 'json') args.format = value;
    else return `--format must be text or json, not ${JSON.stringify(value)}`;
  }
  if (!args.help && args.files.length === 0) return 'explain needs a file: obs-lens explain <file>';
  return args;
}

export async function runExplain(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseExplainArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`obs-lens: ${args}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(EXPLAIN_USAGE + '\n');
    return 0;
  }
  const fixed = args.config ? loadConfigFromPath(path.resolve(io.cwd, args.config), args.config) : null;
  const out: ExplainedFile[] = [];
  for (const file of args.files) {
    const abs = path.resolve(io.cwd, file);
    if (!fs.statSync(abs, { throwIfNoEntry: false })?.isFile()) {
      io.stderr.write(`obs-lens: no such file: ${printable(displayPath(io.cwd, abs))}\n`);
      return 2;
    }
    const root = findRepositoryRoot(abs);
    const configs = fixed
      ? ConfigLookup.fixed(root, { file: path.resolve(io.cwd, args.config!), validated: fixed })
      : ConfigLookup.nearest(root, { label: (p) => displayPath(io.cwd, p) });
    // The same pass `check` makes: the model learns the files of the file's package.
    const result = await analyzeWorkspace(root, { configs, paths: [abs] });
    for (const e of [...(fixed?.errors ?? []), ...result.configErrors]) io.stderr.write(`obs-lens: ${printable(e)}\n`);
    const text = fs.readFileSync(abs, 'utf8');
    // The handler model links the routes of the whole package (mount prefixes from other files).
    const pkgDir = result.project.packageFor(abs)?.dir;
    const ignored = settingsIgnoreMatcher(configs);
    const packageFiles = pkgDir ? (await discoverFiles(root, { ignore: [], within: [pkgDir] })).filter((f) => !ignored(f)) : [];
    const explanation = engine().explainFile(result.project, abs, text, result.optionsFor(abs).loggerModule ?? null, packageFiles);
    out.push(relativeTo(io.cwd, { ...explanation, configuration: configs.forFile(abs).file }));
  }
  io.stdout.write(args.format === 'json' ? `${JSON.stringify({ files: out }, null, 2)}\n` : out.map(formatText).join('\n'));
  return 0;
}

/** Every path in the explanation as `check` shows paths: relative to the working directory (`.` for it). Reasons name paths relative to the repository root. */
function relativeTo(cwd: string, e: ExplainedFile): ExplainedFile {
  const show = (p: string | null) => (p === null ? null : path.resolve(p) === path.resolve(cwd) ? '.' : displayPath(cwd, p));
  return {
    ...e,
    file: show(e.file)!,
    repositoryRoot: show(e.repositoryRoot)!,
    package: e.package && { ...e.package, dir: show(e.package.dir)! },
    tsconfig: show(e.tsconfig),
    configuration: show(e.configuration),
    loggerModule: 'file' in e.loggerModule ? { ...e.loggerModule, file: show(e.loggerModule.file) } : e.loggerModule,
    loggersInScope: e.loggersInScope.map((l) => ({ ...l, resolvedFile: show(l.resolvedFile), origin: show(l.origin) })),
    handlers: e.handlers.map((h) => ({ ...h, registered: { ...h.registered, file: show(h.registered.file)! }, handler: h.handler && { ...h.handler, file: show(h.handler.file)! } })),
  };
}

function formatText(e: ExplainedFile): string {
  const rows: Array<[string, string]> = [
    ['repository', e.repositoryRoot + (e.workspaceDeclaredBy.length ? ` (workspace packages from ${e.workspaceDeclaredBy.join(', ')})` : '')],
    ['package', e.package ? `${e.package.name ?? '(no name)'} (${e.package.dir})` : 'none'],
    ['configuration', e.configuration ?? 'none (defaults)'],
    ['tsconfig', e.tsconfig ?? 'none (resolved as a bundler does)'],
    ['module style', `${e.moduleStyle.style}: ${e.moduleStyle.reason}`],
    ['library', `${e.library.name ?? 'none'}: ${e.library.reason}`],
    [
      'logger module',
      'file' in e.loggerModule
        ? `${e.loggerModule.specifier ?? '(none)'}, export \`${e.loggerModule.exportName}\` (${e.loggerModule.library})${e.loggerModule.file ? ` = ${e.loggerModule.file}` : ''}`
        : 'none',
    ],
    ['  why', e.loggerModule.reason],
    ['role', `${e.role.role}: ${e.role.why}${e.role.sharedWithBrowser ? ' (browser code imports it too: fixes import no server logger into it)' : ''}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length), 'loggers in scope'.length);
  const lines = [e.file, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
  lines.push(`  ${'loggers in scope'.padEnd(width)}  ${e.loggersInScope.length === 0 ? 'none' : ''}`.trimEnd());
  for (const l of e.loggersInScope) {
    const from = l.specifier === null ? 'made in this file' : `from '${l.specifier}'${l.resolvedFile ? ` = ${l.resolvedFile}` : ''}`;
    const origin = l.origin && l.origin !== l.resolvedFile ? `, made in ${l.origin}` : '';
    lines.push(`    ${l.name} (${l.library}) ${from}${origin}`);
  }
  lines.push(`  ${'handlers'.padEnd(width)}  ${e.handlers.length === 0 ? 'none' : ''}`.trimEnd());
  const methodWidth = Math.max(0, ...e.handlers.map((h) => h.method.length));
  for (const h of e.handlers) {
    // Lines 1-based, as `check` prints them; where the route is registered when that is another file.
    const at = h.registered.file === e.file ? `line ${h.registered.line + 1}` : `handler at line ${(h.handler?.line ?? 0) + 1}, registered in ${h.registered.file}:${h.registered.line + 1}`;
    lines.push(`    ${h.method.padEnd(methodWidth)}  ${routePathForPeople(h.path, h.shownPath)}  ${at} (${h.framework})`);
  }
  return lines.map(printable).join('\n') + '\n';
}
