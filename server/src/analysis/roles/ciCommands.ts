// Commands that CI and container builds run, read as package.json scripts are (commandPaths): a
// GitHub Actions step's `run:` (a check or release script run by CI, not code of the service), a
// Dockerfile's RUN (run while the image is built), HEALTHCHECK (a probe run beside the service) and
// CMD / ENTRYPOINT (the service itself). Read line by line: no YAML or Dockerfile parser, and no
// regular expression that can backtrack over a line.
import * as path from 'node:path';
import type { FileRole } from './types';

export interface RunCommand {
  readonly command: string;
  readonly role: FileRole;
}

/** A workflow file's folder and name test, relative to the repository root. */
export const WORKFLOW_DIR = '.github/workflows';
export function isWorkflowFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
/** `Dockerfile`, `Dockerfile.prod`, `server.dockerfile`, `Containerfile`. */
export function isDockerfile(name: string): boolean {
  return /^(dockerfile|containerfile)(\.[\w.-]+)?$/i.test(name) || /\.dockerfile$/i.test(name);
}

/**
 * The commands of a workflow's `run:` steps: a one-line value (`run: node ./extra/check.mjs`) or each
 * line of a block (`run: |` and the lines indented under it).
 */
export function workflowCommands(text: string): RunCommand[] {
  const out: RunCommand[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const key = runKey(line);
    if (!key) continue;
    const value = line.slice(key.valueAt).trim();
    if (value.startsWith('|') || value.startsWith('>')) {
      while (i + 1 < lines.length) {
        const next = lines[i + 1].replace(/\r$/, '');
        if (next.trim() !== '' && indentOf(next) <= key.indent) break;
        i++;
        if (next.trim() && !next.trim().startsWith('#')) out.push({ command: next.trim(), role: 'script' });
      }
    } else if (value) out.push({ command: unquote(value), role: 'script' });
  }
  return out;
}

/** Where a `run:` key is on a line (`run: x`, `- run: x`): its indentation and where its value starts. */
function runKey(line: string): { indent: number; valueAt: number } | null {
  let i = indentOf(line);
  if (line[i] === '-' && line[i + 1] === ' ') i = indentOf(line, i + 1);
  if (!line.startsWith('run:', i)) return null;
  return { indent: i, valueAt: i + 4 };
}

function indentOf(line: string, from = 0): number {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

function unquote(value: string): string {
  const q = value[0];
  return (q === '"' || q === "'") && value.endsWith(q) && value.length > 1 ? value.slice(1, -1) : value;
}

/**
 * The commands of a Dockerfile's RUN, CMD, ENTRYPOINT and HEALTHCHECK instructions, continuation
 * lines joined, the exec form (`["node", "server/server.js"]`) read as its words, each path the
 * command names written back as the build context's (ImagePaths: `WORKDIR /app` then `COPY . .`
 * makes `/app/dist/server.js` the context's `dist/server.js`; a file copied from another stage is
 * followed to where that stage got it).
 */
export function dockerfileCommands(text: string): RunCommand[] {
  const out: RunCommand[] = [];
  const image = new ImagePaths();
  let current = '';
  const flush = () => {
    const instruction = current.trim();
    current = '';
    const space = instruction.search(/\s/);
    if (space < 0) return;
    const name = instruction.slice(0, space).toUpperCase();
    let rest = instruction.slice(space).trim();
    let role: FileRole;
    if (name === 'FROM') return image.newStage();
    if (name === 'WORKDIR') return image.workdir(unquote(rest));
    if (name === 'COPY' || name === 'ADD') return image.copy(rest);
    if (name === 'RUN') role = 'build';
    else if (name === 'CMD' || name === 'ENTRYPOINT') role = 'service';
    else if (name === 'HEALTHCHECK') {
      const cmd = rest.search(/(^|\s)CMD\s/i);
      if (cmd < 0) return;
      rest = rest.slice(cmd).trim().slice(3).trim();
      role = 'script';
    } else return;
    const command = execForm(rest) ?? rest;
    out.push({ command: command.split(' ').map((w) => image.contextPath(w) ?? w).join(' '), role });
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!current && line.trim().startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    current += line;
    flush();
  }
  flush();
  return out;
}

/**
 * Where files in the image came from in the build context, as far as the Dockerfile says: folders
 * copied whole (`COPY . /app`, `COPY src ./src`) and single files, in every stage (a `COPY --from`
 * of another stage's path follows that stage's copies). Paths in the image are absolute; a path no
 * copy explains is taken as the context's own (`CMD node server.js` with no WORKDIR).
 */
class ImagePaths {
  private cwd = '/';
  /** Image folder → context folder ('' for the context's root). */
  private readonly folders = new Map<string, string>();
  /** Image file → context file. */
  private readonly files = new Map<string, string>();

  newStage(): void {
    this.cwd = '/';
  }

  workdir(dir: string): void {
    this.cwd = path.posix.resolve(this.cwd, dir);
  }

  copy(rest: string): void {
    const fromStage = /(^|\s)--from[=\s]/.test(rest);
    const words = (execForm(rest) ?? rest).split(/\s+/).filter((w) => w && !w.startsWith('--'));
    if (words.length !== 2) return; // several sources into one folder: rare enough to leave
    const [source, dest] = words;
    const target = path.posix.resolve(this.cwd, dest);
    // From the context: a path relative to it; from a stage: an image path, followed to the context.
    const from = fromStage ? this.imageToContext(path.posix.resolve('/', source)) : normalPath(source === '.' || source === './' ? '' : source.replace(/\/$/, ''));
    if (from === null || from.startsWith('..')) return;
    if (!SCRIPT_FILE.test(source)) this.folders.set(target, from);
    else this.files.set(dest.endsWith('/') || !SCRIPT_FILE.test(dest) ? path.posix.join(target, path.posix.basename(source)) : target, from);
  }

  /** The context path a command's word names, when it names a script file. */
  contextPath(word: string): string | null {
    if (!SCRIPT_FILE.test(word) || word.includes('$')) return null;
    const imagePath = path.posix.resolve(this.cwd, word);
    return this.imageToContext(imagePath) ?? (word.startsWith('/') ? null : normalPath(word));
  }

  private imageToContext(imagePath: string): string | null {
    const file = this.files.get(imagePath);
    if (file !== undefined) return file;
    let best: string | null = null;
    for (const dir of this.folders.keys()) {
      const inside = imagePath === dir || imagePath.startsWith(dir === '/' ? '/' : `${dir}/`);
      if (inside && (best === null || dir.length > best.length)) best = dir;
    }
    if (best === null) return null;
    const base = this.folders.get(best)!;
    const rel = path.posix.relative(best, imagePath);
    return base ? path.posix.join(base, rel) : rel;
  }
}

const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

function normalPath(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p;
}

/** `["node", "x.js"]` as `node x.js`; null when the text is not a JSON array of strings. */
function execForm(text: string): string | null {
  if (!text.startsWith('[')) return null;
  try {
    const words: unknown = JSON.parse(text);
    return Array.isArray(words) && words.every((w) => typeof w === 'string') ? words.join(' ') : null;
  } catch {
    return null;
  }
}
