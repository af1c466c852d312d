// handler-missing-metrics and `check --summary` through the built CLI on the coverage fixtures
// (test/fixtures/measured: a project per framework and coverage path). Every line marked
// `// expect: handler-missing-metrics` is a finding and no other line is; the summary lists every
// handler with what measures it; the cache's warm start gives the same answer, and an edit that
// mounts a metrics middleware is seen through it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, REPO, removeWorkspaces, runCli } from './helpers';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'measured');
const RULE = 'handler-missing-metrics';

interface Diagnostic {
  file: string;
  line: number;
  rule: string;
  message: string;
}

interface Covered {
  method: string;
  path: string | null;
  file: string;
  line: number;
  measuredBy?: Array<{ kind: string; what: string }>;
  notes?: string[];
}

interface ServiceJson {
  service: string;
  name: string | null;
  measured: number;
  total: number;
  unmeasured: Covered[];
  measuredHandlers: Covered[];
  scrapeEndpoints: Covered[];
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** `file:line` of every marked line under a folder, relative to `cwd`. */
function expectedMarks(dir: string, cwd: string): string[] {
  const out: string[] = [];
  for (const file of listFiles(dir)) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.includes(`// expect: ${RULE}`)) out.push(`${path.relative(cwd, file).split(path.sep).join('/')}:${i + 1}`);
      });
  }
  return out.sort();
}

