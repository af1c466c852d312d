// One file's evidence, strongest first: tests (by convention or test-runner configuration), the
// service's own entry points, what configuration names (scripts, bin, seeds, builds, entries),
// CLIs and folder/name conventions, then what the file's text says (a front-end framework, component kit or stylesheet import,
// 'use client', a service worker, statements on window or document), Next.js conventions, and last the weak fallbacks (public/,
// migrations/, `*.config.*`, then a front-end package or project, a browser tsconfig).
import * as path from 'node:path';
import { fallbackConvention, pathParts, testConvention, toolConvention } from './conventions';
import { browserImportOf, nextJsEvidence, nuxtEvidence, reactRouterEvidence } from './frontEnd';
import type { ProjectConfigs } from './projectConfigs';
import type { ScannedFile } from './scan';
import { runsAsTest } from './testRunners';
import type { Evidence, RoleProject } from './types';
import { isInside } from '../model/paths';

/** Libraries a Nest application runs terminal commands with (`@Command` handlers, `CommandService.exec()`, `CommandFactory.run()`). */
const COMMAND_FRAMEWORKS = ['nestjs-command', 'nest-commander'];

const NEXT_APP_MODULE: Evidence = { role: 'browser', why: 'a module of a Next.js app that no route handler or server code imports', weak: true };
const NUXT_APP_MODULE: Evidence = { role: 'browser', why: 'a module of a Nuxt app that no server route or server code imports', weak: true };

export function evidenceFor(project: RoleProject, configs: ProjectConfigs, file: string, scanned: ScannedFile | null): Evidence | null {
  const pkg = project.packageDirFor(file) ?? project.root;
  const parts = pathParts(relativeTo(project.root, file), relativeTo(pkg, file));
  const test = testConvention(parts);
  if (test) return test;
  const source = configs.typeScriptSourceOf(file);
  if (source) return { role: 'build', why: `compiled output of ${path.basename(source)} beside it (its source is checked instead)` };
  const named = configs.files.get(file);
  if (named?.role === 'test' || named?.role === 'service') return named;
  const runner = configs.runners.find((r) => runsAsTest(r, file));
  if (runner) return { role: 'test', why: `${runner.runner} runs it as a test (${runner.source})` };
  if (named) return named;
  const folder = configs.folders.find((f) => !f.evidence.weak && isInside(f.dir, file));
  if (folder) return folder.evidence;
  // A node script that starts a server itself (`http.createServer(app)`, `server.listen(port)`) is no
  // command: in bin/ it is the service's entry (express-generator's `bin/www`); elsewhere what else it
  // is decides (a scripts folder's development server).
  if (scanned?.shebang && !scanned.startsServer) return { role: 'cli', why: 'starts with #! (a command-line entry point)' };
  if (scanned?.shebang && path.basename(path.dirname(file)) === 'bin') return { role: 'service', why: "starts a server from bin/ (the service's entry, as express-generator's bin/www)" };
  // express-generator's `bin/www` kept as a module (your_spotify's `src/bin/www.ts`, whose startServer the entry calls).
  if (scanned?.startsServer && path.basename(path.dirname(file)) === 'bin' && /^www(?:\.[cm]?[jt]s)?$/.test(path.basename(file))) return { role: 'service', why: "starts a server from bin/www (express-generator's entry)" };
  // A Next.js route handler or API route is an endpoint the server serves, whatever its folders are
  // called: Umami serves its tracker at app/api/scripts/telemetry/route.ts.
  const next = configs.nextPackages.has(pkg) ? nextJsEvidence(relativeTo(pkg, file).split(path.sep).join('/')) : null;
  if (next?.role === 'service') return next;
  const nuxt = configs.nuxtPackages.has(pkg) ? nuxtEvidence(relativeTo(pkg, file).split(path.sep).join('/')) : null;
  if (nuxt?.role === 'service') return nuxt;
  const tool = toolConvention(parts);
  if (tool) return tool;
  if (scanned) {
    if (scanned.directive === 'use client') return { role: 'browser', why: "'use client' directive" };
    if (scanned.serviceWorker) return { role: 'browser', why: 'a service worker (listens for service-worker events on self)' };
    if (scanned.registersServiceWorker) return { role: 'browser', why: 'registers a service worker (navigator.serviceWorker)' };
    const browserImport = browserImportOf(scanned.specifiers, scanned.stylesheet);
    if (browserImport) return { role: 'browser', why: browserImport };
    // Weak: a module the server imports is isomorphic code that reaches for the page only on the
    // client (YApi's postmanLib: `window.crossRequest(options)` in one branch), and runs in the server too.
    if (scanned.usesPageGlobals) return { role: 'browser', why: 'sets or calls window or document in its statements (only a browser has them)', weak: true };
    // Weak: a server's module may register the same commands beside its HTTP app (then it is the server's).
    const commands = COMMAND_FRAMEWORKS.find((p) => scanned.specifiers.includes(p));
    if (commands) return { role: 'cli', why: `a command-line program on ${commands} (run from a terminal)`, weak: true };
  }
  if (next) return next;
  if (nuxt) return nuxt;
  if (configs.reactRouterPackages.has(pkg)) {
    const routes = reactRouterEvidence(relativeTo(pkg, file).split(path.sep).join('/'), scanned?.defaultExport ?? true);
    if (routes) return routes;
  }
  if (scanned?.directive === 'use server') return { role: 'service', why: "'use server' directive (server actions)" };
  // Weak: the path's own fallback conventions, else the deepest folder-wide evidence.
  const weak = fallbackConvention(parts) ?? configs.folders.find((f) => f.evidence.weak && isInside(f.dir, file) && (!f.ownPackageOnly || f.dir === pkg || !configs.isPackage(pkg)))?.evidence ?? null;
  if (weak) return weak;
  // A module of a Next.js app that no route handler or server code imports (HedgeDoc's unused
  // `src/api/group/index.ts`) is the app's front end: left as service code, it would make what it
  // imports (the app's request builder, its console-backed logger) server code too.
  if (next === null && configs.nextAppPackages.has(pkg)) return NEXT_APP_MODULE;
  // The same for a Nuxt app (Audiobookshelf's client/players/, imported by its components).
  return nuxt === null && configs.nuxtAppPackages.has(pkg) ? NUXT_APP_MODULE : null;
}

/** `file` relative to `dir`: a slice when it lies inside (nearly always), else path.relative. */
function relativeTo(dir: string, file: string): string {
  return file.startsWith(dir) && file[dir.length] === path.sep ? file.slice(dir.length + 1) : path.relative(dir, file);
}
