// `obs-lens check` and `obs-lens explain` on the fixture monorepos, as the built CLI: findings and
// fixes per package, the same answer from any working directory, nested configurations, and the
// cache re-checking the importers of a changed logger module.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyProject, type ProjectCopy } from '../support/projects';
import { buildOnce, parseJsonOutput, REPO, runCli, type JsonDiagnostic } from './helpers';

/** Diagnostics with `file` made relative to the repository root (printed paths, and so their order, are what depends on the working directory). */
function fromRoot(diags: JsonDiagnostic[], cwd: string, root: string): JsonDiagnostic[] {
  const out = diags.map((d) => ({ ...d, file: path.relative(root, path.resolve(cwd, d.file)).split(path.sep).join('/') }));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

describe('obs-lens check on monorepos', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  const copies: ProjectCopy[] = [];
  const copy = (name: string, options?: { git?: boolean }) => {
    const c = copyProject(name, options);
    copies.push(c);
    return c;
  };
  afterEach(() => copies.splice(0).forEach((c) => c.remove()));

  it('reports each package by its own logger: pino and winston services of a pnpm and an npm workspace', () => {
    const pnpm = copy('pnpm-workspace');
    const r = runCli(['check', '--format', 'json'], pnpm.root);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      parseJsonOutput(r.stdout).map((d) => `${d.file}:${d.line} ${d.rule} ${d.fixable}`),
      [
        'apps/billing/src/audit.js:4 unstructured-log-message true',
        'apps/billing/src/refund.js:2 console-logging true',
        'apps/orders/src/handlers/checkout.ts:4 unstructured-log-message true',
        'apps/orders/src/jobs/nightly.ts:4 log-argument-order true',
        'apps/orders/src/jobs/sync.ts:2 console-logging true',
        'apps/orders/src/services/stock.ts:5 unstructured-log-message true',
      ],
    );
    const npm = copy('npm-workspace');
    const fixed = runCli(['check', '--fix', '--format', 'json'], npm.root);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    // The api service has no logger of its own: the workspace package it depends on, by name, in pino's order.
    assert.equal(npm.read('services/api/src/report.ts'), `import { logger } from '@acme/logger';\nexport function report(total: number): void {\n  logger.info({ total }, 'report ready');\n}\n`);
    // The worker has its own winston logger: never the api's, never a path into another package.
    assert.equal(npm.read('services/worker/src/run.ts'), `import { logger } from './logger';\nexport function run(jobId: string): void {\n  logger.info('job done', { jobId });\n}\n`);
  });

  it('gives the same findings, fixable flags and fixes from the repository root, a package folder and a parent folder', () => {
    const runs = [
      (c: ProjectCopy) => ({ cwd: c.root, args: ['.'] }),
      (c: ProjectCopy) => ({ cwd: c.path('services/api'), args: ['../..'] }),
      (c: ProjectCopy) => ({ cwd: c.parent, args: [c.root] }),
    ];
    const reports: JsonDiagnostic[][] = [];
    const fixedTrees: Array<Record<string, string>> = [];
    for (const make of runs) {
      const c = copy('npm-workspace', { git: true });
      const { cwd, args } = make(c);
      const r = runCli(['check', ...args, '--format', 'json'], cwd);
      assert.equal(r.code, 1, r.stderr);
      reports.push(fromRoot(parseJsonOutput(r.stdout), cwd, c.root));
      const f = runCli(['check', ...args, '--fix'], cwd);
      assert.equal(f.code, 0, f.stdout + f.stderr);
      fixedTrees.push(c.tree());
    }
    assert.ok(reports[0].length >= 4 && reports[0].some((d) => d.fixable));
    assert.deepEqual(reports[1], reports[0], 'from a package folder');
    assert.deepEqual(reports[2], reports[0], 'from a parent folder of the repository');
    assert.deepEqual(fixedTrees[1], fixedTrees[0]);
    assert.deepEqual(fixedTrees[2], fixedTrees[0]);
  });

  it('fixes a single file named from outside the repository with its own package\'s logger', () => {
    const c = copy('pnpm-workspace', { git: true });
    const rel = path.join('pnpm-workspace', 'apps', 'billing', 'src', 'refund.js');
    const r = runCli(['check', rel, '--fix'], c.parent);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(c.read('apps/billing/src/refund.js'), /^const logger = require\('\.\/logger'\);\n[\s\S]*logger\.info\('refunded', \{ invoiceId \}\);/);
  });

  it('applies the nearest obs-lens.config.json to each file', () => {
    const c = copy('pnpm-workspace');
    c.write('obs-lens.config.json', JSON.stringify({ rules: { 'console-logging': 'error' } }));
    c.write('apps/billing/obs-lens.config.json', JSON.stringify({ rules: { 'console-logging': 'off' } }));
    const diags = parseJsonOutput(runCli(['check', '--format', 'json'], c.root).stdout);
    assert.deepEqual(diags.filter((d) => d.rule === 'console-logging').map((d) => `${d.file} ${d.severity}`), ['apps/orders/src/jobs/sync.ts error']);
    c.write('apps/billing/obs-lens.config.json', '{ "rules": { "console-loging": "off" } }');
    const bad = runCli(['check', 'apps/billing'], c.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /apps\/billing\/obs-lens\.config\.json:1:14: rules\.console-loging is not a rule \(did you mean console-logging\?\)/);
  });

  it('with --cache, re-checks the files that import a logger module when its export changes, and only those', () => {
    const c = copy('npm-workspace');
    // Right for pino (fields first), wrong for winston; this file's text never changes.
    c.write('services/api/src/audit.ts', `import { logger } from '@acme/logger';\n\nexport function audit(id: string): void {\n  logger.info({ id }, 'audited');\n}\n`);
    const cacheArgs = ['check', '--cache', '--debug-cache', '--format', 'json'];
    const first = runCli(cacheArgs, c.root);
    assert.match(first.stderr, / 0 hits/);
    assert.ok(!parseJsonOutput(first.stdout).some((d) => d.file === 'services/api/src/audit.ts'), first.stdout);
    // The logger package now makes a winston logger: its importers are checked again, the rest comes from the cache.
    c.write('packages/logger/src/pino-logger.ts', `import winston from 'winston';\n\nexport const logger = winston.createLogger({});\n`);
    const second = runCli(cacheArgs, c.root);
    const hits = Number(/(\d+) hits/.exec(second.stderr)?.[1]);
    const misses = Number(/(\d+) misses/.exec(second.stderr)?.[1]);
    assert.ok(hits > 0 && misses > 0, second.stderr);
    const audit = parseJsonOutput(second.stdout).filter((d) => d.file === 'services/api/src/audit.ts');
    assert.deepEqual(audit.map((d) => d.rule), ['log-argument-order'], second.stdout);
  });
});

