// `obs-lens inventory`: what the analysis knows of each service under the paths (frameworks,
// loggers, entry points, handlers with full route paths, middleware), for people (text) or tools
// (JSON). Exit 0 when listed (also when no service was found), 2 on a usage or configuration error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceInventory } from '../analysis/handlers/inventory';
import { loadConfigFromPath } from '../analysis/workspace/config';
import { ConfigLookup } from '../analysis/workspace/configLookup';
import { inventoryWorkspace } from '../analysis/workspace/inventoryWorkspace';
import { type OptionSpec, readArguments, UsageError } from './args';
import type { CliIo } from './check';
import { formatInventoryJson, formatInventoryText } from './inventoryFormat';
import { groupByRepository } from './repositories';
import { displayPath } from './report';
import { parseUsage, stderrLine } from './runSetup';

export const INVENTORY_USAGE = `Usage: obs-lens inventory [paths...] [options]

Lists each service under the paths (default: .): a package.json folder that depends on a web
framework or has a start script. For each: its root, frameworks, loggers (and where each comes
from), entry points, HTTP handlers (method, full route path with every mount prefix, file:line)
and middleware.

Options:
  -f, --format text|json  Output format (default: text)
  -c, --config PATH       Configuration file for every file (default: each file's nearest
                          obs-lens.config.json, up to its repository root)
  -h, --help              Show this help

Exit codes: 0 listed, 2 usage or configuration error.`;

interface InventoryArgs {
  paths: string[];
  format: 'text' | 'json';
  config: string | null;
  help: boolean;
}

const OPTIONS: OptionSpec = { command: 'inventory', values: ['--format', '--config'], booleans: ['--help'], aliases: { '-f': '--format', '-c': '--config', '-h': '--help' } };

export function parseInventoryArgs(argv: readonly string[]): InventoryArgs {
  const read = readArguments(argv, OPTIONS);
  const args: InventoryArgs = { paths: read.paths.length > 0 ? read.paths : ['.'], format: 'text', config: null, help: false };
  for (const { flag, value = '' } of read.options) {
    if (flag === '--help') args.help = true;
    else if (flag === '--config') args.config = value;
    else if (value === 'text' || value === 'json') args.format = value;
    else throw new UsageError(`--format must be one of text, json, not ${JSON.stringify(value)}`);
  }
  return args;
}

export async function runInventory(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseUsage(io, () => parseInventoryArgs(argv));
  if (!args) return 2;
  if (args.help) {
    io.stdout.write(INVENTORY_USAGE + '\n');
    return 0;
  }
  // As `check` does: the repositories from the paths themselves, each file's nearest configuration
  // (or the one --config names, its relative paths from its own folder), never the working directory.
  const fixedConfig = args.config ? loadConfigFromPath(path.resolve(io.cwd, args.config), args.config) : null;
  if (fixedConfig && fixedConfig.errors.length > 0) return configurationError(fixedConfig.errors, io);
  const paths = args.paths.map((p) => path.resolve(io.cwd, p));
  const missing = paths.filter((p) => !fs.existsSync(p));
  for (const p of missing) stderrLine(io, `no such file or folder: ${displayPath(io.cwd, p)}`);
  if (missing.length > 0) return 2;
  const services: ServiceInventory[] = [];
  for (const [root, rootPaths] of groupByRepository(paths)) {
    const configs = fixedConfig
      ? ConfigLookup.fixed(root, { file: path.resolve(io.cwd, args.config!), validated: fixedConfig })
      : ConfigLookup.nearest(root, { label: (abs) => displayPath(io.cwd, abs) });
    const run = await inventoryWorkspace(root, configs, rootPaths);
    if (run.configErrors.length > 0) return configurationError(run.configErrors, io);
    for (const u of run.unreadable) stderrLine(io, `${displayPath(io.cwd, u.path)}: ${u.message}`);
    services.push(...run.services);
  }
  services.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  io.stdout.write(args.format === 'json' ? formatInventoryJson(services, io.cwd) : formatInventoryText(services, io.cwd));
  return 0;
}

function configurationError(errors: readonly string[], io: CliIo): number {
  for (const e of errors) stderrLine(io, e);
  io.stderr.write('obs-lens: fix the configuration and run again\n');
  return 2;
}
