// What the role computation learns from one file's text, without parsing it: the modules it
// imports (ES imports and re-exports, dynamic import(), CommonJS require), its shebang, a leading
// 'use client' / 'use server' directive, and whether it is or registers a service worker. Each
// test is one linear pass of a regular expression with no nested or overlapping repetition.

import * as path from 'node:path';
import { argvCommandImports } from './argvCommands';

export interface ScannedFile {
  /** Specifiers of the modules it loads (type-only imports left out), in order, without repeats. */
  readonly specifiers: readonly string[];
  /**
   * Those of `specifiers` it only ever loads lazily: a `require()` or `import()` on an indented line
   * (inside a function or block), never at the top level. Loading the file does not load them; only
   * running that code does (Etherpad's pad_utils.ts, imported by the server, requires the browser's
   * pad.ts inside two functions only the browser calls, "to sidestep a circular dependency").
   */
  readonly lazySpecifiers: readonly string[];
  readonly shebang: boolean;
  readonly directive: 'use client' | 'use server' | null;
  /** Listens for service-worker events (`self.addEventListener('fetch', ...)`): it runs as a service worker. */
  readonly serviceWorker: boolean;
  /** Calls `navigator.serviceWorker.register(...)`: only a browser has a navigator. */
  readonly registersServiceWorker: boolean;
  /** Folders of CLI commands it loads with yargs' `.commandDir('./commands')`, as written. */
  readonly commandDirs: readonly string[];
  /** Runs the database migrations (knex's `db.migrate.latest()`): it loads the package's migrations/ files. */
  readonly runsMigrations: boolean;
  /**
   * Folders whose every module it loads by listing them (`requireDirectory(__dirname)`,
   * `fs.readdirSync(path.join(__dirname, 'routes'))` then `require`), relative to its own folder ('.' for its own).
   */
  readonly loadsFolders: readonly string[];
  /**
   * File names it loads from computed folders (`const helperPath = \`${moduleFolder}/node_helper.js\``
   * then `require(helperPath)`: MagicMirror's app.js loading every module's node helper): any file so
   * named in its package may be one it loads.
   */
  readonly fileNamesLoaded: readonly string[];
  /**
   * Workspace packages whose modules it may load by a name made at run time: a computed `require`
   * or `import` in a file that writes the package's name with a slash after it (Signal K's providers:
   * `require(type.replace('providers/', '@signalk/streams/'))`). Only a package the file's package
   * depends on counts (graph.ts).
   */
  readonly packagesLoaded: readonly string[];
  /** Patterns of Vite's `import.meta.glob('./pages/*.tsx')` (the first, or every one of an array), as written: it loads every file they match. */
  readonly globImports: readonly string[];
  /** Has a default export (`export default`, `export { X as default }`): a React Router route module's component. */
  readonly defaultExport: boolean;
  /**
   * Modules it runs as commands, each on its own condition: a dispatcher's `if`/`else if` branches
   * that require a module and call it first thing (NodeBB's app.js: `if (nconf.get('setup')) {
   * require('./src/cli/setup').setup(); } else if (nconf.get('reset')) { ... } else { require('./src/start').start(); }`).
   * Only from three such branches up: two (a cluster's primary and its workers) are modes of one
   * server. The final `else`, the default, is no command.
   */
  readonly commandSpecifiers: readonly string[];
  /** The stylesheet a statement of the file imports (`import './index.scss'`, `require('./a.css')`), or null. */
  readonly stylesheet: string | null;
  /** Starts a server (`http.createServer(...)`, `app.listen(...)`): a production script's file that does is the service's. */
  readonly startsServer: boolean;
  /** Tests whether it is executed directly (`require.main === module`, `process.argv[1] === __filename`): the branch is a command's unless the project runs the file itself. */
  readonly testsMain: boolean;
  /**
   * Its statements set or call the page's globals (`window.clientVars = {...}`, `document.addEventListener(...)`)
   * with no `typeof window` guard and no browser automation (`page.evaluate(() => document...)`, which runs in
   * a browser the server drives): only a browser has them (Etherpad's padBootstrap.js, which esbuild bundles).
   */
  readonly usesPageGlobals: boolean;
  /**
   * Written for both sides (a UMD module: `if (typeof module !== 'undefined') { module.exports = x }
   * else { window.Log = x }`, MagicMirror's js/logger.js): a page may load it and the server require it.
   */
  readonly isomorphic: boolean;
}

