// The facts rules and fixes use about one file, all of them its package's own: the module style a
// fix imports in, the library whose argument order it writes, and the logger module it imports,
// each with the reason it was chosen (`obs-lens explain` prints them). A fix in package A uses A's
// logger module; when A has none, a workspace package's logger imported by the package's *name*,
// and only when A depends on that package; never a relative path into another package, never a
// module outside the repository root.
import * as path from 'node:path';
import type { FileKind, ProjectFacts } from '../rule';
import type { LoggerLibrary } from '../types';
import type { ModuleIndex } from './modules';
import { libraryOfPackage, type PackageInfo, packageRequestLogger } from './packages';
import { UNKNOWN_KEYS } from '../bunyanConfigText';
import { isInside, isPathSpecifier, packageNameOf, stripExtension } from './paths';
import type { ModuleResolver } from './resolver';
import type { LoggerExport } from './types';
import { configuresPinoErrorKeys, createsPino } from '../pinoConfigText';
import { winstonErrorKeysIn } from '../winstonConfigText';

/** A `loggerModule` setting and the folder it is relative to (its config file's folder). */
export interface ConfiguredLoggerModule {
  readonly specifier: string;
  readonly base: string;
  /** Where the setting came from (a config file path, `settings`), for explanations. */
  readonly source: string;
}

export interface FileFacts extends ProjectFacts {
  readonly package: PackageInfo | null;
  /** Whether a relative import written into this file must name the file's extension (Node's ES modules, nodenext resolution). */
  readonly explicitExtensions: boolean;
  readonly providesRequestLogger: boolean;
  /** Why each fact is what it is, in words for `explain`. */
  readonly reasons: { readonly moduleStyle: string; readonly library: string; readonly loggerModule: string };
  /** Changes whenever a fact a result depends on changes (cache validity). */
  readonly digest: string;
}

/** What facts are computed from: the model's parts, without the model itself (no import cycle). */
export interface FactsSource {
  readonly root: string;
  readonly resolver: ModuleResolver;
  readonly modules: ModuleIndex;
  /** Modules noted as creating and exporting a logger: path without extension → export name → library. */
  readonly loggerExports: ReadonlyMap<string, ReadonlyMap<string, LoggerLibrary>>;
  readonly fileStyles: ReadonlyMap<string, 'esm' | 'commonjs'>;
  /** The file noted under a module path without extension. */
  readonly notedFiles: ReadonlyMap<string, string>;
  packageFor(absPath: string): PackageInfo | null;
  /** Whether relative imports in the file must carry an extension (see FileFacts.explicitExtensions). */
  needsExplicitExtensions(absPath: string): boolean;
  workspacePackageDirs(): ReadonlyMap<string, string>;
  /** Files that configure an error format keeping stacks (`format.errors({ stack: true })`), learnt by noteFile. */
  readonly errorStackFormatFiles: ReadonlySet<string>;
  /** Files that configure winston's printf format (`format.splat()`), learnt by noteFile. */
  readonly splatFormatFiles: ReadonlySet<string>;
  /** Files whose winston format util.formats the message with every further argument, learnt by noteFile. */
  readonly appendingFormatFiles: ReadonlySet<string>;
  /** Files that configure pino to serialise errors under other keys than `err`, learnt by noteFile. */
  readonly pinoErrorKeyFiles: ReadonlySet<string>;
  readonly winstonErrorKeyFiles: ReadonlySet<string>;
  /** Files with a winston printf format that drops the meta's fields, learnt by noteFile. */
  readonly winstonFieldDroppingFiles: ReadonlySet<string>;
  readonly winstonStackDroppingFiles: ReadonlySet<string>;
  /** Files with a winston printf writing a record's stack in place of its message, learnt by noteFile. */
  readonly winstonStackForMessageFiles: ReadonlySet<string>;
  /** Files that create a pino logger, learnt by noteFile. */
  readonly pinoCreatorFiles: ReadonlySet<string>;
  /** Files that create a bunyan logger, and those that configure bunyan's serializers, learnt by noteFile. */
  readonly bunyanCreatorFiles: ReadonlySet<string>;
  /** Per file configuring bunyan's serializers, the keys they cover (`*`: some not readable), learnt by noteFile. */
  readonly bunyanSerializerKeys: ReadonlyMap<string, readonly string[]>;
  /** Specifiers each noted file imports a binding named `logger` or `log` from (loggerImports.ts). */
  readonly loggerImports: ReadonlyMap<string, readonly string[]>;
  /** What a file is for (roles/): a fix never imports a logger from a test's or a script's module. */
  roleOf(absPath: string): FileKind;
  /** A file's text (the workspace's, else the disk's). */
  readFile(absPath: string): string | undefined;
}

