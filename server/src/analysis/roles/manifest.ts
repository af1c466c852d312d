// What a package.json says about its files' roles: the service's entry (`main`, the start script),
// what its other scripts run (tests, builds, seeds, CLIs), `bin`, `prisma.seed`, oclif's command
// folder, inline jest/mocha configuration, and whether its dependencies make it a front end.
import * as path from 'node:path';
import type { FileRole } from './types';

export interface PackageManifest {
  readonly dir: string;
  readonly main: string | null;
  readonly scripts: ReadonlyArray<readonly [name: string, command: string]>;
  readonly bin: readonly string[];
  /** The commands `bin` installs (its keys, or the package name for a single bin), and oclif's `bin`. */
  readonly binNames: readonly string[];
  readonly prismaSeed: string | null;
  /** oclif's `commands` folder, as written (`./dist/commands`). */
  readonly oclifCommands: string | null;
  readonly jest: Record<string, unknown> | null;
  readonly mocha: Record<string, unknown> | null;
  readonly dependencies: ReadonlySet<string>;
  /**
   * A package of its own: it has a name, dependencies or scripts. A package.json that only sets the
   * module type of a folder (`{ "type": "commonjs" }`) is a marker inside its package, not another one.
   */
  readonly ownPackage: boolean;
  /** It declares what importers get (`exports`, `types`, `typings`, `module`): a package others import. */
  readonly declaresExports: boolean;
}

