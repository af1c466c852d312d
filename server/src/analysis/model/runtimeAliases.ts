// Bare specifiers a service maps to its own files at run time, where no compiler option says so:
// module-alias's `_moduleAliases` in package.json (`"logger": "js/logger.js"`, `"@root": "."`), and a
// module of the project that patches Node's `Module._resolveFilename` with a table of its own
// (MagicMirror's js/alias-resolver.js: `const ALIASES = { logger: "js/logger.js" }`, so that every
// `require("logger")` is its console-backed Log). Read as data: names and relative paths, nothing run.
import * as path from 'node:path';

/** Name → absolute path of what it stands for (a file, or a folder a prefix maps). */
export type RuntimeAliases = ReadonlyMap<string, string>;

/** `_moduleAliases` of a package.json object, its paths relative to the package's folder. */
export function moduleAliasesOf(json: Record<string, unknown>, dir: string): RuntimeAliases {
  const out = new Map<string, string>();
  const block = json._moduleAliases;
  if (!block || typeof block !== 'object' || Array.isArray(block)) return out;
  for (const [name, target] of Object.entries(block)) {
    if (typeof target === 'string' && isAliasName(name) && isRelativeTarget(target)) out.set(name, path.resolve(dir, target));
  }
  return out;
}

/** Whether a module's text may patch Node's resolution (the cheap test before it is read). */
export function mayPatchResolution(text: string): boolean {
  return text.includes('_resolveFilename');
}

/**
 * The table of a module that patches `Module._resolveFilename`: its `name: "relative/path.js"`
 * properties, each path taken from the package's folder when a file is there, else from the module's.
 */
export function resolveHookAliases(text: string, file: string, packageDir: string, exists: (absPath: string) => boolean): RuntimeAliases {
  const out = new Map<string, string>();
  if (!mayPatchResolution(text)) return out;
  for (const m of text.matchAll(TABLE_ENTRY)) {
    const [, quotedName, bareName, target] = m;
    const name = quotedName ?? bareName;
    if (!isAliasName(name) || !isRelativeTarget(target)) continue;
    const candidates = [path.resolve(packageDir, target), path.resolve(path.dirname(file), target)];
    const found = candidates.find(exists);
    if (found) out.set(name, found);
  }
  return out;
}

/** Whether two texts of a hook module give the same table (its entries, in order): other edits to it change no resolution. */
export function sameTable(a: string, b: string): boolean {
  const entries = (t: string) => [...t.matchAll(TABLE_ENTRY)].map((m) => m[0]).join('\n');
  return mayPatchResolution(a) === mayPatchResolution(b) && entries(a) === entries(b);
}

/** A test's file by its path (`test/`, `__tests__/`, `__mocks__/`, `*.test.js`, `*.spec.ts`): its resolution hooks stub modules for tests. */
export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file.split(path.sep).join('/'));
}

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|__mocks__|spec|specs)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** What `specifier` stands for by one of the tables: an exact name, or a name followed by `/rest` (module-alias's prefixes). */
export function aliasTarget(aliases: RuntimeAliases, specifier: string): string | null {
  const exact = aliases.get(specifier);
  if (exact !== undefined) return exact;
  // The longest name that is a prefix ending at a `/` (`@lib/logger` under `@lib`, as module-alias matches).
  for (let slash = specifier.lastIndexOf('/'); slash > 0; slash = specifier.lastIndexOf('/', slash - 1)) {
    const base = aliases.get(specifier.slice(0, slash));
    if (base !== undefined) return path.join(base, specifier.slice(slash + 1));
  }
  return null;
}

/** `logger: "js/logger.js"`, `"node_helper": 'js/node_helper.js'`: a name and a source file's path (bounded). */
const TABLE_ENTRY = /(?:["']([@\w$./-]{1,100})["']|\b([A-Za-z_$][\w$]{0,99}))\s*:\s*["']((?:\.{1,2}\/)?[\w@$.-]{1,100}(?:\/[\w@$.-]{1,100}){0,20}\.[cm]?[jt]sx?)["']/g;

function isAliasName(name: string): boolean {
  return name.length > 0 && !name.startsWith('.') && !name.startsWith('/') && !name.startsWith('node:');
}

function isRelativeTarget(target: string): boolean {
  return target.length > 0 && !path.isAbsolute(target) && !target.includes('node_modules') && !target.includes('://');
}