function check(args: string[], cwd: string): { diagnostics: Diagnostic[]; coverage: ServiceJson[]; code: number | null } {
  const r = runCli(['check', ...args, '--format', 'json', '--summary'], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const json = JSON.parse(r.stdout) as { diagnostics: Diagnostic[]; coverage: ServiceJson[] };
  return { ...json, code: r.code };
}

const found = (ds: Diagnostic[]) => ds.filter((d) => d.rule === RULE).map((d) => `${d.file}:${d.line}`).sort();

describe('obs-lens check: handler coverage', function () {
  this.timeout(120_000);
  before(buildOnce);
  after(removeWorkspaces);

  let run: ReturnType<typeof check>;
  /** A copy of the fixtures in a repository of their own (inside this one, under test/, every file is a test file). */
  let root: string;
  before(() => {
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
    for (const f of listFiles(FIXTURES)) files[path.relative(FIXTURES, f)] = fs.readFileSync(f, 'utf8');
    root = makeWorkspace(files);
    run = check(['.', '--rule', RULE], root);
  });

  it('reports exactly the marked handlers of every fixture project', () => {
    assert.deepEqual(found(run.diagnostics), expectedMarks(root, root));
  });

  it('names the route and what would cover it', () => {
    const ping = run.diagnostics.find((d) => d.file.endsWith('express-bundle/src/server.ts') && d.line === 8)!;
    assert.match(ping.message, /^`GET \/ping` is not measured: .*Mount express-prom-bundle \(already a dependency\) in front of it\.$/);
    const optOut = run.diagnostics.find((d) => d.file.endsWith('fastify-metrics/src/index.ts'))!;
    assert.match(optOut.message, /`GET \/internal\/status`.*opts out of fastify-metrics with config\.disableMetrics/);
    const off = run.diagnostics.find((d) => d.file.endsWith('otel-disabled/src/index.js'))!;
    assert.match(off.message, /switched off by OTEL_NODE_DISABLED_INSTRUMENTATIONS in Dockerfile/);
  });

  it('summarises every service: measured out of total, by what, the scrape endpoint apart', () => {
    const by = new Map(run.coverage.map((s) => [s.name, s]));
    const counts = Object.fromEntries(run.coverage.map((s) => [s.name, `${s.measured}/${s.total}`]));
    assert.deepEqual(counts, {
      'app-insights': '1/1',
      'express-api-metrics': '0/1',
      'express-bundle': '2/4',
      'express-module': '1/3',
      'express-own': '3/5',
      'express-unmounted': '0/2',
      'fastify-metrics-service': '2/3',
      'fastify-plain': '0/2',
      'fastify-prom': '0/2',
      'fastify-unmounted': '0/2',
      'hono-prom': '0/2',
      'hono-prometheus': '2/3',
      'hono-unmounted': '0/2',
      'hyperdx-init': '1/1',
      'hyperdx-preload': '1/1',
      'koa-middleware': '1/2',
      'koa-router': '0/2',
      'nestjs-inject': '1/3',
      'nextjs-wrapped': '1/2',
      'node-http': '1/2',
      'otel-disabled': '0/1',
      'otel-preload': '1/1',
      'otel-sdk': '2/2',
      'statsd-otel': '2/3',
    });
    const kinds = (name: string, route: string) =>
      by
        .get(name)!
        .measuredHandlers.filter((h) => `${h.method} ${h.path}` === route)
        .flatMap((h) => h.measuredBy!.map((b) => b.kind));
    assert.deepEqual(kinds('express-own', 'POST /users'), ['metric']);
    assert.deepEqual(kinds('express-own', 'PUT /users/:id'), ['metric']); // through recordRequest() in the metrics module
    assert.deepEqual(kinds('express-own', 'DELETE /users/:id'), ['wrapper']);
    assert.deepEqual(kinds('express-bundle', 'GET /orders'), ['middleware']);
    assert.deepEqual(kinds('koa-middleware', 'GET /api/books'), ['middleware']);
    assert.deepEqual(kinds('hono-prometheus', 'GET /users'), ['middleware']);
    assert.deepEqual(kinds('nestjs-inject', 'POST /orders'), ['metric']);
    assert.deepEqual(kinds('nextjs-wrapped', 'GET /api/orders'), ['wrapper']);
    assert.deepEqual(kinds('otel-sdk', 'GET /products'), ['auto-instrumentation']);
    assert.deepEqual(kinds('otel-preload', 'GET /carts/:id'), ['auto-instrumentation']);
    assert.deepEqual(kinds('hyperdx-preload', 'GET /traces/:id'), ['auto-instrumentation']); // HyperDX's SDK preloaded in a script
    assert.deepEqual(kinds('hyperdx-init', 'POST /checkout'), ['auto-instrumentation']); // HyperDX.init() in code
    assert.deepEqual(kinds('app-insights', 'GET /invoices/:id'), ['auto-instrumentation']); // Application Insights' setup()
    assert.deepEqual(kinds('statsd-otel', 'GET /cart'), ['metric']);
    assert.deepEqual(kinds('statsd-otel', 'POST /checkout'), ['metric']);
    assert.deepEqual(
      run.coverage.flatMap((s) => s.scrapeEndpoints.map((h) => `${s.name} ${h.method} ${h.path}`)),
      ['express-module GET /metrics', 'express-own GET /metrics', 'hono-prometheus GET /metrics'],
    );
  });

  it('prints the summary as text after the findings', () => {
    const r = runCli(['check', 'express-own', '--summary'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Handler coverage\n {2}express-own \(express-own\): 3 of 5 handlers measured\n {4}unmeasured:\n {6}GET \/health {2}express-own\/src\/app\.js:6\n/);
    assert.match(r.stdout, /DELETE \/users\/:id {2}\S+users\.js:20 {2}wrapper: withMetrics/);
    assert.match(r.stdout, /scrape endpoint: GET \/metrics/);
  });

  it('refuses --summary with SARIF', () => {
    const r = runCli(['check', '.', '--summary', '--format', 'sarif'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--summary is for the text and json formats/);
  });

  it('gives the same findings and summary from a warm cache, and sees an edit that mounts the middleware', () => {
    const files: Record<string, string> = {};
    const src = path.join(FIXTURES, 'express-bundle');
    for (const f of listFiles(src)) files[path.relative(src, f)] = fs.readFileSync(f, 'utf8');
    const ws = makeWorkspace({ ...files, '.git/HEAD': 'ref: refs/heads/main\n' });
    const cold = check(['.', '--cache'], ws);
    const warm = check(['.', '--cache'], ws);
    assert.deepEqual(found(cold.diagnostics), ['src/server.ts:14', 'src/server.ts:8']);
    assert.deepEqual(warm.diagnostics, cold.diagnostics);
    assert.deepEqual(warm.coverage, cold.coverage);
    // Mount the middleware first: /ping is measured now (only server.ts changed; orders.ts comes from the cache).
    const server = path.join(ws, 'src', 'server.ts');
    const text = fs.readFileSync(server, 'utf8');
    const mount = "app.use(promBundle({ includeMethod: true, includePath: true, excludeRoutes: ['/ready'] }));\n";
    fs.writeFileSync(server, text.replace(mount, '').replace('const app = express();\n', `const app = express();\n${mount}`));
    const edited = check(['.', '--cache'], ws);
    assert.deepEqual(found(edited.diagnostics), ['src/server.ts:14']);
    assert.equal(edited.coverage[0].measured, 3);
  });
  it("Application Insights set up through a workspace package of the service (Logto's `appInsights.setup('core')`) measures its handlers; turned off for requests, it does not", () => {
    const files = (off: boolean): Record<string, string> => ({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/insights/package.json': JSON.stringify({ name: '@acme/insights', main: 'src/index.js', dependencies: { applicationinsights: '^2.9.0' } }),
      'packages/insights/src/index.js': "const ai = require('applicationinsights');\nexports.appInsights = { setup: () => ai.setup().start() };\n",
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', scripts: { start: 'node src/main.js' }, dependencies: { koa: '^2', '@koa/router': '^12', '@acme/insights': 'workspace:*' } }),
      'packages/core/src/main.js': [
        "const { appInsights } = require('@acme/insights');",
        off ? "require('applicationinsights').defaultClient?.config; appInsights.setup(); require('applicationinsights').setAutoCollectRequests(false);" : 'appInsights.setup();',
        "const Koa = require('koa');",
        "const Router = require('@koa/router');",
        'const router = new Router();',
        "router.get('/sessions/:id', (ctx) => { ctx.body = ctx.params.id; });",
        'const app = new Koa();',
        'app.use(router.routes());',
        'app.listen(3001);',
      ].join('\n'),
    });
    const on = check(['.'], makeWorkspace(files(false)));
    assert.deepEqual(on.coverage.map((s) => `${s.name} ${s.measured}/${s.total}`), ['@acme/core 1/1']);
    const off = check(['.'], makeWorkspace(files(true)));
    assert.deepEqual(off.coverage.map((s) => `${s.name} ${s.measured}/${s.total}`), ['@acme/core 0/1']);
  });
});
