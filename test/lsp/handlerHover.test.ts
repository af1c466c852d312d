// The hover on a handler's registration (issue #10), from the real server process on copies of the
// context and metrics fixtures: method and full path, the request-context sources in front of the
// handler, what measures it, the outgoing calls of its body with whether each passes the context,
// and what the functions it reaches across files do (outgoing calls, log calls without the context).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest, type Hover, type HoverParams, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient, REPO_ROOT } from '../support/lspClient';
import { positionOf } from './fixtures';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

describe('LSP: handler hover', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient | undefined;

  /** A copy of a fixture service in a temp folder, the server started on it and its scan settled. */
  async function open(fixture: string): Promise<void> {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-hover-')));
    fs.cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
    client = await LspTestClient.start({ folders: [root] });
    await client.waitFor('the scan to report idle', () => client!.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
  }

  async function hover(rel: string, needle: string, offset = 0): Promise<Hover | null> {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    const at = positionOf(text, needle);
    return client!.request<HoverParams, Hover | null>(HoverRequest.type, { textDocument: { uri: fileUri(path.join(root, rel)) }, position: { line: at.line, character: at.character + offset } });
  }

  const markdown = (h: Hover | null) => {
    assert.ok(h, 'a hover');
    const contents = h.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows a handler mounted under a router: pino-http in front, unmeasured, and which outgoing calls pass the request id', async () => {
    await open('context/express-pino-http');
    const h = await hover('src/routes/orders.js', "router.get('/:id'", 8);
    assert.equal(
      markdown(h),
      [
        '**GET `/orders/:id`** · express',
        '',
        '**Request context in front**',
        '',
        '- `pinoHttp({ logger })` (src/app.js:8): request id, request logger',
        '- request logger in the handler: `req.log`',
        '',
        '**Metrics**: not measured',
        '',
        '**Outgoing calls**',
        '',
        '- `fetch` (line 11): **does not pass** the request id or trace context',
        '- `axios` (line 12): **does not pass** the request id or trace context',
        '- `fetch` (line 13): passes the request id / trace context',
        '',
        // The handler's own body, then the function it calls in another file; `req.log` carries the context.
        '**Log calls on its request path without the request context**',
        '',
        '- `logger.info` (src/routes/orders.js:9)',
        '- `logger.debug` in `loadOrder` (src/services/orders.js:5)',
      ].join('\n'),
    );
    // The registration up to its path argument: `router.get('/:id'`.
    assert.deepEqual(h!.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 17 } });
    // Inside the handler's body there is no handler hover.
    assert.equal(await hover('src/routes/orders.js', 'logger.info({ orderId'), null);
  });

  it('lists what a handler registered in another file reaches across files: outgoing calls and log calls without the context', async () => {
    await open('context/express-layers');
    const create = markdown(await hover('src/routes/users.ts', "users.post('/'", 2));
    const onPath = create.slice(create.indexOf('**Outgoing calls**'));
    assert.equal(
      onPath,
      [
        '**Outgoing calls**',
        '',
        '- none in the handler body',
        '',
        '**Outgoing calls on its request path** (functions it calls, middleware in front)',
        '',
        '- `fetch` in `callWithRequestId` (src/clients/http.ts:3): passes the request id / trace context',
        '- `fetch` in `notifyMailer` (src/clients/mailer.ts:26): **does not pass** the request id or trace context',
        "- `fetch` in `notifyMailer` (src/clients/mailer.ts:28): another company's public API (not sent the request id)",
        '',
        '**Log calls on its request path without the request context**',
        '',
        // The request's logger handed in (UserRepository.save) and `request.log` in audit are not listed;
        // neither is what only start-up, the timer or the consumer runs, nor the listener notifyMailer registers.
        '- `logger.info` in `UserService.audit` (src/services/users.ts:23)',
        '- `logger.debug` in `welcome` (src/clients/mailer.ts:18)',
      ].join('\n'),
    );
    // The handler's own function is on its path: its log call is listed, with the service and repository
    // below it; no outgoing call on the path, no section.
    const show = markdown(await hover('src/routes/users.ts', "users.get('/:id'", 2));
    assert.doesNotMatch(show, /Outgoing calls on its request path/);
    assert.match(
      show,
      /\*\*Log calls on its request path without the request context\*\*\n\n- `logger\.info` in `show` \(src\/controllers\/users\.ts:10\)\n- `logger\.debug` in `UserService\.find` \(src\/services\/users\.ts:11\)\n- `logger\.debug` in `UserRepository\.byId` \(src\/repositories\/users\.ts:8\)$/,
    );
  });

  it('shows what measures a handler and what a handler mounted before the metrics middleware lacks', async () => {
    await open('measured/express-bundle');
    const measured = markdown(await hover('src/orders.ts', "ordersRouter.post('/'", 13));
    assert.match(measured, /^\*\*POST `\/orders`\*\* · express\n/);
    assert.match(measured, /\n\*\*Metrics\*\*: measured by middleware: express-prom-bundle \(src\/server\.ts:12\)\n/);
    assert.match(measured, /\*\*Request context in front\*\*\n\n- none: no request id or trace context reaches this handler\n/);
    assert.match(measured, /\*\*Outgoing calls\*\*\n\n- none in the handler body$/);
    const ping = markdown(await hover('src/server.ts', "app.get('/ping'", 2));
    assert.match(ping, /^\*\*GET `\/ping`\*\* · express\n/);
    assert.match(ping, /\n\*\*Metrics\*\*: not measured\n/);
  });

  it('shows a Nest route on its decorator, with a context module that applies to every request', async () => {
    await open('context/nestjs-cls');
    const h = await hover('src/app.module.ts', '@Get()', 1);
    const text = markdown(h);
    assert.match(text, /^\*\*GET `\/stock`\*\* · nestjs\n/);
    assert.match(text, /\*\*Request context in front\*\*\n\n- `nestjs-cls`: request id, async context, every request\n/);
    assert.deepEqual(h!.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 8 } });
  });
});
