// A configuration value is data: a loggerModule with code in it is a configuration error for
// `obs-lens check --fix`, and nothing of it reaches the files the fix would have rewritten.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, removeWorkspaces, runCli } from './helpers';

const PAYLOAD = "./logger'); require('child_process').exec('x'); ('";
const APP = `function handle(id) {\n  console.log('handled', id);\n}\nmodule.exports = { handle };\n`;
const PKG = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { pino: '^9.0.0' } });

describe('obs-lens check: loggerModule from the workspace', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('a loggerModule with code in it stops --fix with a configuration error (exit 2) and writes nothing', () => {
    const root = makeWorkspace({ 'package.json': PKG, 'obs-lens.config.json': JSON.stringify({ loggerModule: PAYLOAD }, null, 2), 'src/app.js': APP });
    const r = runCli(['check', '--fix'], root);
    assert.equal(fs.readFileSync(path.join(root, 'src', 'app.js'), 'utf8'), APP, 'the file is untouched');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /obs-lens\.config\.json:2:19: loggerModule must be a module specifier such as "\.\/src\/logger" or "@acme\/logger", or null, not "\.\/logger'\); require\('child_process'\)\.exe.*\(it holds a quote \('\)\)/);
    assert.ok(!r.stdout.includes('child_process'));
  });

  it('the same value through --config is refused the same way', () => {
    const root = makeWorkspace({ 'package.json': PKG, 'ci.json': JSON.stringify({ loggerModule: PAYLOAD }), 'src/app.js': APP });
    const r = runCli(['check', '--fix', '--config', 'ci.json'], root);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /ci\.json:1:17: loggerModule must be a module specifier/);
    assert.equal(fs.readFileSync(path.join(root, 'src', 'app.js'), 'utf8'), APP);
  });
});
