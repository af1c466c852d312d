// The role of every workspace file, in three steps over the import graph (each linear in files
// plus import edges):
//   1. evidence: what configuration, conventions and the file's own text say (evidence.ts);
//   2. browser reach: files with no evidence reachable by imports from browser code are browser code,
//      and files all of whose importers are tests are test support (likewise scripts, builds, CLIs,
//      one level from a file the project names as such);
//   3. server reach: everything imported, directly or not, by server code is server code, whatever
//      step 2 or a weak convention said: code the server loads runs in the server process.
import * as path from 'node:path';
import { isInside } from '../model/paths';
import { relativeName } from './configText';
import type { ImportGraph } from './graph';
import type { Evidence, FileRole } from './types';

const NON_SERVICE: ReadonlySet<FileRole> = new Set(['test', 'script', 'build', 'cli', 'tooling']);

/** A role with its reason, written out only when someone asks (most reasons are never read). */
export interface ComputedRole {
  readonly role: FileRole;
  readonly reason: string | (() => string);
  /** Server code by server reach alone (RoleVerdict.loadedByServer). */
  readonly loadedByServer?: true;
  /** Server code that browser code imports too (RoleVerdict.sharedWithBrowser). */
  readonly sharedWithBrowser?: true;
}

export function computeRoles(root: string, graph: ImportGraph, evidence: ReadonlyArray<Evidence | null>): Map<string, ComputedRole> {
  const { files, imports, mayImport, importers } = graph;
  const n = files.length;
  const rel = (i: number) => relativeName(root, files[i]);
  // A library's files (weak `library` evidence) are as undecided as files with none, except that
  // they are no server code of their own: only server reach makes them so (see the end).
  const library = evidence.map((e) => e?.role === 'library' && !!e.weak);
  const role: Array<FileRole | null> = evidence.map((e, i) => (library[i] ? null : (e?.role ?? null)));
  const why: Array<string | (() => string)> = evidence.map((e, i) => (library[i] ? '' : (e?.why ?? '')));
  /** Files whose role is still open: no evidence, or weak evidence server reach may override. */
  const open = evidence.map((e) => !e || !!e.weak);
  const undecided = evidence.map((e, i) => !e || library[i]);

  // A file importing code that only runs in a browser (a front-end entry, a component) runs there
  // too: server code cannot load it (a bundle entry nothing references, a page's helper).
  const origin: number[] = new Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!undecided[i]) continue;
    const front = imports[i].find((t) => evidence[t]?.role === 'browser' && !evidence[t]!.weak);
    if (front === undefined) continue;
    undecided[i] = false;
    role[i] = 'browser';
    origin[i] = front;
    why[i] = `imports browser code (${rel(front)}: ${why[front]})`;
  }

  // Browser reach, exact edges only, into files without evidence.
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (role[i] === 'browser') queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const from = queue[q];
    for (const to of [...imports[from], ...graph.globs[from]]) {
      if (!undecided[to]) continue;
      undecided[to] = false;
      role[to] = 'browser';
      origin[to] = origin[from] >= 0 ? origin[from] : from;
      why[to] = `imported by ${rel(from)}` + (origin[from] >= 0 ? `, reached from ${rel(origin[from])} (${why[origin[from]]})` : ` (${why[from]})`);
      queue.push(to);
    }
  }

  // Test support: every importer is a test (cascading through test support).
  const pending = importers.map((list) => list.length);
  const testQueue: number[] = [];
  for (let i = 0; i < n; i++) if (role[i] === 'test') testQueue.push(i);
  for (let q = 0; q < testQueue.length; q++) {
    const from = testQueue[q];
    for (const to of [...imports[from], ...mayImport[from]]) {
      if (!undecided[to] || --pending[to] > 0) continue;
      undecided[to] = false;
      role[to] = 'test';
      why[to] = `imported only by tests (${rel(from)})`;
      testQueue.push(to);
    }
  }

  // From scripts, builds and CLIs the project names, through the files only they (or tests) import,
  // as deep as that goes (a release script's helper module and the helpers it imports): each file is
  // decided when its last importer is, so the walk is linear in files plus import edges.
  // Weak evidence counts too (`code-migrations/` by its name): what only such files import stays open,
  // so server reach still makes it service code if the server turns out to load them.
  const fromTools: boolean[] = new Array(n).fill(false);
  const toolish = (i: number) => role[i] === 'test' || (!!role[i] && NON_SERVICE.has(role[i]!) && (!!evidence[i] || fromTools[i]));
  /** Importers of each undecided file not yet known to be such code (tests never count). */
  const waiting = importers.map((list, i) => (undecided[i] ? list.filter((from) => role[from] !== 'test').length : -1));
  const toolQueue: number[] = [];
  for (let i = 0; i < n; i++) if (toolish(i) && role[i] !== 'test') toolQueue.push(i);
  // Past the first level the walk stays in the named script's folder: a dev launcher (`dev/index.js`)
  // that requires the server's entry must not make the whole server its own (the release helpers of
  // `extra/release/` are followed, an app's `src/` is not).
  const rootDir: string[] = new Array(n).fill('');
  const { commands } = graph;
  /** What an importer is to a file: a dispatcher that runs it as a command is CLI code to it. */
  const roleTo = (by: number, to: number): FileRole | null => (commands[by].length > 0 && commands[by].includes(to) ? 'cli' : role[by]);
  const reach = (from: number, to: number, dir: string) => {
    if (!undecided[to] || --waiting[to] > 0) return;
    const kinds = new Set<FileRole>();
    let named = from;
    for (const by of importers[to]) {
      const r = roleTo(by, to);
      if (r === 'test') continue;
      kinds.add(r!);
      named = by;
    }
    const only = kinds.size === 1 ? [...kinds][0] : 'script';
    undecided[to] = false;
    role[to] = only;
    fromTools[to] = true;
    rootDir[to] = dir;
    why[to] = commands[named].includes(to) ? `run as a command by ${rel(named)} (on a condition, as the server's alternative)` : `imported only by ${only === 'cli' ? 'CLI' : only} code (${rel(named)})`;
    toolQueue.push(to);
  };
  // A dispatcher's commands first (NodeBB's app.js runs setup, upgrade or reset instead of the server):
  // the walk goes on from them within the dispatcher's folder, as from a script the project names.
  for (let i = 0; i < n; i++) for (const to of commands[i]) reach(i, to, path.dirname(files[i]));
  for (let q = 0; q < toolQueue.length; q++) {
    const from = toolQueue[q];
    const dir = fromTools[from] ? rootDir[from] : path.dirname(files[from]);
    for (const to of [...imports[from], ...mayImport[from]]) {
      if (fromTools[from] && !isInside(dir, files[to])) continue;
      reach(from, to, dir);
    }
  }

  // Server reach: from server code the project names and from every file nothing else claimed.
  const serverQueue: number[] = [];
  const isServer: boolean[] = new Array(n).fill(false);
  /** Server code only because server code imports it: no entry, script or convention named it. */
  const loaded: boolean[] = new Array(n).fill(false);
  /** Server code that browser reach got to first: browser bundles load it too. */
  const shared: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (role[i] === 'service' || (undecided[i] && !library[i])) {
      isServer[i] = true;
      serverQueue.push(i);
    }
  }
  for (let q = 0; q < serverQueue.length; q++) {
    const from = serverQueue[q];
    for (const to of [...imports[from], ...mayImport[from]]) {
      // A page's module the server file requires only inside a function stays the page's: loading
      // the server file does not load it, and nothing says the server calls that function.
      if (evidence[to]?.role === 'browser' && graph.lazyImports[from].has(to)) continue;
      if (isServer[to] && !why[to]) {
        why[to] = () => `imported by server code (${rel(from)})`;
        loaded[to] = true;
      }
      if (isServer[to] || !(open[to] || origin[to] >= 0)) continue;
      isServer[to] = true;
      loaded[to] = true;
      if (origin[to] >= 0) shared[to] = true;
      role[to] = 'service';
      why[to] = () => `imported by server code (${rel(from)})`;
      serverQueue.push(to);
    }
  }

  const out = new Map<string, ComputedRole>();
  for (let i = 0; i < n; i++) {
    const libraryLeft = !isServer[i] && role[i] === null && library[i];
    const verdict: ComputedRole = { role: isServer[i] ? 'service' : libraryLeft ? 'library' : (role[i] ?? 'service'), reason: libraryLeft ? evidence[i]!.why : why[i] || DEFAULT_WHY };
    out.set(files[i], loaded[i] ? { ...verdict, loadedByServer: true, ...(shared[i] ? { sharedWithBrowser: true as const } : {}) } : verdict);
  }
  return out;
}

export const DEFAULT_WHY = 'service code: nothing marks it as a test, script, build, CLI or browser file';
