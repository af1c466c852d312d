// Reads and checks obs-lens.config.json (and any other settings object, such as the editor's)
// against the config file's JSON schema (shared/src/configSchema.ts, the one the editor validates
// with): every problem becomes one clear message naming the key and, in a file, its line and
// column; the valid entries are kept, and nothing here throws. Layers are merged over
// DEFAULT_SETTINGS, later layers winning.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { CONFIG_SCHEMA } from '../../../../shared/src/configSchema';
import { readRegularFile } from '../regularFile';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, type LensSettings, type TailSettings } from '../../../../shared/src/settings';
import { schemaProblems, withoutProblems, type SchemaNode, type SettingPath } from './configSchemaCheck';

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

/** Line and column (1-based) of a value or key in a config file's text. */
export interface TextLocation {
  line: number;
  column: number;
}

/** Where a setting (or, with `atKey`, its key) is written; undefined for settings that come from no file. */
export type Locate = (path: SettingPath, atKey: boolean) => TextLocation | undefined;

/**
 * Checks a settings object (parsed config file, editor settings) against the config file's schema.
 * `origin` and, when the settings come from a file, the location of the offending value prefix
 * every message, e.g. `obs-lens.config.json:3:5: rules.console-loging is not a rule (did you mean console-logging?)`.
 */
export function validateSettings(raw: unknown, origin: string, locate?: Locate): ValidatedSettings {
  const problems = schemaProblems(raw);
  const errors = problems.map((p) => {
    const at = locate?.(p.path, p.atKey);
    const where = at ? `${origin}:${at.line}:${at.column}` : origin;
    return where ? `${where}: ${p.message}` : p.message;
  });
  if (!isPlainObject(raw)) return { settings: {}, errors };
  const settings = withoutProblems(raw, problems) as SettingsLayer;
  // HTTP header names are case-insensitive; Node hands them over in lower case.
  if (settings.requestIdHeader !== undefined) settings.requestIdHeader = settings.requestIdHeader.toLowerCase();
  return { settings, errors };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line and column (1-based) of offsets in `text`, from its line starts found once. */
function lineAndColumnIn(text: string): (offset: number) => TextLocation {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/**
 * Finds settings in a config file's text (already known to be valid JSON), for messages that point
 * at them: the key and value node of every entry of the objects the schema names properties of,
 * indexed by one walk on first use (a file with many problems is not searched once per problem).
 */
function locatorIn(text: string): Locate {
  let index: Map<string, { key: JsonNode; value: JsonNode | undefined }> | undefined;
  let position: ((offset: number) => TextLocation) | undefined;
  const build = () => {
    const entries = new Map<string, { key: JsonNode; value: JsonNode | undefined }>();
    const visit = (node: JsonNode | undefined, schema: SchemaNode, path: string[]) => {
      if (node?.type !== 'object' || !schema.properties) return;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        const childPath = [...path, String(key.value)];
        // A repeated key: the last one is the value JSON.parse keeps.
        entries.set(JSON.stringify(childPath), { key, value });
        const childSchema = Object.hasOwn(schema.properties, key.value) ? schema.properties[key.value] : undefined;
        if (childSchema) visit(value, childSchema, childPath);
      }
    };
    let root: JsonNode | undefined;
    try {
      root = parseTree(text);
    } catch (err) {
      // jsonc-parser recurses: JSON nested tens of thousands deep (which JSON.parse reads) overflows
      // its stack. The messages then go without line and column; everything else is the same.
      if (!(err instanceof RangeError)) throw err;
    }
    if (root) entries.set('[]', { key: root, value: root });
    visit(root, CONFIG_SCHEMA as SchemaNode, []);
    return entries;
  };
  return (settingPath, atKey) => {
    index ??= build();
    position ??= lineAndColumnIn(text);
    const entry = index.get(JSON.stringify(settingPath));
    const node = atKey ? entry?.key : entry?.value;
    return node ? position(node.offset) : undefined;
  };
}

/** Line and column (1-based) of a JSON.parse error position, for a message that points at the typo. */
function jsonErrorLocation(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const { line, column } = lineAndColumnIn(text)(Number(match[1]));
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
  return validateSettings(raw, label, locatorIn(text));
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
