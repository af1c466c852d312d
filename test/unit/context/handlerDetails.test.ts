// The handler details behind the editor's hover (analysis/services/handlerDetails.ts), on the
// phase's own service views over real files: context sources in front of a handler in mount order
// and service-wide, and how each outgoing call of its body stands with the request's context.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProjectModel, noteFile } from '../../../server/src/analysis';
import { handlerDetailsOf, type HandlerDetails } from '../../../server/src/analysis/services/handlerDetails';
import { serviceViews } from '../../../server/src/analysis/services/phase';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'context');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every handler's details in the services under `root`, as the language server keeps them. */
function detailsIn(root: string): HandlerDetails[] {
  const model = createProjectModel(root, { loggerModule: null });
  const files = listFiles(root).filter((f) => /\.[jt]s$/.test(f));
  for (const f of files) noteFile(model, f, fs.readFileSync(f, 'utf8'));
  return serviceViews(model, files).flatMap((s) => handlerDetailsOf(s, () => 'x-request-id'));
}

const byRoute = (list: HandlerDetails[], route: string) => {
  const found = list.find((h) => `${h.method} ${h.path}` === route);
  assert.ok(found, `${route} in ${list.map((h) => `${h.method} ${h.path}`).join(', ')}`);
  return found;
};

describe('handler details (the hover on a handler)', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-details-')))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    }
  };

  it('puts a request-id middleware of the project in front of the routes mounted after it only', () => {
    write({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4.19.0', axios: '^1.7.0' } }),
      'src/app.js': [
        "const express = require('express');",
        "const axios = require('axios');",
        "const { randomUUID } = require('node:crypto');",
        'const app = express();',
        "app.get('/early', (req, res) => res.send('ok'));",
        'app.use((req, res, next) => {',
        "  req.id = req.headers['x-request-id'] || randomUUID();",
        '  next();',
        '});',
        "const billing = axios.create({ baseURL: 'http://billing' });",
        "billing.interceptors.request.use((config) => config);",
        "app.get('/late', async (req, res) => {",
        '  const options = { method: "POST" };',
        "  await fetch('http://stock/items', options);",
        "  await billing.get('/status');",
        "  await fetch('http://audit/seen', { headers: { traceparent: req.headers.traceparent } });",
        '  res.send("ok");',
        '});',
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const list = detailsIn(tmp);
    assert.deepEqual(byRoute(list, 'GET /early').context.sources, []);
    const late = byRoute(list, 'GET /late');
    assert.deepEqual(
      late.context.sources.map((s) => `${s.scope} ${s.label} ${s.line! + 1}: ${s.gives.join(', ')}`),
      ['front (req, res, next) => … 6: request id'],
    );
    assert.deepEqual(
      late.outgoing?.map((o) => `${o.label} ${o.line + 1} ${o.passing}`),
      ['fetch 14 unknown', 'axios 15 interceptor', 'fetch 16 passes'],
    );
    assert.deepEqual(late.span, { line: 11, column: 0, endLine: 11, endColumn: 15 });
  });

  it("lists the request path's outgoing calls and context-losing log calls: middleware in front, functions in other files, once each", () => {
    write({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4.19.0', pino: '^9.0.0', 'pino-http': '^10.0.0', axios: '^1.7.0', '@opentelemetry/api': '^1.9.0' } }),
      'src/logger.js': "const pino = require('pino');\nmodule.exports = { logger: pino() };\n",
      'src/auth.js': [
        "const { logger } = require('./logger');",
        'async function auth(req, res, next) {',
        "  await fetch('http://auth/check', { headers: { 'x-request-id': String(req.id) } });",
        "  logger.info('checked');",
        '  next();',
        '}',
        'module.exports = { auth };',
        '',
      ].join('\n'),
      'src/stock.js': [
        "const axios = require('axios');",
        "const { propagation, context } = require('@opentelemetry/api');",
        "const { logger } = require('./logger');",
        'async function reserve(log, sku) {',
        '  const headers = {};',
        '  propagation.inject(context.active(), headers);',
        "  await axios.post('http://stock/reserve', { sku }, { headers: { accept: 'json' } });",
        "  log.info({ sku }, 'reserved');",
        '  return audit(sku);',
        '}',
        'function audit(sku) {',
        "  logger.warn({ sku }, 'audit');",
        "  return fetch('http://audit/log', { method: 'POST' });",
        '}',
        'module.exports = { reserve, audit };',
        '',
      ].join('\n'),
      'src/app.js': [
        "const express = require('express');",
        "const pinoHttp = require('pino-http');",
        "const { auth } = require('./auth');",
        "const { reserve, audit } = require('./stock');",
        "const { logger } = require('./logger');",
        'const app = express();',
        'app.use(pinoHttp());',
        'app.use(auth);',
        "app.post('/orders', async (req, res) => {",
        "  logger.info('ordering');",
        "  req.log.info('ordering, with the id');",
        "  await reserve(req.log, 'a');",
        "  await audit('b');",
        "  res.send('ok');",
        '});',
        'app.listen(3000);',
        '',
      ].join('\n'),
    });
    const p = byRoute(detailsIn(tmp), 'POST /orders').requestPath;
    assert.ok(p, 'the handler is on a request path');
    const where = (n: { file: string; line: number; fn: string | null }) => `${path.relative(tmp, n.file)}:${n.line + 1} ${n.fn ?? '-'}`;
    // audit is called by the handler and by reserve: listed once.
    assert.deepEqual(
      p.outgoing.map((o) => `${o.label} ${where(o)} ${o.passing}`),
      ['fetch src/auth.js:3 auth passes', 'axios src/stock.js:7 reserve injected', 'fetch src/stock.js:13 audit missing'],
    );
    // The handler's own body first, then the middleware's and the functions' it reaches; `req.log` and the logger handed in carry the context.
    assert.deepEqual(p.logsWithoutContext?.map((l) => `${l.call} ${where(l)}`), ['logger.info src/app.js:10 -', 'logger.info src/auth.js:4 auth', 'logger.warn src/stock.js:12 audit']);
    assert.equal(p.more, 0);
  });

  it('lists what applies to every request: a logger format reading cls-rtracer, OpenTelemetry instrumentation', () => {
    const rtracer = byRoute(detailsIn(path.join(FIXTURES, 'rtracer-winston')), 'POST /payments');
    assert.deepEqual(
      rtracer.context.sources.map((s) => `${s.scope} ${s.label}: ${s.gives.join(', ')}`),
      ['front rTracer.expressMiddleware(): request id, async context', "service winston format: the shared logger adds the request's context to every record"],
    );
    assert.deepEqual(rtracer.outgoing?.map((o) => `${o.label} ${o.passing}`), ['fetch missing']);
    // Started with auto-instrumentation: its trace context goes out on the fetch; express-request-id is mounted in front.
    const otel = byRoute(detailsIn(path.join(FIXTURES, 'otel')), 'GET /profiles/:id');
    assert.deepEqual(
      otel.context.sources.map((s) => `${s.scope} ${s.label}: ${s.gives.join(', ')}`).slice(0, 2),
      ['front addRequestId(): request id', 'service OpenTelemetry instrumentation: trace context on amqp, aws, bullmq, fetch, http, kafka calls'],
    );
    assert.deepEqual(otel.outgoing?.map((o) => `${o.label} ${o.passing}`), ['fetch instrumented']);
  });
});
