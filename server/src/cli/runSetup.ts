// What every workspace command starts with: the project root above the working directory, its
// configuration (or the one --config names), and the requested paths, each of which must exist.
// Problems are said on stderr (escaped: names come from the workspace) and end the run with 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LensSettings } from '../../../shared/src/settings';
import { loadConfigFile, loadConfigFromPath, mergeSettings } from '../analysis/workspace/config';
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';
import { UsageError } from './args';
import { displayPath } from './report';
import { terminalSafe } from './terminal';

/** A message on stderr; file names and messages from the workspace in it are escaped (see terminalSafe). */
export function stderrLine(io: { stderr: NodeJS.WritableStream }, message: string): void {
  io.stderr.write(`obs-lens: ${terminalSafe(message)}\n`);
}

export interface RunSetup {
  root: string;
  settings: LensSettings;
  /** The requested paths, absolute. */
  paths: string[];
}

export function setUpRun(io: { stderr: NodeJS.WritableStream; cwd: string }, configArg: string | null, pathArgs: readonly string[]): RunSetup | null {
  const root = findRepositoryRoot(io.cwd);
  const config = configArg ? loadConfigFromPath(path.resolve(io.cwd, configArg), configArg) : loadConfigFile(root);
  if (config.errors.length > 0) {
    for (const e of config.errors) stderrLine(io, e);
    io.stderr.write('obs-lens: fix the configuration and run again\n');
    return null;
  }
  const paths = pathArgs.map((p) => path.resolve(io.cwd, p));
  const missing = paths.filter((p) => !fs.existsSync(p));
  for (const p of missing) stderrLine(io, `no such file or folder: ${displayPath(io.cwd, p)}`);
  return missing.length > 0 ? null : { root, settings: mergeSettings(config.settings), paths };
}

/** The command's arguments, or null after saying on stderr what is wrong with them (exit 2). */
export function parseUsage<T>(io: { stderr: NodeJS.WritableStream }, parse: () => T): T | null {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UsageError) {
      stderrLine(io, err.message);
      return null;
    }
    throw err;
  }
}
