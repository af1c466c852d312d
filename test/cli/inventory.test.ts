// `obs-lens inventory`, the built CLI on the framework fixtures (test/fixtures/frameworks) and the
// example service: every handler with its full route path and nothing else, middleware apart,
// loggers and entry points; text output safe for a terminal; usage errors exit 2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, REPO, removeWorkspaces, runCli, writeTree } from './helpers';

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

  it("restify: routes named by an options object, mounted by another module, on a server declared before it is made; req.log is its bunyan request logger; on('after') measures every route of its server", () => {
    const s = only(`${FIXTURES}/restify`);
    assert.deepEqual(s.frameworks, ['restify']);
    assert.deepEqual(routes(s), ['GET /:account/machines', 'DELETE /:account/machines/:machine', 'GET /kang/snapshot', 'GET /ping']);
    assert.ok(s.handlers.every((h) => h.requestParam === 'req'));
    assert.deepEqual(s.middleware.map((m) => m.label), ['restify.plugins.pre.sanitizePath()', 'restify.plugins.queryParser()', 'restify.plugins.requestLogger()', "on('after')"]);
    assert.deepEqual(s.loggers, [{ kind: 'request', package: 'restify', library: 'bunyan', expression: 'req.log' }]);
    // Checked outside the repository's test folder (there, every file is a test's): the handlers' bunyan
    // messages are read through req.log, restify's own request id leaves no service without one, and
    // triton-metrics' after-event listener measures the API server's routes, not the monitor's.
    const root = makeWorkspace(Object.fromEntries(['package.json', 'main.js', 'lib/app.js', 'lib/machines.js'].map((f) => [f, fs.readFileSync(path.join(REPO, FIXTURES, 'restify', f), 'utf8')])));
    const r = runCli(['check', '.', '--format', 'json', '--summary'], root);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string; file: string; line: number }>; coverage: Array<{ measured: number; total: number; unmeasured: Array<{ path: string }>; measuredHandlers: Array<{ path: string; measuredBy: Array<{ what: string }> }> }> };
    assert.deepEqual(out.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`), ['lib/app.js:9 handler-missing-metrics', 'lib/machines.js:2 unstructured-log-message', 'lib/machines.js:8 unstructured-log-message']);
    assert.deepEqual(out.coverage[0].unmeasured.map((h) => h.path), ['/kang/snapshot']);
    assert.deepEqual([...new Set(out.coverage[0].measuredHandlers.flatMap((h) => h.measuredBy.map((b) => b.what)))], ['middleware: triton-metrics (lib/app.js:30)']);
  });

  it("restify 9 and later: req.log is pino (arguments after the message are dropped, not appended), and without the requestLogger plugin it is the server's logger, so no handler is told to log through it", () => {
    const app = [
      "const restify = require('restify');",
      "const pino = require('pino');",
      "const logger = pino({ redact: ['req.headers.authorization'] });",
      '',
      "const server = restify.createServer({ name: 'api', log: logger });",
      "server.get({ path: '/machines/:id', name: 'GetMachine' }, (req, res, next) => {",
      "  logger.info({ id: req.params.id }, 'machine read');",
      "  req.log.warn('machine missing:', req.params.id);",
      '  res.send({});',
      '  return next();',
      '});',
      'server.listen(8080);',
      '',
    ].join('\n');
    const pkg = (restify: string) => JSON.stringify({ name: 'api', scripts: { start: 'node app.js' }, dependencies: { restify, pino: '^9' } });
    const found = (root: string) => (JSON.parse(runCli(['check', '.', '--format', 'json'], root).stdout) as { diagnostics: Array<{ rule: string; line: number }> }).diagnostics.filter((d) => d.rule !== 'handler-missing-metrics').map((d) => `${d.line} ${d.rule}`);
    assert.deepEqual(found(makeWorkspace({ 'package.json': pkg('^11.1.0'), 'app.js': app })), []);
    // restify 8: bunyan appends the argument to the message; with the plugin, req.log carries the request's id.
    const withPlugin = app.replace("server.get(", 'server.use(restify.plugins.requestLogger());\nserver.get(');
    assert.deepEqual(found(makeWorkspace({ 'package.json': pkg('^8.6.1'), 'app.js': withPlugin })), ['8 handler-missing-request-context', '9 unstructured-log-message']);
  });

  it('NestJS: controller prefixes, method decorators, the global prefix, @Req() parameters', () => {
    const s = only(`${FIXTURES}/nestjs`);
    assert.deepEqual(
      s.handlers.map((h) => `${h.method} ${h.path} ${h.requestParam}`),
      ['GET /api/health null', 'GET /api/users req', 'POST /api/users request', 'GET /api/users/:id null'],
    );
    assert.deepEqual(s.entryPoints, [{ kind: 'start', target: 'src/main.ts', command: 'nest start' }]);
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
      ['express', 'fastify', 'hono', 'koa', 'nestjs', 'nextjs', 'node-http', 'restify'].map((f) => `${FIXTURES}/${f} ${f}`),
    );
  });

  it("a package whose Hono app another service mounts is that service's, not a service of its own (Documenso's @documenso/auth)", () => {
    const root = makeWorkspace({});
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/auth/package.json': JSON.stringify({ name: '@acme/auth', main: './index.ts', dependencies: { hono: '^4' } }),
      'packages/auth/server/routes/sign-out.ts': "import { Hono } from 'hono';\nexport const signOutRoute = new Hono()\n  .post('/signout', async (c) => c.json({}));\n",
      'packages/auth/server/index.ts': "import { Hono } from 'hono';\nimport { signOutRoute } from './routes/sign-out';\nexport const auth = new Hono().use(async (c, next) => next()).route('/', signOutRoute);\n",
      'packages/admin/package.json': JSON.stringify({ name: '@acme/admin', dependencies: { hono: '^4' } }),
      'packages/admin/index.ts': "import { Hono } from 'hono';\nexport const admin = new Hono().get('/health', (c) => c.text('ok'));\n",
      // No start script either (a worker deployed by its platform): the one that mounts stays a service.
      'apps/web/package.json': JSON.stringify({ name: '@acme/web', scripts: { deploy: 'wrangler deploy' }, dependencies: { hono: '^4', '@acme/auth': '*' } }),
      // Its base path is read from the environment (Documenso's basePath(env)): shown with `…` there.
      'apps/web/server/router.ts': "import { Hono } from 'hono';\nimport { auth } from '@acme/auth/server';\nconst app = new Hono().basePath(process.env.BASE_PATH || '/');\napp.route('/api/auth', auth);\nexport default app;\n",
    });
    const services = inventory('.', root);
    assert.deepEqual(
      services.map((s) => `${s.root}: ${s.handlers.map((h) => `${h.method} ${h.path ?? `(shown) ${(h as { shownPath?: string }).shownPath}`}`).join(', ')}`),
      // The admin package's app is mounted by nobody: still listed on its own.
      ['apps/web: POST (shown) /…/api/auth/signout', 'packages/admin: GET /health'],
    );
    const text = runCli(['inventory', '.'], root);
    assert.match(text.stdout, /POST +\/…\/api\/auth\/signout +packages\/auth\/server\/routes\/sign-out\.ts:3/);
  });

  it("a package nothing starts whose router services load and mount is theirs, not a service (atproto's xrpc-server); a framework a script starts, or an API another reads types from, stays one", () => {
    const root = makeWorkspace({});
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', 'services/*'] }),
      // A library: a class making an Express router, with a listen() helper nobody calls.
      'packages/xrpc/package.json': JSON.stringify({ name: '@acme/xrpc', description: 'HTTP API server library', main: './src/index.ts', dependencies: { express: '^4' } }),
      'packages/xrpc/src/index.ts':
        "import express, { Router } from 'express';\nexport class Server {\n  router = express();\n  routes = Router();\n  constructor() {\n    this.routes.get('/xrpc/:method', (req, res) => { res.json({}); });\n    this.router.use(this.routes);\n  }\n  listen(port: number) {\n    return this.router.listen(port);\n  }\n}\nexport function createServer() {\n  return new Server();\n}\n",
      // The service that builds on it, started by its own script (the router comes from a factory: the mount is not followed).
      'packages/pds/package.json': JSON.stringify({ name: '@acme/pds', scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4', '@acme/xrpc': '*', '@acme/bsky': '*', '@acme/gw': '*' } }),
      'packages/pds/src/index.ts':
        "import express from 'express';\nimport { createServer } from '@acme/xrpc';\nconst app = express();\nconst xrpc = createServer();\napp.get('/health', (req, res) => { res.send('ok'); });\napp.use(xrpc.router);\napp.listen(3000);\n",
      // A framework package: its bootstrap() serves, started by a package that is no service itself.
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: './src/index.ts', dependencies: { express: '^4' } }),
      'packages/core/src/index.ts': "import express from 'express';\nexport function bootstrap(port: number) {\n  const app = express();\n  app.get('/shop', (req, res) => { res.json([]); });\n  return app.listen(port);\n}\n",
      'packages/dev/package.json': JSON.stringify({ name: '@acme/dev', scripts: { start: 'node run.js' }, dependencies: { '@acme/core': '*' } }),
      'packages/dev/run.js': "require('@acme/core').bootstrap(3000);\n",
      // An API nothing here starts (deployed by its platform's tool) that a web app depends on for its type only
      // (an inline `type` import loads nothing): still a service.
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', scripts: { deploy: 'wrangler deploy' }, dependencies: { hono: '^4' } }),
      'packages/api/src/index.ts': "import { Hono } from 'hono';\nconst app = new Hono().get('/items', (c) => c.json([]));\nexport type AppType = typeof app;\nexport default app;\n",
      'packages/web/package.json': JSON.stringify({ name: '@acme/web', scripts: { start: 'node server.js' }, dependencies: { express: '^4', '@acme/api': '*' } }),
      'packages/web/server.ts': "import express from 'express';\nimport { type AppType } from '@acme/api';\nconst app = express();\napp.get('/', (req, res) => { res.send('home'); });\napp.listen(3000);\nexport type Api = AppType;\n",
      // A service package a launcher deploys (atproto's services/bsky) stays one, even when another server loads it too.
      'packages/bsky/package.json': JSON.stringify({ name: '@acme/bsky', main: './src/index.ts', dependencies: { express: '^4' } }),
      'packages/bsky/src/index.ts': "import express from 'express';\nexport const feed = express();\nfeed.get('/feed', (req, res) => { res.json([]); });\n",
      'services/bsky/package.json': JSON.stringify({ name: 'bsky-service', private: true, dependencies: { '@acme/bsky': '*' } }),
      'services/bsky/Dockerfile': 'FROM node:20\nCMD ["node", "index.js"]\n',
      'services/bsky/index.js': "require('@acme/bsky').feed.listen(3000);\n",
      'packages/pds/src/feed.ts': "import { feed } from '@acme/bsky';\nexport const mirror = feed;\nexport { gateway } from '@acme/gw';\n",
      // So does one the repository's own compose file starts by its folder.
      'packages/gw/package.json': JSON.stringify({ name: '@acme/gw', main: './src/index.ts', dependencies: { express: '^4' } }),
      'packages/gw/src/index.ts': "import express from 'express';\nexport const gateway = express();\ngateway.get('/gw', (req, res) => { res.json({}); });\n",
      // (A folder whose name only begins with the library's starts nothing of it.)
      'docker-compose.yml': 'services:\n  gw:\n    image: node:20\n    command: node packages/gw/dist/index.js\n  tools:\n    command: node packages/xrpc-tools/cli.js\n',
    });
    assert.deepEqual(
      inventory('.', root).map((s) => `${s.root}: ${s.handlers.map((h) => `${h.method} ${h.path}`).join(', ')}`),
      // The script's package is listed for its start, with no routes of its own.
      ['packages/api: GET /items', 'packages/bsky: GET /feed', 'packages/core: GET /shop', 'packages/dev: ', 'packages/gw: GET /gw', 'packages/pds: GET /health', 'packages/web: GET /'],
    );
    // Nor are the library's routes reported as unmeasured on their own.
    const check = runCli(['check', '.', '--format', 'json'], root);
    const files = (JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; rule: string }> }).diagnostics.filter((d) => d.rule === 'handler-missing-metrics').map((d) => d.file);
    assert.deepEqual([...new Set(files)].sort(), ['packages/api/src/index.ts', 'packages/bsky/src/index.ts', 'packages/core/src/index.ts', 'packages/gw/src/index.ts', 'packages/pds/src/index.ts', 'packages/web/server.ts']);
  });

  it('React Router / Remix: resource routes (a loader or action, no component) are handlers, by their file names; pages are not', () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'web', dependencies: { '@react-router/node': '^7', react: '^19', 'react-dom': '^19' }, devDependencies: { '@react-router/dev': '^7' } }),
      'app/routes/api+/health.ts': "export async function loader() { return Response.json({ ok: true }); }\n",
      'app/routes/api+/theme.tsx': "export const action = async ({ request }: { request: Request }) => new Response(await request.text());\n",
      'app/routes/files.$id.tsx': 'export const loader = () => null;\nexport const action = () => null;\n',
      // A page: its loader serves the page's data, the page is not an endpoint of its own.
      'app/routes/settings.tsx': 'export const loader = () => ({});\nexport default function Settings() { return null; }\n',
    });
    const [service] = inventory('.', root);
    assert.deepEqual(
      service.handlers.map((h) => `${h.method} ${h.path} ${h.framework} ${h.file}:${h.line}`),
      ['GET /api/health react-router app/routes/api+/health.ts:1', 'POST /api/theme react-router app/routes/api+/theme.tsx:1', 'GET /files/:id react-router app/routes/files.$id.tsx:1', 'POST /files/:id react-router app/routes/files.$id.tsx:2'],
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

  /** A monorepo with two services, the api configured by its own obs-lens.config.json, and an outside folder to run from. */
  function configuredMonorepo(): { root: string; outside: string } {
    const outside = makeWorkspace({ 'notes.txt': 'not a project\n' });
    const root = path.join(outside, 'repo');
    writeTree(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4', pino: '^9' } }),
      // Relative to this file's folder, not to the repository root or the working directory.
      'packages/api/obs-lens.config.json': JSON.stringify({ loggerModule: './src/log/index.ts' }),
      'packages/api/src/log/index.ts': "import pino from 'pino';\nexport const log = pino();\n",
      'packages/api/src/other-logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
      'packages/api/src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/orders', (req, res) => res.end());\n",
      'packages/web/package.json': JSON.stringify({ name: 'web', dependencies: { fastify: '^4' } }),
      'packages/web/src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/health', async () => 'ok');\n",
    });
    return { root, outside };
  }

  it("uses each service's nearest configuration: its loggerModule, relative to that configuration's folder, is the configured logger", () => {
    const { root } = configuredMonorepo();
    const r = runCli(['inventory', 'packages'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /log \(pino\), exported by packages\/api\/src\/log\/index\.ts \(the loggerModule setting\)/);
    assert.match(r.stdout, /logger \(pino\), exported by packages\/api\/src\/other-logger\.ts\n/);
    const services = inventory('packages', root);
    const api = services.find((s) => s.name === 'api')!;
    assert.deepEqual(
      api.loggers.filter((l) => l.kind === 'module').map((l) => `${String(l.module)} ${String(l.configured)}`),
      ['packages/api/src/log/index.ts true', 'packages/api/src/other-logger.ts false'],
    );
    // The web service is governed by no configuration: nothing of the api's applies to it.
    const web = services.find((s) => s.name === 'web')!;
    assert.ok(web.loggers.every((l) => l.configured !== true), JSON.stringify(web.loggers));
  });

  it('gives the same JSON for the same paths from three working directories (only the printed paths differ)', () => {
    const { root, outside } = configuredMonorepo();
    const api = path.join(root, 'packages', 'api');
    const runs = [root, api, outside].map((cwd) => {
      const r = runCli(['inventory', path.relative(cwd, path.join(root, 'packages')) || '.', '--format', 'json'], cwd);
      assert.equal(r.code, 0, r.stderr);
      const shown = (p: string) => path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
      const services = (JSON.parse(r.stdout) as { services: JsonService[] }).services;
      // Every path printed relative to the working directory, made relative to the repository instead.
      return services.map((s) => ({
        ...s,
        root: shown(s.root),
        loggers: s.loggers.map((l) => (l.kind === 'module' ? { ...l, module: shown(String(l.module)) } : l)),
        handlers: s.handlers.map((h) => ({ ...h, file: shown(h.file), handler: h.handler && { ...h.handler, file: shown(h.handler.file) } })),
        middleware: s.middleware.map((m) => ({ ...m, file: shown(m.file) })),
      }));
    });
    assert.equal(runs[0].length, 2);
    assert.ok(runs[0].some((s) => s.loggers.some((l) => l.configured === true)));
    assert.deepEqual(runs[1], runs[0]);
    assert.deepEqual(runs[2], runs[0]);
  });
});
