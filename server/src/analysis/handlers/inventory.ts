// `obs-lens inventory`: per service (a package.json folder with a framework dependency or a start
// script), its root, frameworks, loggers and where each comes from, entry points, handlers with
// their full route paths, and middleware.
import * as path from 'node:path';
import { type ContextSourceEntry, contextInventory } from '../context/service';
import { REQUEST_LOGGERS } from '../libraries';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import { isInside, type ProjectModel, stripExtension } from '../project';
import type { LoggerLibrary } from '../types';
import { extractContextFor, mayRegisterHandlers } from './context';
import { FRAMEWORKS, frameworksOf } from './frameworks';
import { Linker } from './link';
import type { ConfiguredLoggerModule } from '../model/facts';
import { readJsonObject, requestLoggerLibrary } from '../model/packages';
import type { ImportResolver } from './resolver';
import type { FrameworkId, Handler, Middleware } from './types';
import { WorkspaceFacts } from './workspaceFacts';
import { SCRIPT_RUNNERS } from '../roles/manifest';

export type LoggerSource =
  /** A workspace module that creates a logger with a library and exports it (or the `loggerModule` setting's). */
  | { kind: 'module'; module: string; exports: Array<{ name: string; library: LoggerLibrary }>; configured: boolean }
  /** A package that puts a logger on each request (`req.log` from pino-http). */
  | { kind: 'request'; package: string; library: LoggerLibrary; expression: string };

export interface EntryPoint {
  kind: 'main' | 'start' | 'bin';
  /** The file as package.json names it (relative to the service root); null when a start script runs no file. */
  target: string | null;
  /** The start script as written. */
  command?: string;
}

export interface ServiceInventory {
  root: string;
  name: string | null;
  frameworks: FrameworkId[];
  loggers: LoggerSource[];
  entryPoints: EntryPoint[];
  handlers: Handler[];
  middleware: Middleware[];
  /** Request-context sources: libraries and the code that sets them up (context/service.ts). */
  context: ContextSourceEntry[];
}

export interface InventoryOptions {
  resolver?: ImportResolver;
  maxFileBytes?: number;
  /** The `loggerModule` setting that applies, if any (the module a fix would import). */
  loggerModule?: ConfiguredLoggerModule | null;
  /** Where the linker takes each file's facts (the service phase shares its own); default: a fresh WorkspaceFacts. */
  facts?: WorkspaceFacts;
  /** The `loggerModule` setting of the configuration that governs a service's folder (wins over `loggerModule`). */
  loggerModuleFor?: (serviceDir: string) => ConfiguredLoggerModule | null;
  /**
   * `files` are every workspace file (not one service's): which packages only define an app another
   * service mounts is worked out here and remembered for the runs that see one service alone.
   */
  complete?: boolean;
}

interface Manifest {
  dir: string;
  name: string | null;
  main: string | null;
  start: string | null;
  bin: string[];
  /** dependencies, peer and optional: what the service runs with (devDependencies are for building and tests). */
  runtime: Set<string>;
  /** It has a script that runs it in development (`dev`, `serve`, `develop`): something starts it. */
  devServer: boolean;
}

function readManifest(project: ProjectModel, dir: string): Manifest | null {
  const text = project.readFile(path.join(dir, 'package.json'));
  if (text === undefined) return nxProjectManifest(project, dir);
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    json = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const runtime = new Set<string>();
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    const block = json[key];
    if (block && typeof block === 'object') for (const name of Object.keys(block)) runtime.add(name);
  }
  const scripts = json.scripts && typeof json.scripts === 'object' ? (json.scripts as Record<string, unknown>) : {};
  const bin = typeof json.bin === 'string' ? [json.bin] : json.bin && typeof json.bin === 'object' ? Object.values(json.bin).filter((v): v is string => typeof v === 'string') : [];
  const devServer = ['dev', 'serve', 'develop'].some((k) => typeof scripts[k] === 'string');
  return { dir, name: str(json.name), main: str(json.main), start: followScript(scripts, 'start'), bin, runtime, devServer };
}

