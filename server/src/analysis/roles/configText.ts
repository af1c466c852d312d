// Configuration files read as text, never run: the string values of a JavaScript/TypeScript
// config's properties (`testMatch: ['<rootDir>/src/**/*.test.ts']`, `test: { setupFiles: [...] }`),
// JSON with comments (tsconfig, angular.json), and the few keys a .mocharc.yml holds.
import * as path from 'node:path';
import ts from '../typescriptModule';
import { isObject } from './manifest';

/** A property holding strings, with the names of the properties around it (`['test', 'include']`). */
export interface ConfigProperty {
  readonly chain: readonly string[];
  readonly values: readonly string[];
}

/** Every property of every object literal whose value is a string or an array of strings. */
/** A JavaScript or TypeScript configuration file's tree (parents set when asked); null when it cannot be parsed. */
export function parseConfig(fileName: string, text: string, setParents = false): ts.SourceFile | null {
  try {
    return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, setParents, /\.[cm]?tsx?$/i.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  } catch {
    return null;
  }
}

export function configProperties(fileName: string, text: string): ConfigProperty[] {
  const sf = parseConfig(fileName, text);
  if (!sf) return [];
  const out: ConfigProperty[] = [];
  // Explicit stack (configs are small, but a generated one may nest deeply): node and its chain.
  const stack: Array<[ts.Node, readonly string[]]> = [[sf, []]];
  while (stack.length) {
    const [node, chain] = stack.pop()!;
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name !== null) {
        const inner = [...chain, name];
        const values = stringsOf(node.initializer);
        if (values) out.push({ chain: inner, values });
        stack.push([node.initializer, inner]);
        continue;
      }
    }
    ts.forEachChild(node, (child) => {
      stack.push([child, chain]);
    });
  }
  return out;
}

function propertyName(name: ts.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : null;
}

function stringsOf(e: ts.Expression): string[] | null {
  if (ts.isStringLiteralLike(e)) return [e.text];
  if (ts.isArrayLiteralExpression(e)) {
    const out = e.elements.flatMap((el) => (ts.isStringLiteralLike(el) ? [el.text] : []));
    return out.length ? out : null;
  }
  return null;
}

/** Every string literal in the file that is not the argument of require() or import(): what a webpack config names as entries. */
export function stringLiterals(fileName: string, text: string): string[] {
  const sf = parseConfig(fileName, text);
  if (!sf) return [];
  const out: string[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isStringLiteralLike(node)) {
      const parent = (node as { parent?: ts.Node }).parent;
      if (!(parent && ts.isCallExpression(parent) && isRequireOrImport(parent))) out.push(node.text);
      continue;
    }
    if (ts.isImportDeclaration(node)) continue;
    ts.forEachChild(node, (child) => {
      (child as { parent: ts.Node }).parent = node;
      stack.push(child);
    });
  }
  return out;
}

/** `require('x')`, `require.resolve('x')`, `import('x')`: modules the config loads, not files it names. */
function isRequireOrImport(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const isRequire = (e: ts.Expression) => ts.isIdentifier(e) && e.text === 'require';
  return callee.kind === ts.SyntaxKind.ImportKeyword || isRequire(callee) || (ts.isPropertyAccessExpression(callee) && isRequire(callee.expression));
}

/** JSON with comments and trailing commas (tsconfig, angular.json) as an object; null when it is not one. */
export function readJsonc(fileName: string, text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  const parsed = ts.parseConfigFileTextToJson(fileName, text);
  return !parsed.error && isObject(parsed.config) ? parsed.config : null;
}

/** The `key: value` and `key:\n  - value` entries of a flat YAML file (.mocharc.yml), for the given keys. */
export function readFlatYaml(text: string, keys: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string | null = null;
  for (const raw of text.split('\n')) {
    const comment = raw.indexOf(' #');
    const line = (comment >= 0 ? raw.slice(0, comment) : raw).trimEnd();
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (item && current) {
      out[current].push(unquote(item[1]));
      continue;
    }
    const entry = /^([\w-]+):\s*(.*)$/.exec(line);
    current = entry && keys.includes(entry[1]) ? entry[1] : null;
    if (!entry || !current) continue;
    out[current] = [];
    const value = entry[2].trim();
    if (value.startsWith('[')) out[current].push(...value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter(Boolean));
    else if (value) out[current].push(unquote(value));
  }
  return out;
}

function unquote(v: string): string {
  return v.replace(/^['"]|['"]$/g, '');
}

/** A config file's folder and its name relative to the root, for reasons. */
export function relativeName(root: string, absPath: string): string {
  return path.relative(root, absPath).split(path.sep).join('/') || path.basename(absPath);
}

/** The string-valued properties of a JSON object (package.json `jest`, .mocharc.json), like configProperties. */
export function jsonProperties(value: unknown): ConfigProperty[] {
  const out: ConfigProperty[] = [];
  const stack: Array<[unknown, readonly string[]]> = [[value, []]];
  while (stack.length) {
    const [node, chain] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, chain]);
      continue;
    }
    if (!isObject(node)) continue;
    for (const [key, v] of Object.entries(node)) {
      const inner = [...chain, key];
      const strings = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      if (strings.length) out.push({ chain: inner, values: strings });
      if (typeof v === 'object' && v !== null) stack.push([v, inner]);
    }
  }
  return out;
}
