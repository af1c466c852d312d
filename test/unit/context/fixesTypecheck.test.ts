// Every fix the request-context rules offer, applied on its own (and all of them together), leaves
// code that type-checks against the libraries' real types, and nothing left to report:
// - an Express service with pino-http (which declares `req.log` and `req.id`): pino-http's genReqId
//   (default, the project's own), a request-id middleware of its own, `req.log` for the shared
//   logger, the request id on Node's fetch;
// - Fastify 5: `requestIdHeader` added, or written over `false`; `request.log` for `app.log`;
// - cls-rtracer's Express middleware and Fastify plugin: `useHeader` (and `headerName` for another
//   header), the plugin's options added when it has none, `useHeader: false` written over;
// - a child logger a middleware puts on the request (`req.logger`, declared on Express's Request):
//   winston's shared logger switched to it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { oneFileService, typeProblems } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits } from '../../../server/src/analysis';
import type { RuleSeverities } from '../../../server/src/analysis/types';


const SERVICE = `import express, { type NextFunction, type Request, type Response } from 'express';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { randomUUID } from 'node:crypto';

const logger = pino();
const app = express();
app.use(pinoHttp({ logger }));
app.use(pinoHttp());
app.use(pinoHttp({ genReqId: () => String(Date.now()) }));
app.use(pinoHttp({ logger, genReqId: (req, res) => String(res.statusCode) }));
app.use((req: Request, res: Response, next: NextFunction) => {
  const id = randomUUID();
  res.setHeader('x-request-id', id);
  next();
});

app.post('/orders', async (req, res) => {
  logger.info({ body: Object.keys(req.body) }, 'order received');
  await fetch('http://billing/charge');
  await fetch('http://billing/charge', { method: 'POST' });
  await fetch('http://billing/charge', { method: 'POST', headers: { 'content-type': 'application/json' } });
  res.sendStatus(201);
});

export default app;
`;

const RULES: RuleSeverities = { 'incoming-request-id-ignored': 'warning', 'handler-missing-request-context': 'warning', 'outgoing-call-without-context': 'warning' };

const FASTIFY = `import Fastify from 'fastify';

export const app = Fastify({ logger: true });
export const admin = Fastify({ logger: { level: 'warn' }, requestIdHeader: false });

app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
  app.log.info({ orderId: request.params.id }, 'loading order');
  return reply.send({ id: request.params.id });
});

admin.get('/health', async () => {
  admin.log.debug('health checked');
  return { ok: true };
});

export default app;
`;

const RTRACER = `import express from 'express';
import rTracer from 'cls-rtracer';
import pino from 'pino';

const logger = pino({ mixin: () => ({ requestId: rTracer.id() }) });
const app = express();
app.use(rTracer.expressMiddleware());
app.use('/admin', rTracer.expressMiddleware({ echoHeader: true }));

app.get('/ping', (req, res) => {
  logger.info('ping');
  res.send('pong');
});

export default app;
`;

const RTRACER_FASTIFY = `import Fastify from 'fastify';
import rTracer, { fastifyPlugin } from 'cls-rtracer';

export const app = Fastify({ logger: true, requestIdHeader: 'x-request-id' });
app.register(rTracer.fastifyPlugin);
app.register(rTracer.fastifyPlugin, { echoHeader: true });
app.register(fastifyPlugin, { useHeader: false });

app.get('/ping', async () => ({ id: String(rTracer.id()) }));
`;

const CHILD_PER_REQUEST = `import express from 'express';
import winston from 'winston';
import { randomUUID } from 'node:crypto';

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      logger: winston.Logger;
    }
  }
}

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();
app.use((req, res, next) => {
  const incoming = req.headers['x-request-id'];
  req.requestId = typeof incoming === 'string' && incoming !== '' ? incoming : randomUUID();
  res.setHeader('x-request-id', req.requestId);
  req.logger = logger.child({ requestId: req.requestId });
  next();
});

app.get('/items', (req, res) => {
  logger.info('listing items', { count: 0 });
  res.json([]);
});

export default app;
`;

