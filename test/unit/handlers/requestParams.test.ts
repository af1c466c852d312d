// Which parameters are requests: the query the logger model asks before writing `x.log` or
// treating `x.headers` as a request's. Every parameter of each file is asked, so the tests show
// both sides: the handlers' requests, and every other callback's first parameter.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import ts from 'typescript';
import { HandlerRequests } from '../../../server/src/analysis/handlers/requestParams';
import { parseForHandlers } from '../../../server/src/analysis/handlers/workspaceFacts';
import { handlerProject, requestVerdicts } from './helpers';

const EXPRESS_PKG = JSON.stringify({ dependencies: { express: '^4', 'pino-http': '^10' } });

describe('request parameters of handlers', () => {
  it('Express: inline route callbacks, functions passed by name, middleware and error middleware; no other callback', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.js': [
        `const express = require('express');`,
        `const server = express();`,
        `const r = express.Router();`,
        `function show(rq, rs) { rs.end(); }`,
        `const list = async (listReq, listRes) => listRes.json([]);`,
        `r.get('/x/:id', show);`,
        `r.get('/x', list);`,
        `server.use('/api', r);`,
        `server.use((mwReq, mwRes, next) => next());`,
        `server.use((err, errReq, errRes, errNext) => errNext(err));`,
        `server.route('/items').get((itemReq, itemRes) => itemRes.end()).post((postReq, postRes) => postRes.end());`,
        `server.get('/wrapped', wrap(async (wrappedReq, wrappedRes) => wrappedRes.end()));`,
        `function helper(helperArg) { return helperArg; }`,
        `Promise.resolve().catch((e) => e);`,
        `['a'].forEach((m) => m);`,
        `new Promise((resolve) => resolve(1));`,
        `process.on('exit', (code) => code);`,
        `server.listen(3000, (listenArg) => listenArg);`,
        `server.get('etag', (settingArg) => settingArg);`,
        `function wrap(fn) { return fn; }`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'src/app.js'), {
        rq: true,
        rs: false,
        listReq: true,
        listRes: false,
        mwReq: true,
        mwRes: false,
        next: false,
        err: false,
        errReq: true,
        errRes: false,
        errNext: false,
        itemReq: true,
        itemRes: false,
        postReq: true,
        postRes: false,
        wrappedReq: true,
        wrappedRes: false,
        helperArg: false,
        e: false,
        m: false,
        resolve: false,
        code: false,
        listenArg: false,
        settingArg: true, // two arguments: a route with a dynamic-looking path, as Express would take it
        fn: false,
      });
    } finally {
      p.cleanup();
    }
  });

  it('follows the framework from its import, never the variable name', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/fake.ts': [
        `import { makeApp } from 'some-client';`,
        `const app = { get: (path: string, cb: (x: unknown) => void) => cb(path) };`,
        `app.get('/users', (notReq) => notReq);`,
        `const router = makeApp();`,
        `router.use((alsoNotReq: unknown) => alsoNotReq);`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'src/fake.ts'), { path: false, cb: false, x: false, notReq: false, alsoNotReq: false });
    } finally {
      p.cleanup();
    }
  });

  it('counts parameters typed with a framework request type from the framework, not a global or local Request', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/typed.ts': [
        `import type { Request } from 'express';`,
        `import type { FastifyRequest } from 'fastify';`,
        `import * as http from 'node:http';`,
        `export function audit(incoming: Request) { return incoming; }`,
        `export function upload(fr: FastifyRequest) { return fr; }`,
        `export function raw(msg: http.IncomingMessage) { return msg; }`,
      ].join('\n'),
      'src/other.ts': [
        `interface Request { body: string }`,
        `export function local(localReq: Request) { return localReq; }`,
        `export function fetched(webReq: globalThis.Request) { return webReq; }`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'src/typed.ts'), { incoming: true, fr: true, msg: true });
      assert.deepEqual(requestVerdicts(p, 'src/other.ts'), { localReq: false, webReq: false });
    } finally {
      p.cleanup();
    }
  });

  it('Fastify, Koa, Hono, Nest and node:http: each framework’s request, context or @Req() parameter', () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ dependencies: { fastify: '^5', koa: '^2', '@koa/router': '^13', hono: '^4', '@nestjs/common': '^11' } }),
      'src/fastify.ts': [
        `import Fastify from 'fastify';`,
        `const f = Fastify();`,
        `f.get('/a', async (fReq, fReply) => fReply.send());`,
        `f.register(async (instance) => { instance.get('/b', async (pluginReq) => pluginReq.id); }, { prefix: '/p' });`,
        `f.setErrorHandler((fErr, errReq, errReply) => errReply.send(fErr));`,
        `f.addHook('onRequest', async (hookReq) => hookReq.id);`,
        `f.addHook('onClose', async (closing) => closing);`,
        `f.route({ method: 'POST', url: '/m', handler(methodReq, methodReply) { return methodReply.send(); } });`,
      ].join('\n'),
      'src/koa.js': [
        `const Koa = require('koa');`,
        `const Router = require('@koa/router');`,
        `const k = new Koa();`,
        `const kr = new Router({ prefix: '/k' });`,
        `k.use(async (ctx, kNext) => kNext());`,
        `kr.get('named', '/x', (routeCtx) => routeCtx);`,
        `k.on('error', (koaErr, errCtx) => koaErr);`,
      ].join('\n'),
      'src/hono.ts': [`import { Hono } from 'hono';`, `const h = new Hono();`, `h.get('/', (c) => c.text('ok'));`, `h.onError((honoErr, errC) => errC.text('x'));`].join('\n'),
      'src/users.controller.ts': [
        `import { Controller, Get, Param, Req } from '@nestjs/common';`,
        `@Controller('users')`,
        `export class UsersController {`,
        `  @Get(':id') one(@Param('id') id: string, @Req() nestReq: unknown) { return id; }`,
        `  helper(notRoute: string) { return notRoute; }`,
        `}`,
      ].join('\n'),
      'src/server.mjs': [`import { createServer } from 'node:http';`, `createServer((hReq, hRes) => hRes.end()).listen(1);`].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'src/fastify.ts'), {
        fReq: true,
        fReply: false,
        instance: false,
        pluginReq: true,
        fErr: false,
        errReq: true,
        errReply: false,
        hookReq: true,
        closing: false,
        methodReq: true,
        methodReply: false,
      });
      assert.deepEqual(requestVerdicts(p, 'src/koa.js'), { ctx: true, kNext: false, routeCtx: true, koaErr: false, errCtx: false });
      assert.deepEqual(requestVerdicts(p, 'src/hono.ts'), { c: true, honoErr: false, errC: true });
      assert.deepEqual(requestVerdicts(p, 'src/users.controller.ts'), { id: false, nestReq: true, notRoute: false });
      assert.deepEqual(requestVerdicts(p, 'src/server.mjs'), { hReq: true, hRes: false });
    } finally {
      p.cleanup();
    }
  });

  it('a route on a router imported from a relative module counts by its shape; one on a package client does not', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/routes.js': [
        `const { router } = require('./router');`,
        `const request = require('request');`,
        `router.get('/users', (usersReq, usersRes) => usersRes.end());`,
        `request.get('/remote', (clientErr, clientRes) => clientRes);`,
        `module.exports = function mount(app) { app.post('/things', (thingReq) => thingReq); };`,
      ].join('\n'),
      'src/plain.js': [`const list = require('./list');`, `list.get('/x', (item) => item);`].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'src/routes.js'), {
        usersReq: true,
        usersRes: false,
        clientErr: false,
        clientRes: false,
        app: false,
        thingReq: true,
      });
    } finally {
      p.cleanup();
    }
    // Without a framework in the package, nothing is taken for a route by its shape.
    const q = handlerProject({
      'package.json': JSON.stringify({ dependencies: {} }),
      'src/plain.js': [`const list = require('./list');`, `list.get('/x', (item) => item);`].join('\n'),
    });
    try {
      assert.deepEqual(requestVerdicts(q, 'src/plain.js'), { item: false });
    } finally {
      q.cleanup();
    }
  });

  it('Next.js: the request of route.ts method exports and of pages/api default exports, in a package that depends on next', () => {
    const p = handlerProject({
      'package.json': JSON.stringify({ dependencies: { next: '^15' } }),
      'app/api/users/[id]/route.ts': `export async function GET(routeReq: Request) { return Response.json(routeReq.url); }\nexport const POST = withAuth(async (postReq: Request) => Response.json(postReq.url));\ndeclare function withAuth<T>(f: T): T;\n`,
      'pages/api/health.js': `export default function handler(pagesReq, pagesRes) { pagesRes.end(); }\n`,
      'lib/util.ts': `export function GET(notRoute: string) { return notRoute; }\n`,
    });
    try {
      assert.deepEqual(requestVerdicts(p, 'app/api/users/[id]/route.ts'), { routeReq: true, postReq: true, f: false });
      assert.deepEqual(requestVerdicts(p, 'pages/api/health.js'), { pagesReq: true, pagesRes: false });
      assert.deepEqual(requestVerdicts(p, 'lib/util.ts'), { notRoute: false });
    } finally {
      p.cleanup();
    }
  });

  it('answers requestParamOf(fn) and isHandlerRequest(identifier) for uses inside the handler', () => {
    const p = handlerProject({
      'package.json': EXPRESS_PKG,
      'src/app.js': `const express = require('express');\nconst app = express();\nfunction show(rq, rs) { return rq.params.id; }\napp.get('/x', show);\n[1].map((item) => item);\n`,
    });
    try {
      const file = p.abs('src/app.js');
      const { sf, scopes } = parseForHandlers(file, fs.readFileSync(file, 'utf8'));
      const query = new HandlerRequests(sf, scopes, p.model, file);
      const show = sf.statements[2] as ts.FunctionDeclaration;
      assert.equal(query.requestParamOf(show), show.parameters[0]);
      const body = show.body!.statements[0] as ts.ReturnStatement;
      const use = ((body.expression as ts.PropertyAccessExpression).expression as ts.PropertyAccessExpression).expression as ts.Identifier;
      assert.equal(use.text, 'rq');
      assert.equal(query.isHandlerRequest(use), true);
      const mapCall = (sf.statements[4] as ts.ExpressionStatement).expression as ts.CallExpression;
      const callback = mapCall.arguments[0] as ts.ArrowFunction;
      assert.equal(query.requestParamOf(callback), null);
      assert.equal(query.isHandlerRequest(callback.body as ts.Identifier), false);
    } finally {
      p.cleanup();
    }
  });
});