type LoggerModule = NonNullable<ProjectFacts['loggerModule']>;

interface Choice {
  module: LoggerModule | null;
  reason: string;
}

/** The facts every file of one package shares (under one `loggerModule` setting). */
export interface PackageFacts {
  readonly package: PackageInfo | null;
  readonly loggerModule: LoggerModule | null;
  readonly library: LoggerLibrary | null;
  readonly style: { readonly style: 'esm' | 'commonjs'; readonly reason: string };
  readonly providesRequestLogger: boolean;
  readonly winstonKeepsErrorStacks: boolean;
  readonly winstonFillsPlaceholders: boolean;
  readonly winstonAppendsArguments: boolean;
  readonly winstonDropsFields: boolean;
  readonly winstonDropsStacks: boolean;
  readonly winstonStackReplacesMessage: boolean;
  readonly pinoSerialisesOtherKeys: boolean;
  /** The fields-object keys the project's bunyan serializers cover; null when not known (taken to cover any key). */
  readonly bunyanSerializedKeys: readonly string[] | null;
  readonly winstonErrorKeys: readonly string[];
  readonly reasons: { readonly library: string; readonly loggerModule: string };
  /** The part of every file's digest these facts make. */
  readonly digest: string;
}

export function computePackageFacts(src: FactsSource, pkg: PackageInfo | null, configured: ConfiguredLoggerModule | null): PackageFacts {
  const choice = chooseLoggerModule(src, pkg, configured);
  const ownLibrary = libraryOfPackage(pkg);
  const library = choice.module?.library ?? ownLibrary;
  const libraryReason = choice.module
    ? `the logger module's library`
    : ownLibrary
      ? `${describePackage(src, pkg)} depends on ${ownLibrary === 'nestjs' ? '@nestjs/common' : ownLibrary}`
      : 'no logger library among the package dependencies (fixes write pino argument order)';
  const style = packageModuleStyle(src, pkg);
  const providesRequestLogger = packageRequestLogger(pkg) !== null;
  // Read project-wide: the format is often configured in a shared logger package, whatever the importing
  // package's own dependencies say (homarr's apps/websocket, with none, and apps/tasks, with pino for
  // something else, log through @homarr/core's winston logger). Only winston's calls ask.
  const winstonKeepsErrorStacks = src.errorStackFormatFiles.size > 0;
  // Project-wide as well, and whatever the package's own library: NodeBB has no package.json at its root.
  const winstonFillsPlaceholders = src.splatFormatFiles.size > 0;
  const winstonAppendsArguments = src.appendingFormatFiles.size > 0;
  // Project-wide: a printf format naming keys one by one drops the fields from the output it writes.
  const winstonDropsFields = src.winstonFieldDroppingFiles.size > 0;
  const winstonDropsStacks = src.winstonStackDroppingFiles.size > 0;
  const winstonStackReplacesMessage = src.winstonStackForMessageFiles.size > 0;
  // Project-wide too: a shared logger package configures the serializers its services log through.
  // When no noted file creates the pino logger (`obs-lens check packages/server` of a repository whose
  // logger is made in packages/shared), how it serialises is not known: taken as it might.
  // The logger module of another package the check did not note (Rallly's `@rallly/logger`) is read
  // for it: its pino's serializers are the ones its importers log through.
  const origin = choice.module?.origin && src.pinoCreatorFiles.size === 0 ? src.readFile(choice.module.origin) : undefined;
  const originCreates = origin !== undefined && origin.length < 2 * 1024 * 1024 && createsPino(origin);
  // Project-wide as the other formats, whatever the package's own library (Nango's services get winston
  // through @nangohq/utils): the keys a shared logger package's winston format serialises errors under.
  const winstonErrorKeys = src.winstonErrorKeyFiles.size > 0 ? [...new Set([...src.winstonErrorKeyFiles].flatMap((f) => winstonErrorKeysIn(src.readFile(f) ?? '')))].sort() : [];
  const pinoSerialisesOtherKeys = src.pinoErrorKeyFiles.size > 0 || (originCreates ? configuresPinoErrorKeys(origin) : src.pinoCreatorFiles.size === 0);
  // bunyan applies a serializer to a key of the fields object only where the logger has one for it (none
  // by default): elsewhere an error is written as `{}`. Not known when no noted file creates the logger,
  // or a file's serializers cannot be read (bunyanConfigText.ts).
  const bunyanSerializedKeys = src.bunyanCreatorFiles.size === 0 ? null : serializedKeys(src);
  return {
    package: pkg,
    loggerModule: choice.module,
    library,
    style,
    providesRequestLogger,
    winstonKeepsErrorStacks,
    winstonFillsPlaceholders,
    winstonAppendsArguments,
    winstonDropsFields,
    winstonDropsStacks,
    winstonStackReplacesMessage,
    pinoSerialisesOtherKeys,
    bunyanSerializedKeys,
    winstonErrorKeys,
    reasons: { library: libraryReason, loggerModule: choice.reason },
    // Written only when set: digests of projects without them stay as they were.
    digest: JSON.stringify([pkg?.dir ?? null, library, choice.module, providesRequestLogger, ...(winstonKeepsErrorStacks || winstonFillsPlaceholders ? [winstonKeepsErrorStacks] : []), ...(winstonFillsPlaceholders ? [winstonAppendsArguments ? 'util-format' : 'splat'] : []), ...(pinoSerialisesOtherKeys && (library === 'pino' || library === 'nestjs') ? ['pino-keys'] : []), ...(winstonErrorKeys.length > 0 ? [winstonErrorKeys] : []), ...(bunyanSerializedKeys?.length === 0 ? ['bunyan-plain'] : bunyanSerializedKeys ? [['bunyan-keys', ...bunyanSerializedKeys]] : []), ...(winstonDropsFields ? ['winston-message-only'] : []), ...(winstonDropsStacks ? ['winston-no-stack'] : []), ...(winstonStackReplacesMessage ? ['winston-stack-for-message'] : [])]),
  };
}

