// Where a project says its front end starts, read as text: the scripts an index.html loads, the
// Angular/Nx projects and their `main`/`browser` entries, webpack entries (and whether webpack
// builds for Node), a tsconfig with the DOM library and no Node types, Next.js file conventions,
// and the framework a file imports.
import * as path from 'node:path';
import { isObject } from './manifest';
import { isInside } from '../model/paths';
import { readJsonc } from './configText';
import type { Evidence } from './types';
import { reactRouterRouteOf } from '../handlers/paths';

/** The `src` of each `<script>` tag, in order (local paths only; query strings dropped). */
export function htmlScriptSources(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('<script'), end = 0; at >= 0; at = lower.indexOf('<script', end)) {
    end = lower.indexOf('>', at);
    if (end < 0) break;
    const tag = text.slice(at, end);
    const m = /\ssrc\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (m && !/^([a-z]+:)?\/\//i.test(m[1])) out.push(m[1].split(/[?#]/)[0]);
  }
  return out;
}

/** A front-end project of an angular.json or an Nx project.json: its folder (all browser code) and entries. */
export interface FrontEndProject {
  readonly dir: string;
  readonly why: string;
  /** Absolute paths as written (`main`, `browser`, `polyfills`), without probing. */
  readonly entries: readonly string[];
}

const FRONT_END_TOOL = /@angular|@schematics\/angular|@nx\/(angular|react|vue|web)|@nrwl\/(angular|react|web)|@storybook\/(angular|react|vue)/;

/** The build options' entry files of an Angular builder / Nx executor target. */
function targetEntries(target: unknown, workspaceRoot: string): string[] {
  if (!isObject(target) || !isObject(target.options)) return [];
  const out: string[] = [];
  for (const key of ['main', 'browser', 'polyfills']) {
    const v = target.options[key];
    for (const file of typeof v === 'string' ? [v] : Array.isArray(v) ? v : []) {
      if (typeof file === 'string' && /\.[cm]?[jt]sx?$/.test(file)) out.push(path.resolve(workspaceRoot, file));
    }
  }
  return out;
}

/** The projects of an angular.json whose builders are Angular's (every project in it, in practice). */
export function angularJsonProjects(file: string, text: string | undefined): FrontEndProject[] {
  const json = readJsonc(file, text);
  if (!json || !isObject(json.projects)) return [];
  const workspaceRoot = path.dirname(file);
  const out: FrontEndProject[] = [];
  for (const [name, project] of Object.entries(json.projects)) {
    if (!isObject(project)) continue;
    const targets = isObject(project.architect) ? project.architect : isObject(project.targets) ? project.targets : {};
    const builders = Object.values(targets).map((t) => (isObject(t) ? String(t.builder ?? t.executor ?? '') : ''));
    if (!builders.some((b) => FRONT_END_TOOL.test(b))) continue;
    const root = typeof project.root === 'string' ? project.root : '';
    out.push({ dir: path.resolve(workspaceRoot, root), why: `Angular project "${name}" in ${path.basename(file)}`, entries: targetEntries(targets.build, workspaceRoot) });
  }
  return out;
}

/** An Nx project.json built or served by a front-end executor (Angular, React, Vue, web), else null. */
export function nxFrontEndProject(file: string, text: string | undefined, workspaceRoot: string): FrontEndProject | null {
  const json = readJsonc(file, text);
  if (!json) return null;
  const targets = isObject(json.targets) ? json.targets : {};
  const tools = [
    // A bundler told to build for Node (`"target": "node"`, esbuild's `"platform": "node"`) builds a server (Amplication's NestJS apps).
    ...Object.values(targets).map((t) => (isObject(t) && !buildsForNode(t) ? String(t.executor ?? t.builder ?? '') : '')),
    ...(isObject(json.generators) ? Object.keys(json.generators) : []),
  ];
  const tool = tools.find((t) => FRONT_END_TOOL.test(t));
  if (!tool) return null;
  const name = typeof json.name === 'string' ? json.name : path.basename(path.dirname(file));
  return { dir: path.dirname(file), why: `Nx project "${name}" uses ${tool.split(':')[0]}`, entries: targetEntries(targets.build, workspaceRoot) };
}

/** Whether an Nx target's options build for Node. */
function buildsForNode(target: Record<string, unknown>): boolean {
  const options = isObject(target.options) ? target.options : {};
  return options.target === 'node' || options.platform === 'node';
}

