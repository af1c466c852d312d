// Every fix the request-context rules offer on a TypeScript Express service with pino-http, applied
// on its own (and all of them together), leaves code that type-checks against the real types of
// express, pino, pino-http (which declares `req.log` and `req.id`) and Node's fetch and crypto.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { typeProblems } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits, createProjectModel, noteFile } from '../../../server/src/analysis';
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

describe('request-context rules: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-context-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each fix applied alone, and all together, leave code the compiler accepts', () => {
    const root = path.join(dir, 'svc');
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'svc', type: 'module', dependencies: { express: '^4', pino: '^9', 'pino-http': '^10' } }));
    const file = path.join(root, 'src', 'app.ts');
    fs.writeFileSync(file, SERVICE);
    const model = createProjectModel(root, { loggerModule: null });
    noteFile(model, file, SERVICE);
    const result = analyzeFile(file, SERVICE, model, { severities: RULES });
    const rules = result.findings.map((f) => f.rule);
    assert.deepEqual(rules.filter((r) => r === 'incoming-request-id-ignored').length, 5, rules.join(', '));
    assert.deepEqual(rules.filter((r) => r === 'handler-missing-request-context').length, 1);
    assert.deepEqual(rules.filter((r) => r === 'outgoing-call-without-context').length, 3);

    const fixed: Array<{ file: string; from: string }> = [];
    const write = (text: string, from: string) => {
      const out = path.join(dir, String(fixed.length), 'app.ts');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, text);
      fixed.push({ file: out, from });
    };
    const all = [];
    for (const finding of result.findings) {
      assert.ok(finding.fixes.length > 0, `${finding.rule} at line ${finding.line + 1} has a fix`);
      for (const fix of finding.fixes) {
        write(applyEdits(SERVICE, fix.edits), `line ${finding.line + 1} [${finding.rule}] ${fix.title}`);
        all.push(...fix.edits);
      }
    }
    write(applyEdits(SERVICE, all), 'every fix');

    const problems = typeProblems(fixed, dir, { module: ts.ModuleKind.ESNext });
    assert.deepEqual(problems, [], 'fixed files type-check');
  });
});
