// `obs-lens inventory`, the built CLI on the framework fixtures (test/fixtures/frameworks) and the
// example service: every handler with its full route path and nothing else, middleware apart,
// loggers and entry points; text output safe for a terminal; usage errors exit 2.
import * as assert from 'node:assert/strict';
import { buildOnce, makeWorkspace, REPO, removeWorkspaces, runCli } from './helpers';

interface JsonPlace {
  file: string;
  line: number;
  column: number;
}

interface JsonService {
  root: string;
  name: string | null;
  frameworks: string[];
  loggers: Array<Record<string, unknown>>;
  entryPoints: Array<{ kind: string; target: string | null; command?: string }>;
  handlers: Array<JsonPlace & { method: string; path: string | null; framework: string; handler: JsonPlace | null; requestParam: string | null }>;
  middleware: Array<JsonPlace & { path: string | null; label: string }>;
}

function inventory(target: string, cwd = REPO): JsonService[] {
  const r = runCli(['inventory', target, '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return (JSON.parse(r.stdout) as { services: JsonService[] }).services;
}

let fixtures: JsonService[];
let example: JsonService[];

/** The one service at `root`, from the run over every fixture (or the example's run). */
function only(root: string): JsonService {
  const found = [...fixtures, ...example].filter((s) => s.root === root);
  assert.equal(found.length, 1, `one service at ${root}`);
  return found[0];
}

const routes = (s: JsonService) => s.handlers.map((h) => `${h.method} ${h.path}`);
const FIXTURES = 'test/fixtures/frameworks';

describe('obs-lens inventory', function () {
  this.timeout(120_000);
  before(() => {
    buildOnce();
    fixtures = inventory(FIXTURES);
    example = inventory('examples/express-service');
  });
  after(removeWorkspaces);

  it('Express: a router from another file under /api, a sub-app, a route object, handlers imported by name; middleware apart', () => {
    const s = only(`${FIXTURES}/express`);
    assert.deepEqual(s.frameworks, ['express']);
    assert.deepEqual(routes(s), ['GET /admin/stats', 'POST /api/orders', 'DELETE /api/orders/:id', 'GET /api/users', 'GET /api/users/:id', 'GET /health', 'GET /items', 'POST /items']);
    assert.deepEqual(s.middleware.map((m) => `${m.path} ${m.label}`), ['/api/orders requireAuth', '/ express.json()', '/ pinoHttp({ logger })']);
    const show = s.handlers.find((h) => h.path === '/api/users/:id')!;
    assert.deepEqual([show.file, show.line], [`${FIXTURES}/express/src/routes/api.ts`, 8]);
    assert.deepEqual(show.handler, { file: `${FIXTURES}/express/src/handlers/users.ts`, line: 7, column: 21 });
    assert.equal(show.requestParam, 'request');
    const health = s.handlers.find((h) => h.path === '/health')!;
    assert.equal(health.handler?.file, `${FIXTURES}/express/src/handlers/health.js`);
    assert.deepEqual(s.loggers, [
      { kind: 'module', module: `${FIXTURES}/express/src/logger.ts`, exports: [{ name: 'logger', library: 'pino' }], configured: false },
      { kind: 'request', package: 'pino-http', library: 'pino', expression: 'req.log' },
    ]);
    assert.deepEqual(s.entryPoints, [{ kind: 'start', target: 'src/server.ts', command: 'ts-node src/server.ts' }]);
  });

  it('Fastify: shorthand, route({...}), plugins from other files registered with a prefix, hooks as middleware', () => {
    const s = only(`${FIXTURES}/fastify`);
    assert.deepEqual(routes(s), ['GET /', 'GET /health', 'GET /status', 'HEAD /status', 'GET /users', 'POST /users', 'GET /users/:id', 'GET /v2/ping']);
    assert.deepEqual(s.middleware.map((m) => m.label), ['onRequest hook', 'setErrorHandler']);
    assert.ok(s.handlers.filter((h) => h.path!.startsWith('/users')).every((h) => h.file === `${FIXTURES}/fastify/src/routes/users.js` && h.requestParam === 'request'));
    assert.deepEqual(s.entryPoints, [{ kind: 'main', target: 'dist/app.js' }]);
  });

  it('Koa with @koa/router: the prefix option, nested use() under a path, prefix()', () => {
    const s = only(`${FIXTURES}/koa`);
    assert.deepEqual(routes(s), ['GET /api/admin', 'GET /api/status', 'GET /api/users', 'GET /api/users/:id', 'DELETE /api/users/:id']);
    assert.ok(s.handlers.every((h) => h.requestParam === 'ctx'));
    assert.deepEqual(s.middleware.map((m) => m.label), ['(ctx, next) => …', 'apiRouter.allowedMethods()']);
  });

  it('NestJS: controller prefixes, method decorators, the global prefix, @Req() parameters', () => {
    const s = only(`${FIXTURES}/nestjs`);
    assert.deepEqual(
      s.handlers.map((h) => `${h.method} ${h.path} ${h.requestParam}`),
      ['GET /api/health null', 'GET /api/users req', 'POST /api/users request', 'GET /api/users/:id null'],
    );
    assert.deepEqual(s.entryPoints, [{ kind: 'start', target: null, command: 'nest start' }]);
  });

  it('Next.js: app router route.ts exports (route groups leave no segment) and pages/api', () => {
    const s = only(`${FIXTURES}/nextjs`);
    assert.deepEqual(routes(s), ['ALL /api/health', 'ALL /api/orders', 'GET /api/users/[id]', 'POST /api/users/[id]', 'GET /products', 'HEAD /products']);
    assert.equal(s.handlers.find((h) => h.method === 'HEAD')!.requestParam, 'req');
  });

  it('Hono: app.route() mounts, basePath, on() with several methods, chained routes', () => {
    const s = only(`${FIXTURES}/hono`);
    assert.deepEqual(routes(s), ['GET /', 'GET /api/status', 'PUT /items/:id', 'PATCH /items/:id', 'GET /v1/users', 'POST /v1/users']);
    assert.ok(s.handlers.every((h) => h.requestParam === 'c'));
    assert.deepEqual(s.middleware.map((m) => `${m.path} ${m.label}`), ['/* (c, next) => …']);
  });

  it('node:http: createServer handlers, inline and imported by name', () => {
    const s = only(`${FIXTURES}/node-http`);
    assert.deepEqual(
      s.handlers.map((h) => `${h.method} ${h.path} ${h.file} ${h.handler?.file} ${h.requestParam}`),
      [`ALL /* ${FIXTURES}/node-http/admin.mjs ${FIXTURES}/node-http/handler.mjs request`, `ALL /* ${FIXTURES}/node-http/server.js ${FIXTURES}/node-http/server.js req`],
    );
  });

  it('the example service: every route with its mount prefix; the error middleware is middleware', () => {
    const s = only('examples/express-service');
    assert.deepEqual(routes(s), ['GET /health', 'POST /orders', 'GET /orders/:id', 'POST /users', 'GET /users/:id', 'POST /users/login']);
    assert.deepEqual(s.middleware.map((m) => m.label.replace(/\(\{.*/, '(…')), ['express.json()', 'pinoHttp(…', '(err, req, res, _next) => …']);
    assert.deepEqual(
      s.entryPoints.map((e) => `${e.kind} ${e.target}`),
      ['main dist/app.js', 'start dist/app.js'],
    );
  });

  it('lists every service under a folder, one per package', () => {
    assert.deepEqual(example.map((s) => s.root), ['examples/express-service']);
    assert.deepEqual(
      fixtures.map((s) => `${s.root} ${s.frameworks.join(',')}`),
      ['express', 'fastify', 'hono', 'koa', 'nestjs', 'nextjs', 'node-http'].map((f) => `${FIXTURES}/${f} ${f}`),
    );
  });

  it('text output lists handlers by path with file:line, and escapes control characters from the workspace', () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'evil\u001b]0;pwned\u0007', dependencies: { express: '^4' } }),
      'src/app.js': `const express = require('express');\nconst app = express();\napp.get('/a\\u001b[2Jb', (req, res) => res.end());\napp.get('/ok', (req, res) => res.end());\n`,
    });
    const r = runCli(['inventory'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /evil\\x1b\]0;pwned\\x07/);
    assert.match(r.stdout, /GET {2}\/a\\x1b\[2Jb {2}src\/app\.js:3/);
    // Columns line up after escaping: the file column starts at the same place on both rows.
    const rows = r.stdout.split('\n').filter((l) => l.includes('src/app.js'));
    assert.equal(rows.length, 2);
    assert.equal(rows[0].indexOf('src/app.js'), rows[1].indexOf('src/app.js'));
    // JSON keeps the text as it is, escaped the JSON way.
    const json = runCli(['inventory', '--format', 'json'], root);
    const [service] = (JSON.parse(json.stdout) as { services: JsonService[] }).services;
    assert.deepEqual(routes(service), ['GET /a\u001b[2Jb', 'GET /ok']);
  });

  it('says so when there is no service, and exits 2 on bad usage', () => {
    const root = makeWorkspace({ 'package.json': JSON.stringify({ name: 'lib', dependencies: { lodash: '*' } }), 'index.js': 'module.exports = 1;\n' });
    const none = runCli(['inventory'], root);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /^No services found/);
    assert.deepEqual(JSON.parse(runCli(['inventory', '--format', 'json'], root).stdout), { services: [] });
    const bad = runCli(['inventory', '--format', 'yaml'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of text, json/);
    const unknown = runCli(['inventory', '--fromat', 'json'], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --fromat \(did you mean --format\?\)/);
    const missing = runCli(['inventory', 'nowhere'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nowhere/);
  });
});