/** What a webpack config builds for, and the relative source paths it names (its entries among them). */
export function webpackTargetsNode(text: string): boolean {
  return /\btarget\s*:\s*['"`](?:async-)?node/.test(text) || /\bexternalsPresets\s*:\s*\{\s*node\s*:\s*true/.test(text);
}

/** Relative paths of source files among a config's string literals. */
export function sourcePathsIn(literals: readonly string[]): string[] {
  return literals.filter((s) => /^\.{1,2}\/[^*?{}]*$/.test(s) && !/\.(css|scss|sass|less|html|json|svg|png|jpe?g|gif|md)$/i.test(s));
}

const DOM_LIBRARY = /^dom(\.|$)/i;

/**
 * Whether the tsconfig at `file` targets a browser: the DOM library and no Node types (`types`
 * set without "node", or unset in a package without @types/node). Relative `extends` are followed.
 */
export function tsconfigTargetsBrowser(
  file: string,
  readFile: (p: string) => string | undefined,
  hasNodeTypesPackage: boolean,
  packageDir: (name: string) => string | null = () => null,
): boolean {
  let lib: unknown;
  let types: unknown;
  let current: string | null = file;
  for (let depth = 0; current && depth < 5 && (lib === undefined || types === undefined); depth++) {
    const json = readJsonc(current, readFile(current));
    if (!json) break;
    const options = isObject(json.compilerOptions) ? json.compilerOptions : {};
    if (lib === undefined && 'lib' in options) lib = options.lib;
    if (types === undefined && 'types' in options) types = options.types;
    current = extendedConfig(current, json.extends, packageDir);
  }
  if (!Array.isArray(lib) || !lib.some((l) => typeof l === 'string' && DOM_LIBRARY.test(l))) return false;
  if (Array.isArray(types)) return !types.includes('node');
  return !hasNodeTypesPackage;
}

/**
 * The folders a tsconfig's own `include` (or `files`) covers, each pattern's part before its first
 * wildcard (`src/**\/*` → src); the config's folder when it names none or a pattern starts with one;
 * none for file entries and patterns of the folder's own files only.
 */
export function includedFolders(config: string, text: string | undefined, folder: string): string[] {
  const json = readJsonc(config, text);
  const patterns = [json?.include, json?.files].flatMap((v) => (Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []));
  if (patterns.length === 0) return [folder];
  const out = new Set<string>();
  for (const pattern of patterns) {
    const fixed = pattern.split(/[*?{[]/)[0];
    // A file (`env.d.ts`, `src/vite-env.d.ts`) covers itself only, and a pattern of the folder's own
    // files (`*.ts`) none of its subfolders: neither makes a folder the browser's.
    if (fixed === pattern && /\.[cm]?[jt]sx?$/.test(pattern)) continue;
    if (!pattern.includes('/') && !pattern.includes('**') && /[*?]/.test(pattern)) continue;
    const dir = path.resolve(path.dirname(config), fixed);
    if (!isInside(folder, dir) && dir !== folder) continue;
    if (dir === folder) return [folder];
    out.add(dir);
  }
  return [...out];
}

/**
 * The file a tsconfig's `extends` names: relative (`./base`), or in a workspace package by its name
 * (`@acme/tsconfig/sdk.json`, read from the package's folder, installed or not).
 */
function extendedConfig(from: string, ext: unknown, packageDir: (name: string) => string | null): string | null {
  if (typeof ext !== 'string' || !ext) return null;
  const withJson = (p: string) => (p.endsWith('.json') ? p : `${p}.json`);
  if (ext.startsWith('.')) return path.resolve(path.dirname(from), withJson(ext));
  const parts = ext.split('/');
  const nameLength = ext.startsWith('@') ? 2 : 1;
  const dir = parts.length > nameLength ? packageDir(parts.slice(0, nameLength).join('/')) : null;
  return dir ? path.join(dir, withJson(parts.slice(nameLength).join('/'))) : null;
}

/**
 * Component kits only a front end imports: server rendering renders the app, whose components
 * import these (React itself is no evidence: emails, CLIs and server components render it too).
 */
const UI_KITS: ReadonlySet<string> = new Set([
  'antd', '@ant-design/icons', '@mui/material', '@material-ui/core', '@chakra-ui/react', 'react-bootstrap',
  '@blueprintjs/core', 'semantic-ui-react', 'element-ui', 'element-plus', 'vuetify',
]);
/**
 * Capacitor's and Ionic's runtime packages and Capacitor's plugins (`@capacitor/core`,
 * `@capacitor-community/sqlite`, `@transistorsoft/capacitor-background-fetch`): they run only in a
 * mobile app's web view (Saltcorn's mobile app), never in Node. Not their command-line tools
 * (`@capacitor/cli`, `@capacitor/assets`, `@ionic/cli`), which a build script imports.
 */
function isMobileWebViewPackage(specifier: string): boolean {
  // Nor Ionic's server rendering (`@ionic/core/hydrate`) or Capacitor's Electron platform (its main process is Node).
  if (/^@capacitor\/(?:cli|assets)(?:\/|$)/.test(specifier) || /^@ionic\/core\/hydrate(?:\/|$)/.test(specifier) || /^@capacitor-community\/electron(?:\/|$)/.test(specifier)) return false;
  if (/^@(?:capacitor|capacitor-community)\//.test(specifier) || /^@ionic\/(?:core|react|angular|vue)(?:\/|$)/.test(specifier)) return true;
  // A plugin package named for Capacitor, scoped or not (`capacitor-plugin-x`, `@acme/capacitor-x`).
  return /^(?:@[\w.-]+\/)?capacitor-[\w.-]+(?:\/|$)/.test(specifier);
}

/**
 * Why the file's imports make it browser code, or null: a framework module that only runs in a
 * browser (server rendering has its own entry points), a component kit, or a stylesheet (only a
 * bundler loads one from a module, for a page: Node cannot).
 */
export function browserImportOf(specifiers: readonly string[], stylesheet: string | null): string | null {
  for (const s of specifiers) {
    const framework = (s.startsWith('@angular/') && !/^@angular\/(platform-server|ssr)\b/.test(s)) || s === 'react-dom' || s === 'react-dom/client' || s === 'vue' || s === 'svelte' || s === 'preact';
    if (framework) return `imports ${s} (front-end framework)`;
    if (UI_KITS.has(s)) return `imports ${s} (a front end's component kit)`;
    if (isMobileWebViewPackage(s)) return `imports ${s} (runs in a mobile app's web view: Capacitor or Ionic)`;
  }
  return stylesheet ? `imports the stylesheet ${stylesheet} (only a bundler loads one, for a page)` : null;
}

/** The files Next.js's app router renders (besides route handlers). */
const NEXT_APP_FILES = new Set(['page', 'layout', 'template', 'loading', 'error', 'global-error', 'not-found', 'default']);

/**
 * Next.js's file conventions inside a package that depends on `next`: route handlers, API routes,
 * middleware and instrumentation run on the server; pages and components under app/ and pages/
 * are front-end code. `rel` is relative to the package, with `/`.
 */
export function nextJsEvidence(rel: string): Evidence | null {
  const inside = rel.replace(/^src\//, '');
  const base = path.posix.basename(inside).replace(/\.[^.]+$/, '');
  if (inside.startsWith('app/') && base === 'route') return { role: 'service', why: 'Next.js route handler (app/**/route)' };
  if (inside.startsWith('pages/api/')) return { role: 'service', why: 'Next.js API route (pages/api/)' };
  // `proxy` is Next.js 16's name for the middleware (Postiz's apps/frontend/src/proxy.ts).
  if (!inside.includes('/') && (base === 'middleware' || base === 'proxy' || base === 'instrumentation')) return { role: 'service', why: `Next.js ${base} (runs on the server)` };
  const page = inside.startsWith('pages/') || (inside.startsWith('app/') && (NEXT_APP_FILES.has(base) || /\.(tsx|jsx)$/.test(inside)));
  if (page) return { role: 'browser', why: `Next.js ${inside.split('/')[0]}/ page or component` };
  return null;
}

/** Nuxt's folders of the app that renders pages (Nuxt 2's store/ and mixins/, Nuxt 3's composables/). */
const NUXT_APP_DIRS = new Set(['components', 'pages', 'layouts', 'plugins', 'store', 'stores', 'middleware', 'mixins', 'composables']);

/**
 * Nuxt's folder conventions inside a package that depends on `nuxt`: server/ (api, routes,
 * middleware, plugins) runs in Nitro, the server; pages, layouts, components, plugins, the store and
 * route middleware are the app the browser runs (rendered on the server too under SSR, as Next.js's
 * pages are). Nuxt 4 keeps them under app/, Nuxt 2 projects often under src/. `rel` is relative to
 * the package, with `/`; other modules are decided by who imports them.
 */
export function nuxtEvidence(rel: string): Evidence | null {
  if (rel.startsWith('server/')) return { role: 'service', why: 'Nuxt server route or middleware (server/)' };
  const parts = rel.replace(/^(?:app|src)\//, '').split('/');
  if (parts.length > 1 && NUXT_APP_DIRS.has(parts[0])) return { role: 'browser', why: `Nuxt ${parts[0]}/ (the app the browser runs)` };
  return null;
}

/**
 * React Router (framework mode) and Remix file conventions inside a package that depends on them:
 * the server entry and `*.server.*` modules (or a `.server/` folder) run on the server; the client
 * entry, `*.client.*` modules, route modules and components under app/ are front-end code (a page's
 * loader and action run on the server, but roles are per file); a route module with no component is a
 * resource route, server code. `rel` is relative to the package, with `/`; other .ts modules under
 * app/ are decided by who imports them.
 */
export function reactRouterEvidence(rel: string, hasComponent: boolean): Evidence | null {
  if (!rel.startsWith('app/')) return null;
  const base = path.posix.basename(rel);
  if (/^entry\.server\.[cm]?[jt]sx?$/.test(base)) return { role: 'service', why: 'React Router / Remix server entry (app/entry.server)' };
  if (/\.server\.[cm]?[jt]sx?$/.test(base) || rel.includes('/.server/')) return { role: 'service', why: 'React Router / Remix server-only module (*.server / .server/)' };
  if (/^entry\.client\.[cm]?[jt]sx?$/.test(base) || /\.client\.[cm]?[jt]sx?$/.test(base) || rel.includes('/.client/')) return { role: 'browser', why: 'React Router / Remix client-only module' };
  // A route module without a component is a resource route: an HTTP endpoint, server code.
  if (!hasComponent && reactRouterRouteOf(rel) !== null) return { role: 'service', why: 'React Router / Remix resource route (a loader or action, no component)' };
  if (/\.[jt]sx$/.test(base)) return { role: 'browser', why: 'React Router / Remix route module or component under app/ (its loader and action run on the server)' };
  return null;
}
