// The fixture monorepos through the engine: a pnpm workspace and an npm workspace, each with two
// services on different loggers. Loggers are reached through tsconfig `paths`, `.js` specifiers,
// barrels (ES and CommonJS), workspace packages by name (package.json `exports`, no node_modules)
// and base classes in other files; each fix uses its own package's logger and argument order.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applySafeFixes } from '../../../server/src/analysis';
import { analyzeWorkspace, type WorkspaceResult } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { copyProject, type ProjectCopy } from '../../support/projects';

function findingsOf(result: WorkspaceResult, root: string): string[] {
  return result.files.flatMap((f) => f.findings.map((x) => `${path.relative(root, f.path).split(path.sep).join('/')}:${x.line + 1} ${x.rule}`));
}

/** Applies every safe fix to each file with findings; relative path → fixed text, for the files that changed. */
function fixAll(result: WorkspaceResult, project: ProjectCopy): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of result.files) {
    if (f.findings.length === 0) continue;
    const rel = path.relative(project.root, f.path).split(path.sep).join('/');
    const original = project.read(rel);
    const { text } = applySafeFixes(f.path, original, result.project, result.optionsFor(f.path));
    if (text !== original) out[rel] = text;
  }
  return out;
}

describe('monorepo fixtures through the engine', () => {
  let project: ProjectCopy | undefined;
  afterEach(() => project?.remove());

  it('pnpm workspace: paths aliases, .js specifiers, a CommonJS barrel and a base class in another file; pino in one app, winston in the other', async () => {
    project = copyProject('pnpm-workspace');
    const result = await analyzeWorkspace(project.root, {});
    assert.deepEqual(findingsOf(result, project.root), [
      'apps/billing/src/audit.js:4 unstructured-log-message', // `log` from ./log, which passes on ../logger (module.exports = require)
      'apps/billing/src/refund.js:2 console-logging',
      'apps/orders/src/handlers/checkout.ts:4 unstructured-log-message', // `@orders/lib/logger`, a paths alias from an extended tsconfig
      'apps/orders/src/jobs/nightly.ts:4 log-argument-order', // `../lib/logger.js` names logger.ts
      'apps/orders/src/jobs/sync.ts:2 console-logging',
      'apps/orders/src/services/stock.ts:5 unstructured-log-message', // this.logger from BaseService in base.ts
    ]);
    const fixed = fixAll(result, project);
    // orders is an ES module package resolved as nodenext: the import names the emitted file; pino order.
    assert.equal(fixed['apps/orders/src/jobs/sync.ts'], `import { logger } from '../lib/logger.js';\nexport function sync(orderId: string): void {\n  logger.info({ orderId }, 'synced');\n}\n`);
    assert.equal(fixed['apps/orders/src/services/stock.ts'].split('\n')[4], `    this.logger.info({ sku }, 'reserved');`);
    // billing is CommonJS on winston: its own logger, required, message first.
    assert.equal(fixed['apps/billing/src/refund.js'], `const logger = require('./logger');\nfunction refund(invoiceId) {\n  logger.info('refunded', { invoiceId });\n}\n\nmodule.exports = { refund };\n`);
    assert.equal(fixed['apps/billing/src/audit.js'].split('\n')[3], `  log.info('audited', { invoiceId });`);
  });

  it('npm workspace: a logger package imported by name through its exports and barrel, a base class from another package; winston in the worker', async () => {
    project = copyProject('npm-workspace');
    const result = await analyzeWorkspace(project.root, {});
    assert.deepEqual(findingsOf(result, project.root), [
      'services/api/src/orders.ts:4 unstructured-log-message', // @acme/logger → src/index.ts → export * from ./pino-logger
      'services/api/src/report.ts:2 console-logging',
      'services/api/src/users.ts:5 unstructured-log-message', // this.logger set in @acme/service-base's constructor
      'services/worker/src/run.ts:2 console-logging',
    ]);
    const fixed = fixAll(result, project);
    // api has no logger module of its own: the workspace package it depends on, by name, never a path into it.
    assert.equal(fixed['services/api/src/report.ts'], `import { logger } from '@acme/logger';\nexport function report(total: number): void {\n  logger.info({ total }, 'report ready');\n}\n`);
    assert.equal(fixed['services/api/src/users.ts'].split('\n')[4], `    this.logger.warn({ id }, 'removing user');`);
    // worker depends on winston and has its own logger: that one, with winston's order.
    assert.equal(fixed['services/worker/src/run.ts'], `import { logger } from './logger';\nexport function run(jobId: string): void {\n  logger.info('job done', { jobId });\n}\n`);
  });

  it('follows a workspace package through an installed node_modules link as well', async () => {
    project = copyProject('npm-workspace');
    const fs = await import('node:fs');
    fs.mkdirSync(project.path('services/api/node_modules/@acme'), { recursive: true });
    fs.symlinkSync(project.path('packages/logger'), project.path('services/api/node_modules/@acme/logger'), 'dir');
    const result = await analyzeWorkspace(project.root, {});
    const model = result.project;
    assert.equal(model.resolver.resolve(project.path('services/api/src/orders.ts'), '@acme/logger'), project.path('packages/logger/src/index.ts'));
    assert.ok(findingsOf(result, project.root).includes('services/api/src/orders.ts:4 unstructured-log-message'));
  });
});