/**
 * An Nx application's project.json standing for a manifest (Amplication's NestJS apps have no
 * package.json): its dependencies the workspace root's (packages.ts readNxProject), its `main` the
 * build target's, and started when it has a `serve` target.
 */
function nxProjectManifest(project: ProjectModel, dir: string): Manifest | null {
  const json = readJsonObject(path.join(dir, 'project.json'), (f) => project.readFile(f));
  if (!json || json.projectType !== 'application') return null;
  const targets = json.targets && typeof json.targets === 'object' ? (json.targets as Record<string, { options?: Record<string, unknown> }>) : {};
  const main = targets.build?.options?.main;
  const pkg = project.packageFor(path.join(dir, 'project.json'));
  return {
    dir,
    name: typeof json.name === 'string' ? json.name : null,
    main: typeof main === 'string' ? path.relative(dir, path.resolve(project.root, main)).split(path.sep).join('/') : null,
    start: targets.serve ? `nx serve ${typeof json.name === 'string' ? json.name : path.basename(dir)}` : null,
    bin: [],
    runtime: new Set(pkg?.dir === dir ? pkg.dependencies : []),
    devServer: !!targets.serve,
  };
}

/**
 * A script's command, through scripts that only run another (`"start": "npm run start-server"`,
 * `yarn serve`, `pnpm run prod`): the command that does the work, a few steps deep at most.
 */
function followScript(scripts: Record<string, unknown>, name: string): string | null {
  let command = typeof scripts[name] === 'string' ? (scripts[name] as string) : null;
  for (let step = 0; step < 5 && command; step++) {
    const m = /^\s*(?:npm run(?:-script)?|yarn(?: run)?|pnpm(?: run)?|bun run)\s+([\w:.-]+)\s*$/.exec(command);
    const next = m ? scripts[m[1]] : undefined;
    if (typeof next !== 'string') break;
    command = next;
  }
  return command;
}

/**
 * The file a start script runs: the first `node file` (or ts-node, tsx, nodemon...) among its
 * commands, environment assignments and options skipped; `nest start`'s `src/main.ts`. Null for
 * `next start`.
 */
