// `obs-lens check` on a service's metrics module: the metric rules run from the CLI as in the
// editor (a file without a single log call is still analysed), and `--fix` applies only the safe
// fix (a name prom-client rejects) and leaves renames of exported series to a person.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, parseJsonOutput, removeWorkspaces, runCli } from './helpers';

const METRICS = [
  "import express from 'express';",
  "import { Counter, Histogram } from 'prom-client';",
  '',
  "export const requests = new Counter({ name: 'http_requests', help: 'Requests.', labelNames: ['route'] });",
  "export const errors = new Counter({ name: 'http-errors-total', help: 'Errors.' });",
  "export const latency = new Histogram({ name: 'http_request_duration_seconds', help: 'Latency.' });",
  '',
  'export const app = express();',
  'app.use((req, _res, next) => {',
  '  requests.inc({ route: req.path });',
  '  next();',
  '});',
  '',
].join('\n');

describe('obs-lens check: metric rules', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  const workspace = () =>
    makeWorkspace({
      'package.json': JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { express: '^4', 'prom-client': '^15' } }),
      'src/metrics.ts': METRICS,
    });

  it('reports naming, definitions prom-client rejects and unbounded labels, with their severities', () => {
    const root = workspace();
    const r = runCli(['check', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const found = parseJsonOutput(r.stdout).map((d) => `${d.line} ${d.rule} ${d.severity} ${d.fixable}`);
    assert.deepEqual(found, [
      '4 metric-naming warning false',
      '5 invalid-metric-definition error true',
      '10 high-cardinality-label warning false',
    ]);
  });

  it('--fix names the rejected metric validly and renames nothing that is exported', () => {
    const root = workspace();
    const r = runCli(['check', '--fix', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const text = fs.readFileSync(path.join(root, 'src/metrics.ts'), 'utf8');
    assert.equal(text, METRICS.replace("'http-errors-total'", "'http_errors_total'"));
    assert.deepEqual(parseJsonOutput(r.stdout).map((d) => d.rule), ['metric-naming', 'high-cardinality-label']);
  });

  it('--rule picks one metric rule', () => {
    const root = workspace();
    const r = runCli(['check', '--rule', 'high-cardinality-label', '--format', 'json'], root);
    assert.deepEqual(parseJsonOutput(r.stdout).map((d) => `${d.line} ${d.rule}`), ['10 high-cardinality-label']);
  });

  it('--cache: a file using a metric of another module is checked again when that module comes to export one', () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'mc', scripts: { start: 'node src/server.js' }, dependencies: { express: '^4', 'prom-client': '^15' } }),
      'src/tools/metrics.ts': 'export const ready = true;\n',
      'src/routes/orders.ts': "import { ordersTotal } from '../tools/metrics';\nexport function placed(userId: string) {\n  ordersTotal.inc({ user: userId });\n}\n",
    });
    const check = () => parseJsonOutput(runCli(['check', '--cache', '--format', 'json'], root).stdout).map((d) => `${d.file}:${d.line} ${d.rule}`);
    assert.deepEqual(check(), []);
    fs.writeFileSync(path.join(root, 'src/tools/metrics.ts'), "import { Counter } from 'prom-client';\nexport const ordersTotal = new Counter({ name: 'orders_total', help: 'Orders.', labelNames: ['user'] });\n");
    assert.deepEqual(check(), ['src/routes/orders.ts:3 high-cardinality-label']);
  });
});
