// What the workbench tests put on disk: the installed extension (the packaged .vsix, installed by
// code-server as a user installs it) and the user's project (a temp copy of the example service).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots of failed tests and the ones the report looks at. */
export const SCREENS_DIR = path.join(REPO_ROOT, 'test', '.tmp', 'workbench-screens');

export interface ToolsEnv {
  node: string;
  entry: string;
  chromium: string;
  codeServerVersion: string;
}

/** Where scripts/setup-workbench.sh installed Node 24, code-server and chromium. */
export function loadToolsEnv(): ToolsEnv {
  const file = path.join(REPO_ROOT, '.cache', 'workbench', 'env.json');
  if (!fs.existsSync(file)) {
    throw new Error(`No workbench tools (${path.relative(REPO_ROOT, file)} missing): run \`npm run setup:workbench\` first.`);
  }
  const env = JSON.parse(fs.readFileSync(file, 'utf8')) as ToolsEnv;
  for (const p of [env.node, env.entry, env.chromium]) {
    if (!fs.existsSync(p)) throw new Error(`Workbench tool missing: ${p}. Run \`npm run setup:workbench\` again.`);
  }
  return env;
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `obs-lens-wb-${prefix}-`));
}

/** Where `npm run test:workbench` packs the extension (`npm run package -- --out <this>`). */
export const DEFAULT_VSIX = path.join(REPO_ROOT, '.cache', 'workbench', 'observability-lens.vsix');

/**
 * Installs the packaged extension the way a user does: code-server's `--install-extension <.vsix>`
 * into `extensionsDir`. Returns the extension id (`publisher.name`) read from the installed manifest.
 * OBS_LENS_VSIX names another .vsix.
 */
export function installExtension(tools: ToolsEnv, extensionsDir: string, home: string, vsix = process.env.OBS_LENS_VSIX || DEFAULT_VSIX): string {
  if (!fs.existsSync(vsix)) {
    throw new Error(`No packaged extension at ${vsix}: run \`npm run package -- --out ${path.relative(REPO_ROOT, vsix)}\` (npm run test:workbench does).`);
  }
  const r = spawnSync(tools.node, [tools.entry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(home, 'data')], {
    cwd: home,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'xdg-data') },
  });
  const installed = fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir).filter((d) => d.startsWith('observability-lens.')) : [];
  if (r.status !== 0 || installed.length !== 1) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, installed[0], 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`;
}

export interface ProjectOptions {
  /** Written to the folder's .vscode/settings.json. */
  settings?: Record<string, unknown>;
}

/**
 * A temp copy of examples/express-service (the project a user opens). When the example is
 * missing, a minimal pino service with the same kind of mistake stands in for it.
 */
export function makeProject(options: ProjectOptions = {}): string {
  const dir = path.join(makeTempDir('project'), 'express-service');
  const example = path.join(REPO_ROOT, 'examples', 'express-service');
  if (fs.existsSync(path.join(example, 'src'))) {
    // What a fresh clone holds: no installs, builds or logs left by `npm start` or `npm run demo`.
    const generated = new Set(['node_modules', 'dist', 'logs']);
    fs.cpSync(example, dir, { recursive: true, filter: (src) => !path.relative(example, src).split(path.sep).some((part) => generated.has(part)) });
  } else {
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'svc', private: true, dependencies: { pino: '^9.7.0' } }, null, 2));
    fs.writeFileSync(path.join(dir, 'src', 'logger.ts'), "import pino from 'pino';\nexport const logger = pino();\n");
    fs.writeFileSync(
      path.join(dir, 'src', 'app.ts'),
      "import { logger } from './logger';\n\nexport function handle(id: string): void {\n  console.log(`user ${id}`);\n  logger.info('handled');\n}\n",
    );
  }
  if (options.settings) writeFolderSettings(dir, options.settings);
  return dir;
}

/** Writes the folder's .vscode/settings.json (workspace settings, what Restricted Mode guards). */
export function writeFolderSettings(folder: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Finds the first line (1-based) and column (1-based) of `needle` in a project file. */
export function locate(file: string, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`"${needle}" not found in ${file}`);
}
