// The request-context rules and inventory through the built CLI, on the fixture services of
// test/fixtures/context (one per context source: pino-http, Fastify 5, cls-rtracer with a winston
// format, an AsyncLocalStorage middleware with a pino mixin and a header-adding client wrapper,
// OpenTelemetry auto-instrumentation, express-http-context, nestjs-cls, none at all; express-layers:
// routes -> controllers -> a service class -> a repository across files, with a timer, a queue
// consumer and start-up code calling the same repository). Each expected
// finding is marked in the fixture by `// expect: <rule>` on its line; the services copied into a
// temporary workspace (files under test/ are tests to the engine, not service code).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, parseJsonOutput, REPO, removeWorkspaces, runCli } from './helpers';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'context');
const RULES = 'incoming-request-id-ignored,handler-missing-request-context,outgoing-call-without-context';

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

function fixtureWorkspace(): { root: string; expected: string[] } {
  const files: Record<string, string> = {};
  const expected: string[] = [];
  for (const rel of listFiles(FIXTURES)) {
    const text = fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
    files[rel] = text;
    text.split('\n').forEach((line, i) => {
      const m = /\/\/ expect: ([\w-]+)/.exec(line);
      if (m) expected.push(`${rel}:${i + 1} ${m[1]}`);
    });
  }
  return { root: makeWorkspace(files), expected: expected.sort() };
}

describe('obs-lens: request context', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('check reports exactly the marked findings: on handlers, not at start-up, in timers or in services that carry the context', () => {
    const { root, expected } = fixtureWorkspace();
    const r = runCli(['check', '--rule', RULES, '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const found = parseJsonOutput(r.stdout).map((d) => `${d.file}:${d.line} ${d.rule}`).sort();
    assert.deepEqual(found, expected);
    // The service where the mixin carries the id into every record and every call goes through a wrapper: nothing.
    assert.ok(!found.some((f) => f.startsWith('als-mixin/') || f.startsWith('otel/') || f.startsWith('no-request-id/')));
  });

  it('inventory names each service\'s context sources, in text and JSON', () => {
    const { root } = fixtureWorkspace();
    const r = runCli(['inventory', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const services = (JSON.parse(r.stdout) as { services: Array<{ root: string; context: Array<{ kind: string; library?: string; label?: string; file?: string; line?: number }> }> }).services;
    const sources = Object.fromEntries(services.map((s) => [s.root, s.context.map((c) => (c.kind === 'library' ? c.library : `${c.label} ${c.file}:${c.line}`))]));
    assert.deepEqual(sources, {
      'als-mixin': ['AsyncLocalStorage.run around next() als-mixin/src/context.js:10', 'pino mixin als-mixin/src/logger.js:5'],
      'express-http-context': ['express-http-context', 'winston format express-http-context/src/app.js:6'],
      'express-layers': ['pino-http', 'pino-http middleware express-layers/src/app.ts:9'],
      'express-pino-http': ['pino-http', 'pino-http middleware express-pino-http/src/app.js:8'],
      'fastify-v5': ['fastify'],
      'nestjs-cls': ['nestjs-cls'],
      'no-request-id': [],
      otel: ['express-request-id', 'opentelemetry', 'getNodeAutoInstrumentations otel/src/tracing.js:4'],
      'rtracer-winston': ['cls-rtracer', 'winston format rtracer-winston/src/logger.js:5'],
    });
    const text = runCli(['inventory'], root).stdout;
    assert.match(text, /rtracer-winston {2}\(payments\)[\s\S]*?context {6}cls-rtracer {5}\(cls-rtracer\)\n {15}winston format {2}rtracer-winston\/src\/logger\.js:5/);
    assert.match(text, /no-request-id {2}\(legacy\)[\s\S]*?context {6}none/);
  });

  it('--fix applies only the safe fix (the request logger); header and id-source fixes wait for a person', () => {
    const { root } = fixtureWorkspace();
    const r = runCli(['check', '--rule', RULES, '--fix', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const orders = fs.readFileSync(path.join(root, 'express-pino-http/src/routes/orders.js'), 'utf8');
    assert.match(orders, /^ {2}req\.log\.info\(\{ orderId: req\.params\.id \}, 'loading order'\);/m);
    assert.match(orders, /await fetch\(`http:\/\/stock\/items\/\$\{req\.params\.id\}`\);/);
    assert.match(fs.readFileSync(path.join(root, 'fastify-v5/src/server.ts'), 'utf8'), /^ {2}request\.log\.info\('product requested'\);/m);
    const left = parseJsonOutput(r.stdout);
    // Left: the log calls on request paths in other files (the request is not in scope there, or only
    // through a parameter it is passed into: no safe fix), and every outgoing call.
    assert.deepEqual(left.filter((d) => d.rule === 'handler-missing-request-context').map((d) => `${d.file}:${d.line}`).sort(), [
      'express-layers/src/clients/mailer.ts:18',
      'express-layers/src/controllers/users.ts:10',
      'express-layers/src/repositories/users.ts:8',
      'express-layers/src/services/users.ts:11',
      'express-layers/src/services/users.ts:23',
      'express-pino-http/src/services/orders.js:5',
    ]);
    assert.equal(left.filter((d) => d.rule === 'outgoing-call-without-context').length, 5);
  });

  it('the requestIdHeader setting names the header the rules look for and the fixes write', () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4', 'pino-http': '^10' } }),
      'obs-lens.config.json': JSON.stringify({ requestIdHeader: 'X-Correlation-Id' }),
      'src/app.js': [
        "const express = require('express');",
        "const pinoHttp = require('pino-http');",
        'const app = express();',
        'app.use(pinoHttp());',
        "const { forward, forwardWithId } = require('./client');",
        "app.get('/a', async (req, res) => {",
        "  await fetch('http://b/', { headers: { 'x-correlation-id': String(req.id) } });",
        "  await fetch('http://c/');",
        '  await forward(req.id);',
        '  await forwardWithId(req.id);',
        '  res.end();',
        '});',
        '',
      ].join('\n'),
      // On the request path in another file: the service phase reads the same setting.
      'src/client.js': [
        'async function forward(id) {',
        "  await fetch('http://d/', { headers: { accept: 'application/json' } });",
        '}',
        'async function forwardWithId(id) {',
        "  await fetch('http://e/', { headers: { 'x-correlation-id': String(id) } });",
        '}',
        'module.exports = { forward, forwardWithId };',
        '',
      ].join('\n'),
    });
    const r = runCli(['check', '--rule', RULES, '--format', 'json'], root);
    const found = parseJsonOutput(r.stdout);
    assert.deepEqual(found.map((d) => `${d.file}:${d.line} ${d.rule}`), ['src/app.js:4 incoming-request-id-ignored', 'src/app.js:8 outgoing-call-without-context', 'src/client.js:2 outgoing-call-without-context']);
    assert.match(found[0].message, /in x-correlation-id:/);
    assert.match(found[1].message, /\(x-correlation-id\)/);
    assert.match(found[2].message, /^This fetch call runs on the request path of GET \/a via forward and does not pass the request id \(x-correlation-id\)/);
  });
});
