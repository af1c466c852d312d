// The project's formatting options as Prettier would read them for a file, without running
// Prettier or any configuration code: the nearest configuration file (.prettierrc as JSON or YAML,
// .prettierrc.json/.yaml/.yml/.json5/.toml, the `prettier` key of package.json, prettier.config.*
// and .prettierrc.js read as text), then .editorconfig (max_line_length, indent_style, indent_size,
// tab_width), as Prettier does. Fixes use them to lay out the code they write.
import * as path from 'node:path';
import { isInside, type ProjectModel } from './project';

export interface FormatConfig {
  printWidth?: number;
  tabWidth?: number;
  useTabs?: boolean;
  singleQuote?: boolean;
  semi?: boolean;
  trailingComma?: 'all' | 'es5' | 'none';
  bracketSpacing?: boolean;
  /** Major version of the `prettier` dependency of the nearest package.json that has one (its trailingComma default changed in 3). */
  prettierMajor?: number;
}

/** Prettier's own search order within one directory. */
const CONFIG_FILES = [
  'package.json',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
  '.prettierrc.toml',
];

/** What one directory holds: its Prettier configuration (null: none here), the prettier dependency's major version, its .editorconfig. */
interface DirectoryFacts {
  prettier: FormatConfig | null;
  prettierMajor: number | undefined;
  editorconfig: string | undefined;
}

/** Per project model: its generation when filled, each directory's facts, each (directory, extension)'s options. */
interface Cache {
  generation: number;
  dirs: Map<string, DirectoryFacts>;
  options: Map<string, FormatConfig>;
}

const caches = new WeakMap<ProjectModel, Cache>();

/** The formatting options for a file (absolute path); each directory's files are read once per project model. */
export function formatConfigFor(project: ProjectModel, absPath: string): FormatConfig {
  let cache = caches.get(project);
  if (!cache || cache.generation !== project.generation) {
    cache = { generation: project.generation, dirs: new Map(), options: new Map() };
    caches.set(project, cache);
  }
  const dir = path.dirname(path.resolve(absPath));
  const key = `${dir}\0${path.extname(absPath)}`;
  let found = cache.options.get(key);
  if (!found) {
    found = combine(project, cache, dir, path.basename(absPath));
    cache.options.set(key, found);
  }
  return found;
}

function combine(project: ProjectModel, cache: Cache, startDir: string, fileName: string): FormatConfig {
  const dirs: DirectoryFacts[] = [];
  for (let dir = startDir; isInside(project.root, dir); dir = path.dirname(dir)) {
    let facts = cache.dirs.get(dir);
    if (!facts) {
      facts = readDirectory(project, dir);
      cache.dirs.set(dir, facts);
    }
    dirs.push(facts);
    if (dir === project.root || path.dirname(dir) === dir) break;
  }
  // The nearest directory with a configuration holds the configuration (Prettier does not merge).
  const prettier = dirs.find((d) => d.prettier)?.prettier ?? {};
  const prettierMajor = dirs.find((d) => d.prettierMajor !== undefined)?.prettierMajor;
  const editor = editorConfig(dirs, fileName);
  return { ...editor, ...prettier, ...(prettierMajor !== undefined ? { prettierMajor } : {}) };
}

