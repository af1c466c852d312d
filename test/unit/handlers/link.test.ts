// The linker: handlers across files with every mount prefix applied, imports followed through
// the ImportResolver (re-exports, CommonJS, barrels), each file parsed at most once, and only
// files that may register handlers (and the modules they lead to) parsed at all.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { ImportResolver } from '../../../server/src/analysis';
import { Linker } from '../../../server/src/analysis/handlers/link';
import { RelativeModuleResolver } from '../../../server/src/analysis/handlers/resolver';
import { WorkspaceFacts } from '../../../server/src/analysis/handlers/workspaceFacts';
import { handlerProject } from './helpers';

const EXPRESS_PKG = JSON.stringify({ name: 'svc', dependencies: { express: '^4' } });

describe('handler linker', () => {
  it("registers every plugin module of a folder @fastify/autoload loads (fastify-cli's layout: Fastify's demo), each under its folders' path and the registration's prefix; autohooks and tests are no plugins", () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ name: 'svc', type: 'module', dependencies: { fastify: '^5', '@fastify/autoload': '^6' } }),
      'src/app.ts': [
        `import path from 'node:path';`,
        `import fastifyAutoload from '@fastify/autoload';`,
        `import type { FastifyInstance } from 'fastify';`,
        `export default async function serviceApp(fastify: FastifyInstance) {`,
        `  fastify.register(fastifyAutoload, { dir: path.join(import.meta.dirname, 'routes'), autoHooks: true });`,
        `  fastify.register(fastifyAutoload, { dir: path.join(import.meta.dirname, 'admin'), options: { prefix: '/admin' }, dirNameRoutePrefix: false });`,
        `}`,
      ].join('\n'),
      'src/server.ts': `import Fastify from 'fastify';\nimport serviceApp from './app.js';\nconst app = Fastify();\napp.register(serviceApp);\napp.listen({ port: 3000 });\n`,
      'src/routes/home.ts': `import type { FastifyInstance } from 'fastify';\nexport default async function (fastify: FastifyInstance) {\n  fastify.get('/', async () => ({ ok: true }));\n}\n`,
      'src/routes/api/tasks/index.ts': `import type { FastifyInstance } from 'fastify';\nexport default async function (fastify: FastifyInstance) {\n  fastify.get('/', async () => []);\n  fastify.post('/', async () => ({}));\n}\n`,
      'src/routes/api/users/_id/index.ts': `export default async function (fastify) {\n  fastify.get('/', async (request) => request.params);\n}\n`,
      'src/routes/api/autohooks.ts': `export default async function (fastify) {\n  fastify.addHook('onRequest', async () => {});\n}\n`,
      'src/routes/api/tasks/index.test.ts': `export default async function (fastify) {\n  fastify.get('/never', async () => 1);\n}\n`,
      'src/admin/stats/index.ts': `export default async function (fastify) {\n  fastify.get('/stats', async () => ({}));\n}\n`,
    });
    try {
      assert.deepEqual(p.routes().sort(), ['GET /', 'GET /admin/stats', 'GET /api/tasks', 'GET /api/users/:id', 'POST /api/tasks']);
    } finally {
      p.cleanup();
    }
  });

  it("follows an Express app through its settings' chain (The Lounge: `app.set('env', 'production').disable('x-powered-by').use(mw).get('/', index)`); a setting read back is no app", () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/server.ts': [
        `import express from 'express';`,
        `const app = express();`,
        `app.set('env', 'production')`,
        `  .disable('x-powered-by')`,
        `  .enable('trust proxy')`,
        `  .use((req, res, next) => next())`,
        `  .get('/', (req, res) => res.end())`,
        `  .get('/service-worker.js', (req, res) => res.end());`,
        `const env = app.set('env');`,
        `app.get('/themes/:theme.css', (req, res) => res.end());`,
        `app.listen(9000);`,
      ].join('\n'),
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(
        service.handlers.map((h) => `${h.method} ${h.path ?? '<dynamic>'} ${path.relative(p.root, h.file)}:${h.line + 1}`),
        ['GET / src/server.ts:7', 'GET /service-worker.js src/server.ts:8', 'GET /themes/:theme.css src/server.ts:10'],
      );
    } finally {
      p.cleanup();
    }
  });

  it('applies nested mount prefixes across files: re-exports, barrels, CommonJS, default imports, route functions called with the app', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.ts': [
        `import express from 'express';`,
        `import { v1 } from './routes';`,
        `import registerLegacy from './legacy';`,
        `const app = express();`,
        `const PREFIX = '/api';`,
        `app.use(\`\${PREFIX}/v1\`, v1);`,
        `registerLegacy(app);`,
        `require('./status')(app);`,
        `app.use(process.env.BASE_PATH, require('./dynamic'));`,
      ].join('\n'),
      'src/routes/index.ts': `export * from './v1';\n`,
      'src/routes/v1.ts': [
        `import { Router } from 'express';`,
        `import users from './users';`,
        `export const v1 = Router();`,
        `v1.use('/users', users);`,
      ].join('\n'),
      'src/routes/users.js': [
        `const router = require('express').Router({ mergeParams: true });`,
        `const { list, show } = require('../controllers/users');`,
        `router.get('/', list);`,
        `router.get(['/:id', '/by-id/:id'], show);`,
        `module.exports = router;`,
      ].join('\n'),
      'src/controllers/users.js': `module.exports = { list(req, res) { res.json([]); }, show: (request, res) => res.end() };\n`,
      'src/legacy.ts': `import type { Express } from 'express';\nexport default function (app: Express) {\n  app.get('/old', (req, res) => res.end());\n}\n`,
      'src/status.js': `module.exports = (server) => {\n  server.get('/status', (q, s) => s.end());\n};\n`,
      'src/dynamic.js': `const r = require('express').Router();\nr.get('/x', (req, res) => res.end());\nmodule.exports = r;\n`,
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(
        service.handlers.map((h) => `${h.method} ${h.path ?? '<dynamic>'} ${path.relative(p.root, h.file)}:${h.line + 1} ${h.requestParam}`),
        [
          'GET /api/v1/users src/routes/users.js:3 req',
          'GET /api/v1/users/:id src/routes/users.js:4 request',
          'GET /api/v1/users/by-id/:id src/routes/users.js:4 request',
          'GET /old src/legacy.ts:3 req',
          'GET /status src/status.js:2 q',
          'GET <dynamic> src/dynamic.js:2 req',
        ],
      );
      const show = service.handlers[1].handler!;
      assert.deepEqual([path.relative(p.root, show.file), show.line + 1], ['src/controllers/users.js', 1]);
    } finally {
      p.cleanup();
    }
  });

  it("follows a folder's index that hands on another module (`module.exports = require('./routes')`) to a member mounted twice (Kutt)", () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'server/server.js': [
        `const express = require('express');`,
        `const routes = require('./routes');`,
        `const app = express();`,
        `app.use('/api/v2', routes.api);`,
        `app.use('/api', routes.api);`,
      ].join('\n'),
      'server/routes/index.js': `module.exports = require('./routes');\n`,
      'server/routes/routes.js': `const { Router } = require('express');\nconst api = Router();\napi.use('/links', require('./link.routes'));\nmodule.exports = { api };\n`,
      'server/routes/link.routes.js': `const router = require('express').Router();\nrouter.get('/', (req, res) => res.json([]));\nmodule.exports = router;\n`,
    });
    try {
      assert.deepEqual(p.routes(), ['GET /api/links', 'GET /api/v2/links']);
      assert.deepEqual(p.inventory()[0].middleware.map((m) => m.label), [], 'the mounted router is no middleware');
    } finally {
      p.cleanup();
    }
  });

  it('lists middleware apart from handlers, and never a callback that is no handler', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.js': [
        `const express = require('express');`,
        `const app = express();`,
        `app.use(express.json());`,
        `app.use('/admin', (req, res, next) => next());`,
        `app.get('/', (req, res) => res.end());`,
        `app.listen(3000, () => console.log('up'));`,
        `[1, 2].forEach((n) => app.locals[n]);`,
        `Promise.resolve().catch((e) => console.error(e));`,
      ].join('\n'),
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(service.handlers.map((h) => `${h.method} ${h.path}`), ['GET /']);
      assert.deepEqual(service.middleware.map((m) => `${m.path} ${m.label}`), ['/ express.json()', '/admin (req, res, next) => …']);
    } finally {
      p.cleanup();
    }
  });

  it('terminates on mount cycles and keeps each route once', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/a.js': `const express = require('express');\nconst a = express.Router();\nconst { b } = require('./b');\na.use('/b', b);\na.get('/x', (req, res) => res.end());\nmodule.exports = { a };\n`,
      'src/b.js': `const express = require('express');\nconst b = express.Router();\nconst { a } = require('./a');\nb.use('/a', a);\nmodule.exports = { b };\n`,
      'src/app.js': `const express = require('express');\nconst app = express();\napp.use(require('./a').a);\n`,
    });
    try {
      // app → a → b → a: the second visit of a is cut, so a's route is listed once, under app.
      assert.deepEqual(p.routes(), ['GET /x']);
    } finally {
      p.cleanup();
    }
  });

  it('a prefix computed at run time leaves the path unknown and shows what is known: a global prefix, a base path, one router under two mounts', () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ dependencies: { '@nestjs/core': '*', '@nestjs/common': '*', hono: '*' } }),
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function boot() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix(process.env.API_PREFIX!);\n}\nboot();\n",
      'src/users.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  find() { return {}; }\n}\n",
      'src/hono.ts': "import { Hono } from 'hono';\nconst users = new Hono().get('/users', (c) => c.json([]));\nconst app = new Hono().basePath(process.env.BASE || '/');\napp.route('/v1', users);\napp.route('/v2', users);\nexport default app;\n",
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(
        service.handlers.map((h) => `${h.method} ${h.path ?? `(unknown) ${h.shownPath}`}`).sort(),
        ['GET (unknown) /…/users/:id', 'GET (unknown) /…/v1/users', 'GET (unknown) /…/v2/users'],
      );
    } finally {
      p.cleanup();
    }
  });

  it('parses only files that may register handlers and the modules they lead to, each once', () => {
    const files: Record<string, string> = {
      'package.json': EXPRESS_PKG,
      'src/app.js': `const express = require('express');\nconst app = express();\napp.use('/users', require('./users'));\n`,
      'src/users.js': `const { Router } = require('express');\nconst r = Router();\nr.get('/', require('./handlers').list);\nmodule.exports = r;\n`,
      'src/handlers.js': `exports.list = (req, res) => res.end();\n`,
    };
    for (let i = 0; i < 20; i++) files[`src/util/u${i}.js`] = `module.exports = function u${i}(x) { return [x].map((y) => y); };\n`;
    const p = handlerProject(files);
    try {
      const asked: string[] = [];
      const facts = new WorkspaceFacts(p.model);
      const counting = { facts: (f: string) => (asked.push(path.relative(p.root, f)), facts.facts(f)) };
      const entries = ['src/app.js', 'src/users.js'].map(p.abs);
      const { handlers } = new Linker(counting, new RelativeModuleResolver()).link(p.root, entries);
      assert.deepEqual(handlers.map((h) => `${h.method} ${h.path}`), ['GET /users']);
      assert.deepEqual([...new Set(asked)].sort(), ['src/app.js', 'src/handlers.js', 'src/users.js']);
      // The inventory picks the entry files itself: the utilities are never parsed.
      assert.deepEqual(p.routes(), ['GET /users']);
    } finally {
      p.cleanup();
    }
  });

  it('resolves imports through the ImportResolver it is given (path aliases, workspace packages)', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.ts': `import express from 'express';\nimport { users } from '@app/routes/users';\nconst app = express();\napp.use('/users', users);\n`,
      'src/routes/users.ts': `import { Router } from 'express';\nexport const users = Router();\nusers.get('/:id', (req, res) => res.end());\n`,
    });
    try {
      const relative = new RelativeModuleResolver();
      const aliases: ImportResolver = {
        resolve: (from, specifier) => (specifier.startsWith('@app/') ? p.abs(`src/${specifier.slice(5)}.ts`) : relative.resolve(from, specifier)),
      };
      // Without the alias the router is not mounted: its route is listed at its own path.
      assert.deepEqual(p.routes(), ['GET /:id']);
      assert.deepEqual(p.routes({ resolver: aliases }), ['GET /users/:id']);
    } finally {
      p.cleanup();
    }
  });

  it('Fastify plugins: prefixes nest, fastify-plugin ignores its prefix, an imported app passed to createServer is no handler', () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ name: 'f', dependencies: { fastify: '^5', 'fastify-plugin': '^5' } }),
      'src/app.ts': [
        `import fastify from 'fastify';`,
        `import { createServer } from 'node:http';`,
        `import outer from './outer';`,
        `import shared from './shared';`,
        `const app = fastify();`,
        `app.register(outer, { prefix: '/outer' });`,
        `app.register(shared, { prefix: '/not-applied' });`,
      ].join('\n'),
      'src/outer.js': `module.exports = async (f) => {\n  f.register(require('./inner'), { prefix: '/inner' });\n  f.get('/', async () => 'outer');\n};\n`,
      'src/inner.js': `module.exports = async function (f) { f.get('/leaf', async (request) => request.id); };\n`,
      'src/shared.js': `const fp = require('fastify-plugin');\nmodule.exports = fp(async (f) => { f.get('/shared', async () => 'x'); });\n`,
      'src/express.js': `const express = require('express');\nconst web = express();\nweb.get('/web', (req, res) => res.end());\nmodule.exports = { web };\n`,
      'src/serve.js': `const http = require('http');\nconst { web } = require('./express');\nhttp.createServer(web).listen(1);\n`,
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(
        service.handlers.map((h) => `${h.framework} ${h.method} ${h.path} ${h.requestParam}`),
        ['fastify GET /outer null', 'fastify GET /outer/inner/leaf request', 'fastify GET /shared null', 'express GET /web req'],
      );
    } finally {
      p.cleanup();
    }
  });

  it("an app an exported class holds (Uptime Kuma's server class): routes on its instance from another module, `this.app` assigned in a method, createServer(this.app) no catch-all, a helper registering its parameter's path no route of its own", () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ name: 'kuma', scripts: { start: 'npm run start-server', 'start-server': 'node server/server.js' }, dependencies: { express: '^4' } }),
      'server/kuma-server.js': [
        `const express = require('express');`,
        `const http = require('http');`,
        `class KumaServer {`,
        `  app = undefined;`,
        `  static getInstance() {`,
        `    if (KumaServer.instance == null) KumaServer.instance = new KumaServer();`,
        `    return KumaServer.instance;`,
        `  }`,
        `  constructor() {`,
        `    this.app = express();`,
        `    this.httpServer = http.createServer(this.app);`,
        `  }`,
        `  upload(path, handler) {`,
        `    this.app.post(path, handler);`,
        `  }`,
        `}`,
        `module.exports = { KumaServer };`,
      ].join('\n'),
      'server/migration-server.js': [
        `const express = require('express');`,
        `const http = require('http');`,
        `class MigrationServer {`,
        `  start(port) {`,
        `    this.app = express();`,
        `    this.server = http.createServer(this.app);`,
        `    this.app.get('/migrate-status', (req, res) => res.end());`,
        `    this.server.listen(port);`,
        `  }`,
        `}`,
        `module.exports = { MigrationServer };`,
      ].join('\n'),
      'server/server.js': [
        `const { KumaServer } = require('./kuma-server');`,
        `const { MigrationServer } = require('./migration-server');`,
        `const server = KumaServer.getInstance();`,
        `const app = server.app;`,
        `app.get('/robots.txt', (req, res) => res.end());`,
        `new MigrationServer().start(3002);`,
        `for (const page of ['/a']) app.get(page, (req, res) => res.end());`,
        `['/b'].forEach((page) => app.get(page, (req, res) => res.end()));`,
        `require('http').createServer(WIKI.app).listen(3003);`,
        `server.httpServer.listen(3001);`,
      ].join('\n'),
      'server/other.mjs': [
        `import { KumaServer } from './kuma-server.js';`,
        `new KumaServer().app.post('/hook', (req, res) => res.end());`,
      ].join('\n'),
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(service.handlers.map((h) => `${h.method} ${h.path} ${path.basename(h.file)}`).sort(), ['GET /migrate-status migration-server.js', 'GET /robots.txt server.js', 'GET null server.js', 'GET null server.js', 'POST /hook other.mjs']);
      assert.deepEqual(service.entryPoints.map((e) => `${e.kind} ${e.target}`), ['start server/server.js']);
    } finally {
      p.cleanup();
    }
  });

  it('an app a serverless entry calls with its request (`return app(req, res)`) keeps its routes: delegating a request mounts nothing', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.ts': [`import express from 'express';`, `import users from './users';`, `const app: express.Application = express();`, `app.use('/users', users);`, `export default app;`].join('\n'),
      'src/users.ts': [`import { Router } from 'express';`, `const router = Router();`, `router.get('/:id', (req, res) => res.end());`, `export default router;`].join('\n'),
      'src/serverless.ts': [
        `import type { IncomingMessage, ServerResponse } from 'http';`,
        `import app from './app';`,
        `export async function handler(req: IncomingMessage, res: ServerResponse) {`,
        `  return app(req, res);`,
        `}`,
      ].join('\n'),
    });
    try {
      const [service] = p.inventory();
      assert.deepEqual(
        service.handlers.map((h) => `${h.method} ${h.path} ${path.relative(p.root, h.file)}:${h.line + 1}`),
        ['GET /users/:id src/users.ts:3'],
      );
    } finally {
      p.cleanup();
    }
  });

  it('app.use with a path and a function that takes no next is an endpoint for every method (Hono, Express, Koa); middleware stays middleware', () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ name: 'h', dependencies: { hono: '^4', express: '^4' } }),
      'src/hono.ts': [
        `import { Hono } from 'hono';`,
        `const app = new Hono();`,
        `app.use('/api/v2/*', async (c) => serve(c, { isBeta: false }));`,
        `app.use('/api/*', async (c, next) => { await next(); });`,
        `app.get('/health', (c) => c.text('ok'));`,
        `async function serve(c: unknown, o: unknown) { return new Response(); }`,
        `export default app;`,
      ].join('\n'),
      'src/web.js': [
        `const express = require('express');`,
        `const web = express();`,
        `web.use('/legacy', (req, res) => res.redirect('/'));`,
        `web.use('/x', (req, res, next) => next());`,
        `web.listen(3000);`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(p.routes().sort(), ['ALL /api/v2/*', 'ALL /legacy', 'GET /health']);
    } finally {
      p.cleanup();
    }
  });

  it("a library that serves a whole API mounted at a path (tRPC's adapters, a GraphQL middleware) is an endpoint, with Fastify's prefix", () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ name: 't', dependencies: { express: '^4', fastify: '^5', hono: '^4', '@trpc/server': '^11' } }),
      'src/web.ts': [
        `import express from 'express';`,
        `import * as trpcExpress from '@trpc/server/adapters/express';`,
        `import { graphqlHTTP } from 'express-graphql';`,
        `const app = express();`,
        `app.use('/trpc', trpcExpress.createExpressMiddleware({ router: {} as never }));`,
        `app.use('/graphql', graphqlHTTP({ schema: {} as never }));`,
        `app.use('/static', express.static('public'));`,
        `app.listen(1);`,
      ].join('\n'),
      'src/api.ts': [
        `import Fastify from 'fastify';`,
        `import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';`,
        `const f = Fastify();`,
        `f.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: {} });`,
        `f.listen({ port: 2 });`,
      ].join('\n'),
      'src/edge.ts': [
        `import { Hono } from 'hono';`,
        `import { trpcServer } from '@hono/trpc-server';`,
        `const h = new Hono();`,
        `h.use('/api/trpc/*', trpcServer({ router: {} as never }));`,
        `export default h;`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(p.routes().sort(), ['ALL /api/trpc/*', 'ALL /graphql', 'ALL /trpc', 'ALL /trpc/*']);
    } finally {
      p.cleanup();
    }
  });
});
