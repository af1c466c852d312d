// The committed fixture projects (test/fixtures/projects/<name>), copied into a fresh folder under
// os.tmpdir() for each test: tests write fixes into them, and nothing is ever written in the repo.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PROJECTS_DIR = path.resolve(__dirname, '..', 'fixtures', 'projects');

export interface ProjectCopy {
  /** The copy's folder (real path). */
  root: string;
  /** The folder the copy was made in (a parent folder of the repository, for running from outside it). */
  parent: string;
  path(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Every file of the copy, relative path → text (for comparing whole trees). */
  tree(): Record<string, string>;
  remove(): void;
}

/** A copy of fixture project `name` in a new temporary folder, optionally as a git repository (an empty `.git` folder). */
export function copyProject(name: string, options: { git?: boolean } = {}): ProjectCopy {
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-project-')));
  const root = path.join(parent, name);
  fs.cpSync(path.join(PROJECTS_DIR, name), root, { recursive: true });
  if (options.git) fs.mkdirSync(path.join(root, '.git'));
  return {
    root,
    parent,
    path: (rel) => path.join(root, rel),
    read: (rel) => fs.readFileSync(path.join(root, rel), 'utf8'),
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    tree: () => readTree(root),
    remove: () => fs.rmSync(parent, { recursive: true, force: true }),
  };
}

export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') walk(abs);
      } else if (e.isFile()) out[path.relative(root, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return out;
}