/** The keys every bunyan serializer the project configures covers, together; null when some cannot be read. */
function serializedKeys(src: FactsSource): string[] | null {
  const keys = new Set<string>();
  for (const found of src.bunyanSerializerKeys.values()) {
    if (found.includes(UNKNOWN_KEYS)) return null;
    for (const k of found) keys.add(k);
  }
  return [...keys].sort();
}

/** One file's facts: its package's, with the module style its own extension may decide. */
export function computeFacts(src: FactsSource, absPath: string, pkgFacts: PackageFacts): FileFacts {
  const { package: pkg, loggerModule, library, providesRequestLogger, winstonKeepsErrorStacks, winstonFillsPlaceholders, winstonAppendsArguments, winstonDropsFields, winstonDropsStacks, winstonStackReplacesMessage, pinoSerialisesOtherKeys, bunyanSerializedKeys, winstonErrorKeys } = pkgFacts;
  const ext = path.extname(absPath).toLowerCase();
  const style =
    ext === '.mjs' || ext === '.mts'
      ? { style: 'esm' as const, reason: `the file's ${ext} extension` }
      : ext === '.cjs' || ext === '.cts'
        ? { style: 'commonjs' as const, reason: `the file's ${ext} extension` }
        : pkgFacts.style;
  const explicitExtensions = src.needsExplicitExtensions(absPath);
  const isBin = !!pkg && pkg.binFiles.size > 0 && pkg.binFiles.has(stripExtension(absPath));
  const digest = `${pkgFacts.digest}|${style.style}|${isBin}|${explicitExtensions}`;
  return {
    root: src.root,
    package: pkg,
    explicitExtensions,
    library,
    moduleStyle: style.style,
    loggerModule,
    providesRequestLogger,
    winstonKeepsErrorStacks,
    winstonFillsPlaceholders,
    winstonAppendsArguments,
    winstonDropsFields,
    winstonDropsStacks,
    winstonStackReplacesMessage,
    pinoSerialisesOtherKeys,
    bunyanSerializedKeys,
    winstonErrorKeys,
    reasons: { moduleStyle: style.reason, ...pkgFacts.reasons },
    digest,
  };
}

