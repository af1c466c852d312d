// noteFile: what the project model learns from one workspace file, cheaply: whether it is a CLI
// (shebang), its module style, what it imports (for file roles), and whether it makes and exports
// a logger (a candidate for its package's logger module). Only files that mention a logger library
// are summarised here; any other module is summarised when an import first reaches it (model/modules.ts).
import * as path from 'node:path';
import { fileContextSources, mayHoldContextSource } from './context/fileSources';
import { type LoggerExports, type ProjectModel, stripExtension } from './project';
import { ASSIGNS_GLOBAL, ASSIGNS_MODULE_MEMBER } from './globalAssignments';
import { configuresPinoErrorKeys, createsPino } from './pinoConfigText';
import { bunyanSerializerKeysIn, UNKNOWN_KEYS } from './bunyanConfigText';
import { winstonAppendsArgumentsIn, winstonDropsFieldsIn, winstonErrorKeysIn, winstonFillsPlaceholdersIn, winstonStackReplacesMessageIn } from './winstonConfigText';
import { loggerImportSpecifiers } from './model/loggerImports';
import { assertedTexts } from './model/assertedTexts';
import { consoleMethodsSpied } from './model/consoleSpies';
import { mayCallInitialiser } from './moduleInitialisers';
import { isTestPath, mayPatchResolution } from './model/runtimeAliases';

