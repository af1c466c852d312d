// Module summaries on demand, and the links that follow one file's imports to them. Each file's
// links record what they consulted, as dependencies: every resolution (file + specifier → module)
// and every module summary seen (path → digest). A summary's digest covers what its importers can
// see, whatever the module took from others (a barrel's `export *`), so a result computed from them
// stays valid while each resolution and each digest is unchanged (stillValid recomputes them): that
// is how a change to the logger module re-checks the files that import it, and only those.
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import type { ModuleResolver } from './resolver';
import { EMPTY_SUMMARY, type ModuleSummary, type ModuleTree, parseModule, summariseModule, type SummaryLinks } from './summary';
import type { ExportedValue } from './types';
import type { LoggerLibrary } from '../types';
import { importedMetric } from '../metrics/exportedMetrics';

/**
 * What a result depends on besides its own text: `file\0specifier` → resolved path (or ''), module
 * path → summary digest, and a member another module may set on a module (MEMBER_KEY) → its setter (or '').
 */
export type ModuleDependencies = Record<string, string>;

interface SummaryEntry {
  readonly summary: ModuleSummary;
  readonly dependencies: ModuleDependencies;
}

export interface ModuleIndexDeps {
  readonly resolver: ModuleResolver;
  readFile(absPath: string): string | undefined;
  /** The library of the logger the file's package puts on requests (`req.log`), if any. */
  requestLogger(absPath: string): LoggerLibrary | null;
  /** The files that may put something on the global object (noteFile's ASSIGNS_GLOBAL); none when not given. */
  globalSources?(): Iterable<string>;
  /** The files that may set a member of another module's exports (noteFile's ASSIGNS_MODULE_MEMBER); none when not given. */
  memberSources?(): Iterable<string>;
  /** The files that may call another module's initialiser (moduleInitialisers.ts mayCallInitialiser); none when not given. */
  injectionSources?(): Iterable<string>;
}

/** Keys of member-setter dependencies (`assignedMember`): not a path, nor a `file\0specifier` resolution. */
const MEMBER_KEY = '\u0001member\0';

function memberKey(target: string, name: string, reader: string): string {
  return `${MEMBER_KEY}${target}\0${name}\0${reader}`;
}

/** Keys of initialiser-argument dependencies (`injectedArgument`): the module, the initialiser and the parameter. */
const INJECTED_KEY = '\u0001injected\0';

function injectedKey(target: string, member: string, index: number): string {
  return `${INJECTED_KEY}${target}\0${member}\0${index}`;
}

/**
 * Rounds a cycle is made at most until no module of it changes. Summaries only grow from round to
 * round; real cycles settle in two or three (Speckle's nine modules through its GraphQL types). A chain
 * of loggers each made from the last one round later (`a2 = b1.child()`, `b2 = a2.child()`...) needs a
 * round a link: past this many the last round's summaries are kept, and may then depend on which
 * module was asked first.
 */
const MAX_CYCLE_ROUNDS = 8;

const EMPTY_ENTRY: SummaryEntry = { summary: EMPTY_SUMMARY, dependencies: {} };