describe('obs-lens explain', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  let c: ProjectCopy | undefined;
  afterEach(() => c?.remove());

  it('prints the package, configuration, module style, library, the logger module a fix imports and why, and the loggers in scope (JSON)', () => {
    c = copyProject('npm-workspace');
    c.write('services/api/obs-lens.config.json', '{}');
    const r = runCli(['explain', 'src/orders.ts', '--format', 'json'], c.path('services/api'));
    assert.equal(r.code, 0, r.stderr);
    const [e] = (JSON.parse(r.stdout) as { files: Array<Record<string, unknown>> }).files;
    assert.deepEqual(e.package, { dir: '.', name: '@acme/api' });
    assert.equal(e.configuration, 'obs-lens.config.json');
    assert.equal(e.repositoryRoot, '../..');
    assert.deepEqual(e.workspaceDeclaredBy, ['package.json']);
    assert.deepEqual(e.moduleStyle, { style: 'esm', reason: "the file's own import/export syntax" });
    assert.equal((e.library as { name: string }).name, 'pino');
    const module = e.loggerModule as { specifier: string; file: string; exportName: string; reason: string };
    assert.deepEqual([module.specifier, module.file, module.exportName], ['@acme/logger', '../../packages/logger/src/index.ts', 'logger']);
    assert.match(module.reason, /has no logger module of its own; it depends on workspace package @acme\/logger/);
    assert.deepEqual(e.loggersInScope, [
      { name: 'logger', library: 'pino', specifier: '@acme/logger', resolvedFile: '../../packages/logger/src/index.ts', origin: '../../packages/logger/src/pino-logger.ts' },
    ]);
  });

  it('prints the same as text, one row per fact', () => {
    c = copyProject('pnpm-workspace');
    const r = runCli(['explain', 'apps/orders/src/handlers/checkout.ts'], c.root);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'apps/orders/src/handlers/checkout.ts');
    assert.ok(lines.includes('  package           @shop/orders (apps/orders)'), r.stdout);
    assert.ok(lines.includes('  tsconfig          apps/orders/tsconfig.json'), r.stdout);
    assert.ok(lines.includes('  logger module     ../lib/logger.js, export `logger` (pino) = apps/orders/src/lib/logger.ts'), r.stdout);
    assert.ok(lines.includes("    logger (pino) from '@orders/lib/logger' = apps/orders/src/lib/logger.ts"), r.stdout);
    // What the file is for and what decided it: the rules hold only service code to service standards.
    assert.ok(lines.some((l) => /^ {2}role {14}service: /.test(l)), r.stdout);
    const missing = runCli(['explain', 'nope.ts'], c.root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file: nope\.ts/);
  });

  it('lists the handlers in the file with their full route paths (the mount prefix set in another file applied)', () => {
    const example = path.join(REPO, 'examples', 'express-service');
    const r = runCli(['explain', 'src/routes/orders.ts', '--format', 'json'], example);
    assert.equal(r.code, 0, r.stderr);
    const [e] = (JSON.parse(r.stdout) as { files: Array<{ handlers: Array<{ method: string; path: string; registered: { file: string; line: number } }> }> }).files;
    // `app.use('/orders', ordersRouter)` is in src/app.ts; the routes are `router.post('/')` and `router.get('/:id')`.
    assert.deepEqual(
      e.handlers.map((h) => `${h.method} ${h.path} ${h.registered.file}:${h.registered.line + 1}`),
      ['POST /orders src/routes/orders.ts:14', 'GET /orders/:id src/routes/orders.ts:33'],
    );
    const text = runCli(['explain', 'src/routes/orders.ts'], example);
    assert.ok(text.stdout.split('\n').includes('    GET   /orders/:id  line 33 (express)'), text.stdout);
  });
});

describe('fixture projects', () => {
  it('are committed without installs (workspace packages resolve without node_modules)', () => {
    const root = path.resolve(__dirname, '..', 'fixtures', 'projects');
    for (const name of fs.readdirSync(root)) assert.ok(!fs.existsSync(path.join(root, name, 'node_modules')), name);
  });
});