function chooseLoggerModule(src: FactsSource, pkg: PackageInfo | null, configured: ConfiguredLoggerModule | null): Choice {
  let ignored = '';
  if (configured) {
    const c = configuredChoice(src, pkg, configured);
    if (c.module) return c;
    ignored = `${c.reason}; `;
  }
  const own = ownChoice(src, pkg);
  if (own) return { module: own.module, reason: ignored + own.reason };
  const dependency = workspaceDependencyChoice(src, pkg);
  if (dependency) return { module: dependency.module, reason: ignored + dependency.reason };
  const deps = pkg ? [...pkg.dependencies].filter((d) => src.workspacePackageDirs().has(d)) : [];
  const tail = deps.length > 0 ? `, nor does any workspace package it depends on (${deps.join(', ')})` : ', and it depends on no workspace package that does';
  return { module: null, reason: `${ignored}no module in ${describePackage(src, pkg)} makes and exports a logger${tail}: fixes that need one are not offered` };
}

/** The `loggerModule` setting: a path relative to its config's folder, or a specifier (a package, a paths alias). */
function configuredChoice(src: FactsSource, pkg: PackageInfo | null, configured: ConfiguredLoggerModule): Choice {
  const spec = configured.specifier.trim();
  const from = packageAnchor(src, pkg);
  const setting = `loggerModule "${spec}" (${configured.source})`;
  if (isPathSpecifier(spec)) {
    const abs = path.resolve(configured.base, spec);
    if (!isInside(src.root, abs)) return { module: null, reason: `${setting} is outside the repository root ${src.root}: ignored` };
    const file = src.resolver.resolve(path.join(configured.base, 'x.ts'), spec.startsWith('.') ? spec : abs);
    const target = src.packageFor(file ?? abs);
    if (pkg && target && target.dir !== pkg.dir) {
      // Another package's module is imported by that package's name, or not at all.
      const byName = target.name && pkg.dependencies.has(target.name) ? namedChoice(src, pkg, target.name, from) : null;
      if (byName) return { module: byName.module, reason: `${setting} is in package ${target.name}, imported by its name: ${byName.reason}` };
      return { module: null, reason: `${setting} is in another package (${describePackage(src, target)}) that ${describePackage(src, pkg)} cannot import by name: ignored` };
    }
    const loggers = file ? src.modules.summaryOf(file).loggers : new Map<string, LoggerExport>();
    const exportName = loggers.size > 0 ? preferredExport(loggers, target?.name ?? pkg?.name ?? null) : 'logger';
    const library = loggers.get(exportName === 'default' && !loggers.has('default') ? 'module.exports' : exportName)?.lib ?? libraryOfPackage(pkg) ?? 'pino';
    const module: LoggerModule = { absPath: stripExtension(file ?? abs), file, exportName, library };
    return { module, reason: `configured: ${setting}` + (file ? '' : ' (the file was not found; imported as configured)') };
  }
  const named = namedChoice(src, pkg, spec, from);
  if (named) return { module: named.module, reason: `configured: ${setting}; ${named.reason}` };
  const module: LoggerModule = { absPath: null, file: null, specifier: spec, exportName: 'logger', library: libraryOfPackage(pkg) ?? 'pino' };
  return { module, reason: `configured: ${setting} (not resolved from this package; imported as configured)` };
}

