// missing-request-id-middleware's fix on real TypeScript Express services: pino-http with a genReqId
// reading the header when the service logs with pino, else an AsyncLocalStorage middleware. Each
// fixed file type-checks against express, pino-http and Node's own types, uses the header the
// `requestIdHeader` setting names, and the fixed service has a request id (the finding goes away).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { typeProblems } from '../../support/typecheckFixed';
import { applyEdits, createProjectModel, noteFile, runServicePhase } from '../../../server/src/analysis';
import type { RuleSeverities } from '../../../server/src/analysis/types';

const APP = `import express from 'express';

const app = express();

app.get('/orders', (req, res) => {
  res.json([]);
});

export default app;
`;

const SEVERITIES: RuleSeverities = { 'missing-request-id-middleware': 'warning' };

function serviceFindings(root: string, file: string, text: string, header: string) {
  fs.writeFileSync(file, text);
  const model = createProjectModel(root, { loggerModule: null });
  noteFile(model, file, text);
  const result = runServicePhase(model, [file], { severitiesFor: () => SEVERITIES, requestIdHeaderFor: () => header });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.get(file) ?? [];
}

describe('missing-request-id-middleware: the fix that adds a request-id middleware', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-request-id-fix-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const variant of [
    { name: 'pino', deps: { express: '^4', pino: '^9' }, title: /pino-http .*adds the pino-http dependency/, uses: /pinoHttp\(\{ genReqId/, added: { 'pino-http': '^10' } },
    { name: 'als', deps: { express: '^4', winston: '^3' }, title: /AsyncLocalStorage/, uses: /requestContext\.run\(\{ requestId \}, next\)/, added: {} },
  ]) {
    it(`${variant.name}: reads the configured header, type-checks, and leaves a service with a request id`, () => {
      const root = path.join(dir, variant.name);
      fs.mkdirSync(path.join(root, 'src'), { recursive: true });
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: variant.name, type: 'module', dependencies: variant.deps }));
      const file = path.join(root, 'src', 'app.ts');
      const [finding, ...rest] = serviceFindings(root, file, APP, 'x-correlation-id');
      assert.equal(rest.length, 0);
      assert.equal(finding.fixes.length, 1);
      const fix = finding.fixes[0];
      assert.match(fix.title, variant.title);
      assert.equal(fix.safe, false);
      const fixed = applyEdits(APP, fix.edits);
      assert.match(fixed, variant.uses);
      assert.match(fixed, /req\.headers\['x-correlation-id'\]/);
      assert.ok(fixed.indexOf('.use(') < fixed.indexOf("app.get('/orders'"), 'mounted before the first route');
      const out = path.join(dir, `${variant.name}-fixed`, 'app.ts');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, fixed);
      assert.deepEqual(typeProblems([{ file: out, from: fix.title }], dir, { module: ts.ModuleKind.ESNext }), []);
      // With the dependency the fix names (if any) added, the service has a request id: nothing left to report.
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: variant.name, type: 'module', dependencies: { ...variant.deps, ...variant.added } }));
      assert.deepEqual(serviceFindings(root, file, fixed, 'x-correlation-id'), []);
    });
  }
});
