// What the workbench tests put on disk: the installed extension (as VS Code lays it out in an
// extensions folder) and the user's project (a temp copy of the example service).
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

/**
 * Installs the built extension into `extensionsDir` the way VS Code stores installed extensions:
 * a folder `publisher.name-version` holding the manifest and the files it refers to. Returns the
 * extension id (`publisher.name`). `root` is the extension's folder: this repo unless told
 * (OBS_LENS_EXTENSION_ROOT points at another one, e.g. an unpacked .vsix).
 */
export function installExtension(extensionsDir: string, root = process.env.OBS_LENS_EXTENSION_ROOT || REPO_ROOT): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
    main: string;
  };
  if (!manifest.publisher || !manifest.name || !manifest.version || !manifest.main) {
    throw new Error(`${path.join(root, 'package.json')} is not an extension manifest (needs publisher, name, version, main).`);
  }
  const main = path.join(root, manifest.main);
  if (!fs.existsSync(main)) throw new Error(`The extension is not built (${manifest.main} missing): run \`npm run build\`.`);
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
  for (const entry of ['dist', 'media', 'syntaxes', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    const from = path.join(root, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
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
    fs.cpSync(example, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
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