/** Roles whose modules the service's code may import a logger from. */
const LOGGER_MODULE_ROLES: ReadonlySet<FileKind> = new Set(['service', 'library']);

/**
 * The package's own logger module: among noted modules of this package that make and export a
 * logger, one named like one, then the shortest path. A test's helper or a script that makes its own
 * logger is no candidate (Etherpad's tests/backend/common.ts exports a log4js logger: a fix would
 * have imported the test suite into the server).
 */
function ownChoice(src: FactsSource, pkg: PackageInfo | null): Choice | null {
  const dir = pkg?.dir ?? null;
  const candidates = [...src.loggerExports.keys()].filter(
    (m) => (src.packageFor(m)?.dir ?? null) === dir && isInside(src.root, m) && LOGGER_MODULE_ROLES.has(src.roleOf(src.notedFiles.get(m) ?? m)),
  );
  const best = candidates.sort(compareModuleCandidates)[0];
  if (!best) return null;
  const elsewhere = loggerImportedElsewhere(src, dir, best, new Set(candidates));
  if (elsewhere) {
    return {
      module: null,
      reason: `${rel(src, src.notedFiles.get(best) ?? best)} makes and exports a logger, but ${elsewhere.files} files of ${describePackage(src, pkg)} import their logger from ${rel(src, elsewhere.module)} (${elsewhere.bestFiles} from it), which the model does not see as a logger it can write calls for: fixes that need a logger module are not offered`,
    };
  }
  const exports = src.loggerExports.get(best)!;
  const exportName = preferredExport(new Map([...exports].map(([k, lib]) => [k, { lib, origin: best }])), pkg?.name ?? null);
  const library = exports.get(exportName) ?? exports.get('module.exports')!;
  const absPath = best.replace(/[\\/]index$/, '');
  const others = candidates.length > 1 ? ` (of ${candidates.length} modules that export a logger, the one named like a logger module, then the shortest path)` : '';
  return {
    module: { absPath, file: src.notedFiles.get(best) ?? null, exportName, library },
    reason: `${rel(src, src.notedFiles.get(best) ?? best)} makes and exports \`${exportName}\` (${library}) in ${describePackage(src, pkg)}${others}`,
  };
}

/** At least this many files, and more than twice as many as import the chosen module, make another module the package's logger. */
const MIN_IMPORTERS_ELSEWHERE = 3;

/**
 * The module of this package that most of its service files import their logger from, when that is
 * not a module the model sees making a logger (`candidates`) and clearly outnumbers `best`'s
 * importers: Parse Server's `src/logger.js` facade, imported by dozens of files, against the raw
 * winston instance in `Adapters/Logger/WinstonLogger.js` that only the adapter imports.
 */
