// async-context-lost's fixes on a TypeScript Express service, applied on their own and together,
// leave code that type-checks against express's, express-http-context's and pino's real types: the
// context middleware's mount moved after the body parser, the interval moved out to start-up.
// AsyncResource.bind around mysql's and node-redis 3's callbacks, one at a time and by fix-all, keeps
// the callbacks' parameter types (bind returns the function's own type) against @types/mysql and
// @types/redis@2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { oneFileService, typeProblems } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits, applySafeFixes } from '../../../server/src/analysis';

const SERVICE = `import express from 'express';
import * as httpContext from 'express-http-context';
import pino from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';

const requestContext = new AsyncLocalStorage<{ id: string }>();
const logger = pino({ mixin: () => ({ reqId: requestContext.getStore()?.id }) });
let refresher: NodeJS.Timeout | null = null;

const app = express();
app.use(httpContext.middleware);
app.use(express.json());
app.get('/stats', (req, res) => {
  if (!refresher) {
    refresher = setInterval(() => logger.info('refreshing stats'), 60000);
  }
  res.json({ user: httpContext.get('user') });
});

export default app;
`;

// The AsyncResource.bind fix on the callbacks that lose the context: mysql's pool (query with and
// without values, getConnection, and the query of the connection it hands over) and node-redis 3
// (get, setex), in a TypeScript service whose
// logger's mixin reads the store. node-redis 3 is typed by @types/redis@2 (redis itself is not
// installed: bullmq wants redis >= 5), so the fixture's `redis` resolves to that package.
const CALLBACKS = `import express from 'express';
import mysql from 'mysql';
import { createClient } from 'redis';
import pino from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';

const requestContext = new AsyncLocalStorage<{ id: string }>();
const logger = pino({ mixin: () => ({ reqId: requestContext.getStore()?.id }) });
const pool = mysql.createPool({ host: 'db', user: 'app', database: 'shop', connectionLimit: 10 });
const cache = createClient({ url: 'redis://cache:6379' });

const app = express();
app.use(express.json());
app.use((req, res, next) => requestContext.run({ id: String(req.headers['x-request-id'] ?? '') }, next));

app.get('/users/:id', (req, res) => {
  pool.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => {
    if (err) {
      logger.error({ err, code: err.code }, 'user lookup failed');
      res.sendStatus(500);
      return;
    }
    logger.info({ count: rows.length }, 'user loaded');
    res.json(rows[0]);
  });
});

app.get('/teams', (req, res) => {
  pool.query('SELECT id, name FROM teams', function (err, rows, fields) {
    res.json({ teams: rows, columns: fields?.map((f) => f.name), requestId: requestContext.getStore()?.id, failed: err?.sqlMessage });
  });
});

app.post('/orders', (req, res) => {
  pool.getConnection((err, connection) => {
    if (err) {
      logger.error({ err }, 'no connection');
      res.sendStatus(503);
      return;
    }
    connection.query('INSERT INTO orders SET ?', req.body, (insertErr, result) => {
      connection.release();
      logger.info({ orderId: result?.insertId }, 'order saved');
      res.status(insertErr ? 500 : 201).end();
    });
  });
});

app.get('/cache/:key', (req, res) => {
  cache.get(req.params.key, (err, value) => {
    logger.info({ hit: value !== null, length: value?.length }, 'cache read');
    res.json({ value, failed: err?.message });
  });
});

app.put('/cache/:key', (req, res) => {
  cache.setex(req.params.key, 60, JSON.stringify(req.body), (err, reply) => {
    logger.info({ reply }, 'cache written');
    res.sendStatus(err ? 500 : 204);
  });
});

export default app;
`;

describe('async-context-lost: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-async-context-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the moved mount and the moved timer compile, alone and together, and leave nothing to report', () => {
    const { file, model } = oneFileService(dir, 'svc', { express: '^4', pino: '^9', 'express-http-context': '^2' }, SERVICE);
    const analyse = (text: string) => analyzeFile(file, text, model, { severities: { 'async-context-lost': 'warning' } }).findings;
    const findings = analyse(SERVICE);
    assert.deepEqual(findings.map((f) => f.line + 1), [11, 15]);
    const fixed: Array<{ file: string; from: string }> = [];
    const all = [];
    for (const f of findings) {
      assert.equal(f.fixes.length, 1, `line ${f.line + 1} has a fix`);
      const out = path.join(dir, String(fixed.length), 'app.ts');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, applyEdits(SERVICE, f.fixes[0].edits));
      fixed.push({ file: out, from: f.fixes[0].title });
      all.push(...f.fixes[0].edits);
    }
    const every = applyEdits(SERVICE, all);
    const out = path.join(dir, 'all', 'app.ts');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, every);
    fixed.push({ file: out, from: 'every fix' });
    assert.deepEqual(typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext }), []);
    assert.ok(every.indexOf('app.use(express.json())') < every.indexOf('app.use(httpContext.middleware)'), 'the parser first');
    assert.deepEqual(analyse(every), [], 'nothing left to report');
  });

  it('AsyncResource.bind around mysql and node-redis 3 callbacks compiles, alone and by fix-all, and leaves nothing to report', () => {
    const { file, model } = oneFileService(dir, 'callbacks', { express: '^4', pino: '^9', mysql: '^2.18.1', redis: '^3.1.2' }, CALLBACKS);
    const options = { severities: { 'async-context-lost': 'warning' as const } };
    const analyse = (text: string) => analyzeFile(file, text, model, options).findings;
    const findings = analyse(CALLBACKS);
    // pool.query with values, pool.query without (a function expression), pool.getConnection and its
    // connection's query, cache.get, cache.setex.
    assert.deepEqual(findings.map((f) => f.line + 1), [17, 29, 35, 41, 50, 57]);
    const fixed: Array<{ file: string; from: string }> = [];
    const write = (text: string, from: string) => {
      const out = path.join(dir, `callbacks-${fixed.length}`, 'app.ts');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, text);
      fixed.push({ file: out, from });
    };
    for (const f of findings) {
      assert.equal(f.fixes.length, 1, `line ${f.line + 1} has a fix`);
      const fix = f.fixes[0];
      assert.match(fix.title, /AsyncResource\.bind/);
      // An arrow has no `this` to lose; the function expression's would change.
      assert.equal(fix.safe, f.line + 1 !== 29, `line ${f.line + 1}: safe only for arrows`);
      write(applyEdits(CALLBACKS, fix.edits), `line ${f.line + 1}: ${fix.title}`);
    }
    // Fix-all (the safe fixes, pass after pass: the import is added once), then the unsafe one by hand.
    const safe = applySafeFixes(file, CALLBACKS, model, options);
    assert.equal(safe.fixed, 5);
    const rest = analyse(safe.text);
    assert.deepEqual(rest.map((f) => f.line + 1), [30], 'the function expression is left to a person');
    const every = applyEdits(safe.text, rest[0].fixes[0].edits);
    write(every, 'fix-all, then the unsafe fix');
    assert.equal(every.match(/import \{ AsyncResource \} from 'node:async_hooks';/g)?.length, 1, 'imported once');
    assert.equal(every.match(/AsyncResource\.bind\(/g)?.length, 6);
    assert.deepEqual(typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext }, { redis: '@types/redis' }), []);
    assert.deepEqual(analyse(every), [], 'nothing left to report');
  });
});