export class ModuleIndex {
  private readonly entries = new Map<string, SummaryEntry>();
  /** The modules being summarised, outermost first (a module met again here is an import cycle). */
  private readonly inProgress: string[] = [];
  /** What each module of a cycle still in the making summarised to the round before: what it shows when met again meanwhile. */
  private readonly previous = new Map<string, SummaryEntry>();
  /** The outermost position in `inProgress` that the summary being made met again (Infinity: none still open). */
  private reached = Infinity;
  /**
   * Summaries made from a cycle's summaries still in the making, with the outermost position they
   * reached: asked for again in the same round they are the same, so they are made once a round (a
   * generated GraphQL types module in Speckle's cycle is asked for by dozens of modules). When the
   * cycle is done they are kept with it.
   */
  private readonly pending = new Map<string, { entry: SummaryEntry; reached: number }>();
  /** The trees of a cycle's modules, summarised again each round, until the outermost summary asked for is done. */
  private readonly cycleTrees = new Map<string, ModuleTree>();
  /** Module → the summaries that consulted it (to drop them when it changes). */
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly deps: ModuleIndexDeps) {}

  /** Links for `file`: every import they follow is recorded in `record`. */
  linksFor(file: string, record: ModuleDependencies): SummaryLinks {
    // A file asks for the same specifier at every log call: resolved and recorded once (the record's
    // key is a new long string each time, hashed on every write).
    const resolved = new Map<string, string | null>();
    const resolve = (specifier: string): string | null => {
      const known = resolved.get(specifier);
      if (known !== undefined) return known;
      const target = this.deps.resolver.resolve(file, specifier);
      record[`${file}\0${specifier}`] = target ?? '';
      resolved.set(specifier, target);
      return target;
    };
    // Only the module itself is recorded, not what its summary consulted: its digest changes exactly
    // when what an importer can see changes, and stillValid recomputes it (what a barrel consulted is
    // its whole dependency tree: copied into every importer's record, it cost 12% of a pass on
    // GrowthBook and Outline).
    const summaryAt = (target: string): ModuleSummary => {
      const entry = this.entry(target);
      record[target] = entry.summary.digest;
      return entry.summary;
    };
    const requestLoggerOf = this.deps.requestLogger;
    let requestLogger: LoggerLibrary | null | undefined;
    return {
      filePath: file,
      get providesRequestLogger() {
        return (requestLogger ??= requestLoggerOf(file)) !== null;
      },
      get requestLoggerLibrary() {
        return (requestLogger ??= requestLoggerOf(file));
      },
      exportOf: (specifier, name) => {
        const target = resolve(specifier);
        return target ? exportedBy(summaryAt(target), name) : null;
      },
      isProjectModule: (specifier) => resolve(specifier) !== null,
      metricOf: (specifier, name) => {
        const target = resolve(specifier);
        return target ? importedMetric(summaryAt(target).metrics, name) : null;
      },
      summaryOf: (specifier) => {
        const target = resolve(specifier);
        return target ? summaryAt(target) : null;
      },
      // A member the module does not export, set on it by another module (YApi's entry: `yapi.commons = commons`).
      // Recorded found or not (a module may set it later), with the setter's digest where found.
      assignedMember: (specifier, name) => {
        const target = resolve(specifier);
        if (!target) return null;
        const found = this.memberSetter(target, name, file);
        record[memberKey(target, name, file)] = found?.source ?? '';
        if (!found) return null;
        summaryAt(found.source);
        return found.value;
      },
      // What another module hands this module's initialiser (Node-RED's `redNodes.init(runtime)`). Recorded
      // found or not, with the caller's digest where found.
      injectedArgument: (member, index) => {
        const found = this.injectionCaller(file, member, index);
        record[injectedKey(file, member, index)] = found?.source ?? '';
        if (!found) return null;
        summaryAt(found.source);
        return found.value;
      },
      // Recorded as a dependency only where found: most free names (`process.env`) are no logger.
      globalLogger: (path) => {
        for (const source of this.deps.globalSources?.() ?? []) {
          if (source === file) continue;
          const lib = this.entry(source).summary.globals.get(path);
          if (lib) {
            summaryAt(source);
            return lib;
          }
        }
        return null;
      },
    };
  }

  /** The summary of a module file (read through the project's reader unless `text` is given). */
  summaryOf(file: string, text?: string): ModuleSummary {
    return this.entry(file, text).summary;
  }

  /** Whether the summary of `file` was computed (so something may depend on it). */
  isKnown(file: string): boolean {
    return this.entries.has(file);
  }

  /** Drops the summary of a changed module and of every summary that consulted it; true when there was one. */
  invalidate(file: string): boolean {
    const had = this.entries.delete(file);
    const dependents = this.dependents.get(file);
    this.dependents.delete(file);
    for (const d of dependents ?? []) this.invalidate(d);
    return had;
  }

  /** Drops every summary (files were created or deleted: any resolution may now differ). */
  clear(): void {
    this.entries.clear();
    this.dependents.clear();
  }

  /** The module that sets `name` on `target`'s exports, and what it sets; null when none does (`reader` itself aside). */
  private memberSetter(target: string, name: string, reader: string): { source: string; value: ExportedValue } | null {
    for (const source of this.deps.memberSources?.() ?? []) {
      if (source === reader || source === target) continue;
      for (const a of this.entry(source).summary.memberAssignments ?? []) {
        if (a.member === name && this.deps.resolver.resolve(source, a.specifier) === target) return { source, value: a.value };
      }
    }
    return null;
  }

  /** The first module (by path) that hands `target`'s initialiser `member` a logging value as argument `index`, and that value. */
  private injectionCaller(target: string, member: string, index: number): { source: string; value: ExportedValue } | null {
    let found: { source: string; value: ExportedValue } | null = null;
    for (const source of this.deps.injectionSources?.() ?? []) {
      if (source === target || (found && source > found.source)) continue;
      for (const a of this.entry(source).summary.injectedArguments ?? []) {
        if (a.member === member && a.index === index && this.deps.resolver.resolve(source, a.specifier) === target) {
          found = { source, value: a.value };
          break;
        }
      }
    }
    return found;
  }

  /** Whether every recorded resolution, module digest and member setter is still what it was. */
  stillValid(recorded: Readonly<Record<string, string>>): boolean {
    for (const [key, value] of Object.entries(recorded)) {
      if (key.startsWith(INJECTED_KEY)) {
        const [target, member, index] = key.slice(INJECTED_KEY.length).split('\0');
        if ((this.injectionCaller(target, member, Number(index))?.source ?? '') !== value) return false;
        continue;
      }
      if (key.startsWith(MEMBER_KEY)) {
        const [target, name, reader] = key.slice(MEMBER_KEY.length).split('\0');
        if ((this.memberSetter(target, name, reader)?.source ?? '') !== value) return false;
        continue;
      }
      const nul = key.indexOf('\0');
      const now = nul >= 0 ? (this.deps.resolver.resolve(key.slice(0, nul), key.slice(nul + 1)) ?? '') : this.entry(key).summary.digest;
      if (now !== value) return false;
    }
    return true;
  }

  /**
   * The summary of `file`, computed once and kept. In an import cycle the summaries depend on each
   * other: a module met again while it is being summarised shows what it summarised to the round
   * before (nothing, at first), and the cycle's first module (the outermost one met again) makes
   * the whole cycle again until no module of it changes; then every module of it is kept, each with
   * what it consulted (so an edit of any drops the others). What is made from a cycle still in the
   * making is made once a round and kept only with the cycle. So every module gets the same summary
   * whichever file of the workspace asks first (the order files are analysed in is not the same on
   * one thread, with workers, and in the editor).
   */
  private entry(file: string, text?: string): SummaryEntry {
    const known = this.entries.get(file);
    if (known && text === undefined) return known;
    const at = this.inProgress.indexOf(file);
    if (at >= 0) {
      this.reached = Math.min(this.reached, at);
      return this.previous.get(file) ?? EMPTY_ENTRY;
    }
    const made = text === undefined ? this.pending.get(file) : undefined;
    if (made) {
      this.reached = Math.min(this.reached, made.reached);
      return made.entry;
    }
    const depth = this.inProgress.length;
    const outer = this.reached;
    try {
      let entry: SummaryEntry;
      let reached: number;
      for (let round = 1; ; round++) {
        this.reached = Infinity;
        this.inProgress.push(file);
        try {
          entry = this.summarise(file, text);
        } finally {
          this.inProgress.pop();
        }
        reached = this.reached;
        if (reached !== depth) break; // no cycle through this module still open, or one whose first module is further out
        // The first module of a cycle: the cycle's other modules are those made from it this round.
        const members = [...this.pending].filter(([, p]) => p.reached >= depth);
        for (const [f] of members) this.pending.delete(f);
        const digest = (f: string) => (this.previous.get(f) ?? EMPTY_ENTRY).summary.digest;
        const changed = entry.summary.digest !== digest(file) || members.some(([f, p]) => p.entry.summary.digest !== digest(f));
        if (!changed || round === MAX_CYCLE_ROUNDS) {
          for (const [f, p] of members) {
            this.previous.delete(f);
            this.keep(f, p.entry);
          }
          this.previous.delete(file);
          break;
        }
        this.previous.set(file, entry);
        for (const [f, p] of members) this.previous.set(f, p.entry);
      }
      if (reached >= depth) {
        this.keep(file, entry);
        reached = Infinity; // done: nothing still open was met
      } else {
        // Part of a cycle whose first module is further out: what was made beneath this one belongs to
        // that cycle too (a lowlink, as Tarjan's), not to a module that takes this position later.
        for (const p of this.pending.values()) if (p.reached >= depth) p.reached = reached;
        if (text === undefined) this.pending.set(file, { entry, reached });
      }
      this.reached = Math.min(outer, reached);
      return entry;
    } finally {
      // The outermost summary asked for: whatever it left (an exception included) goes with it.
      if (depth === 0) {
        this.pending.clear();
        this.previous.clear();
        this.cycleTrees.clear();
      }
    }
  }

  private summarise(file: string, text?: string): SummaryEntry {
    const source = text ?? this.deps.readFile(file);
    const dependencies: ModuleDependencies = {};
    let summary = EMPTY_SUMMARY;
    if (source !== undefined && source.length <= DEFAULT_MAX_FILE_BYTES) {
      try {
        let tree = this.cycleTrees.get(file);
        if (tree?.text !== source) tree = parseModule(file, source);
        const before = this.reached;
        this.reached = Infinity;
        summary = summariseModule(file, source, this.linksFor(file, dependencies), tree);
        // Met a module still in the making: this one may be summarised again, from the same tree.
        if (this.reached !== Infinity) this.cycleTrees.set(file, tree);
        this.reached = Math.min(before, this.reached);
      } catch {
        summary = EMPTY_SUMMARY; // a module that cannot be read as code exports nothing we can know
      }
    }
    return { summary, dependencies };
  }

  private keep(file: string, entry: SummaryEntry): void {
    this.entries.set(file, entry);
    for (const key of Object.keys(entry.dependencies)) {
      if (key.includes('\0')) continue;
      let set = this.dependents.get(key);
      if (!set) this.dependents.set(key, (set = new Set()));
      set.add(file);
    }
  }
}

