// `obs-lens inventory`: what the analysis knows of each service under the paths (frameworks,
// loggers, entry points, handlers with full route paths, middleware), for people (text) or tools
// (JSON). Exit 0 when listed (also when no service was found), 2 on a usage or configuration error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closestMatch, loadConfigFile, loadConfigFromPath, mergeSettings } from '../analysis/workspace/config';
import { inventoryWorkspace } from '../analysis/workspace/inventoryWorkspace';
import { findProjectRoot } from '../analysis/workspace/root';
import { UsageError } from './args';
import type { CliIo } from './check';
import { formatInventoryJson, formatInventoryText } from './inventoryFormat';
import { displayPath } from './report';
import { terminalSafe } from './terminal';

export const INVENTORY_USAGE = `Usage: obs-lens inventory [paths...] [options]

Lists each service under the paths (default: .): a package.json folder that depends on a web
framework or has a start script. For each: its root, frameworks, loggers (and where each comes
from), entry points, HTTP handlers (method, full route path with every mount prefix, file:line)
and middleware.

Options:
  -f, --format text|json  Output format (default: text)
  -c, --config PATH       Configuration file (default: obs-lens.config.json in the project root)
  -h, --help              Show this help

Exit codes: 0 listed, 2 usage or configuration error.`;

interface InventoryArgs {
  paths: string[];
  format: 'text' | 'json';
  config: string | null;
  help: boolean;
}

const FLAGS = ['--format', '--config', '--help'];

export function parseInventoryArgs(argv: readonly string[]): InventoryArgs {
  const args: InventoryArgs = { paths: [], format: 'text', config: null, help: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (onlyPaths || !token.startsWith('-') || token === '-') {
      args.paths.push(token);
      continue;
    }
    if (token === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const flag = ({ '-f': '--format', '-c': '--config', '-h': '--help' } as Record<string, string>)[name] ?? name;
    if (flag === '--help') {
      if (eq >= 0) throw new UsageError('--help takes no value');
      args.help = true;
      continue;
    }
    if (!FLAGS.includes(flag)) {
      const suggestion = closestMatch(flag, FLAGS);
      throw new UsageError(`unknown option ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}. Run obs-lens inventory --help for the options.`);
    }
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) throw new UsageError(`${flag} needs a value`);
    if (flag === '--format') {
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be one of text, json, not ${JSON.stringify(value)}`);
      args.format = value;
    } else args.config = value;
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function stderrLine(io: CliIo, message: string): void {
  io.stderr.write(`obs-lens: ${terminalSafe(message)}\n`);
}

export async function runInventory(argv: readonly string[], io: CliIo): Promise<number> {
  let args: InventoryArgs;
  try {
    args = parseInventoryArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      stderrLine(io, err.message);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout.write(INVENTORY_USAGE + '\n');
    return 0;
  }
  const root = findProjectRoot(io.cwd);
  const config = args.config ? loadConfigFromPath(path.resolve(io.cwd, args.config), args.config) : loadConfigFile(root);
  if (config.errors.length > 0) {
    for (const e of config.errors) stderrLine(io, e);
    io.stderr.write('obs-lens: fix the configuration and run again\n');
    return 2;
  }
  const paths = args.paths.map((p) => path.resolve(io.cwd, p));
  const missing = paths.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    for (const p of missing) stderrLine(io, `no such file or folder: ${displayPath(io.cwd, p)}`);
    return 2;
  }
  const run = await inventoryWorkspace(root, mergeSettings(config.settings), paths);
  for (const u of run.unreadable) stderrLine(io, `${displayPath(io.cwd, u.path)}: ${u.message}`);
  io.stdout.write(args.format === 'json' ? formatInventoryJson(run.services, io.cwd) : formatInventoryText(run.services, io.cwd));
  return 0;
}