export function readManifest(dir: string, readFile: (p: string) => string | undefined): PackageManifest | null {
  const text = readFile(path.join(dir, 'package.json'));
  if (text === undefined) return null;
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!isObject(parsed)) return null;
    json = parsed;
  } catch {
    return null; // a broken package.json says nothing; the rest still works
  }
  const dependencies = new Set<string>();
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const block = json[key];
    if (isObject(block)) for (const name of Object.keys(block)) dependencies.add(name);
  }
  const scripts = isObject(json.scripts) ? Object.entries(json.scripts).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : [])) : [];
  const bin = typeof json.bin === 'string' ? [json.bin] : isObject(json.bin) ? Object.values(json.bin).filter((v): v is string => typeof v === 'string') : [];
  const prisma = isObject(json.prisma) ? json.prisma : null;
  const oclif = isObject(json.oclif) ? json.oclif : null;
  return {
    dir,
    main: typeof json.main === 'string' ? json.main : null,
    scripts,
    bin,
    binNames: [
      ...(typeof json.bin === 'string' && typeof json.name === 'string' ? [json.name.replace(/^@[^/]+\//, '')] : isObject(json.bin) ? Object.keys(json.bin) : []),
      ...(typeof oclif?.bin === 'string' ? [oclif.bin] : []),
    ],
    prismaSeed: typeof prisma?.seed === 'string' ? prisma.seed : null,
    oclifCommands: typeof oclif?.commands === 'string' ? oclif.commands : null,
    jest: isObject(json.jest) ? json.jest : null,
    mocha: isObject(json.mocha) ? json.mocha : null,
    dependencies,
    ownPackage: typeof json.name === 'string' || dependencies.size > 0 || scripts.length > 0,
    declaresExports: ['exports', 'types', 'typings', 'module'].some((k) => json[k] !== undefined),
  };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** What running a script of this name is for. The service's own start is `service`. */
export function scriptRole(name: string): FileRole {
  const n = name.toLowerCase();
  if (/(^|[:_-])(test|tests|spec|e2e|coverage|cypress|playwright)([:_-]|$)/.test(n)) return 'test';
  if (/^(pre|post)?(build|compile|bundle|dist|pack|prepack|prepare|postinstall|prepublish|prepublishonly)([:_-]|$)/.test(n) || /(^|[:_-])build([:_-]|$)/.test(n)) return 'build';
  if (/^(start|dev|serve|server|prod|production|run|worker)([:_-]|$)/.test(n)) return 'service';
  if (/(^|[:_-])cli([:_-]|$)/.test(n)) return 'cli';
  if (/(^|[:_-])(lint|format|prettier|eslint|storybook|typecheck)([:_-]|$)/.test(n)) return 'tooling';
  return 'script';
}

/** Programs whose first argument (not an option) is the script file they run: roles read it, and so does the inventory's start entry. */
export const SCRIPT_RUNNERS: ReadonlySet<string> = new Set(['node', 'nodemon', 'ts-node', 'ts-node-dev', 'tsx', 'babel-node', 'bun', 'esno', 'esr']);

/**
 * Programs whose file arguments are data, configuration or sources to read, not code they run: file
 * tools, compilers, linters, coverage, and documentation generators (Gladys Assistant's `"generate-apidoc":
 * "apidoc -i server/api/ -o apidoc"` reads its API's comments, it does not run server/api/index.js).
 */
const NOT_RUNNERS = new Set(['cp', 'mv', 'rm', 'rimraf', 'shx', 'mkdir', 'cat', 'echo', 'docker', 'git', 'tsc', 'babel', 'eslint', 'prettier', 'biome', 'c8', 'nyc', 'apidoc', 'jsdoc', 'typedoc', 'esdoc', 'documentation']);

/**
 * The file paths a script command names, relative to the package (`node ./dist/x.js`, `tsx
 * src/seed.ts`, `mocha --require ./tests/hooks.js`), following `cd dir &&`. Globs, URLs, flags
 * and shell variables are skipped; `--config` values are configuration, not code to run.
 */
export function commandPaths(command: string): string[] {
  const out: string[] = [];
  for (const { cwd, words } of commandSteps(command)) {
    if (NOT_RUNNERS.has(words[0])) continue;
    // `node server`: node's first argument is the script, a folder's index or a file without its extension.
    let script = false;
    for (let i = 0; i < words.length; i++) {
      if (i === 0 && SCRIPT_RUNNERS.has(words[0])) {
        script = true;
        continue;
      }
      let w = words[i];
      if (w.startsWith('-')) {
        if (/^--?(c|config|project|p|tsconfig|env-file|reporter-options|o|output|out-dir|outdir|cwd)$/.test(w)) i++;
        if (script && /^(-r|--require|--import|--loader)$/.test(w)) i++;
        const eq = /^--(require|import|r|file|spec)=(.+)$/.exec(w);
        if (!eq) continue;
        w = eq[2];
      }
      const isScript = script && /^[\w.@/-]+$/.test(w);
      script = false;
      // `--extensions '.ts'`, `--out-file-extension .mjs`: an extension names no file.
      if (/^\.[A-Za-z0-9]+$/.test(w)) continue;
      if ((!isScript && !looksLikePath(w)) || words[i - 1] === '>' || w.startsWith('>')) continue;
      out.push(path.posix.join(cwd, w));
    }
  }
  return out;
}

/**
 * The oclif commands a script runs through the package's own bin (`cd bin && ./run worker`,
 * `./bin/run start`, `flowise start`): a script named like the service's start that runs a command
 * makes that command service code (Flowise's `start` and `worker` run the server and its queue worker).
 */
export function binCommandNames(command: string, binPaths: readonly string[], binNames: readonly string[]): string[] {
  const bins = new Set(binPaths.map((b) => path.posix.normalize(b)));
  const out: string[] = [];
  for (const { cwd, words } of commandSteps(command)) {
    const runner = words[0] ?? '';
    if (!runner || (!bins.has(path.posix.join(cwd, runner)) && !binNames.includes(runner))) continue;
    const name = words.slice(1).find((w) => !w.startsWith('-'));
    if (name && /^[\w:-]+$/.test(name)) out.push(name);
  }
  return out;
}

/**
 * The commands of a script line (split at `&&`, `||`, `;`, `|`) as words without their quotes, each
 * with the folder it runs in: a `cd x` step moves the folder for the steps after it and is not itself
 * returned.
 */
export function commandSteps(command: string): Array<{ cwd: string; words: string[] }> {
  const steps: Array<{ cwd: string; words: string[] }> = [];
  let cwd = '.';
  for (const part of command.split(/&&|\|\||[;|]/)) {
    const words = part.trim().split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, ''));
    if (words[0] === 'cd' && words[1]) cwd = path.posix.join(cwd, words[1]);
    else steps.push({ cwd, words });
  }
  return steps;
}

function looksLikePath(w: string): boolean {
  if (!w || w.includes('://') || w.includes('$') || /[*?{}[\]=<>]/.test(w)) return false;
  return w.startsWith('./') || w.startsWith('../') || /\.[cm]?[jt]sx?$/.test(w) || (/^[\w.@-]+\/[\w./@-]+$/.test(w) && !w.startsWith('@'));
}

/** Front-end frameworks: a package depending on one of them (and on no server framework) is a front end. */
export const FRONT_END_PACKAGES = ['react-dom', 'vue', 'svelte', '@angular/core', 'preact', 'solid-js', 'lit', 'react-native'] as const;
/** Server frameworks (and full-stack ones, whose server side runs in Node). */
export const SERVER_PACKAGES = [
  'express', 'fastify', 'koa', '@nestjs/core', 'hono', '@hapi/hapi', 'restify', 'next', 'nuxt', '@remix-run/node', '@react-router/node', '@react-router/serve', '@sveltejs/kit',
  'polka', 'micro', 'socket.io', 'uWebSockets.js', 'hyper-express', '@apollo/server', 'apollo-server', 'graphql-yoga', 'h3', 'elysia',
] as const;

/** Whether the package depends on a server framework (SERVER_PACKAGES). */
export function dependsOnServerFramework(manifest: PackageManifest): boolean {
  return SERVER_PACKAGES.some((p) => manifest.dependencies.has(p));
}

/** The front-end dependency that makes a package a front end, or null (none, or a server framework too). */
export function frontEndDependency(manifest: PackageManifest): string | null {
  if (dependsOnServerFramework(manifest)) return null;
  return FRONT_END_PACKAGES.find((p) => manifest.dependencies.has(p)) ?? null;
}

/**
 * Libraries that ask a person questions at a terminal: a package built on one (and on no server
 * framework) is a command-line tool an operator runs (OpenPanel's admin: inquirer prompts, started
 * by its own `start` script), whatever its scripts are named.
 */
export const PROMPT_PACKAGES = ['inquirer', '@inquirer/prompts', 'prompts', 'enquirer', '@clack/prompts', 'ink', 'vorpal'] as const;

export function interactiveCliDependency(manifest: PackageManifest): string | null {
  if (dependsOnServerFramework(manifest)) return null;
  return PROMPT_PACKAGES.find((p) => manifest.dependencies.has(p)) ?? null;
}

/**
 * A library: a package that declares what importers get (`exports`, `types`, `module`), with no
 * start of its own (no script named like the service's start that runs a file, no bin) and no
 * server framework. Its code runs where it is imported: in a server when server code imports it,
 * else in the front ends, CLIs or other people's applications that use it (a client SDK, a shared
 * data package).
 */
export function isLibraryPackage(manifest: PackageManifest): boolean {
  return manifest.declaresExports && manifest.bin.length === 0 && !servesOrStarts(manifest);
}

/**
 * A command-line package: it installs commands (`bin`), with no start of its own and no server
 * framework (Hoppscotch's `@hoppscotch/cli`): what it holds runs in the commands, not a server. A
 * package with `bin` that parses its arguments with a command-line library is one whatever its
 * scripts say (Logto's tunnel: `"start": "node ."` starts the yargs command).
 */
export function isCommandLinePackage(manifest: PackageManifest): boolean {
  return manifest.bin.length > 0 && (!servesOrStarts(manifest) || argumentParserOf(manifest) !== null);
}

/** Why a command-line package is one (call when isCommandLinePackage holds). */
export function commandLineReason(manifest: PackageManifest): string {
  return servesOrStarts(manifest) ? `bin, arguments read with ${argumentParserOf(manifest)}, no server framework` : 'bin, no start of its own, no server framework';
}

/** The argument parser a package with `bin` and no server framework depends on, else null. */
function argumentParserOf(manifest: PackageManifest): string | null {
  if (manifest.bin.length === 0 || dependsOnServerFramework(manifest)) return null;
  return ARGUMENT_PARSERS.find((p) => manifest.dependencies.has(p)) ?? null;
}

/** Libraries that read a command line's arguments and subcommands. */
const ARGUMENT_PARSERS = ['yargs', 'commander', 'cac', 'meow', 'clipanion', 'sade', 'citty', '@oclif/core'];

/**
 * It depends on a server framework, or a script named like the service's start runs one of its files
 * other than its bin (`"dev": "tsx src/cli.ts"` beside `"bin": "./dist/cli.js"` runs the command
 * from its sources: a CLI's development run, not a service's start).
 */
function servesOrStarts(manifest: PackageManifest): boolean {
  if (dependsOnServerFramework(manifest)) return true;
  const bins = new Set(manifest.bin.map(entryKey));
  return manifest.scripts.some(([name, command]) => scriptRole(name) === 'service' && commandPaths(command).some((p) => isCodePath(p) && !bins.has(entryKey(p))));
}

/** A file named in the manifest without its extension and its first folder when that is build output or `src` (`./dist/cli.js` and `src/cli.ts` are one entry). */
function entryKey(written: string): string {
  const parts = path.posix.normalize(written.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\.(m|c)?(js|ts)x?$/, '').split('/');
  return (parts.length > 1 && ENTRY_FOLDERS.has(parts[0]) ? parts.slice(1) : parts).join('/');
}
const ENTRY_FOLDERS = new Set(['src', 'dist', 'build', 'lib', 'out']);

/** A path a script names that may be code: JavaScript or TypeScript, or no extension (`node server`); not `./scripts/env.sh` wrapping the run. */
function isCodePath(written: string): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path.posix.basename(written))?.[1];
  return ext === undefined || /^(m|c)?(js|ts)x?$/.test(ext);
}
