// Runs the real built CLI (dist/cli.js) on real temporary workspaces.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

let built = false;
/** Builds dist/ once per test process, so the tests always run the current sources. */
export function buildOnce(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process was killed, e.g. 'SIGKILL' after `timeoutMs`. */
  signal: NodeJS.Signals | null;
}

/** The environment the CLI runs in: this one without colour settings, then `env` (undefined removes a variable). */
function cliEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
  for (const k of Object.keys(fullEnv)) if (fullEnv[k] === undefined) delete fullEnv[k];
  return fullEnv;
}

/** Runs the CLI; with `timeoutMs`, a run that hangs is killed (signal set) instead of blocking the test. */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs?: number, uid?: number): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cliEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL', ...(uid !== undefined ? { uid, gid: uid } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

export interface CliBytesRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Like runCli, with stdout as bytes (to compare output byte for byte) and optional stdin. */
export function runCliBytes(args: string[], cwd: string, env: Record<string, string | undefined> = {}, input?: Buffer): CliBytesRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cliEnv(env), input, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

const made: string[] = [];
export function makeWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-cli-'));
  made.push(root);
  writeTree(root, files);
  return root;
}

export function removeWorkspaces(): void {
  while (made.length > 0) fs.rmSync(made.pop()!, { recursive: true, force: true });
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
}

export function parseJsonOutput(stdout: string): JsonDiagnostic[] {
  return (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}

/** A pino service with one clean file and one holding several mistakes. */
export const PINO_SERVICE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0', express: '^4.0.0' } }, null, 2),
  'src/logger.ts': "import pino from 'pino';\n\nexport const logger = pino({ level: 'info' });\n",
  'src/clean.ts': [
    "import { logger } from './logger';",
    '',
    'export function handle(id: string): void {',
    "  logger.info({ id }, 'handled');",
    '}',
    '',
  ].join('\n'),
  'src/orders.ts': [
    "import { logger } from './logger';",
    '',
    'export function placeOrder(id: string, amount: number): void {',
    "  console.log('placing order', id);",
    '  logger.info(`order ${id} placed`);',
    "  logger.info('order total', { id, amount });",
    '}',
    '',
  ].join('\n'),
};