/**
 * The modules a file loads, in one linear pass (no nested or overlapping repetition, bounded runs):
 * `import type { A } from 'x'` and `export type * from 'x'` are consumed and skipped (nothing is
 * loaded at run time); then `from 'x'`, `import 'x'`, `import('x')`, `require('x')`, not after `.`
 * or a name (`Array.from('ab')`). A specifier inside a comment or a string is taken too: one more
 * edge only makes the role computation more careful (see graph.ts), and one naming no file costs nothing.
 */
const SPECIFIERS = new RegExp(
  String.raw`(?<![.$\w@])(?:(?:import|export)\s+type\s+(?:\{[^}]{0,2000}\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s*from\s*(['"])[^'"\n\\]{1,300}\1` +
    String.raw`|(?:from|import|require)\s*(?:\(\s*)?(['"])([^'"\n\\]{1,300})\2)`,
  'g',
);
const SERVICE_WORKER_EVENT = /\bself\.addEventListener\(\s*['"](?:install|activate|fetch|push|sync|notificationclick|message)['"]/;
/**
 * A service worker is a script the page registers by URL, named for what it is (sw.js,
 * service-worker.js, ngsw-worker.js, firebase-messaging-sw.js): only such files are searched for
 * its event listeners, which spares every other file a full search for a text it never holds.
 */
const WORKER_NAME = /(^|[^a-z])(sw|[\w-]*worker[\w-]*)\.[cm]?[jt]s$/i;
const REGISTERS_WORKER = /\bnavigator\.serviceWorker\.register\s*\(/;
/** The first string in the call: `.commandDir('cmds')`, `.commandDir(path.resolve(dir, './commands'))`. */
/** knex running its migrations: `knex.migrate.latest()`, `db.migrate.up()`. */
const RUNS_MIGRATIONS = /\.migrate\.(?:latest|up)\s*\(/;
/**
 * A folder listed to load its modules: a `require…Dir…`/`requireAll`/`readdirSync` call on `__dirname`
 * or on `path.join(__dirname, 'sub')` / `path.resolve(__dirname, 'sub')`. readdirSync counts only in a
 * file that also requires something computed (`require(path.join(dir, file))`). See also TEMPLATE_LOAD
 * and DIRNAME_VARIABLE.
 */
const LOADS_FOLDER = /\b(require\w*Dir\w*|requireAll|readdirSync)\s*(?:<[^>\n]{0,200}>)?\s*\(\s*(?:__dirname\s*[,)]|(?:path\.)?(?:join|resolve)\(\s*__dirname\s*,\s*(['"])([^'"\n\\]{1,200})\2\s*\))/g;
const COMPUTED_REQUIRE = /\brequire\s*\(\s*[^'"`\s)]/;
/** `path.join(__dirname, 'providers', name)`: a computed name in a fixed folder beside the file (bounded). */
const JOINS_COMPUTED_NAME = /(?:\b(?:const|let|var)\s+([\w$]{1,100})\s*=\s*|\b(?:require|import)\s*\(\s*)(?:path\.)?(?:join|resolve)\(\s*__dirname\s*,\s*(['"])([\w.-]{1,100}(?:\/[\w.-]{1,100}){0,10})\2\s*,\s*[^'"\s)]/g;
/** `` `${folder}/node_helper.js` ``: a fixed source file name after a computed folder, in a template (bounded). */
const COMPUTED_FOLDER_FILE = /(?:\b(?:const|let|var)\s+([\w$]{1,100})\s*=\s*|\b(?:require|import)\s*\(\s*)`\$\{[^`}\n]{1,200}\}\/([\w.-]{1,100}\.[cm]?[jt]s)`/g;
/**
 * A module of a folder loaded by a name made at run time: `require(`./${name}`)` over a list of
 * names (NodeBB's socket.io namespaces), `import(`./handlers/${kind}.js`)`. The folder is the
 * template's constant prefix.
 */
const TEMPLATE_LOAD = /\b(?:require|import)\s*\(\s*`(\.{1,2}\/(?:[^`$\n\\]{0,200}\/)?)\$\{/g;
/** The same name joined on: `require('./' + name)` over a list of names (Signal K's built-in interfaces). */
const CONCAT_LOAD = /\b(?:require|import)\s*\(\s*(['"])(\.{1,2}\/(?:[^'"\n\\]{0,200}\/)?)\1\s*\+/g;
/**
 * The ESM spelling of `__dirname` in a variable (`const dirname = path.dirname(fileURLToPath(import.meta.url))`,
 * `path.resolve(fileURLToPath(import.meta.url), '..')`, `import.meta.dirname`), and a folder below
 * one (`const banksDir = path.resolve(dirname, 'banks')`): Actual's bank integrations are listed by
 * `fs.readdirSync(banksDir)` and loaded with `import(url)`.
 */
const DIRNAME_VARIABLE = /\b(?:const|let|var)\s+([\w$]{1,100})\s*=\s*(?:import\.meta\.dirname\b|(?:path\.)?dirname\(\s*(?:url\.)?fileURLToPath\(\s*import\.meta\.url\s*\)\s*\)|(?:path\.)?resolve\(\s*(?:url\.)?fileURLToPath\(\s*import\.meta\.url\s*\)\s*,\s*(['"])\.\.\2\s*\))/g;
const FOLDER_VARIABLE = /\b(?:const|let|var)\s+([\w$]{1,100})\s*=\s*(?:path\.)?(?:join|resolve)\(\s*([\w$]{1,100})\s*,\s*(['"])([^'"\n\\]{1,200})\3\s*\)/g;
const READDIR_OF_NAME = /\breaddir(?:Sync)?\s*\(\s*([\w$]{1,100})\s*[,)]/g;
/** A package's name with a slash after it, alone in a string: `'@signalk/streams/'`, `"my-plugins/"`. */
const PACKAGE_PREFIX = /(['"`])((?:@[a-z0-9][\w.-]{0,100}\/)?[a-z0-9][\w.-]{0,100})\/\1/g;
const COMPUTED_LOAD = /\b(?:require|import)\s*\(\s*(?:[^'"`\s)]|`[^`\n]{0,300}\$\{)/;
const COMMAND_DIR = /\.commandDir\([^'"\n]{0,200}(['"])([^'"\n\\]{1,200})\1/g;
/** A branch whose first statement requires a module and calls it; the condition on one line (bounded). */
const COMMAND_BRANCH = /\bif\s*\([^\n]{0,300}\)\s*\{\s*require\(\s*(['"])([^'"\n\\]{1,300})\1\s*\)\s*\.\s*[\w$]+\s*\(/g;
const MIN_COMMAND_BRANCHES = 3;
/** `import.meta.glob(` then a string or an array of strings (its patterns, read by GLOB_PATTERN). */
const META_GLOB = /\bimport\.meta\.glob(?:Eager)?\s*(?:<[^>\n]{0,200}>)?\s*\(\s*(\[[^\]]{0,1000}\]|(['"])[^'"\n\\]{1,300}\2)/g;
const GLOB_PATTERN = /(['"])([^'"\n\\]{1,300})\1/g;
/**
 * A stylesheet imported by a statement at a line's start (not `@import "x.scss"` in a string of SCSS, not a
 * comment): `import './index.scss'`, `import styles from './a.module.css'`, `const theme = require('./a.less')`.
 */
const STYLESHEET_MENTION = /\.(?:s?css|sass|less|styl)['"]/;
// The import's bindings start with a non-space, so `import` and its spaces never overlap with them (linear on a line of spaces).
const STYLESHEET_IMPORT = /^[ \t]*(?:import[ \t]+(?:[^'"\s;][^'"\n;]{0,300}[ \t]from[ \t]*)?|(?:(?:const|let|var)\s+[\w$]{1,100}\s*=\s*)?require\(\s*)(['"])([^'"\n\\]{1,300}\.(?:css|scss|sass|less|styl))\1/m;
/** `export default` at a line's start, or `default` in an export clause (`export { default } from`, `export { X as default }`); not a comment's words. */
const DEFAULT_EXPORT = /^[ \t]*export\s+default\b|^[ \t]*export\s*\{[^}]{0,500}\bdefault\b/m;

/**
 * A statement (at a line's start) that sets or calls a member of window, or uses the page through
 * document's own members (`document.getElementById(...)`, `document.title = ...`): a Hocuspocus
 * `document.broadcastStateless(...)` is no page's.
 */
const PAGE_GLOBAL_STATEMENT =
  /^[ \t]*(?:window(?:\.[\w$]{1,100}){1,4}[ \t]*(?:\(|=(?!=))|document\.(?:getElementById|getElementsBy[A-Za-z]{1,20}|querySelector|querySelectorAll|createElement|createTextNode|addEventListener|removeEventListener|body|head|title|cookie|documentElement|readyState|write)\b)/m;
/**
 * What makes page globals no evidence: code guarded for the server, a browser the server drives, or a
 * window or document of its own (`const {window: {document}} = new JSDOM(html)`: Etherpad's HTML import;
 * `onStoreDocument({ documentName, document })`: Docmost's collaboration server; a parameter named so,
 * `async function retitle(document)`: a database's documents have titles and bodies too).
 */
const NOT_A_PAGE =
  /\btypeof\s+(?:window|document)\s*[!=]=|\.(?:evaluate|evaluateHandle|\$eval|\$\$eval|addInitScript)\s*\(|\b(?:jsdom|JSDOM|happy-dom|linkedom|domino)\b|\b(?:const|let|var)\s+(?:window|document)\b|[{,(][ \t\r\n]*(?:window|document)[ \t\r\n]*[,:})=]|\b(?:window|document)[ \t]*=>/;

function usesPageGlobals(text: string): boolean {
  return (text.includes('window.') || text.includes('document.')) && PAGE_GLOBAL_STATEMENT.test(text) && !NOT_A_PAGE.test(text);
}

const TESTS_MAIN = /\brequire\.main\b|\bprocess\.argv\[1\]|\bimport\.meta\.main\b/;

/** What a server's start does; tested on the file's text only. */
const STARTS_SERVER = /\bcreateServer\s*\(|\.listen\s*\(/;

/** Whether a file's text starts a server (`http.createServer(app)`, `app.listen(port)`). */
export function startsServer(text: string): boolean {
  return STARTS_SERVER.test(text);
}

/**
 * Whether a load is a `require(` or `import(` call on a line that starts indented: inside a function
 * or block, run only when that code runs. Top-level statements start their line (ES imports always
 * do); a top-level call continued onto an indented line counts as lazy, which only ever keeps a file
 * with browser evidence out of the server (compute.ts).
 */
function isLazyLoad(match: string, lineFirstChar: number): boolean {
  return (lineFirstChar === 0x20 || lineFirstChar === 0x09) && /^(?:require|import)\s*\(/.test(match);
}

export function scanFile(text: string, fileName = ''): ScannedFile {
  const specifiers = new Set<string>();
  const eager = new Set<string>();
  // The start of the current match's line, found moving forward only: linear in the text however many loads a line holds.
  let lineStart = 0;
  let nextLine = text.indexOf('\n');
  for (const m of text.matchAll(SPECIFIERS)) {
    if (m[3] === undefined) continue;
    specifiers.add(m[3]);
    while (nextLine !== -1 && nextLine < m.index!) {
      lineStart = nextLine + 1;
      nextLine = text.indexOf('\n', lineStart);
    }
    if (!isLazyLoad(m[0], text.charCodeAt(lineStart))) eager.add(m[3]);
  }
  // A relative module a name is given before it is required (Signal K's security strategy: `name = './tokensecurity'`,
  // then `require(name)(app, config)`): loaded when that code runs, as a lazy load is.
  if (text.includes('require(')) for (const s of requiredThroughNames(text)) specifiers.add(s);
  // `require(path.join(__dirname, '..', 'config', 'openBrowser'))`: a relative path in literals (an ejected Create React App's scripts).
  if (text.includes('__dirname')) {
    for (const m of text.matchAll(REQUIRES_JOINED_PATH)) {
      const parts = [...m[1].matchAll(/['"]([^'"]+)['"]/g)].map((p) => p[1]);
      const joined = path.posix.join('.', ...parts);
      specifiers.add(joined.startsWith('.') ? joined : `./${joined}`);
    }
  }
  const yargs = specifiers.has('yargs');
  return {
    specifiers: [...specifiers],
    lazySpecifiers: eager.size === specifiers.size ? [] : [...specifiers].filter((s) => !eager.has(s)),
    shebang: /^\uFEFF?#!/.test(text),
    directive: leadingDirective(text),
    serviceWorker: WORKER_NAME.test(fileName) && SERVICE_WORKER_EVENT.test(text),
    registersServiceWorker: text.includes('serviceWorker') && REGISTERS_WORKER.test(text),
    // Only a yargs program has command folders.
    commandDirs: yargs ? [...text.matchAll(COMMAND_DIR)].map((m) => m[2]) : [],
    runsMigrations: text.includes('.migrate.') && RUNS_MIGRATIONS.test(text),
    loadsFolders: foldersLoaded(text),
    fileNamesLoaded: text.includes('}/') && COMPUTED_REQUIRE.test(text) ? loadedPaths(text, COMPUTED_FOLDER_FILE) : [],
    packagesLoaded: packagesLoaded(text),
    globImports: text.includes('import.meta.glob') ? [...text.matchAll(META_GLOB)].flatMap((m) => [...m[1].matchAll(GLOB_PATTERN)].map((g) => g[2])) : [],
    defaultExport: text.includes('default') && DEFAULT_EXPORT.test(text),
    commandSpecifiers: [...(text.includes('require(') ? commandsRun(text) : []), ...argvCommandImports(text)],
    stylesheet: STYLESHEET_MENTION.test(text) ? (STYLESHEET_IMPORT.exec(text)?.[2] ?? null) : null,
    startsServer: startsServer(text),
    testsMain: (text.includes('.main') || text.includes('argv[1]')) && TESTS_MAIN.test(text),
    usesPageGlobals: usesPageGlobals(text),
    isomorphic: text.includes('typeof module') && text.includes('module.exports') && ASKS_FOR_COMMONJS.test(text),
  };
}

/** `typeof module !== 'undefined'`, `typeof module === "object"`: code asking whether CommonJS loads it. */
const ASKS_FOR_COMMONJS = /typeof\s+module\s*[!=]==?\s*["'](?:undefined|object)["']/;

/** The package names a file writes with a slash after them, when it also loads something computed; most files write none, so that is asked first. */
function packagesLoaded(text: string): string[] {
  if (!text.includes("/'") && !text.includes('/"') && !text.includes('/`')) return [];
  return COMPUTED_LOAD.test(text) ? [...new Set([...text.matchAll(PACKAGE_PREFIX)].map((m) => m[2]))] : [];
}

/** `require(name)` of a plain name. */
const REQUIRE_OF_NAME = /\brequire\s*\(\s*([A-Za-z_$][\w$]{0,100})\s*\)/g;
/** `= './module'`: a relative specifier assigned (the name before it read by hand, so the search stays linear). */
const RELATIVE_ASSIGNED = /=\s*(['"])(\.{1,2}\/[^'"\n\\]{1,200})\1/g;
const IDENTIFIER_CHAR = /[\w$]/;

/** The relative specifiers assigned to names the file then requires (`name = './x'` ... `require(name)`). */
function requiredThroughNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(REQUIRE_OF_NAME)) names.add(m[1]);
  if (names.size === 0) return [];
  const out: string[] = [];
  for (const m of text.matchAll(RELATIVE_ASSIGNED)) {
    // The name right before `=`, not a comparison (`==`, `!=`, `<=`) or a compound assignment.
    let end = m.index!;
    if (end > 0 && '=!<>+-*/%&|^?'.includes(text[end - 1])) continue;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    let start = end;
    while (start > 0 && end - start < 100 && IDENTIFIER_CHAR.test(text[start - 1])) start--;
    if (start < end && names.has(text.slice(start, end))) out.push(m[2]);
  }
  return out;
}

function commandsRun(text: string): string[] {
  const branches = [...text.matchAll(COMMAND_BRANCH)].map((m) => m[2]);
  return branches.length >= MIN_COMMAND_BRANCHES ? [...new Set(branches)] : [];
}

/** The file's leading 'use client' / 'use server' directive, after comments and blank lines. */
export function leadingDirective(text: string): 'use client' | 'use server' | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = Math.min(text.length, 4096); // a directive comes first: a long licence header is the most before it
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else break;
  }
  for (const d of ['use client', 'use server'] as const) {
    if (text.startsWith(`'${d}'`, i) || text.startsWith(`"${d}"`, i)) return d;
  }
  return null;
}

/**
 * The folder or file name of each path a pattern finds that the file loads: written in a `require(`
 * or `import(` itself, or kept in a variable it then requires or imports (`const helperPath = ...;
 * require(helperPath)`). A path handed to anything else (`res.sendFile(path.join(__dirname, 'public',
 * name))`) is no module loaded, and none climbs out with `..`. The pattern's first group is the
 * variable, its last the path.
 */
function loadedPaths(text: string, pattern: RegExp): string[] {
  const out = new Set<string>();
  let loaded: Set<string> | undefined;
  for (const m of text.matchAll(pattern)) {
    const variable = m[1];
    const found = m[m.length - 1];
    if (found.split('/').includes('..')) continue;
    loaded ??= new Set([...text.matchAll(LOAD_OF_NAME)].map((n) => n[1]));
    if (variable === undefined || loaded.has(variable)) out.add(found);
  }
  return [...out];
}

/** `require(path.join(__dirname, '..', 'config', 'x'))` (or `path.resolve`): only literal parts after `__dirname`. */
const REQUIRES_JOINED_PATH = /\brequire\s*\(\s*(?:path\.)?(?:join|resolve)\(\s*__dirname((?:\s*,\s*(?:'[\w.@\/-]{1,200}'|"[\w.@\/-]{1,200}")){1,10})\s*\)\s*\)/g;

/** `require(helperPath)`, `await import(providerPath)`: a module loaded by a plain name. */
const LOAD_OF_NAME = /\b(?:require|import)\s*\(\s*([A-Za-z_$][\w$]{0,100})\s*[,)]/g;

function foldersLoaded(text: string): string[] {
  const out = new Set<string>();
  let computedRequire: boolean | undefined;
  // Each search only in a file whose text has its literal: most files have none of them.
  if (text.includes('__dirname')) {
    for (const m of text.matchAll(LOADS_FOLDER)) {
      if (m[1] === 'readdirSync' && !(computedRequire ??= COMPUTED_REQUIRE.test(text))) continue;
      out.add(m[3] ?? '.');
    }
    // `require(path.join(__dirname, "providers", \`${identifier}.js\`))` through a variable (MagicMirror's weather providers).
    if ((computedRequire ??= COMPUTED_REQUIRE.test(text))) for (const dir of loadedPaths(text, JOINS_COMPUTED_NAME)) out.add(dir);
  }
  if (text.includes('`.')) for (const m of text.matchAll(TEMPLATE_LOAD)) out.add(m[1].replace(/\/$/, '') || '.');
  if (text.includes("'.") || text.includes('".')) for (const m of text.matchAll(CONCAT_LOAD)) out.add(m[2].replace(/\/$/, '') || '.');
  if (text.includes('import.meta') && text.includes('readdir') && COMPUTED_LOAD.test(text)) for (const dir of esmFoldersListed(text)) out.add(dir);
  return [...out];
}

/** Folders an ES module lists through its own folder's variables (DIRNAME_VARIABLE) and loads from. */
function esmFoldersListed(text: string): string[] {
  const folders = new Map<string, string>();
  for (const m of text.matchAll(DIRNAME_VARIABLE)) folders.set(m[1], '.');
  if (folders.size === 0) return [];
  for (const m of text.matchAll(FOLDER_VARIABLE)) {
    const base = folders.get(m[2]);
    if (base !== undefined) folders.set(m[1], base === '.' ? m[4] : `${base}/${m[4]}`);
  }
  const out: string[] = [];
  for (const m of text.matchAll(READDIR_OF_NAME)) {
    const dir = folders.get(m[1]);
    if (dir !== undefined) out.push(dir);
  }
  return out;
}

/**
 * Whether `text` loads the package `name` (or a module of it) at run time: some `require`, `import()`,
 * `import x from` or `export ... from` of it that is not type-only, inline types included (`import {
 * type AppType } from '@acme/api'` loads nothing). SPECIFIERS leaves out `import type` only; this is
 * asked of the few files that may make a package a dependent's library (handlers/inventory.ts).
 */
export function loadsPackage(text: string, name: string): boolean {
  const quoted = new RegExp(String.raw`(['"])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^'"\n\\]{0,300})?\1`, 'g');
  for (const m of text.matchAll(quoted)) {
    // The statement before the specifier, as far back as an import's braces may reach.
    const before = text.slice(Math.max(0, m.index - 2000), m.index);
    if (TYPE_ONLY_FROM.test(before)) continue;
    const braces = NAMED_FROM.exec(before);
    if (braces && braces[1].split(',').every((item) => !item.trim() || /^type\s/.test(item.trim()))) continue;
    return true;
  }
  return false;
}
/** `import type ... from` / `export type ... from` ending right before a specifier. */
const TYPE_ONLY_FROM = /\b(?:import|export)\s+type\s[^;'"]{0,2000}\bfrom\s*$/;
/** `import { a, type B } from` ending right before a specifier: its names. */
const NAMED_FROM = /\bimport\s*\{([^}]{0,2000})\}\s*from\s*$/;
