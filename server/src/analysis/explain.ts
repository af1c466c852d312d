// `obs-lens explain <file>` (as `eslint --print-config`): what the engine believes about one file
// and why: its package, module style, logger library, the logger module a fix would import, the
// loggers in scope with the module each comes from, and the HTTP handlers in the file (from the
// handler model, full route paths with every mount prefix). Paths are absolute; the CLI prints them
// relative to the working directory.
import ts from './typescriptModule';
import { loggerImportSpecifier } from './findLogger';
import { buildInventory } from './handlers/inventory';
import type { FrameworkId, Place } from './handlers/types';
import type { ConfiguredLoggerModule } from './model/facts';
import type { ModuleDependencies } from './model/modules';
import { fileModuleStyle, parseSource } from './parse';
import { explainRole, type ProjectModel } from './project';
import type { RoleVerdict } from './roles';
import { bindFile } from './scopes';
import type { LoggerLibrary } from './types';
import { ValueResolver } from './values';

export interface LoggerInScope {
  /** The local name. */
  name: string;
  library: LoggerLibrary;
  /** The import specifier it comes through; null when it is made in this file. */
  specifier: string | null;
  /** The module file the specifier resolves to (null for a library such as `pino`, or a logger made here). */
  resolvedFile: string | null;
  /** The module that makes the logger (through barrels and re-exports); null when made in this file or by a library import. */
  origin: string | null;
}

export interface FileExplanation {
  file: string;
  repositoryRoot: string;
  package: { dir: string; name: string | null } | null;
  /** The tsconfig/jsconfig whose options resolve the file's imports; null when none applies. */
  tsconfig: string | null;
  /** Files that declare the repository's workspace packages (package.json, pnpm-workspace.yaml, lerna.json, nx.json). */
  workspaceDeclaredBy: string[];
  moduleStyle: { style: 'esm' | 'commonjs'; reason: string };
  library: { name: LoggerLibrary | null; reason: string };
  /** The logger module a fix would import: the specifier it writes, the module file, the export, and why this one. */
  loggerModule: { specifier: string | null; file: string | null; exportName: string; library: LoggerLibrary; reason: string } | { specifier: null; reason: string };
  loggersInScope: LoggerInScope[];
  /** The HTTP handlers registered in the file or whose function is in it, in file order. */
  handlers: HandlerInFile[];
  /** What the file is for (service, browser, test, script, build, cli...) and what decided it (roles/). */
  role: RoleVerdict;
}

export interface HandlerInFile {
  method: string;
  /** The full route path (every mount prefix applied); null when computed at run time. */
  path: string | null;
  /** When `path` is null: the path as far as it is known, `…` where a part is computed. */
  shownPath?: string;
  framework: FrameworkId;
  /** Where the route is registered (this file or another). */
  registered: Place;
  /** The handler function, when it could be followed. */
  handler: Place | null;
}

/**
 * `packageFiles`: the files of the file's package the model noted, for the handler model (a route
 * registered in one file may mount a router from another); without them no handler is listed.
 */
export function explainFile(project: ProjectModel, absPath: string, text: string, loggerModule: ConfiguredLoggerModule | null, packageFiles: readonly string[] = []): FileExplanation {
  const facts = project.factsFor(absPath, loggerModule);
  const sf = parseSource(absPath, text);
  // The file's own syntax decides how a fix imports, as in the analysis (analyze.ts).
  const own = fileModuleStyle(sf);
  const moduleStyle = own ? { style: own, reason: `the file's own ${own === 'esm' ? 'import/export' : 'require'} syntax` } : { style: facts.moduleStyle, reason: facts.reasons.moduleStyle };
  const module = facts.loggerModule;
  const styled = { ...facts, moduleStyle: moduleStyle.style };
  return {
    file: absPath,
    repositoryRoot: project.root,
    package: facts.package ? { dir: facts.package.dir, name: facts.package.name } : null,
    tsconfig: project.tsconfigs.forFile(absPath).configPath,
    workspaceDeclaredBy: project.workspaceDeclaration().sources,
    moduleStyle,
    library: { name: facts.library, reason: facts.reasons.library },
    loggerModule: module
      ? { specifier: loggerImportSpecifier(absPath, styled), file: module.file, exportName: module.exportName, library: module.library, reason: facts.reasons.loggerModule }
      : { specifier: null, reason: facts.reasons.loggerModule },
    loggersInScope: loggersInScope(project, absPath, sf),
    handlers: handlersInFile(project, absPath, packageFiles, loggerModule),
    role: explainRole(project, absPath, text),
  };
}

/** The handlers of the file's service that are registered in the file or point at a function in it. */
function handlersInFile(project: ProjectModel, absPath: string, packageFiles: readonly string[], loggerModule: ConfiguredLoggerModule | null): HandlerInFile[] {
  if (packageFiles.length === 0) return [];
  const out: HandlerInFile[] = [];
  for (const service of buildInventory(project, packageFiles, { loggerModule })) {
    for (const h of service.handlers) {
      if (h.file !== absPath && h.handler?.file !== absPath) continue;
      out.push({ method: h.method, path: h.path, ...(h.shownPath ? { shownPath: h.shownPath } : {}), framework: h.framework, registered: { file: h.file, line: h.line, column: h.column }, handler: h.handler });
    }
  }
  const lineHere = (h: HandlerInFile) => (h.registered.file === absPath ? h.registered.line : (h.handler?.line ?? 0));
  return out.sort((a, b) => lineHere(a) - lineHere(b));
}

/** Top-level names bound to a logger: imports followed to their module, and loggers made in the file. */
function loggersInScope(project: ProjectModel, absPath: string, sf: ts.SourceFile): LoggerInScope[] {
  const scopes = bindFile(sf);
  const record: ModuleDependencies = {};
  const values = new ValueResolver(scopes, project.linksFor(absPath, record));
  const out: LoggerInScope[] = [];
  for (const [name, decl] of scopes.get(sf) ?? []) {
    if (decl.kind !== 'import' && decl.kind !== 'value') continue;
    const v = values.declarationValue(decl);
    if (v?.t !== 'logger') continue;
    const specifier = decl.kind === 'import' ? decl.module : null;
    const resolvedFile = specifier ? project.resolver.resolve(absPath, specifier) : null;
    out.push({ name, library: v.lib, specifier, resolvedFile, origin: v.origin ?? null });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
