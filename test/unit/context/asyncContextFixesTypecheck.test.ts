// async-context-lost's fixes on a TypeScript Express service, applied on their own and together,
// leave code that type-checks against express's, express-http-context's and pino's real types: the
// context middleware's mount moved after the body parser, the interval moved out to start-up.
// (The AsyncResource.bind fix is for mysql and node-redis 3, whose types are not installed here.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { typeProblems } from '../../support/typecheckFixed';
import { analyzeFile, applyEdits, createProjectModel, noteFile } from '../../../server/src/analysis';

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

describe('async-context-lost: quick-fixes type-check', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-async-context-fixes-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the moved mount and the moved timer compile, alone and together, and leave nothing to report', () => {
    const root = path.join(dir, 'svc');
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'svc', type: 'module', dependencies: { express: '^4', pino: '^9', 'express-http-context': '^2' } }));
    const file = path.join(root, 'src', 'app.ts');
    fs.writeFileSync(file, SERVICE);
    const model = createProjectModel(root, { loggerModule: null });
    noteFile(model, file, SERVICE);
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
});
