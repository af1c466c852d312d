// Checks a settings object against the schema of obs-lens.config.json (shared/src/configSchema.ts)
// with ajv, the validator the editor's schema is written for, and turns ajv's errors into one
// message per offending key, in the words the schema gives (`errorMessage`), with "did you mean"
// for misspelt keys, rule ids and severities. The entries without problems are kept, so one typo
// does not discard the rest of a file.
import type { ErrorObject } from 'ajv';
import { CONFIG_SCHEMA } from '../../../../shared/src/configSchema';
import { closestMatch } from '../didYouMean';
import { moduleSpecifierProblem } from '../moduleSpecifier';
import { configValidator } from './configValidator';

/** A key path in the settings object: `['tail', 'otlpPort']`. */
export type SettingPath = readonly string[];

export interface SchemaProblem {
  /** The key the problem is about (for an unknown key, that key). */
  path: SettingPath;
  /** Whether the problem is the key itself (unknown) rather than its value. */
  atKey: boolean;
  /** The message without origin or location, e.g. `tail.file is not a setting (did you mean files?)`. */
  message: string;
}

/** The parts of a schema object this module reads. */
export interface SchemaNode {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  errorMessage?: string;
  typeErrorMessage?: string;
  properties?: Record<string, SchemaNode>;
}

/** Keys every config file may hold for its editor, never settings. */
export const TOLERATED_KEYS = new Set(['$schema', '$comment']);

function validate(raw: unknown): ErrorObject[] {
  const validator = configValidator();
  return validator(raw) ? [] : [...(validator.errors ?? [])];
}

/** The JSON pointer of an ajv error as keys (`/tail/files/1` → tail, files, 1). */
function pointerKeys(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The named setting an error is about, with its schema: the path is cut where the schema stops
 * naming properties (inside an array), so `tail.files[1]` is reported as `tail.files`.
 */
function settingOf(keys: readonly string[]): { path: string[]; schema: SchemaNode } {
  let schema = CONFIG_SCHEMA as SchemaNode;
  const path: string[] = [];
  for (const key of keys) {
    const next = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (!next) break;
    schema = next;
    path.push(key);
  }
  return { path, schema };
}

function valueAt(raw: unknown, path: SettingPath): unknown {
  let value = raw;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value;
}

/** A value quoted for a message: short, and every control or invisible character escaped (it reaches terminals and the editor). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    return quoted.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function hint(value: string, candidates: readonly string[]): string {
  const match = closestMatch(value, candidates);
  return match ? ` (did you mean ${match}?)` : '';
}

/** `settings` for the root, `tail.otlpPort` for a key. */
function nameOf(path: SettingPath): string {
  return path.length === 0 ? 'settings' : path.join('.');
}

function unknownKey(parent: SettingPath, schema: SchemaNode, key: string): SchemaProblem {
  const path = [...parent, key];
  const known = Object.keys(schema.properties ?? {}).filter((k) => !TOLERATED_KEYS.has(k));
  // Under `rules` the keys are rule ids; everywhere else they are settings.
  const noun = parent.length === 1 && parent[0] === 'rules' ? 'rule' : 'setting';
  return { path, atKey: true, message: `${nameOf(path)} is not a ${noun}${hint(key, known)}` };
}

function badValue(path: SettingPath, schema: SchemaNode, value: unknown): SchemaProblem {
  const name = nameOf(path);
  if (schema.enum) {
    const allowed = schema.enum.map(String);
    const suggestion = typeof value === 'string' ? hint(value, allowed) : '';
    return { path, atKey: false, message: `${name} must be one of ${allowed.join(', ')}, not ${describeValue(value)}${suggestion}` };
  }
  const why = schema.errorMessage ?? schema.typeErrorMessage ?? 'is not valid';
  return { path, atKey: false, message: `${name} ${why}, not ${describeValue(value)}` };
}

/**
 * Fixes write `loggerModule` into import statements: beyond the schema's type, it must be a module
 * specifier (moduleSpecifier.ts), and the message says what is wrong with it.
 */
function loggerModuleProblem(raw: unknown): SchemaProblem | undefined {
  if (!isPlainObject(raw) || typeof raw.loggerModule !== 'string') return undefined;
  const problem = moduleSpecifierProblem(raw.loggerModule);
  if (!problem) return undefined;
  const { message } = badValue(['loggerModule'], CONFIG_SCHEMA.properties.loggerModule, raw.loggerModule);
  return { path: ['loggerModule'], atKey: false, message: `${message} (${problem})` };
}

/** Every problem of `raw` against the schema, one per offending key. */
export function schemaProblems(raw: unknown): SchemaProblem[] {
  const problems = new Map<string, SchemaProblem>();
  for (const error of validate(raw)) {
    const keys = pointerKeys(error.instancePath);
    const { path, schema } = settingOf(keys);
    const problem = error.keyword === 'additionalProperties' && path.length === keys.length
      ? unknownKey(path, schema, (error.params as { additionalProperty: string }).additionalProperty)
      : badValue(path, schema, valueAt(raw, path));
    const id = JSON.stringify(problem.path);
    if (!problems.has(id)) problems.set(id, problem);
  }
  const logger = loggerModuleProblem(raw);
  if (logger) problems.set(JSON.stringify(logger.path), logger);
  // In the order the keys are written, as a reader goes through the file (ajv's is the schema's).
  const order = documentOrder(raw);
  return [...problems.values()].sort((a, b) => (order.get(JSON.stringify(a.path)) ?? -1) - (order.get(JSON.stringify(b.path)) ?? -1));
}

/**
 * Each key path of `raw` that a problem can name, numbered in the order it is written: the keys of
 * the objects the schema names properties of (settings are at most two keys deep), so a file nested
 * a thousand levels is not walked.
 */
function documentOrder(raw: unknown): Map<string, number> {
  const order = new Map<string, number>([['[]', 0]]);
  const visit = (value: unknown, schema: SchemaNode, path: string[]) => {
    if (!isPlainObject(value) || !schema.properties) return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      order.set(JSON.stringify(childPath), order.size);
      const childSchema = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      if (childSchema) visit(child, childSchema, childPath);
    }
  };
  visit(raw, CONFIG_SCHEMA as SchemaNode, []);
  return order;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `raw` without the keys that have problems (and without the editor's `$schema`/`$comment`): an
 * object the schema names properties of keeps its valid entries, any other value is kept whole or not at all.
 */
export function withoutProblems(raw: Record<string, unknown>, problems: readonly SchemaProblem[]): Record<string, unknown> {
  const bad = new Set(problems.map((p) => JSON.stringify(p.path)));
  const keep = (value: Record<string, unknown>, schema: SchemaNode, path: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      const childPath = [...path, key];
      if (!childSchema || TOLERATED_KEYS.has(key) || bad.has(JSON.stringify(childPath))) continue;
      out[key] = childSchema.properties && isPlainObject(child) ? keep(child, childSchema, childPath) : child;
    }
    return out;
  };
  return keep(raw, CONFIG_SCHEMA as SchemaNode, []);
}
