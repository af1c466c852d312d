// FindLogCallSiteRequest: from a log record back to the call that wrote it.
import { strict as assert } from 'node:assert';
import { FindLogCallSiteRequest, type FindLogCallSiteParams, type FindLogCallSiteResult } from '../../shared/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { makeWorkspace, positionOf, type Workspace } from './fixtures';

const PAYMENTS = [
  `import { logger } from './logger';`,
  ``,
  `export function capture(orderId: string, amount: number): void {`,
  `  logger.info({ orderId, amount }, 'payment captured');`,
  `  logger.warn({ orderId }, 'payment retried');`,
  `}`,
  ``,
].join('\n');

describe('LSP: log call sites', function () {
  let ws: Workspace;
  let client: LspTestClient;

  before(async () => {
    ws = makeWorkspace({ 'src/payments.ts': PAYMENTS });
    client = await LspTestClient.start({ folders: [ws.root] });
    await client.waitFor('the scan to finish', () => client.statuses.some((s) => s.state === 'idle' && s.filesTotal > 0));
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  const find = (params: FindLogCallSiteParams) => client.request<FindLogCallSiteParams, FindLogCallSiteResult>(FindLogCallSiteRequest, params);

  it('finds the call that wrote a message, in a file never opened', async () => {
    const { sites } = await find({ message: 'payment captured', fields: { orderId: 'o-1', amount: 5 } });
    assert.equal(sites.length, 1, JSON.stringify(sites));
    assert.equal(sites[0].uri, ws.uri('src/payments.ts'));
    assert.equal(sites[0].line, positionOf(PAYMENTS, `logger.info({ orderId, amount }, 'payment captured')`).line);
    assert.match(sites[0].template, /payment captured/);
  });

  it('prefers the caller the record names when that file is in the workspace', async () => {
    const line = positionOf(PAYMENTS, 'payment retried').line;
    const { sites } = await find({ message: 'payment captured', callerFile: 'src/payments.ts', callerLine: line + 1 });
    assert.equal(sites.length, 1);
    assert.equal(sites[0].uri, ws.uri('src/payments.ts'));
    assert.equal(sites[0].line, line);
    // A caller outside the workspace does not win: the message decides.
    const outside = await find({ message: 'payment captured', callerFile: '/nonexistent/elsewhere.js', callerLine: 3 });
    assert.equal(outside.sites[0]?.line, positionOf(PAYMENTS, 'payment captured').line);
  });

  it('answers an unknown message or malformed params with no sites', async () => {
    assert.deepEqual((await find({ message: 'never logged anywhere' })).sites, []);
    assert.deepEqual((await find({} as FindLogCallSiteParams)).sites, []);
  });
});
