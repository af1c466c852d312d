// `obs-lens inventory`: what the analysis knows of each service under the paths (frameworks,
// loggers, entry points, handlers with full route paths, middleware), for people (text) or tools
// (JSON). Exit 0 when listed (also when no service was found), 2 on a usage or configuration error.
import { inventoryWorkspace } from '../analysis/workspace/inventoryWorkspace';
import { type OptionSpec, readArguments, UsageError } from './args';
import type { CliIo } from './check';
import { formatInventoryJson, formatInventoryText } from './inventoryFormat';
import { displayPath } from './report';
import { parseUsage, setUpRun, stderrLine } from './runSetup';

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
  const setup = setUpRun(io, args.config, args.paths);
  if (!setup) return 2;
  const run = await inventoryWorkspace(setup.root, setup.settings, setup.paths);
  for (const u of run.unreadable) stderrLine(io, `${displayPath(io.cwd, u.path)}: ${u.message}`);
  io.stdout.write(args.format === 'json' ? formatInventoryJson(run.services, io.cwd) : formatInventoryText(run.services, io.cwd));
  return 0;
}
