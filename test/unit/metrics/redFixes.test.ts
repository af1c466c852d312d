// handler-missing-metrics' fixes on the coverage fixtures (test/fixtures/measured): every fix,
// applied alone to a copy of its project (in every file it edits or creates), leaves the handler
// measured by the engine's own coverage and code the TypeScript compiler accepts against the real
// types of prom-client, express, fastify, koa, @koa/router, hono, express-prom-bundle,
// fastify-metrics, prometheus-api-metrics and @hono/prometheus: no problem the touched files did not have before the fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { editsOtherFiles, fixedFilesChecked } from '../../../server/src/analysis';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { mergeSettings } from '../../../server/src/analysis/workspace/config';
import type { Finding } from '../../../server/src/analysis/types';
import { typeProblems } from '../../support/typecheckFixed';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'measured');
const RULE = 'handler-missing-metrics';

async function findings(root: string): Promise<Array<{ file: string; finding: Finding }>> {
  const result = await analyzeWorkspace(root, { settings: mergeSettings() });
  return result.files.flatMap((f) => f.findings.filter((d) => d.rule === RULE).map((finding) => ({ file: f.path, finding })));
}

/** Problems without their line numbers (a fix moves lines), one entry per problem. */
function withoutLines(problems: readonly string[]): string[] {
  return problems.map((p) => p.replace(/: line \d+:/, ':')).sort();
}

