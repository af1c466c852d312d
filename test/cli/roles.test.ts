// File roles end to end: the built CLI on the fixture projects of test/fixtures/roles (copied to a
// temporary folder), asserting every finding. Console output in browser code, test support, seeds,
// migrations run by hand, builds and CLIs stays quiet; console in service code is found, including
// a module the browser and the server share.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOnce, makeWorkspace, parseJsonOutput, removeWorkspaces, runCli } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'roles');

/** A fresh copy of a fixture project in a temporary folder. */
function copyFixture(name: string): string {
  const root = makeWorkspace({});
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

function findings(root: string): string[] {
  const r = runCli(['check', '--format', 'json'], root);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  // Roles decide which files are held to the logging rules; whether a service's handlers are
  // measured or its requests get ids (service-phase rules) is not about roles.
  return parseJsonOutput(r.stdout)
    .filter((d) => d.rule !== 'handler-missing-metrics' && d.rule !== 'missing-request-id-middleware')
    .map((d) => `${d.file}:${d.line} ${d.rule}`);
}

describe('obs-lens check: file roles from the project', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  after(() => removeWorkspaces());

  it('Angular client code (angular.json entry, reached by imports) is quiet; the API and a module both use are service code', () => {
    assert.deepEqual(findings(copyFixture('angular-and-api')), [
      'apps/api/src/server.ts:7 console-logging',
      'libs/shared/money.ts:2 console-logging',
      'libs/shared/money.ts:2 unstructured-log-message',
    ]);
  });

  it('a Vite React package, its service worker in public/ and its registration are quiet; the server package beside it is not', () => {
    assert.deepEqual(findings(copyFixture('react-vite')), ['packages/server/src/index.ts:6 console-logging']);
  });

  it("Next.js: a 'use client' component, a page and next.config are quiet; a route handler and what it imports are service code", () => {
    assert.deepEqual(findings(copyFixture('next-app')), [
      'app/api/orders/route.ts:5 console-logging',
      'app/api/scripts/telemetry/route.ts:3 console-logging',
      'lib/orders.ts:2 console-logging',
      'lib/orders.ts:2 unstructured-log-message',
    ]);
  });

  it('jest and vitest configurations, test-support folders and modules only tests import are test code', () => {
    assert.deepEqual(findings(copyFixture('test-support')), [
      'packages/api/src/orders.ts:2 console-logging',
      'packages/api/src/orders.ts:2 unstructured-log-message',
      'packages/worker/src/jobs.js:2 console-logging',
      'packages/worker/src/jobs.js:2 unstructured-log-message',
    ]);
  });

  it('a Prisma seed, a migration runner from package.json scripts and its helpers, build scripts and CLIs (oclif, yargs) are quiet; an oclif command the start script runs is not', () => {
    assert.deepEqual(findings(copyFixture('scripts-and-builds')), [
      'src/commands/worker.ts:6 console-logging',
      'src/routes/orders.ts:5 console-logging',
      'src/routes/orders.ts:5 unstructured-log-message',
      'src/server.ts:6 console-logging',
    ]);
  });

  it('--fix brings the server logger into server code and never into browser code', () => {
    const root = copyFixture('react-vite');
    const web = path.join(root, 'packages', 'web');
    const before = new Map(['src/App.tsx', 'src/main.tsx', 'src/registerServiceWorker.ts', 'public/sw.js'].map((f) => [f, fs.readFileSync(path.join(web, f), 'utf8')]));
    const r = runCli(['check', '--fix', '--format', 'json'], root);
    // What is left is the server's service findings (no metrics, no request ids), kept in the report of the fixing run.
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(parseJsonOutput(r.stdout).map((d) => d.rule).sort(), ['handler-missing-metrics', 'missing-request-id-middleware']);
    for (const [file, text] of before) assert.equal(fs.readFileSync(path.join(web, file), 'utf8'), text, `${file} was changed`);
    const server = fs.readFileSync(path.join(root, 'packages', 'server', 'src', 'index.ts'), 'utf8');
    assert.match(server, /logger\.info\('order received'\)/);
  });

  it("--cache notices a role that changes with a file it does not analyse (index.html) and with another file's imports", () => {
    const root = makeWorkspace({
      'package.json': JSON.stringify({ name: 'shop', main: 'src/server.ts', dependencies: { express: '^4.0.0', 'react-dom': '^18.0.0' } }),
      'src/server.ts': "console.log('server up');\n",
      'web/main.ts': "console.log('client up');\n",
      'src/helpers.ts': "export const h = () => console.log('helper');\n",
      'src/helpers.spec.ts': "import { h } from './helpers';\nh();\n",
    });
    const check = () => {
      const r = runCli(['check', '--cache', '--format', 'json'], root);
      return parseJsonOutput(r.stdout).map((d) => `${d.file}:${d.line} ${d.rule}`);
    };
    assert.deepEqual(check(), ['src/server.ts:1 console-logging', 'web/main.ts:1 console-logging']);
    fs.writeFileSync(path.join(root, 'index.html'), '<script type="module" src="/web/main.ts"></script>\n');
    assert.deepEqual(check(), ['src/server.ts:1 console-logging']);
    fs.writeFileSync(path.join(root, 'src/server.ts'), "import { h } from './helpers';\nconsole.log('server up');\nh();\n");
    assert.deepEqual(check(), ['src/helpers.ts:1 console-logging', 'src/server.ts:2 console-logging']);
  });
});