const MENTIONS_LIBRARY = /['"](pino|winston|bunyan|log4js|@nestjs\/common)['"]/;
const MENTIONS_EXPORT = /\bexport\b|\bmodule\.exports\b|\bexports\./;
/** A call that creates a logger (or derives one), as it appears in text. */
const CREATION = String.raw`(?:new\s+)?(?:\w+\.)?(?:pino|createLogger|getLogger|Logger|child|default)\s*\(|require\(\s*['"]pino['"]\s*\)\s*\(`;
/** A declaration's type annotation, bounded to one line: an unbounded `[^=]+` ran to the end of the file from every declaration (quadratic). */
const ANNOTATION = String.raw`(?::[^=;\n]{1,200})?`;
const BOUND_TO_CREATION = new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*` + ANNOTATION + String.raw`=\s*(?:await\s+)?` + CREATION, 'g');
const EXPORTS_CREATION = new RegExp(String.raw`(?:export\s+default|export\s+(?:const|let|var)\s+[\w$]+\s*` + ANNOTATION + String.raw`=|module\.exports\s*=|exports\.[\w$]+\s*=)\s*(?:await\s+)?` + CREATION);

/** `bunyan.createLogger(`, `Bunyan.createLogger(`, `new bunyan(` (a file that names bunyan). */
const CREATES_BUNYAN = /\b[Bb]unyan\s*\.\s*createLogger\s*\(|\bnew\s+[Bb]unyan\s*\(/;
/** A logger's serializers: `serializers:` in its options, `addSerializers(`, bunyan's `stdSerializers`. */
const BUNYAN_SERIALIZERS = /\bserializers\s*:|\.addSerializers\s*\(|\bstdSerializers\b/;

/**
 * Cheap text test before parsing: could this file export a logger? True when it exports a creation
 * call directly, or exports a name bound to one. Only a filter: the parse decides.
 */
export function mayExportLogger(text: string): boolean {
  if (!MENTIONS_EXPORT.test(text)) return false;
  // An exported creation call, whatever module the factory comes from: OpenPanel's apps/api makes its
  // logger with `createLogger` of a workspace package (`export const logger = createLogger({ name: 'api' })`).
  if (EXPORTS_CREATION.test(text)) return true;
  // A name bound to a creation and exported later: only in a file naming a library (the pattern runs per binding).
  if (!MENTIONS_LIBRARY.test(text)) return false;
  for (const m of text.matchAll(BOUND_TO_CREATION)) {
    const name = m[1].replace(/\$/g, '\\$');
    const exported = new RegExp(
      String.raw`export\s+(?:const|let|var)\s+${name}\b|export\s+default\s+${name}\b|export\s*\{[^}]*\b${name}\b|module\.exports\s*=\s*${name}\b|module\.exports\s*=\s*\{[^}]*\b${name}\b|exports\.[\w$]+\s*=\s*${name}\b`,
    );
    if (exported.test(text)) return true;
  }
  return false;
}

export function noteFile(project: ProjectModel, absPath: string, text: string): void {
  const file = path.resolve(absPath);
  markMember(project.shebangFiles, file, /^\uFEFF?#!/.test(text));
  const readable = text.length < 2 * 1024 * 1024;
  // winston keeps an error's stack only with this format (error-not-serialized asks); a module that
  // may put a logger on the global object is read by every file's free names.
  if (markMember(project.errorStackFormatFiles, file, readable && configuresErrorStacks(text))) project.generation++;
  // winston fills `%s` from the arguments only with this format (unstructured-log-message asks).
  if (markMember(project.splatFormatFiles, file, readable && winstonFillsPlaceholdersIn(text))) project.generation++;
  // ...and appends what no placeholder takes with a util.format of its own.
  if (markMember(project.appendingFormatFiles, file, readable && winstonAppendsArgumentsIn(text))) project.generation++;
  // Whether winston writes a record's fields and an error's stack at all (the fixes moving values into fields ask).
  const winstonDrops = readable ? winstonDropsFieldsIn(text) : { fields: false, stacks: false };
  if (markMember(project.winstonFieldDroppingFiles, file, winstonDrops.fields)) project.generation++;
  if (markMember(project.winstonStackDroppingFiles, file, winstonDrops.stacks)) project.generation++;
  if (markMember(project.winstonStackForMessageFiles, file, readable && winstonStackReplacesMessageIn(text))) project.generation++;
  // The meta keys a project's own winston format serialises errors under (error-not-serialized asks).
  if (markMember(project.winstonErrorKeyFiles, file, readable && text.includes('winston') && winstonErrorKeysIn(text).length > 0)) project.generation++;
  // pino keeps an error only under `err` unless a serializer, errorKey or log formatter says otherwise (error-not-serialized asks).
  if (markMember(project.pinoErrorKeyFiles, file, readable && (text.includes('serializers') || text.includes('errorKey') || text.includes('formatters')) && configuresPinoErrorKeys(text))) project.generation++;
  if (markMember(project.pinoCreatorFiles, file, readable && createsPino(text))) project.generation++;
  // bunyan keeps an error in the fields object only with serializers (error-not-serialized asks).
  const bunyan = readable && (text.includes('bunyan') || text.includes('Bunyan'));
  if (markMember(project.bunyanCreatorFiles, file, bunyan && CREATES_BUNYAN.test(text))) project.generation++;
  // The keys its serializers cover, not only whether it has some: a key added changes which fields keep an error.
  if (markList(project.bunyanSerializerKeys, file, bunyan && BUNYAN_SERIALIZERS.test(text) ? (bunyanSerializerKeysIn(text) ?? [UNKNOWN_KEYS]) : [])) project.generation++;
  if (markMember(project.globalSources, file, readable && ASSIGNS_GLOBAL.test(text))) project.generation++;
  // Both reach other modules through what the file requires or imports.
  const importsModules = readable && (text.includes('require(') || text.includes('import '));
  if (markMember(project.memberSources, file, importsModules && ASSIGNS_MODULE_MEMBER.test(text))) project.generation++;
  if (markMember(project.injectionSources, file, importsModules && mayCallInitialiser(text))) project.generation++;
  // A module patching Node's resolution with a table of names (MagicMirror's `require("logger")`); not a test's module stubs.
  project.noteResolutionHook(file, readable && mayPatchResolution(text) && !isTestPath(path.relative(project.root, file)) ? text : null);
  project.roles.note(file, text);
  // Its importers read for metric uses (metricModules.ts): they were analysed without them before.
  if (project.metricModules.note(file, text)) project.generation++;
  const style = /^\s*(import|export)\s/m.test(text) ? 'esm' : /\brequire\(|\bmodule\.exports\b|\bexports\./.test(text) ? 'commonjs' : null;
  if (style) project.fileStyles.set(file, style);
  else project.fileStyles.delete(file);

  // A module others imported was summarised: when what it exports changes, their results may change.
  const before = project.modules.isKnown(file) ? project.modules.summaryOf(file).digest : null;
  project.modules.invalidate(file);
  let exports: LoggerExports | undefined;
  let digest: string | null = null;
  if (text.length < 2 * 1024 * 1024 && mayExportLogger(text)) {
    const summary = project.modules.summaryOf(file, text);
    exports = new Map([...summary.loggers].map(([name, v]) => [name, v.lib]));
    digest = summary.digest;
  }
  const after = before !== null ? (digest ?? project.modules.summaryOf(file, text).digest) : null;
  const key = stripExtension(file);
  const previous = project.loggerExports.get(key);
  if (exports && exports.size) {
    project.loggerExports.set(key, exports);
    project.notedFiles.set(key, file);
  } else {
    project.loggerExports.delete(key);
    project.notedFiles.delete(key);
  }
  if (noteContextSources(project, file, text)) project.generation++;
  // Where the file imports its logger from: a package that mostly does so from a module the model
  // does not see as a logger gets no fix importing another one (facts.ts).
  if (markList(project.loggerImports, file, readable ? loggerImportSpecifiers(text) : [])) project.generation++;
  // What the file's tests assert log calls were made with: a fix rewriting such a message is not applied by fix-all.
  if (markList(project.assertedTexts, file, readable ? assertedTexts(text) : [])) project.generation++;
  // Which console methods the file's tests spy on and assert: a fix moving such a call in a module they import is not applied.
  if (markList(project.consoleSpies, file, readable ? consoleMethodsSpied(text) : [])) project.generation++;
  if (before !== after || JSON.stringify([...(previous ?? [])]) !== JSON.stringify([...(exports ?? [])])) project.generation++;
}

/**
 * A deleted file: every fact noteFile learnt from it goes (it is noted as empty text, which holds
 * none), and its role with it. True when the model's facts changed: a winston format that dropped
 * fields, a logger module, a context source gone change what other files' fixes write.
 */
export function forgetFile(project: ProjectModel, absPath: string): boolean {
  const before = project.generation;
  noteFile(project, absPath, '');
  project.roles.forget(path.resolve(absPath));
  return project.generation !== before;
}

/** Keeps `file`'s list in `map` (none when empty); true when that changed it. */
function markList(map: Map<string, string[]>, file: string, list: string[]): boolean {
  const before = map.get(file) ?? [];
  if (list.length > 0) map.set(file, list);
  else map.delete(file);
  return list.join('\0') !== before.join('\0');
}

/** Puts `file` in or out of `set`; true when that changed it. */
function markMember(set: Set<string>, file: string, member: boolean): boolean {
  if (member === set.has(file)) return false;
  if (member) set.add(file);
  else set.delete(file);
  return true;
}

/** Notes the request-context sources the file sets up; true when they changed. */
function noteContextSources(project: ProjectModel, file: string, text: string): boolean {
  const previous = project.contextSources.get(file);
  let sources: ReturnType<typeof fileContextSources> = [];
  if (text.length < 2 * 1024 * 1024 && mayHoldContextSource(text)) {
    try {
      sources = fileContextSources(file, text);
    } catch {
      sources = []; // a file too deep to walk sets up nothing we can know
    }
  }
  if (sources.length) project.contextSources.set(file, sources);
  else project.contextSources.delete(file);
  return JSON.stringify(previous ?? []) !== JSON.stringify(sources);
}

/**
 * Whether the text calls `errors({ ... stack ... })` (winston's format keeping stacks), or writes a
 * format that reads an Error's stack: each `errors(` and `instanceof Error` looked at once, over a
 * bounded window, so text made of many of them stays linear.
 */
export function configuresErrorStacks(text: string): boolean {
  for (let at = text.indexOf('errors('); at >= 0; at = text.indexOf('errors(', at + 7)) {
    const window = text.slice(at + 7, at + 7 + 120);
    const close = window.indexOf('}');
    const inside = close >= 0 ? window.slice(0, close) : window;
    if (/^\s*\{/.test(inside) && /\bstack\b/.test(inside)) return true;
  }
  // A format of the project's own doing the same (node-express-boilerplate's `enumerateErrorFormat`:
  // `winston.format((info) => { if (info instanceof Error) Object.assign(info, { message: info.stack }) })`).
  if (!text.includes('format(')) return false;
  for (let at = text.indexOf('instanceof Error'); at >= 0; at = text.indexOf('instanceof Error', at + 16)) {
    if (/\.stack\b/.test(text.slice(at + 16, at + 16 + 200))) return true;
  }
  return false;
}
