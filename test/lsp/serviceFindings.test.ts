// The service phase in the language server: handler-missing-metrics is published with a file's
// diagnostics after the workspace scan (for files never opened), recomputed after an edit of
// another file of the service (mounting the metrics middleware), and the coverage summary request
// answers per service with what measures each handler.
import { strict as assert } from 'node:assert';
import { HoverRequest, type Diagnostic, type Hover, type HoverParams, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CoverageSummaryRequest, type CoverageSummaryResult } from '../../shared/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { makeWorkspace, type Workspace, SHOP_APP, SHOP_ORDERS } from './fixtures';

const PACKAGE_JSON = JSON.stringify({ name: 'shop', version: '1.0.0', main: 'src/app.ts', dependencies: { express: '^4.19.0', 'express-prom-bundle': '^7.0.0', pino: '^9.0.0' } }, null, 2);

const missing = (d: Diagnostic[]) => d.filter((x) => x.code === 'handler-missing-metrics');

describe('LSP: service findings', function () {
  this.timeout(60_000);
  let ws: Workspace;
  let client: LspTestClient;

  beforeEach(() => {
    ws = makeWorkspace({ 'package.json': PACKAGE_JSON, 'src/app.ts': SHOP_APP, 'src/orders.ts': SHOP_ORDERS });
  });
  afterEach(async () => {
    await client?.stop();
    ws.remove();
  });

  it('reports the workspace idle only once the service findings are published', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitFor('the scan to report idle', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
    // Read at the moment idle arrives: no wait for more diagnostics.
    assert.equal(missing(client.diagnostics.get(ws.uri('src/orders.ts'))?.diagnostics ?? []).length, 1, 'handler-missing-metrics is in when the status says idle');
  });

  it('publishes handler-missing-metrics for a file never opened, and drops it when another file mounts the middleware', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    const found = await client.waitForDiagnostics(ws.uri('src/orders.ts'), (d) => missing(d).length === 1);
    const d = missing(found)[0];
    assert.equal(d.range.start.line, 3);
    assert.match(d.message, /^`GET \/orders\/:id` is not measured: .*Mount express-prom-bundle \(already a dependency\) in front of it\.$/);

    // Mount the middleware in app.ts (an open document, unsaved): orders.ts, never opened, is published again without the finding.
    await client.open(ws.uri('src/app.ts'), SHOP_APP);
    const mounted = SHOP_APP.replace("import { orders } from './orders';\n", "import { orders } from './orders';\nimport promBundle from 'express-prom-bundle';\n").replace(
      'const app = express();\n',
      'const app = express();\napp.use(promBundle({ includeMethod: true, includePath: true }));\n',
    );
    await client.change(ws.uri('src/app.ts'), mounted);
    await client.waitForDiagnostics(ws.uri('src/orders.ts'), (diags) => missing(diags).length === 0);

    const summary = await client.request<undefined, CoverageSummaryResult>(CoverageSummaryRequest, undefined);
    assert.equal(summary.services.length, 1);
    const s = summary.services[0];
    assert.equal(s.name, 'shop');
    assert.deepEqual([s.measured, s.total], [1, 1]);
    assert.equal(s.measuredHandlers[0].path, '/orders/:id');
    assert.equal(s.measuredHandlers[0].uri, ws.uri('src/orders.ts'));
    assert.deepEqual(s.measuredHandlers[0].measuredBy, ['middleware: express-prom-bundle']);
  });

  it('answers the summary and the hover from the last run, and after an edit from the run it scheduled', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitForDiagnostics(ws.uri('src/orders.ts'), (d) => missing(d).length === 1);
    const routes = (r: CoverageSummaryResult) => r.services.flatMap((s) => s.unmeasured.map((h) => `${h.method} ${h.path}`)).sort();
    assert.deepEqual(routes(await client.request<undefined, CoverageSummaryResult>(CoverageSummaryRequest, undefined)), ['GET /orders/:id']);

    // A route added in the editor (unsaved): the summary asked right after the change waits for the service's run and has it.
    await client.open(ws.uri('src/orders.ts'), SHOP_ORDERS);
    const edited = `${SHOP_ORDERS}orders.delete('/:id', (req, res) => {\n  res.status(204).end();\n});\n`;
    await client.change(ws.uri('src/orders.ts'), edited);
    const after = await client.request<undefined, CoverageSummaryResult>(CoverageSummaryRequest, undefined);
    assert.deepEqual(routes(after), ['DELETE /orders/:id', 'GET /orders/:id']);
    assert.deepEqual([after.services[0].measured, after.services[0].total], [0, 2]);
    const hover = await client.request<HoverParams, Hover | null>(HoverRequest.type, { textDocument: { uri: ws.uri('src/orders.ts') }, position: { line: 6, character: 8 } });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /^\*\*DELETE `\/orders\/:id`\*\* · express\n/);
  });

  it('lists the unmeasured handlers in the summary', async () => {
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitForDiagnostics(ws.uri('src/orders.ts'), (d) => missing(d).length === 1);
    const summary = await client.request<undefined, CoverageSummaryResult>(CoverageSummaryRequest, undefined);
    assert.deepEqual(
      summary.services.map((s) => [s.measured, s.total, s.unmeasured.map((h) => `${h.method} ${h.path} ${h.line}`)]),
      [[0, 1, ['GET /orders/:id 3']]],
    );
  });

  it("keeps a library services depend on out of the services after an edit of it, as the scan did (atproto's xrpc-server)", async () => {
    const lib = "import express, { Router } from 'express';\nexport class Server {\n  router = express();\n  routes = Router();\n  constructor() {\n    this.routes.get('/xrpc/:method', (req, res) => { res.json({}); });\n    this.router.use(this.routes);\n  }\n}\nexport function createServer() {\n  return new Server();\n}\n";
    const mono = makeWorkspace(
      {
        'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
        'packages/xrpc/package.json': JSON.stringify({ name: '@acme/xrpc', main: './src/index.ts', dependencies: { express: '^4' } }),
        'packages/xrpc/src/index.ts': lib,
        'packages/pds/package.json': JSON.stringify({ name: '@acme/pds', scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4', '@acme/xrpc': '*' } }),
        'packages/pds/src/index.ts': "import express from 'express';\nimport { createServer } from '@acme/xrpc';\nconst app = express();\napp.get('/health', (req, res) => { res.send('ok'); });\napp.use(createServer().router);\napp.listen(3000);\n",
      },
      {},
    );
    try {
      client = await LspTestClient.start({ folders: [mono.root] });
      await client.waitForDiagnostics(mono.uri('packages/pds/src/index.ts'), (d) => missing(d).length === 1);
      await client.waitFor('the scan to report idle', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
      const libUri = mono.uri('packages/xrpc/src/index.ts');
      assert.equal(missing(client.diagnostics.get(libUri)?.diagnostics ?? []).length, 0, 'the library is no service after the scan');
      // An edit runs the edited file's service alone: its dependents are not read then, and it must stay a library.
      await client.open(libUri, lib);
      const edited = lib.replace("    this.router.use(this.routes);\n", "    this.routes.post('/xrpc/:method', (req, res) => { res.json({}); });\n    this.router.use(this.routes);\n");
      await client.change(libUri, edited);
      const summary = await client.request<undefined, CoverageSummaryResult>(CoverageSummaryRequest, undefined);
      assert.deepEqual(summary.services.map((s) => s.name), ['@acme/pds']);
      assert.equal(missing(await client.waitForCurrent(libUri)).length, 0, 'nor after an edit of it');
    } finally {
      mono.remove();
    }
  });

  it('checks again the services that depend on an edited workspace package, through packages in between (their metrics middleware lives there)', async () => {
    const middleware = "import { Histogram } from 'prom-client';\nconst duration = new Histogram({ name: 'http_request_duration_seconds', help: 'Request duration', labelNames: ['route'] });\nexport function metrics(req: any, res: any, next: () => void) {\n  const end = duration.startTimer();\n  res.on('finish', () => end({ route: req.route?.path }));\n  next();\n}\n";
    const mono = makeWorkspace(
      {
        'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
        'packages/metrics/package.json': JSON.stringify({ name: '@acme/metrics', main: './src/index.ts', dependencies: { 'prom-client': '^15' } }),
        'packages/metrics/src/index.ts': middleware,
        // The API takes the middleware from a common package that re-exports it.
        'packages/common/package.json': JSON.stringify({ name: '@acme/common', main: './src/index.ts', dependencies: { '@acme/metrics': '*' } }),
        'packages/common/src/index.ts': "export { metrics } from '@acme/metrics';\n",
        'packages/api/package.json': JSON.stringify({ name: '@acme/api', scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4', '@acme/common': '*' } }),
        'packages/api/src/index.ts': "import express from 'express';\nimport { metrics } from '@acme/common';\nconst app = express();\napp.use(metrics);\napp.get('/orders', (req, res) => { res.json([]); });\napp.listen(3000);\n",
      },
      {},
    );
    try {
      client = await LspTestClient.start({ folders: [mono.root] });
      await client.waitFor('the scan to report idle', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
      const api = mono.uri('packages/api/src/index.ts');
      assert.equal(missing(client.diagnostics.get(api)?.diagnostics ?? []).length, 0, 'measured by the library middleware');
      // The middleware stops recording (an unsaved edit in the library): the api's route is unmeasured now.
      const libUri = mono.uri('packages/metrics/src/index.ts');
      await client.open(libUri, middleware);
      await client.change(libUri, "export function metrics(req: any, res: any, next: () => void) {\n  next();\n}\n");
      await client.waitForDiagnostics(api, (d) => missing(d).length === 1);
    } finally {
      mono.remove();
    }
  });
});
