// Reads and checks obs-lens.config.json (and any other settings object, such as the editor's):
// every problem becomes one clear message naming the key, the valid entries are kept, and
// nothing here throws. Layers are merged over DEFAULT_SETTINGS, later layers winning.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS, SEVERITY_SETTINGS, isRuleId, type RuleId, type SeveritySetting } from '../../../../shared/src/rules';
import { isModuleSpecifier, moduleSpecifierProblem } from '../moduleSpecifier';
import { readRegularFile } from '../regularFile';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, type LensSettings, type TailSettings } from '../../../../shared/src/settings';

/**
 * One layer of settings. `tail` may be partial here: a config file that sets only `tail.files`
 * keeps the other tail defaults. Every Partial<LensSettings> is a valid layer.
 */
export type SettingsLayer = Partial<Omit<LensSettings, 'tail'>> & { tail?: Partial<TailSettings> };

export interface ValidatedSettings {
  settings: SettingsLayer;
  errors: string[];
}

/** A configuration file is a few hundred bytes; a larger one is a mistake, not something to parse. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const TOP_LEVEL_KEYS = ['enable', 'rules', 'loggerModule', 'requestIdHeader', 'ignore', 'tail'] as const;
const TAIL_KEYS = ['files', 'command', 'otlpPort', 'maxRecords', 'maxBytes', 'requestIdFields', 'formats', 'loadExisting'] as const;
/** Keys editors and JSON tooling add to config files; accepted and ignored. */
const TOLERATED_KEYS = new Set(['$schema', '$comment']);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest candidate within a third of its length in edits, for "did you mean" hints. */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  // An abbreviation (`warn` for `warning`) is the likeliest slip of all.
  const lower = value.toLowerCase();
  const extended = lower.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function hint(value: string, candidates: readonly string[]): string {
  const match = closestMatch(value, candidates);
  return match ? ` (did you mean ${match}?)` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    // Quoted, and every control or invisible character escaped: the message reaches terminals and the editor.
    const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    return quoted.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function validateRules(raw: unknown, where: string, errors: string[]): Partial<Record<RuleId, SeveritySetting>> | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${where}rules must be an object mapping rule ids to ${SEVERITY_SETTINGS.join(' | ')}, not ${describe(raw)}`);
    return undefined;
  }
  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [id, severity] of Object.entries(raw)) {
    if (!isRuleId(id)) {
      errors.push(`${where}rules.${id} is not a rule${hint(id, RULE_IDS)}`);
      continue;
    }
    if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      const suggestion = typeof severity === 'string' ? hint(severity, SEVERITY_SETTINGS) : '';
      errors.push(`${where}rules.${id} must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${describe(severity)}${suggestion}`);
      continue;
    }
    rules[id] = severity as SeveritySetting;
  }
  return rules;
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function validateTail(raw: unknown, where: string, errors: string[]): Partial<TailSettings> | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${where}tail must be an object, not ${describe(raw)}`);
    return undefined;
  }
  const tail: Partial<TailSettings> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = `${where}tail.${key}`;
    switch (key) {
      case 'files':
      case 'requestIdFields':
        if (isStringArray(value)) tail[key] = value;
        else errors.push(`${name} must be an array of strings, not ${describe(value)}`);
        break;
      case 'command':
        if (value === null || (isStringArray(value) && value.length > 0)) tail.command = value;
        else errors.push(`${name} must be null or a non-empty array of strings (argv, run without a shell), not ${describe(value)}`);
        break;
      case 'otlpPort':
        if (isCount(value, 0, 65535)) tail.otlpPort = value;
        else errors.push(`${name} must be a port number from 0 to 65535 (0 turns the receiver off), not ${describe(value)}`);
        break;
      case 'maxRecords':
      case 'maxBytes':
        if (isCount(value, 1, Number.MAX_SAFE_INTEGER)) tail[key] = value;
        else errors.push(`${name} must be a positive whole number, not ${describe(value)}`);
        break;
      case 'loadExisting':
        if (isCount(value, 0, 1_000_000)) tail.loadExisting = value;
        else errors.push(`${name} must be a number of lines from 0 to 1000000 (0: no offer), not ${describe(value)}`);
        break;
      case 'formats':
        if (Array.isArray(value)) tail.formats = value;
        else errors.push(`${name} must be an array of format descriptions, not ${describe(value)}`);
        break;
      default:
        errors.push(`${name} is not a setting${hint(key, TAIL_KEYS)}`);
    }
  }
  return tail;
}

