// The schema of obs-lens.config.json: one source (shared/src/configSchema.ts, built from the rule ids,
// severities and defaults), shipped as the file the editor validates with, and the checker the CLI
// and server use, whose messages say where the problem is and what was meant.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_SCHEMA, CONFIG_SCHEMA_PATH, configSchemaText } from '../../../shared/src/configSchema';
import { RULE_IDS, SEVERITY_SETTINGS } from '../../../shared/src/rules';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { loadConfigFile, validateSettings } from '../../../server/src/analysis/workspace/config';

const REPO = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('obs-lens.config.json schema', () => {
  const dirs: string[] = [];
  const writeConfig = (text: string) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-schema-'));
    dirs.push(d);
    fs.writeFileSync(path.join(d, CONFIG_FILE_NAME), text);
    return d;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is checked in as the build writes it (run `npm run build` after changing rules or settings)', () => {
    assert.equal(fs.readFileSync(path.join(REPO, CONFIG_SCHEMA_PATH), 'utf8'), configSchemaText());
  });

  it('names every rule and severity of shared/src/rules.ts, and the defaults of shared/src/settings.ts', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(REPO, CONFIG_SCHEMA_PATH), 'utf8'));
    assert.deepEqual(Object.keys(shipped.properties.rules.properties), [...RULE_IDS]);
    for (const id of RULE_IDS) assert.deepEqual(shipped.properties.rules.properties[id].enum, [...SEVERITY_SETTINGS]);
    assert.equal(shipped.properties.requestIdHeader.default, DEFAULT_SETTINGS.requestIdHeader);
    assert.equal(shipped.properties.tail.properties.loadExisting.default, DEFAULT_SETTINGS.tail.loadExisting);
    // Every setting has a schema; the schema has no setting the code does not read.
    const settingKeys = Object.keys(CONFIG_SCHEMA.properties).filter((k) => !k.startsWith('$'));
    assert.deepEqual(settingKeys.sort(), Object.keys(DEFAULT_SETTINGS).sort());
    assert.deepEqual(Object.keys(CONFIG_SCHEMA.properties.tail.properties).sort(), Object.keys(DEFAULT_SETTINGS.tail).sort());
  });

  it('is the one the editor validates obs-lens.config.json with, and ships in the .vsix', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: CONFIG_FILE_NAME, url: `./${CONFIG_SCHEMA_PATH}` }]);
    const vscodeignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(vscodeignore.includes(`!${path.dirname(CONFIG_SCHEMA_PATH)}/**`), 'the schema folder is let into the .vsix');
    // The editor settings list the same rules and severities.
    const editorRules = pkg.contributes.configuration.properties['observabilityLens.rules'].properties;
    assert.deepEqual(Object.keys(editorRules).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) assert.deepEqual(editorRules[id].enum, [...SEVERITY_SETTINGS]);
  });

  it('leaves the editor its own message for unknown keys: no object schema carries errorMessage', () => {
    // VS Code shows an object's errorMessage in place of "Property x is not allowed" (seen in the workbench).
    const objects: string[] = [];
    const visit = (schema: Record<string, unknown>, where: string) => {
      if (schema.properties) {
        if ('errorMessage' in schema) objects.push(where || '(root)');
        for (const [key, child] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) visit(child, where ? `${where}.${key}` : key);
      }
    };
    visit(CONFIG_SCHEMA as unknown as Record<string, unknown>, '');
    assert.deepEqual(objects, []);
  });

  it('points each problem in a file at its line and column: an unknown key at the key, a bad value at the value', () => {
    const root = writeConfig('{\n  "rules": {\n    "console-loging": "off",\n    "error-not-serialized": "warn"\n  },\n  "tail": { "otlpPort": 70000, "file": [] }\n}\n');
    const { settings, errors } = loadConfigFile(root);
    assert.deepEqual(errors, [
      'obs-lens.config.json:3:5: rules.console-loging is not a rule (did you mean console-logging?)',
      'obs-lens.config.json:4:29: rules.error-not-serialized must be one of error, warning, info, hint, off, not "warn" (did you mean warning?)',
      'obs-lens.config.json:6:25: tail.otlpPort must be a port number from 0 to 65535 (0 turns the receiver off), not 70000',
      'obs-lens.config.json:6:32: tail.file is not a setting (did you mean files?)',
    ]);
    assert.deepEqual(settings, { rules: {}, tail: {} });
  });

  it('reports a bad entry inside an array as the setting it belongs to, once', () => {
    const root = writeConfig('{ "ignore": ["dist", 3, null], "tail": { "command": [] } }');
    assert.deepEqual(loadConfigFile(root).errors, [
      'obs-lens.config.json:1:13: ignore must be an array of globs (gitignore syntax), not an array',
      'obs-lens.config.json:1:53: tail.command must be null or a non-empty array of strings (argv, run without a shell), not an array',
    ]);
  });

  it('locates every one of many problems, and names a problem in a file nested too deep to locate without a location', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `  "unknown${i}": ${i}`);
    const many = loadConfigFile(writeConfig(`{\n${keys.join(',\n')}\n}\n`)).errors;
    assert.equal(many.length, 3000);
    assert.equal(many[2999], 'obs-lens.config.json:3001:3: unknown2999 is not a setting');
    const depth = 50_000;
    const deep = loadConfigFile(writeConfig(`{ "enable": 1, "x": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)} }`));
    assert.deepEqual(deep.errors, ['obs-lens.config.json: enable must be true or false, not 1', 'obs-lens.config.json: x is not a setting']);
  });

  it('checks values the schema alone cannot: loggerModule is a module specifier, with the reason', () => {
    const root = writeConfig('{\n  "loggerModule": "/abs/logger"\n}');
    const { settings, errors } = loadConfigFile(root);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^obs-lens\.config\.json:2:19: loggerModule must be a module specifier .*, not "\/abs\/logger" \(an absolute path is not a module specifier; write it relative to the workspace folder, starting with \.\/\)$/);
    assert.deepEqual(settings, {});
  });

  it('takes whole-number limits only within range, and never copies an unknown key into the settings', () => {
    const { settings, errors } = validateSettings(JSON.parse('{ "__proto__": { "enable": false }, "tail": { "maxBytes": 1e300, "maxRecords": 2.5 } }'), 'cfg');
    assert.deepEqual(errors, [
      'cfg: __proto__ is not a setting',
      'cfg: tail.maxBytes must be a positive whole number, not 1e+300',
      'cfg: tail.maxRecords must be a positive whole number, not 2.5',
    ]);
    assert.deepEqual(settings, { tail: {} });
    assert.equal(Object.getPrototypeOf(settings), Object.prototype);
  });
});
