// How a service is deployed, as far as its files say: the deployment files of the service, of the
// repository and of its launchers (workspace packages that depend on the service's package and deploy
// it with a Dockerfile or Procfile of their own: atproto's services/bsky runs @atproto/bsky with
// `node --import=./tracer.ts --import=@atproto/bsky/telemetry api.ts`), and the modules those preload:
// a launcher's local files, a workspace package's module named by package, and the workspace modules
// that module imports (one level, with their own package's modules beside them: the OpenTelemetry
// bootstrap package atproto's telemetry module calls). Auto-instrumentation (metrics) and trace ids
// in log records (request context) are both read from it.
import * as path from 'node:path';
import { packageNameOf, stripExtension } from '../model/paths';
import type { ProjectModel } from '../project';
import { probeModule } from '../roles/resolver';

export interface Deployment {
  /** The service's and its launchers' package.json, and the deployment files of the service, the repository root and the launchers. */
  readonly files: ReadonlyArray<{ file: string; text: string }>;
  /** Files the deployment preloads (absolute, sorted). */
  readonly preloaded: readonly string[];
}

/** Files besides package.json that may hold a preload or the environment. */
const DEPLOYMENT_FILES: readonly string[] = ['Dockerfile', '.env', 'docker-compose.yml', 'docker-compose.yaml', 'Procfile'];

/** A local file preloaded (`--import=./tracer.ts`, `-r ./tracing.js`, `--require ./otel`), relative to the deployment file. */
const LOCAL_PRELOAD = /(?:--require|--import|-r)(?:\s+|=)['"]?(\.{1,2}\/[\w./-]{1,200})/g;
/** A package's module preloaded (`--import=@atproto/pds/telemetry`): followed when it is a workspace package's. */
const PACKAGE_PRELOAD = /(?:--require|--import|-r)(?:\s+|=)['"]?((?:@[\w.-]{1,100}\/)?[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,5})/g;
/** A module a file imports or requires, by its specifier (a text search: auto-instrumentation reads SDK files with it too). */
export const IMPORTED = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g;

const cache = new WeakMap<ProjectModel, { generation: number; byRoot: Map<string, Deployment> }>();

export function deploymentOf(project: ProjectModel, root: string, name: string | null): Deployment {
  let entry = cache.get(project);
  if (!entry || entry.generation !== project.generation) cache.set(project, (entry = { generation: project.generation, byRoot: new Map() }));
  let d = entry.byRoot.get(root);
  if (!d) entry.byRoot.set(root, (d = computeDeployment(project, root, name)));
  return d;
}

function computeDeployment(project: ProjectModel, root: string, name: string | null): Deployment {
  const launchers = launcherDirs(project, root, name);
  const files: Array<{ file: string; text: string }> = [];
  for (const dir of new Set([root, project.root, ...launchers])) {
    for (const fileName of ['package.json', ...DEPLOYMENT_FILES]) {
      if (fileName === 'package.json' && dir !== root && !launchers.includes(dir)) continue;
      const file = path.join(dir, fileName);
      const text = project.readFile(file);
      if (text !== undefined) files.push({ file, text });
    }
  }
  const preloaded = new Set<string>();
  for (const d of files) {
    if (!launchers.includes(path.dirname(d.file))) continue;
    for (const m of d.text.matchAll(LOCAL_PRELOAD)) {
      const written = path.resolve(path.dirname(d.file), m[1]);
      const file = probeModule(stripExtension(written), written, (f) => project.readFile(f) !== undefined);
      if (file) preloaded.add(file);
    }
  }
  for (const file of preloadedWorkspaceModules(project, files)) preloaded.add(file);
  return { files, preloaded: [...preloaded].sort() };
}

/** Workspace packages that depend on the service's package and deploy it (a Dockerfile or Procfile of their own). */
function launcherDirs(project: ProjectModel, root: string, name: string | null): string[] {
  if (!name) return [];
  const out: string[] = [];
  for (const dir of project.workspacePackageDirs().values()) {
    if (dir === root || !project.packageFor(path.join(dir, 'package.json'))?.dependencies.has(name)) continue;
    if (['Dockerfile', 'Procfile'].some((f) => project.readFile(path.join(dir, f)) !== undefined)) out.push(dir);
  }
  return out.sort();
}

/**
 * The workspace modules a deployment preloads by package name, the workspace packages' modules those
 * import, and the modules of that package these import by relative path (one level each).
 */
function preloadedWorkspaceModules(project: ProjectModel, deployment: ReadonlyArray<{ file: string; text: string }>): string[] {
  const workspace = project.workspacePackageDirs();
  const out = new Set<string>();
  const add = (from: string, specifier: string): string | null => {
    const file = project.resolver.resolve(from, specifier);
    if (!file || out.has(file)) return null;
    out.add(file);
    return file;
  };
  const importsOf = (file: string) => [...(project.readFile(file) ?? '').matchAll(IMPORTED)].map((m) => m[1]);
  for (const d of deployment) {
    for (const m of d.text.matchAll(PACKAGE_PRELOAD)) {
      if (!workspace.has(packageNameOf(m[1]))) continue;
      const preloaded = add(d.file, m[1]);
      if (!preloaded) continue;
      for (const spec of importsOf(preloaded)) {
        if (!workspace.has(packageNameOf(spec))) continue;
        const imported = add(preloaded, spec);
        if (imported) for (const local of importsOf(imported)) if (local.startsWith('./')) add(imported, local);
      }
    }
  }
  return [...out].sort();
}