/**
 * Checks a settings object (parsed config file, editor settings) key by key. `origin` prefixes
 * every message, e.g. `obs-lens.config.json: rules.console-loging is not a rule (did you mean console-logging?)`.
 */
export function validateSettings(raw: unknown, origin: string): ValidatedSettings {
  const errors: string[] = [];
  const where = origin ? `${origin}: ` : '';
  if (!isPlainObject(raw)) {
    return { settings: {}, errors: [`${where}settings must be a JSON object, not ${describe(raw)}`] };
  }
  const settings: SettingsLayer = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'enable':
        if (typeof value === 'boolean') settings.enable = value;
        else errors.push(`${where}enable must be true or false, not ${describe(value)}`);
        break;
      case 'rules': {
        const rules = validateRules(value, where, errors);
        if (rules) settings.rules = rules;
        break;
      }
      case 'loggerModule':
        // Fixes write this value into import statements: only a module specifier is taken.
        if (value === null || (typeof value === 'string' && isModuleSpecifier(value))) settings.loggerModule = value;
        else {
          const problem = typeof value === 'string' ? ` (${moduleSpecifierProblem(value)})` : '';
          errors.push(`${where}loggerModule must be a module specifier such as "./src/logger" or "@acme/logger", or null, not ${describe(value)}${problem}`);
        }
        break;
      case 'requestIdHeader':
        // HTTP header names are case-insensitive; Node hands them over in lower case.
        if (typeof value === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value)) settings.requestIdHeader = value.toLowerCase();
        else errors.push(`${where}requestIdHeader must be an HTTP header name such as "x-request-id", not ${describe(value)}`);
        break;
      case 'ignore':
        if (isStringArray(value)) settings.ignore = value;
        else errors.push(`${where}ignore must be an array of globs (gitignore syntax), not ${describe(value)}`);
        break;
      case 'tail': {
        const tail = validateTail(value, where, errors);
        if (tail) settings.tail = tail;
        break;
      }
      default:
        if (!TOLERATED_KEYS.has(key)) errors.push(`${where}${key} is not a setting${hint(key, TOP_LEVEL_KEYS)}`);
    }
  }
  return { settings, errors };
}

/** Line and column (1-based) of a JSON.parse error position, for a message that points at the typo. */
function jsonErrorLocation(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** Reads and validates a config file at an explicit path (the CLI's --config). */
export function loadConfigFromPath(filePath: string, label = path.basename(filePath)): ValidatedSettings {
  let text: string;
  try {
    // Only a regular file: a named pipe given as --config would block the read forever.
    text = readRegularFile(filePath, { maxBytes: MAX_CONFIG_BYTES }).bytes.toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : (err as Error).message;
    return { settings: {}, errors: [`${label}: cannot read ${filePath}: ${reason}`] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { settings: {}, errors: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    return { settings: {}, errors: [`${label}: not valid JSON${jsonErrorLocation(text, message)}: ${message}`] };
  }
  return validateSettings(raw, label);
}

/** Reads obs-lens.config.json at the root; a missing file is no error and sets nothing. */
export function loadConfigFile(root: string): ValidatedSettings {
  const filePath = path.join(root, CONFIG_FILE_NAME);
  if (!fs.existsSync(filePath)) return { settings: {}, errors: [] };
  return loadConfigFromPath(filePath, CONFIG_FILE_NAME);
}

/** DEFAULT_SETTINGS, then each layer in turn; `rules` and `tail` are merged key by key. */
export function mergeSettings(...layers: SettingsLayer[]): LensSettings {
  const merged: LensSettings = {
    ...DEFAULT_SETTINGS,
    rules: { ...DEFAULT_SETTINGS.rules },
    ignore: [...DEFAULT_SETTINGS.ignore],
    tail: { ...DEFAULT_SETTINGS.tail },
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.enable !== undefined) merged.enable = layer.enable;
    if (layer.loggerModule !== undefined) merged.loggerModule = layer.loggerModule;
    if (layer.requestIdHeader !== undefined) merged.requestIdHeader = layer.requestIdHeader;
    if (layer.ignore !== undefined) merged.ignore = [...layer.ignore];
    if (layer.rules) merged.rules = { ...merged.rules, ...layer.rules };
    if (layer.tail) {
      for (const [key, value] of Object.entries(layer.tail)) {
        if (value !== undefined) (merged.tail as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}