function readDirectory(project: ProjectModel, dir: string): DirectoryFacts {
  let prettier: FormatConfig | null = null;
  let prettierMajor: number | undefined;
  for (const name of CONFIG_FILES) {
    const text = project.readFile(path.join(dir, name));
    if (text === undefined) continue;
    if (name === 'package.json') {
      const pkg = parseJson(text);
      prettierMajor = prettierVersionOf(pkg);
      const key = objectKey(pkg, 'prettier');
      // A string names a shared configuration package: not read, but it is the configuration.
      if (key !== undefined) prettier = key && typeof key === 'object' ? optionsFrom(key as Record<string, unknown>) : {};
    } else prettier = parseConfigText(name, text);
    if (prettier) break;
  }
  return { prettier, prettierMajor, editorconfig: project.readFile(path.join(dir, '.editorconfig')) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function objectKey(o: unknown, key: string): unknown {
  return o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
}

function prettierVersionOf(pkg: unknown): number | undefined {
  for (const block of ['devDependencies', 'dependencies', 'peerDependencies']) {
    const version = objectKey(objectKey(pkg, block), 'prettier');
    if (typeof version === 'string') {
      const m = /(\d+)/.exec(version);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/** A configuration file's options: JSON when it parses as JSON, else `key: value` / `key = value` lines (YAML, TOML, JS as text). */
export function parseConfigText(name: string, text: string): FormatConfig {
  if (!/\.(js|cjs|mjs|ts|toml|ya?ml)$/.test(name)) {
    const json = parseJson(text);
    if (json && typeof json === 'object') return optionsFrom(json as Record<string, unknown>);
  }
  const values: Record<string, unknown> = {};
  for (const key of ['printWidth', 'tabWidth', 'useTabs', 'singleQuote', 'semi', 'trailingComma', 'bracketSpacing']) {
    // The first top-level-looking assignment of the key; an `overrides` entry further down does not win.
    const m = new RegExp(`(?:^|[\\s{,])["']?${key}["']?\\s*[:=]\\s*["']?([\\w]+)`, 'm').exec(text);
    if (m) values[key] = /^\d+$/.test(m[1]) ? Number(m[1]) : m[1] === 'true' ? true : m[1] === 'false' ? false : m[1];
  }
  return optionsFrom(values);
}

function optionsFrom(o: Record<string, unknown>): FormatConfig {
  const out: FormatConfig = {};
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 1000 ? v : undefined);
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  const set = <K extends keyof FormatConfig>(k: K, v: FormatConfig[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('printWidth', int(o.printWidth));
  set('tabWidth', int(o.tabWidth));
  set('useTabs', bool(o.useTabs));
  set('singleQuote', bool(o.singleQuote));
  set('semi', bool(o.semi));
  set('bracketSpacing', bool(o.bracketSpacing));
  if (o.trailingComma === 'all' || o.trailingComma === 'es5' || o.trailingComma === 'none') out.trailingComma = o.trailingComma;
  return out;
}

/** .editorconfig files from the file's directory up (to the first `root = true`), nearer ones winning. */
function editorConfig(dirs: readonly DirectoryFacts[], fileName: string): FormatConfig {
  const found: Record<string, string> = {};
  for (const { editorconfig } of dirs) {
    if (editorconfig === undefined) continue;
    const { root, props } = editorConfigSections(editorconfig, fileName);
    for (const [k, v] of Object.entries(props)) if (!(k in found)) found[k] = v;
    if (root) break;
  }
  const out: FormatConfig = {};
  const width = Number(found.max_line_length);
  if (Number.isInteger(width) && width > 0 && width <= 1000) out.printWidth = width;
  if (found.indent_style === 'tab') out.useTabs = true;
  else if (found.indent_style === 'space') out.useTabs = false;
  const size = Number(found.indent_size === 'tab' ? found.tab_width : found.indent_size ?? found.tab_width);
  if (Number.isInteger(size) && size > 0 && size <= 16) out.tabWidth = size;
  return out;
}

/** The properties of the sections matching fileName (later sections win), and whether the file says `root = true`. */
function editorConfigSections(text: string, fileName: string): { root: boolean; props: Record<string, string> } {
  let root = false;
  let matches = false;
  let inSection = false;
  const props: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      inSection = true;
      matches = sectionMatches(line.slice(1, -1), fileName);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim().toLowerCase();
    if (!inSection && key === 'root') root = value === 'true';
    else if (inSection && matches) props[key] = value;
  }
  return { root, props };
}

/**
 * Whether an .editorconfig section name matches a file name, for the forms sections use for
 * source files: `*`, `*.ts`, `*.{js,ts}`, `**.ts`, `{a.js,b.js}`. Matched by hand, not compiled
 * into a regular expression: the pattern is workspace text. Patterns with a path never match.
 */
export function sectionMatches(pattern: string, fileName: string): boolean {
  let p = pattern.replace(/^\*\*\/?/, '*');
  if (p.includes('/')) return false;
  const brace = /^([^{}]*)\{([^{}]*)\}([^{}]*)$/.exec(p);
  const options = brace ? brace[2].split(',').map((o) => brace[1] + o + brace[3]) : [p];
  return options.some((o) => simpleGlob(o, fileName));
}

/** `*` any run of characters, `?` one character, everything else literal; linear in practice (one star is typical). */
function simpleGlob(pattern: string, name: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return literalMatch(pattern, name);
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  if (tail.includes('*')) return false; // more than one star: not a form used for source files
  return name.length >= head.length + tail.length && literalMatch(head, name.slice(0, head.length)) && literalMatch(tail, name.slice(name.length - tail.length));
}

function literalMatch(pattern: string, name: string): boolean {
  if (pattern.length !== name.length) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== '?' && pattern[i] !== name[i]) return false;
  return true;
}