describe('request-context rules: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-context-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * The service `source` (src/app.ts of a package depending on `deps`) analysed, each fix applied on
   * its own and all together, every result type-checked; returns the findings (as `line rule`) and
   * what is reported once every fix is in.
   */
  function fixAndTypecheck(name: string, deps: Record<string, string>, source: string, requestIdHeader?: string): { found: string[]; every: string; left: string[] } {
    const { file, model } = oneFileService(dir, name, deps, source);
    const analyse = (text: string) => analyzeFile(file, text, model, { severities: RULES, requestIdHeader }).findings;
    const findings = analyse(source);

    const fixed: Array<{ file: string; from: string }> = [];
    const write = (text: string, from: string) => {
      const out = path.join(dir, `${name}-${fixed.length}`, 'app.ts');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, text);
      fixed.push({ file: out, from });
    };
    const all = [];
    for (const finding of findings) {
      assert.ok(finding.fixes.length > 0, `${finding.rule} at line ${finding.line + 1} has a fix`);
      for (const fix of finding.fixes) {
        write(applyEdits(source, fix.edits), `line ${finding.line + 1} [${finding.rule}] ${fix.title}`);
        all.push(...fix.edits);
      }
    }
    const every = applyEdits(source, all);
    write(every, 'every fix');
    assert.deepEqual(typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext }), [], 'fixed files type-check');
    const line = (f: { line: number; rule: string }) => `${f.line + 1} ${f.rule}`;
    return { found: findings.map(line), every, left: analyse(every).map(line) };
  }

  it('Express with pino-http: genReqId, a request-id middleware, req.log, fetch', () => {
    const { found, left } = fixAndTypecheck('pino-http', { express: '^4', pino: '^9', 'pino-http': '^10' }, SERVICE);
    const rules = found.map((f) => f.split(' ')[1]);
    assert.deepEqual(rules.filter((r) => r === 'incoming-request-id-ignored').length, 5, found.join(', '));
    assert.deepEqual(rules.filter((r) => r === 'handler-missing-request-context').length, 1);
    assert.deepEqual(rules.filter((r) => r === 'outgoing-call-without-context').length, 3);
    assert.deepEqual(left, [], 'nothing left to report');
  });

  it('Fastify 5: requestIdHeader added and written over false, request.log for app.log', () => {
    const { found, every, left } = fixAndTypecheck('fastify', { fastify: '^5' }, FASTIFY);
    assert.deepEqual(found, ['3 incoming-request-id-ignored', '4 incoming-request-id-ignored', '7 handler-missing-request-context']);
    assert.match(every, /Fastify\(\{ requestIdHeader: 'x-request-id', logger: true \}\)/);
    assert.match(every, /logger: \{ level: 'warn' \}, requestIdHeader: 'x-request-id' \}/);
    assert.match(every, /request\.log\.info\(\{ orderId/);
    assert.deepEqual(left, [], 'nothing left to report');
  });

  for (const header of ['x-request-id', 'x-correlation-id']) {
    it(`cls-rtracer: useHeader${header === 'x-request-id' ? '' : ' and headerName'} on the Express middleware (${header})`, () => {
      const { found, every, left } = fixAndTypecheck(`rtracer-${header}`, { express: '^4', pino: '^9', 'cls-rtracer': '^2' }, RTRACER, header);
      assert.deepEqual(found, ['7 incoming-request-id-ignored', '8 incoming-request-id-ignored']);
      const options = header === 'x-request-id' ? 'useHeader: true' : `useHeader: true, headerName: '${header}'`;
      assert.ok(every.includes(`expressMiddleware({ ${options} })`), every);
      assert.ok(every.includes(`expressMiddleware({ ${options}, echoHeader: true })`), every);
      assert.deepEqual(left, [], 'nothing left to report');
    });
  }

  for (const header of ['x-request-id', 'x-correlation-id']) {
    it(`cls-rtracer: useHeader${header === 'x-request-id' ? '' : ' and headerName'} on the Fastify plugin, with or without options (${header})`, () => {
      const config = `requestIdHeader: '${header}'`;
      const source = RTRACER_FASTIFY.replace("requestIdHeader: 'x-request-id'", config);
      const { found, every, left } = fixAndTypecheck(`rtracer-fastify-${header}`, { fastify: '^5', 'cls-rtracer': '^2' }, source, header);
      assert.deepEqual(found, ['5 incoming-request-id-ignored', '6 incoming-request-id-ignored', '7 incoming-request-id-ignored']);
      const options = header === 'x-request-id' ? 'useHeader: true' : `useHeader: true, headerName: '${header}'`;
      assert.ok(every.includes(`register(rTracer.fastifyPlugin, { ${options} })`), every);
      assert.ok(every.includes(`register(rTracer.fastifyPlugin, { ${options}, echoHeader: true })`), every);
      assert.ok(every.includes(`register(fastifyPlugin, { ${options} })`), every);
      assert.deepEqual(left, [], 'nothing left to report');
    });
  }

  it('a child logger a middleware puts on the request: req.logger for the shared winston logger', () => {
    const { found, every, left } = fixAndTypecheck('child', { express: '^4', winston: '^3' }, CHILD_PER_REQUEST);
    assert.deepEqual(found, ['25 handler-missing-request-context']);
    assert.match(every, /req\.logger\.info\('listing items', \{ count: 0 \}\)/);
    assert.deepEqual(left, [], 'nothing left to report');
  });
});
