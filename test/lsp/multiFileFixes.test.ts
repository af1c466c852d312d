// Quick fixes that edit other files than the diagnostic's: handler-missing-metrics mounts the
// metrics middleware in the app's file (a file never opened), or creates the project's metrics
// module. The code action carries a WorkspaceEdit with documentChanges: a CreateFile for a new
// file, then a TextDocumentEdit per file; a client that cannot create files is not offered it.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, TextDocumentEdit, CreateFile } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEditToText, LspTestClient } from '../support/lspClient';
import { makeWorkspace, type Workspace, SHOP_APP, SHOP_ORDERS } from './fixtures';

const packageJson = (deps: Record<string, string>) => JSON.stringify({ name: 'shop', version: '1.0.0', main: 'src/app.ts', dependencies: { express: '^4.19.0', pino: '^9.0.0', ...deps } });

const missing = (d: Diagnostic[]) => d.filter((x) => x.code === 'handler-missing-metrics');
const textEdits = (a: CodeAction) => (a.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
const creates = (a: CodeAction) => (a.edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');

describe('LSP: fixes over several files', function () {
  this.timeout(60_000);
  let ws: Workspace;
  let client: LspTestClient;
  afterEach(async () => {
    await client?.stop();
    ws?.remove();
  });

  async function fixesFor(uri: string): Promise<CodeAction[]> {
    await client.open(uri, SHOP_ORDERS);
    const [d] = missing(await client.waitForDiagnostics(uri, (ds) => missing(ds).length === 1));
    return (await client.codeActions(uri, d.range, undefined, [d])).filter((a) => !/^Disable /.test(a.title));
  }

  it('mounts the middleware the service depends on in the app file, and the finding goes', async () => {
    ws = makeWorkspace({ 'package.json': packageJson({ 'express-prom-bundle': '^7.0.0' }), 'src/app.ts': SHOP_APP, 'src/orders.ts': SHOP_ORDERS });
    client = await LspTestClient.start({ folders: [ws.root] });
    const [action] = await fixesFor(ws.uri('src/orders.ts'));
    assert.equal(action?.title, 'Mount express-prom-bundle in front of the routes (app level, once)');
    assert.ok(!action.isPreferred, 'not safe: not preferred');
    assert.equal(action.edit?.changes, undefined, 'documentChanges, not changes');
    const edits = textEdits(action);
    assert.deepEqual(edits.map((e) => [e.textDocument.uri, e.textDocument.version]), [[ws.uri('src/app.ts'), null]], 'only app.ts, unversioned (not open)');
    const mounted = applyWorkspaceEditToText(SHOP_APP, action.edit, ws.uri('src/app.ts'));
    assert.equal(
      mounted,
      "import express from 'express';\nimport { orders } from './orders';\nimport promBundle from 'express-prom-bundle';\n\nconst app = express();\napp.use(promBundle({ includeMethod: true, includePath: true }));\napp.use('/orders', orders);\napp.listen(3000);\n",
    );
    await client.open(ws.uri('src/app.ts'), SHOP_APP);
    await client.change(ws.uri('src/app.ts'), mounted);
    await client.waitForDiagnostics(ws.uri('src/orders.ts'), (ds) => missing(ds).length === 0);
  });

  it('creates the metrics module with the histogram and times the handler', async () => {
    ws = makeWorkspace({ 'package.json': packageJson({ 'prom-client': '^15.1.0' }), 'src/app.ts': SHOP_APP, 'src/orders.ts': SHOP_ORDERS });
    client = await LspTestClient.start({ folders: [ws.root] });
    const [action] = await fixesFor(ws.uri('src/orders.ts'));
    assert.equal(action?.title, 'Time the handler with the shared `http_request_duration_seconds` histogram (created in a new metrics.ts)');
    assert.deepEqual(creates(action).map((c) => [c.uri, c.options]), [[ws.uri('src/metrics.ts'), { overwrite: false, ignoreIfExists: false }]]);
    const changes = action.edit!.documentChanges!;
    const created = changes.findIndex((c) => 'kind' in c);
    const filled = changes.findIndex((c) => 'textDocument' in c && c.textDocument.uri === ws.uri('src/metrics.ts'));
    assert.ok(created >= 0 && created < filled, 'the file is created before it is written');
    const module = applyWorkspaceEditToText('', action.edit, ws.uri('src/metrics.ts'));
    assert.match(module, /^import \{ Histogram \} from 'prom-client';\n\nexport const httpRequestDuration = new Histogram\(\{\n {2}name: 'http_request_duration_seconds',/);
    const orders = applyWorkspaceEditToText(SHOP_ORDERS, action.edit, ws.uri('src/orders.ts'));
    assert.match(orders, /import \{ httpRequestDuration \} from '\.\/metrics';/);
    assert.match(orders, /const end = httpRequestDuration\.startTimer\(\);\n {2}res\.on\('finish', \(\) => end\(\{ method: req\.method, route: '\/orders\/:id', status_code: res\.statusCode \}\)\);/);
    const own = textEdits(action).find((e) => e.textDocument.uri === ws.uri('src/orders.ts'))!;
    assert.equal(own.textDocument.version, 1, 'the open document at the version analysed');
  });

  it('offers no fix that creates a file to a client that cannot create files', async () => {
    ws = makeWorkspace({ 'package.json': packageJson({ 'prom-client': '^15.1.0' }), 'src/app.ts': SHOP_APP, 'src/orders.ts': SHOP_ORDERS });
    client = await LspTestClient.start({ folders: [ws.root], documentChanges: false });
    assert.deepEqual((await fixesFor(ws.uri('src/orders.ts'))).map((a) => a.title), []);
  });
});
