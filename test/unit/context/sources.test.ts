// Which request-context sources a file sets up (context/fileSources.ts), found in real code shapes,
// and which do not count (a mixin that reads no context, an id assigned outside a middleware, an
// AsyncLocalStorage run that passes no request on); Fastify's declared major version.
import * as assert from 'node:assert/strict';
import { createProjectModel } from '../../../server/src/analysis';
import { fileContextSources } from '../../../server/src/analysis/context/fileSources';
import { declaredMajor } from '../../../server/src/analysis/context/service';

const found = (text: string) => fileContextSources('/w/src/x.ts', text).map((s) => `${s.line + 1} ${s.kind}${s.property ? ` ${s.property}` : ''}${s.covers ? ` ${s.covers.join('+')}` : ''}`);

describe('request-context sources in a file', () => {
  it('request logger mounts under a condition (HyperDX: pino-http outside CI only), by the name mounted; not an unconditional mount, nor one inside a function', () => {
    const sources = fileContextSources(
      '/w/src/app.ts',
      [
        "import pinoHttp from 'pino-http';",
        "import { expressLogger } from './utils/logger';",
        'if (!process.env.CI) {',
        '  app.use(expressLogger);',
        '}',
        'if (process.env.DEV) app.use(pinoHttp());',
        'app.use(helmet);',
        'export function setup(app) { app.use(other); }',
        'process.env.TRACE && app.use(tracer);',
      ].join('\n'),
    ).map((s) => `${s.line + 1} ${s.kind} ${s.binding ?? '-'}`);
    assert.deepEqual(sources, ['4 conditional-mount expressLogger', '6 conditional-mount ', '6 request-logger-middleware ', '9 conditional-mount tracer']);
  });

  it('loggers that read the context: a pino mixin on an AsyncLocalStorage store, a winston printf on express-http-context; not a mixin of constants', () => {
    assert.deepEqual(
      found(
        [
          "import pino from 'pino';",
          "import { AsyncLocalStorage } from 'node:async_hooks';",
          "import httpContext from 'express-http-context';",
          "import { format } from 'winston';",
          'const als = new AsyncLocalStorage();',
          'export const a = pino({ mixin: () => ({ requestId: als.getStore()?.id }) });',
          "export const b = pino({ mixin() { return { service: 'orders' }; } });",
          "export const line = format.printf((info) => `${httpContext.get('reqId')} ${info.message}`);",
        ].join('\n'),
      ),
      ['6 logger-reads-context', '8 logger-reads-context'],
    );
  });

  it('middleware: a child logger per request, an id stamped on the request, an AsyncLocalStorage run around next(); not the same shapes elsewhere', () => {
    assert.deepEqual(
      found(
        [
          "import { AsyncLocalStorage } from 'node:async_hooks';",
          "import { randomUUID } from 'node:crypto';",
          "import { logger } from './logger';",
          'const als = new AsyncLocalStorage();',
          'export const bind = (req, res, next) => { req.log = logger.child({ id: req.id }); next(); };',
          'export const stamp = (req, res, next) => { req.id = randomUUID(); next(); };',
          'export const scope = (req, res, next) => als.run({ id: req.id }, () => next());',
          'export function save(data, repo, options) { data.id = randomUUID(); return repo.save(data, options); }',
          'export const job = (task) => als.run({ task }, () => task.run());',
        ].join('\n'),
      ),
      ['5 child-per-request log', '6 request-id-middleware', '7 als-middleware'],
    );
  });

  it('pino-http mounted, the default axios instance intercepted, OpenTelemetry instrumentation, propagation and context', () => {
    assert.deepEqual(
      found(
        [
          "import pinoHttp from 'pino-http';",
          "import axios from 'axios';",
          "import { context, propagation } from '@opentelemetry/api';",
          "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';",
          'export const middleware = pinoHttp();',
          'axios.interceptors.request.use((config) => config);',
          'const api = axios.create();',
          'api.interceptors.request.use((config) => config);',
          'export const http = new HttpInstrumentation();',
          'export const send = (headers) => context.with(context.active(), () => propagation.inject(context.active(), headers));',
        ].join('\n'),
      ),
      ['5 request-logger-middleware', '6 axios-interceptor', '9 otel-instrumentation http', '10 otel-context-with', '10 otel-inject'],
    );
  });
});

describe('declared major version', () => {
  it('reads the range in package.json, the highest major of alternatives, else the installed package', () => {
    const files: Record<string, string> = {
      '/w/a/package.json': JSON.stringify({ dependencies: { fastify: '^4.28.1' } }),
      '/w/b/package.json': JSON.stringify({ dependencies: { fastify: '4.x || 5.x' } }),
      '/w/c/package.json': JSON.stringify({ dependencies: { fastify: 'latest' } }),
      '/w/c/node_modules/fastify/package.json': JSON.stringify({ version: '5.1.0' }),
      '/w/d/package.json': JSON.stringify({ dependencies: { express: '4' } }),
    };
    const model = createProjectModel('/w', { loggerModule: null, readFile: (p) => files[p] });
    assert.deepEqual(['a', 'b', 'c', 'd'].map((d) => declaredMajor(model, `/w/${d}`, 'fastify')), [4, 5, 5, null]);
  });
});
