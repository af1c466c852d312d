// The Koa and Hono histogram fixes at run time: Koa's ctx types allow any property (its
// DefaultContext has an index signature), so a type-check alone would not catch a wrong one. Each
// fix is applied to a copy of its fixture service (under test/.tmp, so that it resolves this
// repository's node_modules), compiled to CommonJS, and the fixed app serves one request in a
// child process; prom-client's default registry then holds the request with its labels.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { fixedFilesChecked } from '../../../server/src/analysis';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { mergeSettings } from '../../../server/src/analysis/workspace/config';

const REPO = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'measured');

/** Serves `request` with the fixed app (the default export of src/index or src/server) and prints the histogram's count samples' labels. */
const SERVE: Record<string, string> = {
  koa: `const http = require('node:http');
    const server = http.createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch('http://127.0.0.1:' + server.address().port + path, { method });
    await res.text();
    server.close();`,
  hono: `const res = await app.request(path, { method });
    await res.text();`,
};

function runFixed(service: string, entry: string, framework: string, method: string, requestPath: string): unknown {
  const script = `
    const { register } = require('prom-client');
    const app = require(${JSON.stringify(`./src/${entry}.js`)}).default;
    const path = ${JSON.stringify(requestPath)}, method = ${JSON.stringify(method)};
    (async () => {
      ${SERVE[framework]}
      const metric = await register.getSingleMetric('http_request_duration_seconds').get();
      console.log(JSON.stringify(metric.values.filter((v) => v.metricName.endsWith('_count')).map((v) => [v.labels, v.value])));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: service, encoding: 'utf8' }));
}

describe('handler-missing-metrics: the Koa and Hono fixes measure the request at run time', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    fs.mkdirSync(path.join(REPO, 'test', '.tmp'), { recursive: true });
    tmp = fs.mkdtempSync(path.join(REPO, 'test', '.tmp', 'red-fixes-run-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const cases = [
    { fixture: 'koa-router', entry: 'server', framework: 'koa', line: 8, method: 'GET', path: '/api/books/7', labels: { method: 'GET', route: '/api/books/:id', status_code: 200 } },
    { fixture: 'koa-router', entry: 'server', framework: 'koa', line: 12, method: 'POST', path: '/api/books', labels: { method: 'POST', route: '/api/books', status_code: 201 } },
    { fixture: 'hono-prom', entry: 'index', framework: 'hono', line: 7, method: 'GET', path: '/books/7', labels: { method: 'GET', route: '/books/:id', status_code: 200 } },
  ];
  for (const c of cases) {
    it(`${c.fixture}:${c.line} records ${c.method} ${c.path}`, async () => {
      const root = path.join(tmp, `${c.fixture}-${c.line}`);
      const service = path.join(root, c.fixture);
      fs.cpSync(path.join(FIXTURES, c.fixture), service, { recursive: true });
      fs.mkdirSync(path.join(root, '.git'));
      fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      const result = await analyzeWorkspace(root, { settings: mergeSettings() });
      const file = path.join(service, 'src', `${c.entry}.ts`);
      const finding = result.files.find((f) => f.path === file)?.findings.find((f) => f.rule === 'handler-missing-metrics' && f.line + 1 === c.line);
      assert.ok(finding?.fixes[0], `a fix for ${c.fixture}:${c.line}`);
      const read = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);
      const files = fixedFilesChecked(file, fs.readFileSync(file, 'utf8'), finding.fixes[0], read);
      assert.ok(files, 'the fix applies');
      for (const f of files) fs.writeFileSync(f.file, f.after);
      // Every TypeScript file of the service as CommonJS next to it.
      for (const name of fs.readdirSync(path.join(service, 'src')).filter((n) => n.endsWith('.ts'))) {
        const source = fs.readFileSync(path.join(service, 'src', name), 'utf8');
        const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
        fs.writeFileSync(path.join(service, 'src', name.replace(/\.ts$/, '.js')), js);
      }
      assert.deepEqual(runFixed(service, c.entry, c.framework, c.method, c.path), [[c.labels, 1]]);
    });
  }
});