function loggerImportedElsewhere(src: FactsSource, dir: string | null, best: string, candidates: ReadonlySet<string>): { module: string; files: number; bestFiles: number } | null {
  const counts = new Map<string, number>();
  let bestFiles = 0;
  const resolved = new Map<string, string | null>();
  // A module whose exports the model sees holding a logger (a barrel re-exporting the logger
  // module: `lib/logger/index.ts`) is no module the files log around.
  const exportsALogger = new Map<string, boolean>();
  const chosen = best.replace(/[\\/]index$/, '');
  for (const [file, specifiers] of src.loggerImports) {
    if ((src.packageFor(file)?.dir ?? null) !== dir || !LOGGER_MODULE_ROLES.has(src.roleOf(file))) continue;
    // Each module once per file, however it is spelt (`./logger` and `./logger.js`).
    const targets = new Set<string>();
    for (const spec of specifiers) {
      // A bare specifier is a path alias (`@/lib/logger`) or another package, which resolves outside
      // this package's folder (workspaceDependencyChoice's business) or not at all (node_modules).
      const key = `${path.dirname(file)}\0${spec}`;
      let target = resolved.get(key);
      if (target === undefined) {
        const abs = src.resolver.resolve(file, spec);
        resolved.set(key, (target = abs ? stripExtension(abs).replace(/[\\/]index$/, '') : null));
        if (abs && target !== null && !exportsALogger.has(target)) exportsALogger.set(target, src.modules.summaryOf(abs).loggers.size > 0);
      }
      if (target === null || targets.has(target) || (src.packageFor(target)?.dir ?? null) !== dir) continue;
      targets.add(target);
      // The chosen module, or a barrel that re-exports a logger: importers of the logger the model sees.
      if (target === chosen || exportsALogger.get(target)) bestFiles++;
      else if (!candidates.has(target) && !candidates.has(`${target}${path.sep}index`)) counts.set(target, (counts.get(target) ?? 0) + 1);
    }
  }
  let top: [string, number] | null = null;
  for (const entry of counts) if (!top || entry[1] > top[1]) top = entry;
  return top && top[1] >= MIN_IMPORTERS_ELSEWHERE && top[1] > 2 * bestFiles ? { module: top[0], files: top[1], bestFiles } : null;
}

/** A workspace package this package depends on whose entry exports a logger, imported by its name. */
function workspaceDependencyChoice(src: FactsSource, pkg: PackageInfo | null): Choice | null {
  if (!pkg) return null;
  const from = packageAnchor(src, pkg);
  for (const name of [...pkg.dependencies].sort()) {
    const dir = src.workspacePackageDirs().get(name);
    // A package named only in devDependencies is not installed where this one runs (atproto's bsky
    // names @atproto/pds for its tests): importing its logger would fail there.
    if (!dir || dir === pkg.dir || pkg.devOnlyDependencies.has(name)) continue;
    const c = namedChoice(src, pkg, name, from);
    // Another package's logger for a part of it (OpenPanel's @openpanel/queue exports kafkaLogger and
    // queueLogger) would file this package's records under that part's name: not this package's logger.
    if (c && !isGeneralLoggerName(c.module!.exportName)) continue;
    if (c) return { module: c.module, reason: `${describePackage(src, pkg)} has no logger module of its own; it depends on workspace package ${name}: ${c.reason}` };
  }
  return null;
}

/** A module imported by a bare specifier from the package, when it resolves inside the repository and exports a logger. */
function namedChoice(src: FactsSource, _pkg: PackageInfo | null, specifier: string, from: string): Choice | null {
  const file = src.resolver.resolve(from, specifier);
  if (!file) return null;
  const loggers = src.modules.summaryOf(file).loggers;
  if (loggers.size === 0) return null;
  const exportName = preferredExport(loggers, packageNameOf(specifier));
  const entry = loggers.get(exportName) ?? loggers.get('module.exports')!;
  return {
    module: { absPath: stripExtension(file), file, specifier, exportName, library: entry.lib, ...(entry.origin ? { origin: entry.origin } : {}) },
    reason: `"${specifier}" resolves to ${rel(src, file)}, which exports \`${exportName}\` (${entry.lib}, made in ${rel(src, entry.origin)})`,
  };
}

