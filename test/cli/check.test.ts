// `obs-lens check` end to end: the built CLI on real temporary workspaces, as CI would run it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../shared/src/rules';
import { spawnSync } from 'node:child_process';
import { CLI, PINO_SERVICE, buildOnce, makeWorkspace, parseJsonOutput, removeWorkspaces, runCli } from './helpers';

/** The unprivileged user a root run hands the unreadable-file test to. */
const NOBODY = 65534;

describe('obs-lens check', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('exits 0 and prints nothing for a clean workspace', () => {
    const root = makeWorkspace({
      'package.json': PINO_SERVICE['package.json'],
      'src/logger.ts': PINO_SERVICE['src/logger.ts'],
      'src/clean.ts': PINO_SERVICE['src/clean.ts'],
    });
    const r = runCli(['check'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('exits 1 and prints the exact JSON shape with 1-based positions and relative paths', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const r = runCli(['check', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['diagnostics']);
    const diags = parseJsonOutput(r.stdout);
    assert.ok(diags.length >= 3, r.stdout);
    for (const d of diags) {
      assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixable']);
      assert.equal(d.file, 'src/orders.ts');
      assert.ok(RULE_IDS.includes(d.rule as never));
      assert.equal(typeof d.fixable, 'boolean');
      assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line);
    }
    const lines = PINO_SERVICE['src/orders.ts'].split('\n');
    const consoleFinding = diags.find((d) => d.rule === 'console-logging');
    assert.ok(consoleFinding, r.stdout);
    // Line 4 (1-based) holds the console.log call; the finding starts on it, inside the call.
    assert.equal(consoleFinding.line, 4);
    assert.ok(consoleFinding.column >= lines[3].indexOf('console') + 1, JSON.stringify(consoleFinding));
    assert.ok(diags.some((d) => d.rule === 'unstructured-log-message' && d.line === 5), r.stdout);
    assert.ok(diags.some((d) => d.rule === 'log-argument-order' && d.line === 6), r.stdout);
  });

  it('shows paths relative to the working directory, also from below or above the project root', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const fromSrc = parseJsonOutput(runCli(['check', '.', '--format=json'], path.join(root, 'src')).stdout);
    assert.ok(fromSrc.length > 0 && fromSrc.every((d) => d.file === 'orders.ts'));
    const parent = path.dirname(root);
    const name = path.basename(root);
    const fromParent = runCli(['check', `${name}/src/orders.ts`, '--format', 'json'], parent);
    const diags = parseJsonOutput(fromParent.stdout);
    assert.ok(diags.length > 0 && diags.every((d) => d.file === `${name}/src/orders.ts`), fromParent.stdout + fromParent.stderr);
  });

  it('prints stylish text: a header per file, aligned rows and a summary', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const r = runCli(['check'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colours when stdout is not a terminal');
    const lines = r.stdout.split('\n');
    const header = lines.indexOf('src/orders.ts');
    assert.ok(header >= 0, r.stdout);
    const rows = [];
    for (let i = header + 1; i < lines.length && lines[i].startsWith('  '); i++) rows.push(lines[i]);
    assert.ok(rows.length >= 3, r.stdout);
    for (const row of rows) assert.match(row, /^ {2}\d+:\d+ +(error|warning|info|hint) +.+ {2}[a-z-]+$/);
    // Aligned: the severity column starts at the same offset in every row.
    const severityAt = rows.map((row) => row.search(/(error|warning|info|hint)/));
    assert.equal(new Set(severityAt).size, 1, rows.join('\n'));
    const ruleAt = rows.map((row) => row.lastIndexOf('  ') + 2);
    assert.equal(new Set(ruleAt).size, 1, rows.join('\n'));
    const diags = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    const errors = diags.filter((d) => d.severity === 'error').length;
    const warnings = diags.filter((d) => d.severity === 'warning').length;
    const problems = diags.length === 1 ? '1 problem' : `${diags.length} problems`;
    assert.ok(
      lines.some((l) => l.startsWith(`✖ ${problems} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)),
      r.stdout,
    );
    const fixable = diags.filter((d) => d.fixable).length;
    if (fixable > 0) assert.ok(lines.some((l) => /^ {2}\d+ problems? (is|are) fixable with the --fix option$/.test(l)), r.stdout);
  });

  it('colours the text only when asked and NO_COLOR is not set', () => {
    const root = makeWorkspace(PINO_SERVICE);
    assert.match(runCli(['check'], root, { FORCE_COLOR: '1' }).stdout, /\x1b\[\d+m/);
    assert.doesNotMatch(runCli(['check'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\x1b\[/);
  });

  it('prints SARIF 2.1.0 with rules, indexed results and relative locations', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const r = runCli(['check', '--format', 'sarif'], root);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'obs-lens');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(driver.rules.map((x: { id: string }) => x.id).sort(), [...RULE_IDS].sort());
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(rule.shortDescription.text.length > 0);
      assert.equal(rule.helpUri, `https://github.com/observability-lens/observability-lens/blob/main/server/src/analysis/rules/${rule.id}.md`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const json = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    assert.equal(run.results.length, json.length);
    run.results.forEach((res: any, i: number) => {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.equal(typeof res.message.text, 'string');
      const loc = res.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: 'src/orders.ts', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(loc.region, { startLine: json[i].line, startColumn: json[i].column, endLine: json[i].endLine, endColumn: json[i].endColumn });
    });
  });

  it('--rule runs only the named rules, even one configured off', () => {
    const root = makeWorkspace({ ...PINO_SERVICE, 'obs-lens.config.json': JSON.stringify({ rules: { 'console-logging': 'off' } }) });
    const all = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    assert.ok(!all.some((d) => d.rule === 'console-logging'), 'off in the config');
    assert.ok(all.some((d) => d.rule !== 'console-logging'));
    const only = runCli(['check', '--format', 'json', '--rule', 'console-logging'], root);
    const diags = parseJsonOutput(only.stdout);
    assert.ok(diags.length > 0, only.stdout + only.stderr);
    assert.ok(diags.every((d) => d.rule === 'console-logging'));
    const two = parseJsonOutput(runCli(['check', '--format', 'json', '--rule', 'console-logging', '--rule', 'log-argument-order'], root).stdout);
    assert.deepEqual([...new Set(two.map((d) => d.rule))].sort(), ['console-logging', 'log-argument-order']);
  });

  it('exits 2 on usage errors with a message that helps', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const unknownRule = runCli(['check', '--rule', 'console-loging'], root);
    assert.equal(unknownRule.code, 2);
    assert.match(unknownRule.stderr, /console-loging is not a rule \(did you mean console-logging\?\)/);
    for (const id of RULE_IDS) assert.ok(unknownRule.stderr.includes(id), 'lists the valid rules');
    const badFormat = runCli(['check', '--format', 'xml'], root);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
    const badFlag = runCli(['check', '--fixx'], root);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /unknown option --fixx \(did you mean --fix\?\)/);
    const missing = runCli(['check', 'nope/'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope/);
    assert.equal(runCli(['frobnicate'], root).code, 2);
    assert.equal(runCli(['check'], root).code, 1, 'the workspace itself is fine');
  });

  it('exits 2 on an invalid configuration file, naming the problem', () => {
    const root = makeWorkspace({ ...PINO_SERVICE, 'obs-lens.config.json': JSON.stringify({ rules: { 'console-loging': 'off' } }) });
    const r = runCli(['check'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /obs-lens\.config\.json:1:11: rules\.console-loging is not a rule \(did you mean console-logging\?\)/);
    assert.equal(r.stdout, '');
    fs.writeFileSync(path.join(root, 'obs-lens.config.json'), '{ "rules": ');
    const broken = runCli(['check'], root);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /obs-lens\.config\.json: not valid JSON/);
    // --config points elsewhere; the broken root file is not read.
    fs.writeFileSync(path.join(root, 'ci.json'), JSON.stringify({ rules: { 'console-logging': 'off' } }));
    const viaFlag = runCli(['check', '--config', 'ci.json', '--format', 'json'], root);
    assert.equal(viaFlag.code, 1, viaFlag.stderr);
    assert.ok(!parseJsonOutput(viaFlag.stdout).some((d) => d.rule === 'console-logging'));
    const missing = runCli(['check', '--config', 'nope.json'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: cannot read .*file not found/);
  });

  it('respects .gitignore, node_modules and the ignore setting', () => {
    const bad = PINO_SERVICE['src/orders.ts'];
    const root = makeWorkspace({
      ...PINO_SERVICE,
      '.gitignore': 'generated/\n',
      'generated/api.ts': bad,
      'node_modules/lib/index.js': "console.log('x');\n",
      'dist/server.js': "console.log('x');\n",
      'legacy/old.ts': bad,
      'obs-lens.config.json': JSON.stringify({ ignore: ['legacy/'] }),
    });
    const files = new Set(parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout).map((d) => d.file));
    assert.deepEqual([...files], ['src/orders.ts']);
  });

  it('checks sources a .gitignore keeps by name inside node_modules (Node-RED keeps its packages there), and no installed dependency', () => {
    const bad = PINO_SERVICE['src/orders.ts'];
    const root = makeWorkspace({
      'package.json': PINO_SERVICE['package.json'],
      '.gitignore': 'node_modules\n!packages/node_modules\n',
      'packages/node_modules/@app/runtime/package.json': PINO_SERVICE['package.json'],
      'packages/node_modules/@app/runtime/src/logger.ts': PINO_SERVICE['src/logger.ts'],
      'packages/node_modules/@app/runtime/src/orders.ts': bad,
      'packages/node_modules/@app/runtime/node_modules/dep/index.js': "console.log('x');\n",
      'node_modules/lib/index.js': "console.log('x');\n",
      // One kept package imports another by name, as Node finds it there (no workspace declared).
      'packages/node_modules/@app/util/package.json': JSON.stringify({ name: '@app/util', main: 'index.js' }),
      'packages/node_modules/@app/util/index.js': "module.exports = { log: require('./lib/log') };\n",
      'packages/node_modules/@app/util/lib/log.js': [
        'var log = module.exports = {',
        '  log: function (msg) { handlers.forEach(function (h) { h.emit("log", msg); }); },',
        '  info: function (msg) { log.log({ level: 30, msg: msg }); },',
        '  warn: function (msg) { log.log({ level: 40, msg: msg }); },',
        '  error: function (msg) { log.log({ level: 50, msg: msg }); },',
        '};',
        'var handlers = [];',
        '',
      ].join('\n'),
      'packages/node_modules/@app/runtime/src/comms.js': "var log = require('@app/util').log;\nexports.open = function (session) { log.info('comms.open ' + session); };\n",
    });
    const all = parseJsonOutput(runCli(['check', '--format', 'json'], root).stdout);
    const files = new Set(all.map((d) => d.file));
    assert.deepEqual([...files].sort(), ['packages/node_modules/@app/runtime/src/comms.js', 'packages/node_modules/@app/runtime/src/orders.ts']);
    assert.ok(all.some((d) => d.file.endsWith('comms.js') && d.rule === 'unstructured-log-message'), JSON.stringify(all));
    // Named, the kept folder is checked the same; an installed one is said to be ignored.
    const named = runCli(['check', '--format', 'json', 'packages/node_modules/@app/runtime'], root);
    assert.deepEqual([...new Set(parseJsonOutput(named.stdout).map((d) => d.file))].sort(), ['packages/node_modules/@app/runtime/src/comms.js', 'packages/node_modules/@app/runtime/src/orders.ts']);
    const installed = runCli(['check', 'node_modules/lib'], root);
    assert.equal(installed.code, 2);
    assert.match(installed.stderr, /node_modules\/lib: every file in it is ignored/);
  });

  it("a service checked alone still learns how the workspace logger package it depends on writes records (Nango's winston format serialising errors under err, error and cause)", () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/utils/package.json': JSON.stringify({ name: '@acme/utils', main: 'lib/index.ts', dependencies: { winston: '^3' } }),
      'packages/utils/lib/index.ts': [
        "import winston from 'winston';",
        "const ERROR_KEYS = ['err', 'error', 'cause'];",
        'const serializeErrors = winston.format((info) => {',
        '  for (const key of ERROR_KEYS) if (info[key] instanceof Error) info[key] = toObject(info[key]);',
        '  return info;',
        '});',
        'function toObject(e: Error) { return { message: e.message, stack: e.stack }; }',
        "export const getLogger = (name: string) => winston.createLogger({ format: serializeErrors(), defaultMeta: { name } });",
        '',
      ].join('\n'),
      'packages/server/package.json': JSON.stringify({ name: '@acme/server', dependencies: { '@acme/utils': '*', express: '^4' } }),
      'packages/server/lib/cron.ts': [
        "import { getLogger } from '@acme/utils';",
        "const logger = getLogger('cron');",
        'export async function run(job: () => Promise<void>) {',
        '  try {',
        '    await job();',
        '  } catch (err) {',
        "    logger.error('cron failed', { error: err as Error });",
        "    logger.error('cron failed', { reason: err as Error });",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    for (const args of [['packages/server'], []]) {
      const found = parseJsonOutput(runCli(['check', '--format', 'json', ...args], root).stdout).filter((d) => d.rule === 'error-not-serialized');
      assert.deepEqual(found.map((d) => `${d.file}:${d.line}`), ['packages/server/lib/cron.ts:8'], `check ${args.join(' ')}`);
    }
  });

  it('says so when a folder it is asked to check holds no source, exit 2 (as ESLint: no files matching)', () => {
    const root = makeWorkspace({ ...PINO_SERVICE, 'docs/readme.md': '# docs\n' });
    const r = runCli(['check', 'src', 'docs'], root);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(r.stderr.includes('obs-lens: docs: no JavaScript or TypeScript file to check in it (dependency, build and ignored folders are skipped)\n'), r.stderr);
    assert.ok(r.stdout.includes('src/orders.ts'), 'the folder with source is still checked');
  });

  it('skips a 10 MB generated file with a message and still succeeds', () => {
    const root = makeWorkspace({
      'package.json': PINO_SERVICE['package.json'],
      'src/logger.ts': PINO_SERVICE['src/logger.ts'],
      'src/clean.ts': PINO_SERVICE['src/clean.ts'],
    });
    const row = "export const x = 'console.log(\"generated\")';\n";
    fs.writeFileSync(path.join(root, 'src', 'generated.ts'), `console.log('big');\n${row.repeat(Math.ceil((10 * 1024 * 1024) / row.length))}`);
    const json = runCli(['check', '--format', 'json'], root);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(parseJsonOutput(json.stdout), []);
    const size = fs.statSync(path.join(root, 'src', 'generated.ts')).size.toLocaleString('en-US');
    assert.ok(json.stderr.includes(`skipped src/generated.ts: file is ${size} bytes, over the 2,097,152-byte limit (generated or bundled code is not analysed)\n`), json.stderr);
    const text = runCli(['check'], root);
    assert.equal(text.code, 0);
    assert.ok(text.stdout.includes(`src/generated.ts\n  skipped  file is ${size} bytes, over the 2,097,152-byte limit`), text.stdout);
  });

  it('stops a file past the time budget, says why, and does not cache that', () => {
    const calls = Array.from({ length: 2_000 }, (_, i) => `  logger.info('step ${i} of ' + id + ' took ' + ms + 'ms');`).join('\n');
    const root = makeWorkspace({
      'package.json': PINO_SERVICE['package.json'],
      'src/logger.ts': PINO_SERVICE['src/logger.ts'],
      'src/generated.ts': `import { logger } from './logger';\n\nexport function trace(id: string, ms: number): void {\n${calls}\n}\n`,
    });
    const noTime = { OBS_LENS_TIME_BUDGET_MS: '0' };
    const json = runCli(['check', '--format', 'json', '--cache'], root, noTime);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(parseJsonOutput(json.stdout), []);
    assert.match(json.stderr, /obs-lens: skipped src\/generated\.ts: analysis stopped after \d+ ms \(budget 0 ms\): the file is too complex to analyse in time/);
    const text = runCli(['check'], root, noTime);
    assert.match(text.stdout, /src\/generated\.ts\n {2}skipped {2}analysis stopped after \d+ ms \(budget 0 ms\)/);
    // With the default budget the same file is analysed, not answered from the cache of the stopped run.
    const again = runCli(['check', '--format', 'json', '--cache'], root);
    assert.equal(again.code, 1, again.stderr);
    assert.equal(parseJsonOutput(again.stdout).filter((d) => d.rule === 'unstructured-log-message').length, 2_000);
  });

  it('reports an unreadable file and checks the rest', function () {
    const root = makeWorkspace(PINO_SERVICE);
    // Root reads every file whatever its mode: as root (CI), the CLI runs as `nobody` over a
    // workspace everyone may read, when `nobody` can run node and read the CLI here at all.
    const asRoot = process.getuid?.() === 0;
    const uid = asRoot ? NOBODY : undefined;
    if (asRoot) {
      if (spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`], { uid: NOBODY, gid: NOBODY }).status !== 0) this.skip();
      fs.chmodSync(root, 0o755);
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) fs.chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
    }
    const locked = path.join(root, 'src', 'locked.ts');
    fs.writeFileSync(locked, "console.log('x');\n");
    fs.chmodSync(locked, 0o000);
    try {
      const r = runCli(['check', '--format', 'json'], root, {}, undefined, uid);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /src\/locked\.ts: cannot read: permission denied/);
      assert.ok(parseJsonOutput(r.stdout).some((d) => d.file === 'src/orders.ts'));
    } finally {
      fs.chmodSync(locked, 0o644);
    }
  });

  it('prints its version and help', () => {
    const root = makeWorkspace(PINO_SERVICE);
    const version = runCli(['--version'], root);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^obs-lens \d+\.\d+\.\d+ \(engine .+\)\n$/);
    const help = runCli(['check', '--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format text\|json\|sarif/);
  });
});
