// Configuration: what a user writes in obs-lens.config.json, and the message they get when it is wrong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { loadConfigFile, loadConfigFromPath, mergeSettings, validateSettings } from '../../../server/src/analysis/workspace/config';

describe('workspace configuration', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-config-'));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('accepts every documented key', () => {
    const raw = {
      $schema: './schema.json',
      enable: false,
      rules: { 'console-logging': 'off', 'sensitive-log-data': 'error' },
      loggerModule: './src/logger',
      requestIdHeader: 'X-Correlation-Id',
      ignore: ['scripts/**'],
      tail: { files: ['logs/*.log'], command: ['npm', 'run', 'dev'], otlpPort: 4318, maxRecords: 10, maxBytes: 1000, requestIdFields: ['ctx.rid'], formats: [] },
    };
    const { settings, errors } = validateSettings(raw, 'obs-lens.config.json');
    assert.deepEqual(errors, []);
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.rules, { 'console-logging': 'off', 'sensitive-log-data': 'error' });
    assert.equal(settings.requestIdHeader, 'x-correlation-id');
    assert.deepEqual(settings.tail?.command, ['npm', 'run', 'dev']);
  });

  it('names a misspelt rule and suggests the right one, keeping the valid entries', () => {
    const { settings, errors } = validateSettings(
      { rules: { 'console-loging': 'off', 'error-not-serialized': 'warn', 'log-argument-order': 'hint' } },
      'obs-lens.config.json',
    );
    assert.deepEqual(errors, [
      'obs-lens.config.json: rules.console-loging is not a rule (did you mean console-logging?)',
      'obs-lens.config.json: rules.error-not-serialized must be one of error, warning, info, hint, off, not "warn" (did you mean warning?)',
    ]);
    assert.deepEqual(settings.rules, { 'log-argument-order': 'hint' });
  });

  it('reports unknown keys and wrong types without throwing', () => {
    const { settings, errors } = validateSettings(
      { ignor: ['x'], enable: 'yes', ignore: 'dist', tail: { otlpPort: 70000, file: [] }, loggerModule: 3 },
      'cfg',
    );
    assert.equal(errors.length, 6, errors.join('\n'));
    assert.ok(errors.includes('cfg: ignor is not a setting (did you mean ignore?)'));
    assert.ok(errors.some((e) => e.startsWith('cfg: enable must be true or false')));
    assert.ok(errors.some((e) => e.startsWith('cfg: tail.otlpPort must be a port number')));
    assert.ok(errors.includes('cfg: tail.file is not a setting (did you mean files?)'));
    assert.deepEqual(settings, { tail: {} });
    for (const bad of [null, 42, 'x', [1]]) {
      assert.equal(validateSettings(bad, 'cfg').errors.length, 1);
    }
  });

  it('takes loggerModule only as a module specifier: a value with quotes is an error, not code', () => {
    const payload = "./logger'); require('child_process').exec('x'); ('";
    const { settings, errors } = validateSettings({ loggerModule: payload, rules: { 'console-logging': 'off' } }, 'obs-lens.config.json');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^obs-lens\.config\.json: loggerModule must be a module specifier such as "\.\/src\/logger" or "@acme\/logger", or null, not ".*" \(it holds a quote \('\)\)$/);
    assert.equal(settings.loggerModule, undefined, 'the value is not taken');
    assert.deepEqual(settings.rules, { 'console-logging': 'off' }, 'the valid part still applies');
    for (const ok of ['./src/logger', '@acme/logger/sub', null]) assert.deepEqual(validateSettings({ loggerModule: ok }, 'cfg'), { settings: { loggerModule: ok }, errors: [] });
  });

  it('quotes a bad value in its message with control characters escaped', () => {
    const { errors } = validateSettings({ loggerModule: './a\u001b[31m\u009b2J\u202e' }, 'cfg');
    assert.equal(errors.length, 1);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e]/.test(errors[0]), JSON.stringify(errors[0]));
    assert.ok(errors[0].includes('"./a\\u001b[31m\\u009b2J\\u202e"'), errors[0]);
  });

  it('merges layers over the defaults, later layers winning per rule and per tail key', () => {
    const merged = mergeSettings(
      { rules: { 'console-logging': 'off', 'sensitive-log-data': 'error' }, tail: { files: ['a.log'] } },
      { rules: { 'console-logging': 'warning' }, ignore: ['x/'], tail: { otlpPort: 4318 } },
    );
    assert.deepEqual(merged.rules, { 'console-logging': 'warning', 'sensitive-log-data': 'error' });
    assert.deepEqual(merged.ignore, ['x/']);
    assert.deepEqual(merged.tail.files, ['a.log']);
    assert.equal(merged.tail.otlpPort, 4318);
    assert.equal(merged.tail.maxRecords, DEFAULT_SETTINGS.tail.maxRecords);
    assert.equal(merged.requestIdHeader, DEFAULT_SETTINGS.requestIdHeader);
    // Merging never mutates the shared defaults.
    assert.deepEqual(DEFAULT_SETTINGS.rules, {});
    assert.deepEqual(DEFAULT_SETTINGS.tail.files, []);
  });

  it('loads the config file at the root; a missing file sets nothing', () => {
    const root = tmp();
    assert.deepEqual(loadConfigFile(root), { settings: {}, errors: [] });
    fs.writeFileSync(path.join(root, 'obs-lens.config.json'), '\ufeff{ "rules": { "console-logging": "error" } }');
    assert.deepEqual(loadConfigFile(root), { settings: { rules: { 'console-logging': 'error' } }, errors: [] });
  });

  it('points at broken JSON with a line and column', () => {
    const root = tmp();
    fs.writeFileSync(path.join(root, 'obs-lens.config.json'), '{\n  "rules": {\n    "console-logging": "off",\n  }\n}\n');
    const { settings, errors } = loadConfigFile(root);
    assert.deepEqual(settings, {});
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^obs-lens\.config\.json: not valid JSON at line 4, column 3/);
  });

  it('explains an unreadable explicit config path', () => {
    const root = tmp();
    const { errors } = loadConfigFromPath(path.join(root, 'nope.json'));
    assert.match(errors[0], /nope\.json: cannot read .*nope\.json: file not found/);
  });
});