function packageModuleStyle(src: FactsSource, pkg: PackageInfo | null): { style: 'esm' | 'commonjs'; reason: string } {
  if (pkg?.type === 'module') return { style: 'esm', reason: `${describePackage(src, pkg)} says "type": "module"` };
  if (pkg?.type === 'commonjs') return { style: 'commonjs', reason: `${describePackage(src, pkg)} says "type": "commonjs"` };
  let esm = 0;
  let cjs = 0;
  for (const [file, style] of src.fileStyles) {
    if ((src.packageFor(file)?.dir ?? null) !== (pkg?.dir ?? null)) continue;
    if (style === 'esm') esm++;
    else cjs++;
  }
  if (esm + cjs === 0) return { style: 'commonjs', reason: 'no "type" in package.json and no file of the package shows a style: CommonJS, Node\'s default' };
  const style = esm > cjs ? 'esm' : 'commonjs';
  return { style, reason: `most files of ${describePackage(src, pkg)} use ${style === 'esm' ? 'import/export' : 'require'} (${Math.max(esm, cjs)} of ${esm + cjs})` };
}

/** A file at the package's root: where resolutions made on the package's behalf start. */
function packageAnchor(src: FactsSource, pkg: PackageInfo | null): string {
  return path.join(pkg?.dir ?? src.root, '__package__.ts');
}

export function preferredExport(exports: ReadonlyMap<string, LoggerExport>, packageName: string | null = null): string {
  for (const name of PLAIN_LOGGER_NAMES) if (exports.has(name)) return name === 'module.exports' ? 'default' : name;
  const names = [...exports.keys()].sort();
  // Of a module's many loggers (atproto's pds: accountLogger, dbLogger, ... pdsLogger), the general
  // one, else the one named for its package; the first by name would be some subsystem's.
  // `@n8n/task-runner` names `taskRunnerLogger`: compared without case or punctuation.
  const own = packageName ? packageName.replace(/^.*\//, '').toLowerCase().replace(/[^a-z0-9]/g, '') : null;
  return names.find(isGeneralLoggerName) ?? names.find((n) => own !== null && loggerPrefix(n) === own) ?? names[0];
}

/** Export names that say nothing of a part of the program: a module's (or a package's) logger. */
const PLAIN_LOGGER_NAMES = ['logger', 'default', 'module.exports', 'log'];
/** Prefixes of `<prefix>Logger` that name no subsystem: the program's logger as a whole. */
const GENERAL_PREFIXES: ReadonlySet<string> = new Set(['app', 'application', 'main', 'root', 'base', 'default', 'global', 'shared', 'common', 'core', 'server', 'service', 'system', 'pino', 'winston', 'bunyan', 'log4js', 'console']);

/** `kafka` of `kafkaLogger` / `kafka_logger` (lower case); null for a name not of that shape. */
function loggerPrefix(name: string): string | null {
  const lower = name.toLowerCase();
  const suffix = lower.endsWith('logger') ? 'logger' : lower.endsWith('log') ? 'log' : null;
  if (!suffix || lower.length === suffix.length) return null;
  const prefix = lower.slice(0, -suffix.length).replace(/[^a-z0-9]/g, '');
  return prefix || null;
}

/** `logger`, a default export, or `appLogger`: a logger for any code, not one part's (`kafkaLogger`, `queueLogger`). */
function isGeneralLoggerName(name: string): boolean {
  if (PLAIN_LOGGER_NAMES.includes(name)) return true;
  const prefix = loggerPrefix(name);
  return prefix !== null && GENERAL_PREFIXES.has(prefix);
}

/** Among several modules exporting a logger, prefer one named like a logger module, then the shortest path. */
function compareModuleCandidates(a: string, b: string): number {
  const score = (p: string) => (/(^|[\\/])(logger|logging|log)([\\/]index)?$/i.test(p) ? 0 : 1);
  return score(a) - score(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function describePackage(src: FactsSource, pkg: PackageInfo | null): string {
  if (!pkg) return 'the files outside any package';
  const where = rel(src, pkg.dir) || '.';
  return pkg.name ? `package ${pkg.name} (${where})` : `the package at ${where}`;
}

function rel(src: FactsSource, p: string): string {
  return path.relative(src.root, p).split(path.sep).join('/');
}