describe('handler-missing-metrics: fixes on the coverage fixtures', function () {
  this.timeout(180_000);
  let tmp: string;
  let root: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-red-fixes-'));
    root = path.join(tmp, 'fixtures');
    fs.cpSync(FIXTURES, root, { recursive: true });
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('offers the fix the service calls for, never safe', async () => {
    const all = await findings(root);
    const titles = Object.fromEntries(
      all.map(({ file, finding }) => [`${path.relative(root, file).split(path.sep).join('/')}:${finding.line + 1}`, finding.fixes.map((f) => `${f.title}${f.safe ? ' (safe)' : ''}`)]),
    );
    const hist = 'Time the handler with the shared `http_request_duration_seconds` histogram';
    // The middleware the service depends on, mounted once in front of the routes (in the app's file for a router's handler too).
    assert.deepEqual(titles['express-unmounted/src/server.ts:8'], ['Mount express-prom-bundle in front of the routes (app level, once)']);
    assert.deepEqual(titles['express-unmounted/src/users.ts:5'], ['Mount express-prom-bundle in front of the routes (app level, once)']);
    assert.deepEqual(titles['fastify-unmounted/src/index.js:6'], ['Mount fastify-metrics in front of the routes (app level, once)']);
    // prometheus-api-metrics through its named `expressMiddleware` (its types' default export is not there in CommonJS).
    assert.deepEqual(titles['express-api-metrics/src/server.js:6'], ['Mount prometheus-api-metrics in front of the routes (app level, once)']);
    // @hono/prometheus: its factory's middleware on '*' and its scrape handler on /metrics.
    assert.deepEqual(titles['hono-unmounted/src/index.ts:6'], ['Mount @hono/prometheus in front of the routes (app level, once)']);
    assert.deepEqual(titles['hono-unmounted/src/index.ts:7'], ['Mount @hono/prometheus in front of the routes (app level, once)']);
    // No metrics module: the histogram in a new one, the missing parameters of an inline Fastify handler added.
    assert.deepEqual(titles['fastify-prom/src/server.ts:6'], [`${hist} (created in a new metrics.ts)`]);
    assert.deepEqual(titles['fastify-prom/src/server.ts:8'], [`${hist} (created in a new metrics.ts)`]);
    // Koa through @koa/router: the timer ends on ctx.res's finish, with ctx.method and ctx.status.
    assert.deepEqual(titles['koa-router/src/server.ts:8'], [`${hist} (created in a new metrics.ts)`]);
    assert.deepEqual(titles['koa-router/src/server.ts:12'], [`${hist} (created in a new metrics.ts)`]);
    // Hono: a route-level middleware in front of the inline handler (c.res after `await next()`).
    assert.deepEqual(titles['hono-prom/src/index.ts:7'], [`${hist} (created in a new metrics.ts)`]);
    assert.deepEqual(titles['hono-prom/src/index.ts:8'], [`${hist} (created in a new metrics.ts)`]);
    // A middleware in use registers http_request_duration_seconds in the default registry: a second one would throw at start-up.
    assert.deepEqual(titles['express-bundle/src/server.ts:8'], []);
    assert.deepEqual(titles['fastify-metrics/src/index.ts:10'], []);
    // @hono/prometheus's own registry is the one printMetrics serves: a default-registry histogram would not be scraped.
    assert.deepEqual(titles['hono-prometheus/src/index.ts:7'], []);
    // The project's metrics module gets the histogram; an existing one is reused; a handler's own file can be the module.
    assert.deepEqual(titles['express-module/src/app.ts:6'], [`${hist} (created in metrics.ts)`]);
    assert.deepEqual(titles['express-own/src/app.js:6'], [hist]);
    assert.deepEqual(titles['node-http/server.js:11'], [hist]);
    // No prom-client in the service (StatsD, OpenTelemetry), or a framework the fix does not write for: no fix.
    assert.deepEqual(titles['statsd-otel/src/server.ts:21'], []);
    assert.deepEqual(titles['nestjs-inject/src/health.controller.ts:5'], []);
  });

  it('each fix applied alone measures the handler and type-checks against the libraries', async () => {
    const all = await findings(root);
    let n = 0;
    let multiFile = 0;
    const fixedFiles: Array<{ file: string; from: string }> = [];
    const originals: Array<{ file: string; from: string }> = [];
    for (const { file, finding } of all) {
      for (const fix of finding.fixes) {
        const service = path.relative(root, file).split(path.sep)[0];
        // A copy of the fix's service alone, in a repository of its own.
        const copy = path.join(tmp, `fix-${n++}`);
        fs.cpSync(path.join(root, service), path.join(copy, service), { recursive: true });
        fs.cpSync(path.join(root, '.git'), path.join(copy, '.git'), { recursive: true });
        const inCopy = (p: string) => path.join(copy, path.relative(root, p));
        const read = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);
        const files = fixedFilesChecked(file, fs.readFileSync(file, 'utf8'), fix, read);
        assert.ok(files, `"${fix.title}" on ${service} applies and parses`);
        if (editsOtherFiles(fix.edits)) multiFile++;
        for (const f of files) fs.writeFileSync(inCopy(f.file), f.after);
        const from = `${service}:${finding.line + 1} "${fix.title}"`;
        fixedFiles.push(...files.map((f) => ({ file: inCopy(f.file), from })));
        originals.push(...files.filter((f) => f.before !== null).map((f) => ({ file: f.file, from })));
        // The engine agrees the handler is measured now.
        const still = (await findings(copy)).filter((x) => path.relative(copy, x.file) === path.relative(root, file) && x.finding.message === finding.message);
        assert.deepEqual(still.map((x) => x.finding.message), [], `${from} leaves the handler measured`);
      }
    }
    assert.ok(n >= 8, `fixes offered on the fixtures (${n})`);
    assert.ok(multiFile >= 4, `fixes that edit or create another file (${multiFile})`);
    // One compiler program for every fixed file, one for the same files before: nothing new after.
    const options = { allowJs: true, checkJs: true };
    const was = withoutLines(typeProblems(originals, root, options));
    const problems = withoutLines(typeProblems(fixedFiles, tmp, options)).filter((p) => {
      const i = was.indexOf(p);
      if (i < 0) return true;
      was.splice(i, 1);
      return false;
    });
    assert.deepEqual(problems, [], 'the fixed files type-check as well as before');
  });
});