/** What importing `name` from a module with this summary gives. */
function exportedBy(summary: ModuleSummary, name: string): ExportedValue | null {
  if (name === '*') {
    const whole = summary.loggers.get('module.exports');
    if (whole) return { t: 'logger', lib: whole.lib, origin: whole.origin };
    // `module.exports = log`, an object of level methods (a hand-rolled logger), when the module exports
    // nothing else by name: its members are the module's (else each name is looked up as a namespace's).
    const members = summary.objects.get('module.exports');
    const onlyWhole = summary.objects.size === 1 && summary.loggers.size === 0 && summary.functions.size === 0 && summary.classes.size === 0;
    if (members && onlyWhole) return { t: 'object', members };
    // `module.exports = LibraryScan`: requiring the module gives the class (Audiobookshelf's `new LibraryScan()`),
    // when the class is all it exports (`module.exports.logger = pino()` beside it is looked up by name).
    const cls = summary.classes.get('module.exports');
    const onlyClass = summary.classes.size === 1 && summary.loggers.size === 0 && summary.functions.size === 0 && summary.objects.size === 0;
    return cls && onlyClass ? { t: 'class', cls } : { t: 'namespace' };
  }
  const logger = summary.loggers.get(name) ?? (name === 'default' ? summary.loggers.get('module.exports') : undefined);
  if (logger) return { t: 'logger', lib: logger.lib, origin: logger.origin };
  const cls = summary.classes.get(name) ?? (name === 'default' ? summary.classes.get('module.exports') : undefined);
  if (cls) return { t: 'class', cls };
  const fn = summary.functions.get(name) ?? (name === 'default' ? summary.functions.get('module.exports') : undefined);
  if (fn) return { t: 'function', fn };
  const members = summary.objects.get(name) ?? (name === 'default' ? summary.objects.get('module.exports') : undefined);
  if (members) return { t: 'object', members };
  const type = summary.types.get(name);
  if (type) return { t: 'loggerType', lib: type };
  const callbacks = summary.callbackTypes.get(name);
  if (callbacks) return { t: 'callbackType', callbacks };
  const shape = summary.shapeTypes.get(name);
  if (shape) return { t: 'shapeType', members: shape };
  const context = summary.resolverTypes.get(name);
  if (context) return { t: 'resolversType', context };
  const factory = summary.factoryTypes.get(name);
  if (factory) return { t: 'factoryType', shape: factory };
  const trpc = summary.trpcBuilders.get(name);
  if (trpc) return { t: 'trpcBuilder', context: trpc };
  const loggerObject = summary.loggerObjects?.get(name) ?? (name === 'default' ? summary.loggerObjects?.get('module.exports') : undefined);
  if (loggerObject) return { t: 'loggerMembers', members: loggerObject };
  // The default import of a CommonJS module is its exports object: its members are looked up by name.
  if (name === 'default' && (summary.loggers.size > 0 || summary.classes.size > 0 || summary.functions.size > 0 || summary.objects.size > 0)) return { t: 'namespace' };
  return null;
}