export function startTarget(script: string): string | null {
  for (const command of script.split(/&&|\|\||;|\|/)) {
    const words = command.trim().split(/\s+/).filter((w) => w !== '');
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
    if (words[i] === 'npx' || words[i] === 'exec') i++;
    // `nest start` runs the Nest CLI's entry file: `main` under its source root, `src` unless
    // nest-cli.json says otherwise (a monorepo's apps name theirs there).
    if (words[i] === 'nest' && words[i + 1] === 'start') return 'src/main.ts';
    if (!SCRIPT_RUNNERS.has(words[i] ?? '')) continue;
    if (words[i + 1] === 'watch') i++; // `tsx watch src/index.ts`
    for (i++; i < words.length; i++) {
      const w = words[i];
      if (w.startsWith('-')) {
        // `-r ts-node/register`, `--require x`, `--env-file .env`: options that take the next word.
        if (/^(-r|--require|--import|--loader|--env-file|--exec|-x|--watch-path)$/.test(w)) i++;
        continue;
      }
      return w.replace(/^['"]|['"]$/g, '');
    }
  }
  return null;
}

function entryPointsOf(m: Manifest): EntryPoint[] {
  const out: EntryPoint[] = [];
  if (m.main) out.push({ kind: 'main', target: m.main });
  if (m.start) out.push({ kind: 'start', target: startTarget(m.start), command: m.start });
  for (const b of m.bin) out.push({ kind: 'bin', target: b });
  return out;
}

function loggersOf(project: ProjectModel, m: Manifest, files: readonly string[], allDeps: ReadonlySet<string>, setting: ConfiguredLoggerModule | null): LoggerSource[] {
  const out: LoggerSource[] = [];
  // The module a fix in this service imports, chosen by the project model (model/facts.ts) as for check and explain.
  const chosen = setting ? project.factsFor(path.join(m.dir, 'package.json'), setting).loggerModule : null;
  const configured = chosen?.absPath ?? null;
  const byKey = new Map(files.map((f) => [stripExtension(f), f]));
  for (const [key, exports] of [...project.loggerExports].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isInside(m.dir, key)) continue;
    const file = byKey.get(key);
    if (!file) continue;
    out.push({ kind: 'module', module: file, exports: [...exports].map(([name, library]) => ({ name, library })), configured: configured === key || configured === path.dirname(key) });
  }
  // A configured package (`@acme/logger`) is known by its name only.
  if (setting && chosen && (!configured || chosen.specifier)) {
    out.push({ kind: 'module', module: chosen.specifier ?? setting.specifier, exports: [{ name: chosen.exportName, library: chosen.library }], configured: true });
  }
  const info = project.packageFor(path.join(m.dir, 'package.json'));
  for (const [pkg, expression] of Object.entries(REQUEST_LOGGERS)) {
    if (!allDeps.has(pkg)) continue;
    out.push({ kind: 'request', package: pkg, library: requestLoggerLibrary(info, pkg), expression });
  }
  return out;
}

/**
 * The inventory of the services `files` belong to. `files` are the workspace files to consider
 * (absolute); the project model must have noted them (its logger modules come from there).
 */
export function buildInventory(project: ProjectModel, files: readonly string[], options: InventoryOptions = {}): ServiceInventory[] {
  const resolver = options.resolver ?? project.resolver;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const facts = options.facts ?? new WorkspaceFacts(project, maxFileBytes);
  const byService = new Map<string, string[]>();
  for (const f of files) {
    const dir = project.packageFor(f)?.dir;
    if (!dir) continue;
    const list = byService.get(dir);
    if (list) list.push(f);
    else byService.set(dir, [f]);
  }
  const out: ServiceInventory[] = [];
  const starts = new Set<string>();
  for (const [dir, serviceFiles] of [...byService].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const manifest = readManifest(project, dir);
    if (!manifest) continue;
    if (manifest.start || manifest.bin.length > 0) starts.add(dir);
    const declared = frameworksOf(manifest.runtime);
    if (declared.length === 0 && !manifest.start) continue;
    const entries = serviceFiles.filter((f) => {
      const text = project.readFile(f);
      return text !== undefined && text.length <= maxFileBytes && mayRegisterHandlers(text, extractContextFor(project, f));
    });
    const { handlers, middleware } = new Linker(facts, resolver, serviceFiles).link(dir, entries.sort());
    const found = new Set<FrameworkId>([...declared, ...handlers.map((h) => h.framework)]);
    out.push({
      root: dir,
      name: manifest.name,
      frameworks: FRAMEWORKS.map((f) => f.id).filter((id) => found.has(id)),
      loggers: loggersOf(project, manifest, serviceFiles, project.packageFor(path.join(dir, 'x'))?.dependencies ?? manifest.runtime, options.loggerModuleFor ? options.loggerModuleFor(dir) : (options.loggerModule ?? null)),
      entryPoints: entryPointsOf(manifest),
      handlers,
      middleware,
      context: contextInventory(project, dir),
    });
  }
  return withoutLibraries(project, out, starts, !!options.complete);
}

/** The repository root's deployment files, read for a package folder they start. */
const ROOT_DEPLOYMENT = ['Dockerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'Procfile'];

/** Whether `text` names the folder `rel` whole: `packages/api` in `node packages/api/dist`, not in `packages/api-gateway`. */
function namesFolder(text: string, rel: string): boolean {
  const partOfName = (c: string | undefined) => c !== undefined && /[\w.@-]/.test(c);
  for (let at = text.indexOf(rel); at !== -1; at = text.indexOf(rel, at + 1)) {
    if (!partOfName(text[at - 1]) && !partOfName(text[at + rel.length])) return true;
  }
  return false;
}

/** Files whose presence in a package's folder says it is deployed as it is (a container, a Procfile, a platform's configuration). */
const DEPLOYED_BY = ['Dockerfile', 'Procfile', 'wrangler.toml', 'wrangler.json', 'wrangler.jsonc', 'serverless.yml', 'serverless.yaml', 'fly.toml', 'app.yaml'];

/**
 * A package that nothing starts (no start, dev or serve script, no bin, no Dockerfile, Procfile or
 * platform configuration of its own) and that packages with a server framework of their own depend
 * on at run time and load (a value import, not only types) is a building block of theirs:
 * atproto's @atproto/xrpc-server, whose Server class makes an Express router (with a `listen()`
 * helper nobody calls) that pds, bsky and ozone mount in apps of their own. Its routes run in those
 * services, not as a service of its own. (A framework package that only a package without a server
 * of its own depends on, as Vendure's core, which the dev server's script starts through its
 * `bootstrap()`, stays one.)
 */
function dependedLibraries(project: ProjectModel, services: ServiceInventory[], starts: ReadonlySet<string>): string[] {
  // The repository's own deployment files that name a package's folder (`CMD node packages/api/dist/index.js`, a compose service) start it.
  const rootDeployment = ROOT_DEPLOYMENT.map((f) => project.readFile(path.join(project.root, f)) ?? '').join('\n');
  const startedFromRoot = (dir: string) => {
    const rel = path.relative(project.root, dir).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('..') && namesFolder(rootDeployment, rel);
  };
  const deployed = (dir: string) => DEPLOYED_BY.some((f) => project.readFile(path.join(dir, f)) !== undefined) || startedFromRoot(dir);
  // Read from the manifests alone, so that the editor, which checks an edited service by itself,
  // decides as a whole-workspace check does. A dependent with a server framework of its own builds
  // on the package; one without (a script's package starting it) runs it.
  const manifests = [...project.workspacePackageDirs().values()].flatMap((dir) => readManifest(project, dir) ?? []);
  const servers = manifests.filter((m) => frameworksOf(m.runtime).length > 0);
  // Its dependent must load it, not only read its types (a web app's `import type { AppType }` from
  // its API); and a package a launcher deploys (a dependent with a Dockerfile: atproto's services/pds
  // for @atproto/pds) is started.
  const library = (s: ServiceInventory) => {
    if (!s.name || starts.has(s.root) || deployed(s.root) || readManifest(project, s.root)?.devServer) return false;
    if (manifests.some((m) => m.dir !== s.root && m.runtime.has(s.name!) && deployed(m.dir))) return false;
    return servers.some((m) => m.dir !== s.root && m.runtime.has(s.name!) && project.roles.importsPackage(m.dir, s.name!));
  };
  return services.filter(library).map((s) => s.root);
}

/** Per project model: the package roots a complete inventory found to be libraries (see withoutLibraries). */
const libraryRoots = new WeakMap<ProjectModel, ReadonlySet<string>>();

/**
 * A package that only defines an app another service mounts (Documenso's @documenso/auth: a Hono
 * app the web server mounts at /api/auth) is not a service of its own: its routes are the mounting
 * service's, with the mount's prefix, and were counted twice. Dropped when it has no start of its
 * own and every handler it registers was reached from another service; so are the libraries
 * services depend on (dependedLibraries).
 */
function withoutLibraries(project: ProjectModel, services: ServiceInventory[], starts: ReadonlySet<string>, complete: boolean): ServiceInventory[] {
  const placeOf = (h: Handler) => `${h.file}\0${h.line}\0${h.column}\0${h.method}`;
  const reachedFrom = new Map<string, Set<string>>();
  for (const s of services) {
    for (const h of s.handlers) {
      const key = placeOf(h);
      const roots = reachedFrom.get(key);
      if (roots) roots.add(s.root);
      else reachedFrom.set(key, new Set([s.root]));
    }
  }
  // Only a package whose routes are its own files can be a mounted library: the service that mounts
  // it reaches routes in another package's files, so it is never dropped for them (nor are both).
  const mounted = (s: ServiceInventory) =>
    !starts.has(s.root) && s.handlers.length > 0 && s.handlers.every((h) => isInside(s.root, h.file) && reachedFrom.get(placeOf(h))!.size > 1);
  const found = [...services.filter(mounted).map((s) => s.root), ...dependedLibraries(project, services, starts)];
  let dropped: ReadonlySet<string>;
  if (complete) libraryRoots.set(project, (dropped = new Set(found)));
  // One service seen alone (an edit's): what the last complete inventory found, as its dependents are not seen.
  else dropped = new Set([...found, ...(libraryRoots.get(project) ?? [])]);
  return services.filter((s) => !dropped.has(s.root));
}
