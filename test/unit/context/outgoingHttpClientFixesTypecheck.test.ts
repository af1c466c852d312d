// The request id added to the HTTP clients that ship their own types (axios, got, node-fetch 3), each
// fix applied on its own and all together, leaves code that type-checks against the clients' real
// types, and nothing left to report: axios's default instance (every verb, a config-only call, a
// call with a config that already has headers), an instance of `axios.create()`, got (the module
// called, its verbs, a `got.extend()` instance, the options alone: `got({ url })`), node-fetch (a URL alone, options with and without
// headers). got 14 names its types only in its package `exports`: its types folder is aliased.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { oneFileService, typeProblems, writeEachFixAndAll } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits } from '../../../server/src/analysis';

const SERVICE = `import express from 'express';
import pinoHttp from 'pino-http';
import axios from 'axios';
import got from 'got';
import fetch from 'node-fetch';

const stock = axios.create({ baseURL: 'http://stock' });
const audit = got.extend({ prefixUrl: 'http://audit' });

const app = express();
app.use(pinoHttp());

app.post('/orders', async (req, res) => {
  const items = await axios.get('http://stock/items');
  await axios.post('http://stock/reserve', { sku: 'a' });
  await axios.post('http://stock/ping');
  await axios.put('http://stock/items/1', { count: 2 }, { timeout: 1000 });
  await axios.delete('http://stock/items/1');
  await axios.patch('http://stock/items/1', { count: 1 }, { headers: { accept: 'application/json' } });
  await axios({ url: 'http://stock/levels', method: 'get' });
  await axios.request({ url: 'http://stock/levels', method: 'get' });
  await stock.get('/levels');
  await stock.post('/levels', { sku: 'a' });
  await got('http://audit/log');
  await got.post('http://audit/log', { json: { event: 'order' } });
  const logged = await got.get('http://audit/log', { headers: { accept: 'application/json' } }).json<{ ok: boolean }>();
  await audit.post('log', { json: { event: 'order' } });
  await audit('log');
  await got({ url: 'http://audit/log', method: 'POST' });
  await got({ url: 'http://audit/log', headers: { 'x-request-id': String(req.id) } });
  const prices = await fetch('http://prices/list');
  await fetch('http://prices/list', { method: 'POST', body: '{}' });
  await fetch('http://prices/list', { headers: { accept: 'application/json' } });
  res.json({ items: items.data, logged: logged.ok, prices: await prices.json() });
});

export default app;
`;

describe('outgoing-call-without-context: quick-fixes type-check against axios, got and node-fetch', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-http-client-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each fix applied alone, and all together, leave code the compiler accepts', () => {
    const { file, model } = oneFileService(dir, 'svc', { express: '^4', pino: '^9', 'pino-http': '^10', axios: '^1', got: '^14', 'node-fetch': '^3' }, SERVICE);
    const rules = { severities: { 'outgoing-call-without-context': 'warning' as const } };
    const result = analyzeFile(file, SERVICE, model, rules);
    const lines = result.findings.map((f) => f.line + 1);
    assert.deepEqual(lines, [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33], 'one finding per call');
    for (const finding of result.findings) {
      assert.equal(finding.fixes.length, 1, `line ${finding.line + 1} has a fix`);
      assert.equal(finding.fixes[0].safe, false, 'sending the id to another service is never safe');
    }
    const { fixed, every } = writeEachFixAndAll(SERVICE, result.findings, dir, 'app.ts', applyEdits);
    assert.deepEqual(typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext }, { got: 'got/dist/source' }), [], 'fixed files type-check');
    assert.deepEqual(analyzeFile(file, every, model, rules).findings, [], 'nothing left to report');
  });
});
