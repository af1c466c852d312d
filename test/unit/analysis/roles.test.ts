// File roles and the reasons given for them: the workspace pass over copies of the fixture projects
// (test/fixtures/roles), then each file's role as rules see it and why, as `explain` would show it.
// Also the pieces: globs from test-runner configurations, the import scan, script commands, and
// the language server's project registry telling when a change moved some file's role.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explainRole } from '../../../server/src/analysis';
import { compileGlob } from '../../../server/src/analysis/roles/glob';
import { commandPaths, scriptRole } from '../../../server/src/analysis/roles/manifest';
import { scanFile } from '../../../server/src/analysis/roles/scan';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { mergeSettings } from '../../../server/src/analysis/workspace/config';
import { ProjectRegistry } from '../../../server/src/lsp/projects';
import { writeTree } from '../../cli/helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'roles');

describe('file roles', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the workspace pass on a copy of the fixture; returns "role: why" per relative path asked for. */
  async function roles(fixture: string, files: string[]): Promise<Record<string, string>> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    fs.cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
    const result = await analyzeWorkspace(root, { settings: mergeSettings() });
    const out: Record<string, string> = {};
    for (const rel of files) {
      const v = explainRole(result.project, path.join(root, rel));
      out[rel] = `${v.role}: ${v.why}`;
    }
    return out;
  }

  /** Runs the workspace pass on a tree of files; answers "role: why" for a path relative to it. */
  async function treeRoles(files: Record<string, string>): Promise<(rel: string) => string> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    writeTree(root, files);
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    return (rel) => {
      const v = explainRole(project, path.join(root, rel));
      return `${v.role}: ${v.why}`;
    };
  }

  it('Angular: the angular.json entry, components by their framework import, helpers by reach; a module the server imports too is service code', async () => {
    assert.deepEqual(await roles('angular-and-api', ['apps/web/src/main.ts', 'apps/web/src/app/app.component.ts', 'libs/format/format-total.ts', 'libs/shared/money.ts', 'apps/api/src/server.ts']), {
      'apps/web/src/main.ts': `browser: the front end's entry (Angular project "web" in angular.json)`,
      'apps/web/src/app/app.component.ts': 'browser: imports @angular/core (front-end framework)',
      'libs/format/format-total.ts': 'browser: imported by apps/web/src/app/app.component.ts (imports @angular/core (front-end framework))',
      'libs/shared/money.ts': 'service: imported by server code (apps/api/src/server.ts)',
      'apps/api/src/server.ts': 'service: package.json scripts.start runs it',
    });
  });

  it('Vite + React: index.html scripts, a service worker, a front-end package; the vite config is build configuration', async () => {
    assert.deepEqual(await roles('react-vite', ['packages/web/src/main.tsx', 'packages/web/public/sw.js', 'packages/web/src/App.tsx', 'packages/web/vite.config.ts', 'packages/server/src/index.ts']), {
      'packages/web/src/main.tsx': 'browser: loaded by packages/web/index.html',
      'packages/web/public/sw.js': 'browser: a service worker (listens for service-worker events on self)',
      'packages/web/src/App.tsx': 'browser: packages/web/package.json is a front end (react-dom, no server framework)',
      'packages/web/vite.config.ts': 'build: build or tool configuration (vite.config.ts)',
      'packages/server/src/index.ts': 'service: packages/server/package.json main',
    });
  });

  it("Next.js: 'use client', pages, route handlers (whatever their folders are called) and the modules route handlers import", async () => {
    assert.deepEqual(await roles('next-app', ['app/components/Counter.tsx', 'app/page.tsx', 'app/api/orders/route.ts', 'app/api/scripts/telemetry/route.ts', 'lib/orders.ts']), {
      'app/components/Counter.tsx': "browser: 'use client' directive",
      'app/page.tsx': 'browser: Next.js app/ page or component',
      'app/api/orders/route.ts': 'service: Next.js route handler (app/**/route)',
      'app/api/scripts/telemetry/route.ts': 'service: Next.js route handler (app/**/route)',
      'lib/orders.ts': 'service: imported by server code (app/api/orders/route.ts)',
    });
  });

  it('tests: runner configurations (testMatch, setup files), test folders and modules only tests import', async () => {
    const api = 'packages/api';
    const worker = 'packages/worker';
    assert.deepEqual(
      await roles('test-support', [
        `${worker}/checks/jobs.check.js`,
        `${worker}/support-files/db-global.js`,
        `${worker}/support-files/matchers.js`,
        `${api}/src/prepare-env.ts`,
        `${api}/src/fakes/clock.ts`,
        `${api}/src/internal/testing/seeder.ts`,
        `${api}/acceptance/support/http.ts`,
        `${api}/src/orders.ts`,
      ]),
      {
        [`${worker}/checks/jobs.check.js`]: `test: jest runs it as a test (${worker}/jest.config.js)`,
        [`${worker}/support-files/db-global.js`]: `test: jest loads it to set tests up (${worker}/jest.config.js)`,
        [`${worker}/support-files/matchers.js`]: `test: jest loads it to set tests up (${worker}/jest.config.js)`,
        [`${api}/src/prepare-env.ts`]: `test: vitest loads it to set tests up (${api}/vitest.config.ts)`,
        [`${api}/src/fakes/clock.ts`]: `test: imported only by tests (${api}/src/orders.spec.ts)`,
        [`${api}/src/internal/testing/seeder.ts`]: 'test: in testing/ (a test folder)',
        [`${api}/acceptance/support/http.ts`]: 'test: in acceptance/ (a test folder)',
        [`${api}/src/orders.ts`]: `service: ${api}/package.json main`,
      },
    );
  });

  it('a test set aside by its name (`raid.vm.test.disabled.ts`) is still a test, and a test-utilities folder holds test code', async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'daemon', main: 'source/index.ts', dependencies: { express: '^4' } }),
      'source/index.ts': "import express from 'express';\nexpress().listen(80);\n",
      'source/modules/raid.vm.test.disabled.ts': "import { test } from 'vitest';\ntest('fails over', () => console.log('events'));\n",
      'source/modules/test-utilities/create-test-daemon.ts': "export const createTestDaemon = () => console.log('started');\n",
    });
    assert.equal(role('source/modules/raid.vm.test.disabled.ts'), 'test: named like a test (raid.vm.test.disabled.ts)');
    assert.equal(role('source/modules/test-utilities/create-test-daemon.ts'), 'test: in test-utilities/ (a test folder)');
  });

  it('follows imports with the project model\'s resolver: a workspace package by name, a tsconfig paths alias', async () => {
    const said = await treeRoles({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/testkit/package.json': JSON.stringify({ name: '@acme/testkit', types: 'src/index.ts' }),
      'packages/testkit/src/index.ts': "export { fakeClock } from './clock';\n",
      'packages/testkit/src/clock.ts': 'export const fakeClock = () => 0;\n',
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '^4' }, devDependencies: { '@acme/testkit': '*' } }),
      'packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~support/*': ['support/*'] } } }),
      'packages/api/src/orders.ts': "export const orders = () => 'ok';\n",
      'packages/api/src/orders.test.ts': "import { fakeClock } from '@acme/testkit';\nimport { stub } from '~support/stubs';\nimport { orders } from './orders';\nit('orders', () => orders() && fakeClock() && stub);\n",
      'packages/api/support/stubs.ts': 'export const stub = 1;\n',
    });
    assert.equal(said('packages/testkit/src/index.ts'), 'test: imported only by tests (packages/api/src/orders.test.ts)');
    assert.equal(said('packages/testkit/src/clock.ts'), 'test: imported only by tests (packages/testkit/src/index.ts)');
    assert.equal(said('packages/api/support/stubs.ts'), 'test: imported only by tests (packages/api/src/orders.test.ts)');
  });

  it("Documenso's shape: a workspace root's hoisted react-dom does not make its packages front ends; a React Router app's conventions decide its app/ folder", async () => {
    const said = await treeRoles({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'], dependencies: { react: '^19', 'react-dom': '^19' } }),
      'root-script.tsx': "import { createRoot } from 'react-dom/client';\ncreateRoot(document.body);\n",
      'packages/lib/package.json': JSON.stringify({ name: '@acme/lib', main: './index.ts', dependencies: { pino: '^9', react: '^19' } }),
      'packages/lib/jobs/worker.ts': "export function startWorker() { console.log('worker started'); }\n",
      'packages/lib/client-only/use-upload.ts': "export const useUpload = () => fetch('/upload');\n",
      'packages/web-ui/package.json': JSON.stringify({ name: '@acme/web-ui', dependencies: { react: '^19', 'react-dom': '^19' } }),
      'packages/web-ui/button.tsx': 'export const Button = () => null;\n',
      // A package.json that only sets the module type is a marker, not a package of its own.
      'packages/web-ui/legacy/package.json': JSON.stringify({ type: 'commonjs' }),
      'packages/web-ui/legacy/tooltip.js': 'exports.tooltip = () => null;\n',
      'apps/remix/package.json': JSON.stringify({ name: '@acme/remix', dependencies: { hono: '^4', 'react-dom': '^19', '@react-router/node': '^7' }, devDependencies: { '@react-router/dev': '^7' } }),
      'apps/remix/server/router.ts': "import { Hono } from 'hono';\nimport { startWorker } from '@acme/lib/jobs/worker';\nstartWorker();\nexport const app = new Hono();\n",
      'apps/remix/app/entry.server.tsx': "export default function handleRequest() { console.error('render failed'); }\n",
      'apps/remix/app/root.tsx': "import { session } from './utils/session.server';\nexport async function loader() { return session(); }\nexport default function App() { return null; }\n",
      'apps/remix/app/utils/session.server.ts': 'export const session = () => ({});\n',
      'apps/remix/app/routes/settings.tsx': "import { useUpload } from '@acme/lib/client-only/use-upload';\nexport default function Settings() { useUpload(); return null; }\n",
      'apps/remix/app/routes/api+/logo.ts': 'export async function loader() { return new Response(); }\n',
      'apps/remix/app/routes/api+/theme.tsx': "export const action = async () => new Response('ok');\n",
      'apps/remix/app/entry.client.tsx': "import { hydrateRoot } from 'react-dom/client';\nhydrateRoot(document, null);\n",
      'apps/remix/app/components/dialog.client.tsx': 'export const Dialog = () => null;\n',
      'packages/lib/v1/examples/01-create-document.ts': "const res = await fetch('http://localhost:3000/api/v1/documents');\nconsole.log(`created ${res.status}`);\n",
    });
    assert.deepEqual(
      Object.fromEntries(['packages/lib/jobs/worker.ts', 'packages/lib/client-only/use-upload.ts', 'packages/web-ui/button.tsx', 'packages/web-ui/legacy/tooltip.js', 'apps/remix/server/router.ts', 'apps/remix/app/entry.server.tsx', 'apps/remix/app/root.tsx', 'apps/remix/app/utils/session.server.ts', 'apps/remix/app/routes/settings.tsx', 'apps/remix/app/routes/api+/logo.ts', 'apps/remix/app/routes/api+/theme.tsx', 'apps/remix/app/entry.client.tsx', 'apps/remix/app/components/dialog.client.tsx', 'packages/lib/v1/examples/01-create-document.ts'].map((f) => [f, said(f)])),
      {
        'packages/lib/jobs/worker.ts': 'service: imported by server code (apps/remix/server/router.ts)',
        'packages/lib/client-only/use-upload.ts': 'browser: imported by apps/remix/app/routes/settings.tsx (React Router / Remix route module or component under app/ (its loader and action run on the server))',
        // The package's own react-dom still makes it a front end.
        'packages/web-ui/button.tsx': 'browser: packages/web-ui/package.json is a front end (react-dom, no server framework)',
        'packages/web-ui/legacy/tooltip.js': 'browser: packages/web-ui/package.json is a front end (react-dom, no server framework)',
        'apps/remix/server/router.ts': 'service: service code: nothing marks it as a test, script, build, CLI or browser file',
        'apps/remix/app/entry.server.tsx': 'service: React Router / Remix server entry (app/entry.server)',
        'apps/remix/app/root.tsx': 'browser: React Router / Remix route module or component under app/ (its loader and action run on the server)',
        'apps/remix/app/utils/session.server.ts': 'service: React Router / Remix server-only module (*.server / .server/)',
        'apps/remix/app/routes/settings.tsx': 'browser: React Router / Remix route module or component under app/ (its loader and action run on the server)',
        // A resource route (a loader, no component) is server code, .ts or .tsx.
        'apps/remix/app/routes/api+/logo.ts': 'service: React Router / Remix resource route (a loader or action, no component)',
        'apps/remix/app/routes/api+/theme.tsx': 'service: React Router / Remix resource route (a loader or action, no component)',
        'apps/remix/app/entry.client.tsx': 'browser: imports react-dom/client (front-end framework)',
        'apps/remix/app/components/dialog.client.tsx': 'browser: React Router / Remix client-only module',
        'packages/lib/v1/examples/01-create-document.ts': 'script: in examples/ inside its package (usage examples, run by hand)',
      },
    );
  });

  it('scripts, builds and CLIs: prisma.seed, package.json scripts and what only they import, oclif commands, a yargs entry', async () => {
    assert.deepEqual(
      await roles('scripts-and-builds', ['prisma/seed.ts', 'db/migrate.js', 'db/steps/apply.js', 'build.js', 'stamp.build.mjs', 'src/commands/reset-password.ts', 'src/commands/worker.ts', 'src/cli/index.ts', 'src/server.ts', 'src/routes/orders.ts']),
      {
        'prisma/seed.ts': 'script: package.json prisma.seed runs it',
        'db/migrate.js': 'script: package.json scripts.db:migrate runs it',
        'db/steps/apply.js': 'script: imported only by script code (db/migrate.js)',
        'build.js': 'build: package.json scripts.build runs it',
        'stamp.build.mjs': 'build: package.json scripts.postbuild runs it',
        'src/commands/reset-password.ts': 'cli: oclif command (package.json oclif.commands)',
        'src/commands/worker.ts': 'service: package.json scripts.start-worker runs the oclif command worker',
        'src/cli/index.ts': 'cli: package.json scripts.cli runs it',
        'src/server.ts': 'service: package.json main',
        'src/routes/orders.ts': 'service: imported by server code (src/server.ts)',
      },
    );
  });

  it("Open Collective's cron jobs: a package script's shell script runs every file of a folder (`./cron/$1/`), so those files and what only they import are scripts; the server's own modules stay service code", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'api', main: 'server/index.js', dependencies: { express: '^5' }, scripts: { start: 'node server/index.js', 'cron:daily': './scripts/cron.sh daily', 'deploy:web': './scripts/deploy.sh' } }),
      'scripts/cron.sh': '#!/bin/bash\nBIN=babel-node\nFILE_PATH="./cron/$1/"\nfor FILE in `ls $FILE_PATH`; do\n  "./node_modules/.bin/$BIN" "$FILE_PATH$FILE";\ndone;\n',
      // Lists the migrations it runs; copies the routes (not run by it); a comment names the parent folder.
      'scripts/deploy.sh': '#!/bin/bash\n# Load the shared env from ./../\nfor f in $(ls ./db/migrations); do node "./db/migrations/$f"; done\nrsync -az ./server/routes/ "deploy@$1:/srv/app/routes/"\ncd ./server/ && node index.js\n',
      'db/migrations/001-init.js': "console.log(`migrated ${Date.now()}`);\n",
      'server/routes/users.js': "module.exports = (req, res) => { console.log(`user ${req.params.id}`); res.end(); };\n",
      'server/index.js': "const express = require('express');\nconst app = express();\nrequire('./lib/payments');\napp.get('/users/:id', require('./routes/users'));\napp.listen(3000);\n",
      'server/lib/payments.js': "exports.charge = function () { console.log('charged'); };\n",
      'server/lib/onboarding.js': "exports.onboard = function (c) { console.log(`onboarding ${c}`); };\n",
      'cron/daily/20-onboarding.js': "require('../../server/lib/onboarding').onboard('x');\n",
      'cron/hourly/10-sync.js': "console.log('synced');\n",
    });
    assert.equal(role('cron/daily/20-onboarding.js'), 'script: package.json scripts.cron:daily runs its files through a shell script');
    assert.equal(role('server/lib/onboarding.js'), 'script: imported only by script code (cron/daily/20-onboarding.js)');
    // The script line names `daily`: the hourly folder is not what it runs (and nothing else marks it).
    assert.match(role('cron/hourly/10-sync.js'), /^service: /);
    // What a shell script lists and runs is scripts; what it copies, or names in a comment, is not.
    assert.equal(role('db/migrations/001-init.js'), 'script: package.json scripts.deploy:web runs its files through a shell script');
    assert.equal(role('server/routes/users.js'), 'service: imported by server code (server/index.js)');
    assert.equal(role('server/lib/payments.js'), 'service: imported by server code (server/index.js)');
  });

  it('a module named like a build step that the server imports is service code (NodeBB rebuilds its assets on request; Dokploy sends build-error notices); one nothing imports stays a build script', async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'forum', main: 'src/server.js', dependencies: { express: '^4' } }),
      'src/server.js': "const express = require('express');\nconst app = express();\napp.post('/admin/rebuild', async (req, res) => { await require('./meta/build').buildAll(); res.end(); });\nrequire('./notify/build-error').notify;\napp.listen(3000);\n",
      'src/meta/build.js': "exports.buildAll = async function () { console.log(`built in ${Date.now()}ms`); };\n",
      'src/notify/build-error.js': "exports.notify = function (err) { console.log(err); };\n",
      'build.js': "console.log('bundling');\n",
      '.releaserc.js': "console.log(`Running on branch: ${process.env.GITHUB_REF}`);\nmodule.exports = {};\n",
    });
    assert.equal(role('.releaserc.js'), 'tooling: lint, format, release or storybook file (.releaserc.js)');
    assert.equal(role('src/meta/build.js'), 'service: imported by server code (src/server.js)');
    assert.equal(role('src/notify/build-error.js'), 'service: imported by server code (src/server.js)');
    assert.equal(role('build.js'), 'build: build script (build.js)');
  });

  it("Uptime Kuma's shape: what CI workflows and Dockerfiles run, helpers only those scripts import (however deep), and compiled JavaScript beside its TypeScript source", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'kuma', scripts: { start: 'npm run start-server', 'start-server': 'node server/server.js', 'release-final': 'node ./extra/release/release.mjs' }, dependencies: { express: '^4' } }),
      '.github/workflows/validate.yml': 'jobs:\n  validate:\n    steps:\n      - name: Check\n        run: node ./extra/check-lang.mjs\n      - run: |\n          npm ci\n          node extra/close-issue.js ${{ secrets.GITHUB_TOKEN }}\n',
      'docker/builder.dockerfile': 'FROM node:20\nCOPY ./extra/ ./extra/\nRUN npm ci && \\\n    node ./extra/build-healthcheck.js $TARGETPLATFORM\nHEALTHCHECK --interval=60s CMD node extra/healthcheck.js\nCMD ["node", "server/server.js"]\n',
      'docker/base.dockerfile': 'FROM node:20 AS base\nCOPY ./extra/download-apprise.mjs ./download-apprise.mjs\nRUN node ./download-apprise.mjs\nCOPY --from=base /app/server.js ./server.js\n',
      'extra/download-apprise.mjs': "console.log(`downloading ${process.argv[2]}`);\n",
      'extra/check-lang.mjs': "console.error(`missing key ${process.argv[2]}`);\n",
      'extra/close-issue.js': "console.log('closing');\n",
      'extra/build-healthcheck.js': "console.log('building');\n",
      'extra/healthcheck.js': "console.log('healthy');\n",
      'extra/release/release.mjs': "import './prepare.mjs';\n",
      'extra/release/prepare.mjs': "import { bump } from './lib.mjs';\nawait import('./update-version.mjs');\nbump();\n",
      'extra/release/update-version.mjs': "import { bump } from './lib.mjs';\nbump();\n",
      'extra/release/lib.mjs': "export function bump() { console.log('bumped'); }\n",
      'server/server.js': "const { log } = require('../src/util');\nconst express = require('express');\nexpress().listen(3001);\nlog.info('server', 'up');\n",
      'src/util.ts': "export const log = { info(module: string, msg: string) { console.log(module, msg); } };\n",
      'src/util.js': "exports.log = { info(module, msg) { console.log(module, msg); } };\n",
    });
    assert.equal(role('extra/check-lang.mjs'), 'script: .github/workflows/validate.yml runs it');
    assert.equal(role('extra/close-issue.js'), 'script: .github/workflows/validate.yml runs it');
    assert.equal(role('extra/build-healthcheck.js'), 'build: docker/builder.dockerfile runs it');
    assert.equal(role('extra/healthcheck.js'), 'script: docker/builder.dockerfile runs it');
    assert.equal(role('extra/download-apprise.mjs'), 'build: docker/base.dockerfile runs it');
    assert.equal(role('server/server.js'), 'service: package.json scripts.start-server runs it');
    assert.equal(role('extra/release/prepare.mjs'), 'script: imported only by script code (extra/release/release.mjs)');
    assert.equal(role('extra/release/update-version.mjs'), 'script: imported only by script code (extra/release/prepare.mjs)');
    assert.match(role('extra/release/lib.mjs'), /^script: imported only by script code \(extra\/release\/(prepare|update-version)\.mjs\)$/);
    assert.equal(role('src/util.js'), 'build: compiled output of util.ts beside it (its source is checked instead)');
    assert.equal(role('src/util.ts'), 'service: imported by server code (server/server.js)');
  });

  it("zigbee2mqtt's shape: a JavaScript entry that loads the compiled output of the TypeScript (`import('./dist/controller.js')`, tsconfig outDir dist and rootDir lib) runs its source, built or not", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'z2m', main: 'index.js', scripts: { start: 'node index.js', test: 'vitest run' }, dependencies: { winston: '^3' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', outDir: 'dist', rootDir: 'lib' }, include: ['./lib/**/*'] }),
      'index.js': "async function start() {\n  const { Controller } = await import('./dist/controller.js');\n  await new Controller().start();\n}\nstart();\n",
      'lib/controller.ts': "import { bridge } from './util/bridge';\nexport class Controller { async start() { bridge(); } }\n",
      'lib/util/bridge.ts': "export function bridge() { console.log('bridging'); }\n",
      'test/controller.test.ts': "import { Controller } from '../lib/controller';\nnew Controller();\n",
    });
    assert.equal(role('lib/controller.ts'), 'service: imported by server code (index.js)');
    assert.equal(role('lib/util/bridge.ts'), 'service: imported by server code (lib/controller.ts)');
  });

  it("an interactive command-line package (OpenPanel's admin: inquirer prompts, started by its own `start`) is a CLI; a server package with the same start is a service", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['admin', 'api'] }),
      'admin/package.json': JSON.stringify({ name: '@op/admin', scripts: { start: 'dotenv -e .env -c -- jiti src/cli.ts' }, dependencies: { inquirer: '^9', chalk: '^5' } }),
      'admin/src/cli.ts': "import { resetPassword } from './commands/reset';\nconsole.log('admin');\nresetPassword();\n",
      'admin/src/commands/reset.ts': "export function resetPassword() { console.log(`reset for ${process.argv[2]}`); }\n",
      'admin/src/utils/format.ts': "export const format = (s: string) => s.trim();\n",
      'api/package.json': JSON.stringify({ name: '@op/api', scripts: { start: 'node src/index.js' }, dependencies: { fastify: '^5', inquirer: '^9' } }),
      'api/src/index.js': "const fastify = require('fastify')();\nfastify.listen({ port: 3000 });\n",
    });
    assert.equal(role('admin/src/cli.ts'), 'cli: admin/package.json scripts.start runs it (an interactive command-line tool: inquirer)');
    assert.equal(role('admin/src/commands/reset.ts'), 'cli: admin/package.json is an interactive command-line tool (inquirer, no server framework)');
    assert.equal(role('admin/src/utils/format.ts'), 'cli: admin/package.json is an interactive command-line tool (inquirer, no server framework)');
    assert.equal(role('api/src/index.js'), 'service: api/package.json scripts.start runs it');
  });

  it('a tsconfig that extends a workspace package by name (`@acme/tsconfig/web.json`) with the DOM library and no Node types makes browser code', async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['tooling/*', 'packages/*'] }),
      'tooling/typescript/package.json': JSON.stringify({ name: '@acme/tsconfig' }),
      'tooling/typescript/web.json': JSON.stringify({ compilerOptions: { lib: ['dom', 'esnext'] } }),
      'packages/web-sdk/package.json': JSON.stringify({ name: '@acme/web-sdk', devDependencies: { '@acme/tsconfig': 'workspace:*' } }),
      'packages/web-sdk/tsconfig.json': JSON.stringify({ extends: '@acme/tsconfig/web.json' }),
      'packages/web-sdk/src/index.ts': "console.log(`tracking ${location.href}`);\n",
    });
    assert.equal(role('packages/web-sdk/src/index.ts'), 'browser: packages/web-sdk/tsconfig.json has the DOM library and no Node types');
  });

  it("Hoppscotch's and OpenPanel's shapes: libraries (exports, no start, no server framework) are service code only where a server imports them; a command-line package (bin) is CLI code; a Dockerfile's CMD found through WORKDIR and a copy from another stage", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'prod.Dockerfile': [
        'FROM node:20 AS builder',
        'WORKDIR /usr/src/app',
        'COPY . .',
        'RUN npm ci',
        'FROM node:20 AS backend',
        'COPY --from=builder /usr/src/app/packages/backend/prod_run.mjs /dist/backend',
        'WORKDIR /dist/backend',
        'CMD ["node", "prod_run.mjs"]',
      ].join('\n'),
      'packages/backend/package.json': JSON.stringify({ name: '@h/backend', scripts: { start: 'node src/main.js' }, dependencies: { express: '^4', '@h/data': '*' } }),
      'packages/backend/src/main.js': "const { parse } = require('@h/data');\nrequire('express')().listen(3000);\nparse('x');\n",
      'packages/backend/prod_run.mjs': "#!/usr/bin/env node\nconsole.log(`backend exited with ${process.exitCode}`);\n",
      'packages/data/package.json': JSON.stringify({ name: '@h/data', main: 'src/index.js', types: 'src/index.d.ts' }),
      'packages/data/src/index.js': "exports.parse = (s) => s;\n",
      'packages/sdk/package.json': JSON.stringify({ name: '@h/sdk', exports: { '.': './src/index.js' } }),
      'packages/sdk/src/index.js': "console.warn('sdk loaded');\n",
      'packages/cli/package.json': JSON.stringify({ name: '@h/cli', bin: { hopp: 'bin/hopp.js' }, main: 'src/index.js', dependencies: { '@h/sdk': '*' } }),
      'packages/cli/bin/hopp.js': "#!/usr/bin/env node\nrequire('../src/index.js');\n",
      'packages/cli/src/index.js': "const { run } = require('./run');\nrun();\n",
      'packages/cli/src/run.js': "exports.run = () => console.log(`running ${process.argv[2]}`);\n",
    });
    assert.equal(role('packages/backend/prod_run.mjs'), 'service: prod.Dockerfile runs it');
    assert.equal(role('packages/data/src/index.js'), 'service: imported by server code (packages/backend/src/main.js)');
    assert.equal(role('packages/sdk/src/index.js'), 'library: packages/sdk/package.json is a library (it declares what importers get, has no start of its own and no server framework): service code only where a server imports it');
    assert.equal(role('packages/cli/src/run.js'), 'cli: packages/cli/package.json is a command-line package (bin, no start of its own, no server framework)');
  });

  it("a command-line package whose `dev` script runs its bin from the sources (HyperDX's hdx-eval: `tsx src/cli.ts` beside `bin: ./dist/cli.js`) is CLI code, and so is a package with `bin` whose `start` runs a yargs command (Logto's tunnel); a `dev` that runs another file is a start", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/eval/package.json': JSON.stringify({ name: '@h/eval', bin: './dist/cli.js', main: './dist/index.js', types: './dist/index.d.ts', scripts: { dev: './scripts/env.sh tsx src/cli.ts' }, dependencies: { commander: '^12' } }),
      'packages/eval/src/cli.ts': "import { report } from './report';\nconsole.log(`eval of ${process.argv[2]}`);\nreport();\n",
      'packages/eval/src/report.ts': "export function report() { console.log(`done in ${process.uptime()}s`); }\n",
      'packages/eval/src/index.ts': "export { report } from './report';\n",
      'packages/worker/package.json': JSON.stringify({ name: '@h/worker', bin: './dist/cli.js', scripts: { dev: 'tsx src/worker.ts' } }),
      'packages/tunnel/package.json': JSON.stringify({ name: '@h/tunnel', bin: { tunnel: 'bin/index.js' }, main: 'lib/index.js', scripts: { start: 'node .' }, dependencies: { yargs: '^17', 'http-proxy-middleware': '^3' } }),
      'packages/tunnel/src/index.ts': "import { createServer } from 'node:http';\ncreateServer(() => undefined).listen(3000);\nconsole.log(`tunnel on ${process.argv[2]}`);\n",
      'packages/worker/src/cli.ts': "console.log('worker cli');\n",
      'packages/worker/src/worker.ts': "setInterval(() => console.log('tick'), 1000);\n",
    });
    assert.equal(role('packages/eval/src/cli.ts'), 'cli: packages/eval/package.json bin');
    assert.equal(role('packages/eval/src/report.ts'), 'cli: packages/eval/package.json is a command-line package (bin, no start of its own, no server framework)');
    assert.equal(role('packages/worker/src/worker.ts'), 'service: packages/worker/package.json scripts.dev runs it');
    assert.equal(role('packages/tunnel/src/index.ts'), 'cli: packages/tunnel/package.json is a command-line package (bin, arguments read with yargs, no server framework)');
  });

  it("an extension-less node entry (NodeBB's `./nodebb`: `#!/usr/bin/env node`, `require('./src/cli')`) makes what only it loads CLI code; one that starts a server itself (express-generator's bin/www) does not", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'forum', main: 'app.js', dependencies: { express: '^4', commander: '^12' } }),
      'nodebb': "#!/usr/bin/env node\n\n'use strict';\n\nrequire('./src/cli');\n",
      'LICENSE': 'GNU GENERAL PUBLIC LICENSE\n',
      'app.js': "const express = require('express');\nrequire('./src/routes')(express());\n",
      'src/cli/index.js': "const { program } = require('commander');\nprogram.command('start').action(() => require('./running').start());\n",
      'src/cli/running.js': "exports.start = () => console.log(`Starting on ${process.pid}`);\n",
      'src/routes.js': "module.exports = (app) => app.get('/', (req, res) => res.send('ok'));\n",
      'site/package.json': JSON.stringify({ name: 'site', dependencies: { express: '^4' } }),
      'site/bin/www': "#!/usr/bin/env node\nconst app = require('../app');\nconst http = require('http');\nhttp.createServer(app).listen(3000);\n",
      'site/app.js': "const express = require('express');\nmodule.exports = express();\n",
    });
    assert.equal(role('src/cli/index.js'), 'cli: imported only by CLI code (nodebb)');
    assert.equal(role('src/cli/running.js'), 'cli: imported only by CLI code (src/cli/index.js)');
    assert.equal(role('src/routes.js'), 'service: imported by server code (app.js)');
    assert.equal(role('site/app.js').split(':')[0], 'service');
  });

  it("express-generator's bin/www (a node script without an extension that the start script runs) is analysed as the service's entry; an operator's bin script beside it stays a command, and a file without a node shebang is no source", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'site', scripts: { start: 'node ./bin/www' }, dependencies: { express: '^4' } }),
      'bin/www': "#!/usr/bin/env node\nconst app = require('../app');\nconst http = require('http');\nconst port = process.env.PORT || 3000;\nhttp.createServer(app).listen(port, () => console.log(`listening on ${port}`));\n",
      'bin/manage_users': "#!/usr/bin/env node\nconst [, , name] = process.argv;\nconsole.log(`created ${name}`);\n",
      'bin/deploy': "#!/bin/sh\necho deploying\n",
      'app.js': "const express = require('express');\nmodule.exports = express();\n",
    });
    const result = await analyzeWorkspace(root, { settings: mergeSettings() });
    const role = (rel: string) => {
      const v = explainRole(result.project, path.join(root, rel));
      return `${v.role}: ${v.why}`;
    };
    const findings = (rel: string) => result.files.find((f) => f.path === path.join(root, rel))?.findings.map((f) => `${f.line + 1} ${f.rule}`);
    assert.equal(role('bin/www'), 'service: package.json scripts.start runs it');
    assert.deepEqual(findings('bin/www'), ['5 console-logging', '5 unstructured-log-message']);
    assert.equal(role('app.js'), 'service: imported by server code (bin/www)');
    assert.equal(role('bin/manage_users'), 'cli: starts with #! (a command-line entry point)');
    assert.deepEqual(findings('bin/manage_users'), []);
    assert.equal(findings('bin/deploy'), undefined);
  });

  it("a module the server's start imports only for a command-line branch that exits, its last statement (Umbrel's `if (process.argv.includes('client')) { await cliClient(...); process.exit(0) }`) is CLI code; one used outside such a branch too stays the server's", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'daemon', type: 'module', scripts: { start: 'tsx ./source/cli.ts' }, dependencies: { express: '^4' } }),
      'source/cli.ts': [
        '#!/usr/bin/env tsx',
        "import process from 'node:process'",
        "import {cliClient} from './modules/cli-client.js'",
        "import blacklistUas from './modules/blacklist-uas.js'",
        "import Daemon, {type DaemonOptions} from './index.js'",
        "import {describe} from './modules/describe.js'",
        "import {runWorker} from './modules/worker.js'",
        '',
        "if (process.argv.includes('blacklist-uas')) {",
        '  await blacklistUas() // drivers first, before anything else',
        '  process.exit(0)',
        '}',
        "if (process.argv.includes('client')) {",
        "  const query = process.argv[process.argv.indexOf('client') + 1]",
        '  await cliClient({query, format: `{${describe(query)}}`})',
        '  process.exit(0)',
        '}',
        "if (process.argv.includes('worker')) {",
        "  runWorker().catch(() => process.exit(1))",
        '}',
        "console.log(describe('daemon'))",
        'const daemon = new Daemon({} as DaemonOptions)',
        'await daemon.start()',
      ].join('\n'),
      'source/index.ts': "import express from 'express'\nexport type DaemonOptions = {port?: number}\nexport default class Daemon { constructor(readonly options: DaemonOptions) {} async start() { express().listen(80) } }\n",
      'source/modules/cli-client.ts': 'export async function cliClient({query}: {query: string; format: string}) { console.log(JSON.stringify(query)) }\n',
      'source/modules/blacklist-uas.ts': "export default async function blacklistUas() { console.log('blacklisting') }\n",
      'source/modules/describe.ts': 'export const describe = (what: string) => `the ${what}`\n',
      'source/modules/worker.ts': "export async function runWorker() { console.log('working') }\n",
    });
    assert.equal(role('source/cli.ts'), 'service: package.json scripts.start runs it');
    assert.equal(role('source/modules/cli-client.ts'), 'cli: run as a command by source/cli.ts (on a condition, as the server\'s alternative)');
    assert.equal(role('source/modules/blacklist-uas.ts'), 'cli: run as a command by source/cli.ts (on a condition, as the server\'s alternative)');
    assert.equal(role('source/modules/describe.ts'), 'service: imported by server code (source/cli.ts)');
    // A branch that only exits from a callback (`.catch(() => process.exit(1))`) runs on: no command.
    assert.equal(role('source/modules/worker.ts'), 'service: imported by server code (source/cli.ts)');
  });

  it("a server entry that runs commands instead of serving on a flag (NodeBB's app.js: `if (nconf.get('setup')) { require('./src/cli/setup').setup(); } else if ... else { require('./src/start').start(); }`) makes each command CLI code; the default branch, a module the server imports too, and a two-way split (a cluster's primary and workers) stay service code", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'forum', main: 'app.js', dependencies: { express: '^4', nconf: '^0.12' } }),
      'app.js': [
        "const nconf = require('nconf');",
        "if (nconf.get('setup')) {",
        "  require('./src/cli/setup').setup();",
        "} else if (!configExists) {",
        "  require('./install/web').install(nconf.get('port'));",
        "} else if (nconf.get('reset')) {",
        "  require('./src/cli/reset').reset();",
        "} else if (nconf.get('build')) {",
        "  require('./src/meta/build').build();",
        '} else {',
        "  require('./src/start').start();",
        '}',
      ].join('\n'),
      'src/cli/setup.js': "const { install } = require('../../install/web');\nexports.setup = () => console.log(`setup ${process.pid}`);\nexports.webInstall = install;\n",
      'src/cli/reset.js': "exports.reset = () => console.log(`reset ${process.pid}`);\n",
      'install/web.js': "exports.install = (port) => console.log(`installing on ${port}`);\n",
      'src/meta/build.js': "exports.build = () => console.log(`built ${Date.now()}`);\n",
      'src/start.js': "const express = require('express');\nconst { build } = require('./meta/build');\nexports.start = () => { build(); express().listen(3000); };\n",
      'workers/package.json': JSON.stringify({ name: 'workers', main: 'index.js', dependencies: { express: '^4' } }),
      'workers/index.js': "const cluster = require('cluster');\nif (cluster.isPrimary) {\n  require('./primary').fork();\n} else if (process.env.WORKER) {\n  require('./worker').run();\n}\n",
      'workers/primary.js': "exports.fork = () => console.log(`forking ${process.pid}`);\n",
      'workers/worker.js': "exports.run = () => console.log(`worker ${process.pid}`);\n",
    });
    assert.equal(role('src/cli/setup.js'), 'cli: run as a command by app.js (on a condition, as the server\'s alternative)');
    assert.equal(role('src/cli/reset.js'), 'cli: run as a command by app.js (on a condition, as the server\'s alternative)');
    assert.equal(role('install/web.js').split(':')[0], 'cli');
    assert.equal(role('src/start.js'), 'service: imported by server code (app.js)');
    assert.equal(role('src/meta/build.js'), 'service: imported by server code (src/start.js)');
    assert.equal(role('workers/primary.js').split(':')[0], 'service');
    assert.equal(role('workers/worker.js').split(':')[0], 'service');
  });

  it("a step a start script runs before the server (Dokploy's `node dist/migration.mjs && node dist/server.mjs`) is a script; the last step, and a lone one, the service", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'app', dependencies: { next: '^16' }, scripts: { start: 'node dist/migration.mjs && node wait-for-postgres.js && node dist/server.mjs', 'start:once': 'node setup.js' } }),
      'migration.ts': "console.log('migrated');\n",
      'wait-for-postgres.js': "console.log('waiting');\n",
      'server.ts': "import http from 'node:http';\nhttp.createServer(() => {}).listen(3000);\n",
      'setup.ts': "console.log('setup');\n",
    });
    assert.equal(role('migration.ts'), 'script: package.json scripts.start runs it before the service starts');
    assert.equal(role('wait-for-postgres.js'), 'script: package.json scripts.start runs it before the service starts');
    assert.equal(role('server.ts'), 'service: package.json scripts.start runs it');
    assert.equal(role('setup.ts'), 'service: package.json scripts.start:once runs it');
  });

  it("a vitest or jest configuration named with a dash (Teable's `vitest-e2e.config.ts`) gives its setup files the test role", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' }, devDependencies: { vitest: '^1' } }),
      'vitest-e2e.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { setupFiles: './vitest-e2e.setup.ts', include: ['test/**/*.e2e-spec.ts'] } });\n",
      'vitest-e2e.setup.ts': "console.log('database ready');\n",
      'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n",
    });
    assert.match(role('vitest-e2e.setup.ts'), /^test: /);
  });

  it("jest's JSON configuration (Actual's jest.config.json) gives its globalSetup and globalTeardown the test role", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'sync', dependencies: { express: '^4' }, devDependencies: { jest: '^29' } }),
      'jest.config.json': JSON.stringify({ globalSetup: './jest.global-setup.js', globalTeardown: './jest.global-teardown.js', testEnvironment: 'node' }),
      'jest.global-setup.js': "export default async () => { console.log(`migrating ${process.env.DB}`); };\n",
      'jest.global-teardown.js': 'export default async () => {};\n',
      'app.js': "import express from 'express';\nexpress().listen(5006);\n",
    });
    assert.equal(role('jest.global-setup.js'), 'test: jest loads it to set tests up (jest.config.json)');
    assert.equal(role('jest.global-teardown.js'), 'test: jest loads it to set tests up (jest.config.json)');
    assert.match(role('app.js'), /^service: /);
  });

  it("YApi's shape: a component importing its stylesheet or a component kit (antd) is browser code, with what it imports, though nothing the analysis follows loads it; a module the server imports stays service code", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'yapi', dependencies: { koa: '^2', react: '^16', antd: '^3', axios: '^0.18' } }),
      'server/app.js': "const Koa = require('koa');\nrequire('./plugin.js');\nconst variable = require('../client/constants/variable.js');\nnew Koa().listen(3000);\n",
      'client/constants/variable.js': 'module.exports = { PAGE_LIMIT: 10 };\n',
      'client/reducer/modules/group.js': "import axios from 'axios';\nexport function fetchGroupList() { return axios.get('/api/group/list').catch((e) => console.log(e.message)); }\n",
      'exts/yapi-plugin-statistics/client.js': "import StatisticsPage from './statisticsClientPage/index';\nexport default (app) => app.routes.push(StatisticsPage);\n",
      'exts/yapi-plugin-statistics/statisticsClientPage/index.js': "import React from 'react';\nimport './index.scss';\nimport { fetchGroupList } from '../../../client/reducer/modules/group.js';\nexport default class StatisticsPage extends React.Component {}\n",
      'exts/yapi-plugin-import-har/client.js': "import { message } from 'antd';\nexport function run(res) { console.log(res); message.error('bad HAR'); }\n",
      // The server sets NODE_PATH to its folder; a plugin's controller names its models from there.
      'server/plugin.js': "require('../exts/yapi-plugin-statistics/controller.js');\n",
      'server/models/group.js': 'module.exports = class GroupModel {};\n',
      'exts/yapi-plugin-statistics/controller.js': "const groupModel = require('models/group.js');\nmodule.exports = class StatisController { constructor() { this.groupModel = groupModel; } };\n",
    });
    assert.equal(role('exts/yapi-plugin-statistics/statisticsClientPage/index.js'), 'browser: imports the stylesheet ./index.scss (only a bundler loads one, for a page)');
    assert.equal(role('exts/yapi-plugin-import-har/client.js'), "browser: imports antd (a front end's component kit)");
    assert.match(role('exts/yapi-plugin-statistics/client.js'), /^browser: imports browser code \(exts\/yapi-plugin-statistics\/statisticsClientPage\/index\.js/);
    assert.match(role('client/reducer/modules/group.js'), /^browser: imported by exts\/yapi-plugin-statistics\/statisticsClientPage\/index\.js/);
    assert.match(role('client/constants/variable.js'), /^service: /);
    // `models/group.js` is the server's models/ folder's, not any group.js of the package.
    assert.equal(role('server/models/group.js'), 'service: imported by server code (exts/yapi-plugin-statistics/controller.js)');
  });

  it("Saltcorn's mobile app: a module importing Capacitor (or a Capacitor plugin) runs in the app's web view, and so does what only it imports, though no entry loads it; a build script importing Capacitor's CLI stays a script", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/server/package.json': JSON.stringify({ name: '@acme/server', scripts: { start: 'node serve.js' }, dependencies: { express: '^4' } }),
      'packages/server/serve.js': "require('express')().listen(3000);\n",
      'packages/mobile/package.json': JSON.stringify({ name: '@acme/mobile', dependencies: { '@capacitor/core': '^7' } }),
      // Copied into src/ by the app's builder when push notifications are on: no import loads it here.
      'packages/mobile/optional_sources/background.js': "import { BackgroundFetch } from '@transistorsoft/capacitor-background-fetch';\nimport { performSync } from './tasks.js';\nBackgroundFetch.configure({}, async () => { console.log('sync'); await performSync(); });\n",
      'packages/mobile/optional_sources/tasks.js': "export async function performSync() { console.log('syncing'); }\n",
      'packages/mobile/optional_sources/push.js': "import { PushNotifications } from '@capacitor/push-notifications';\nPushNotifications.register();\n",
      'packages/mobile/scripts/assets.js': "const { run } = require('@capacitor/cli');\nrun();\n",
    });
    assert.equal(role('packages/mobile/optional_sources/background.js'), "browser: imports @transistorsoft/capacitor-background-fetch (runs in a mobile app's web view: Capacitor or Ionic)");
    assert.equal(role('packages/mobile/optional_sources/push.js'), "browser: imports @capacitor/push-notifications (runs in a mobile app's web view: Capacitor or Ionic)");
    assert.match(role('packages/mobile/optional_sources/tasks.js'), /^browser: imported by packages\/mobile\/optional_sources\/background\.js/);
    assert.match(role('packages/mobile/scripts/assets.js'), /^script: /);
  });

  it("Sharetribe's web template (an ejected Create React App): a dev script's file that starts webpack-dev-server is tooling, and so are the modules it requires by path.join(__dirname, ...) literals; the server's start stays the service", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'web-template', scripts: { start: 'node server/index.js', 'dev-frontend': 'node scripts/start.js', 'build-web': 'node scripts/build.js' }, dependencies: { express: '^4', 'react-dom': '^18' }, devDependencies: { 'webpack-dev-server': '^4' } }),
      'server/index.js': "const express = require('express');\nexpress().listen(process.env.PORT);\n",
      'scripts/start.js': "const WebpackDevServer = require('webpack-dev-server');\nconst openBrowser = require(path.join(__dirname, '..', 'config', 'react-dev-utils', 'openBrowser'));\nconst { choosePort } = require(path.join(\n  __dirname,\n  '../config/react-dev-utils/WebpackDevServerUtils'\n));\nnew WebpackDevServer({}).startCallback(() => openBrowser('http://localhost:3000'));\n",
      'scripts/build.js': "const printBuildError = require(path.resolve(__dirname, '..', 'config', 'react-dev-utils', 'printBuildError'));\nprintBuildError(new Error('x'));\n",
      'config/react-dev-utils/openBrowser.js': "module.exports = (url) => console.log(`Opening ${url}`);\n",
      'config/react-dev-utils/WebpackDevServerUtils.js': "exports.choosePort = (port) => { console.log(`port ${port}`); return port; };\n",
      'config/react-dev-utils/printBuildError.js': "module.exports = (err) => console.log(err.message);\n",
    });
    assert.equal(role('scripts/start.js'), "tooling: package.json scripts.dev-frontend runs it, and it starts a bundler's development server (webpack-dev-server)");
    // The service's own start that runs browser-sync beside itself in development stays the service.
    const own = await treeRoles({
      'package.json': JSON.stringify({ name: 'site', scripts: { start: 'node server.js' }, dependencies: { express: '^4' }, devDependencies: { 'browser-sync': '^3' } }),
      'server.js': "const express = require('express');\nconst bs = require('browser-sync');\nexpress().listen(3000, () => { if (process.env.NODE_ENV !== 'production') bs.create().init({ proxy: 'localhost:3000' }); });\n",
    });
    assert.match(own('server.js'), /^service: /);
    assert.equal(role('config/react-dev-utils/openBrowser.js'), 'tooling: imported only by tooling code (scripts/start.js)');
    assert.equal(role('config/react-dev-utils/WebpackDevServerUtils.js'), 'tooling: imported only by tooling code (scripts/start.js)');
    assert.equal(role('config/react-dev-utils/printBuildError.js'), 'build: imported only by build code (scripts/build.js)');
    assert.match(role('server/index.js'), /^service: /);
  });

  it("homarr: a dev:... script's file kept in a scripts folder is a development task, not the service; a dev script running the server's source stays the service", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'homarr', scripts: { 'dev:benchmark': 'node --experimental-strip-types scripts/benchmarks/dev-board.mts', 'dev:api': 'nodemon src/server.js' }, dependencies: { express: '^4' } }),
      'scripts/benchmarks/dev-board.mts': "import { createServer } from 'node:http';\ncreateServer().listen(3000);\nconsole.log(`board ready in ${Date.now()}`);\n",
      'src/server.js': "require('express')().listen(3000);\n",
    });
    assert.equal(role('scripts/benchmarks/dev-board.mts'), 'script: package.json scripts.dev:benchmark runs it from a scripts folder (a development task)');
    assert.equal(role('src/server.js'), 'service: package.json scripts.dev:api runs it');
  });

  it("web-check: a tsconfig with the DOM library and no Node types makes browser code only of what it includes (its Astro front end's src/), not the Express server's api/ beside it", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'web-check', type: 'module', scripts: { start: 'node server' }, dependencies: { express: '^4', astro: '^4', react: '^18' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['DOM', 'DOM.Iterable', 'ES2020'], allowJs: true }, include: ['src'] }),
      // The server loads its handlers by a path made at run time (`path.join(__dirname, API_DIR)`): no import names them.
      'server.js': "import express from 'express';\nconst app = express();\nconst API_DIR = '/api';\nfor (const name of fs.readdirSync(path.join(__dirname, API_DIR))) app.get(`/api/${name}`, (await import(path.join(__dirname, API_DIR, name))).default);\napp.listen(3000);\n",
      'api/carbon.js': "export default (req, res) => { console.log(`carbon for ${req.query.url}`); res.json({}); };\n",
      'src/client/stats.js': "export const stats = (n) => console.log(`stats ${n}`);\n",
    });
    assert.equal(role('src/client/stats.js'), 'browser: tsconfig.json has the DOM library and no Node types');
    assert.match(role('api/carbon.js'), /^service: /);
    // A file named beside the folders (Vite's `env.d.ts`) or a pattern of the root's own files makes no folder the browser's.
    for (const include of [['src', 'env.d.ts'], ['src/**/*.ts', '*.d.ts']]) {
      const withFile = await treeRoles({
        'package.json': JSON.stringify({ name: 'web-check', type: 'module', scripts: { start: 'node server' }, dependencies: { express: '^4', astro: '^4' } }),
        'tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['DOM', 'ES2020'], allowJs: true }, include }),
        'server.js': "import express from 'express';\nexpress().listen(3000);\n",
        'api/carbon.js': "export default (req, res) => { console.log(`carbon for ${req.query.url}`); res.json({}); };\n",
        'src/client/stats.js': "export const stats = (n) => console.log(`stats ${n}`);\n",
      });
      assert.match(withFile('api/carbon.js'), /^service: /, JSON.stringify(include));
      assert.equal(withFile('src/client/stats.js'), 'browser: tsconfig.json has the DOM library and no Node types');
    }
  });

  it("your_spotify's server entry: src/bin/www.ts (express-generator's bin/www as a module) is the service, and a module imported only for a command-line branch whose else starts the server is run as a command", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'server', scripts: { start: 'node build/index.js', migrate: 'node build/index.js --migrate' }, dependencies: { express: '^4', mongoose: '^8' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'build', rootDir: 'src' } }),
      'src/index.ts': "import { startServer } from './bin/www';\nimport { runMigrations } from './migrations';\n\nif (process.argv[2] === '--migrate') {\n  runMigrations();\n} else {\n  startServer();\n}\n",
      'src/bin/www.ts': "import express from 'express';\nexport function startServer() {\n  const server = express().listen(process.env.PORT);\n  server.on('error', (e) => console.error(`${e.message} on ${process.env.PORT}`));\n}\n",
      'src/migrations.ts': "export function runMigrations() { console.log(`migrating ${Date.now()}`); }\n",
    });
    assert.match(role('src/index.ts'), /^service: /);
    assert.equal(role('src/bin/www.ts'), "service: starts a server from bin/www (express-generator's entry)");
    assert.match(role('src/migrations.ts'), /^cli: run as a command by src\/index\.ts/);
  });

  it('a command-line branch whose else does not start the server runs no command: a worker mode or a mock database chosen by argv stays service code', async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'server', scripts: { start: 'node src/index.js' }, dependencies: { express: '^4', pino: '^9' } }),
      'src/index.js': "import express from 'express';\nimport { mockDb } from './mockDb.js';\nimport { realDb } from './realDb.js';\nimport { startWorker } from './worker.js';\nlet db;\nif (process.argv.includes('--mock')) { db = mockDb(); } else { db = realDb(); }\nif (process.argv[2] === 'worker') { startWorker(db); } else { express().listen(3000); }\n",
      'src/mockDb.js': "export const mockDb = () => { console.log(`mock ${Date.now()}`); return {}; };\n",
      'src/realDb.js': "export const realDb = () => ({});\n",
      'src/worker.js': "export function startWorker(db) { setInterval(() => console.log(`tick ${db}`), 1000); }\n",
    });
    assert.match(role('src/mockDb.js'), /^service: /);
    // A worker mode chosen instead of the server is the service's other process, not a command.
    assert.match(role('src/worker.js'), /^service: /);
  });

  it("a file a package script runs that starts a server is service code whatever the script's name (Docmost's collab:prod starts its collaboration server); one that does not is a script", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'server', scripts: { start: 'node dist/main.js', 'collab:prod': 'node dist/collab/collab-main', 'migration:latest': 'tsx src/migrate.ts', 'simple-dns-server': 'node extra/simple-dns-server.js' }, dependencies: { '@nestjs/core': '^11' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nNestFactory.create({}).then((app) => app.listen(3000));\n",
      'src/collab/collab-main.ts': "import { NestFactory } from '@nestjs/core';\nNestFactory.create({}).then((app) => app.listen(3001, () => console.log(`collab on ${3001}`)));\n",
      'src/migrate.ts': "console.log('migrating');\n",
      // A dev tool's server (Uptime Kuma's `simple-dns-server` for testing its DNS monitors) stays a script.
      'extra/simple-dns-server.js': "require('dgram').createSocket('udp4').bind(5300);\nrequire('http').createServer(() => {}).listen(5301);\n",
    });
    assert.equal(role('src/collab/collab-main.ts'), 'service: package.json scripts.collab:prod runs it in production, and it starts a server');
    assert.equal(role('src/migrate.ts'), 'script: package.json scripts.migration:latest runs it');
    assert.equal(role('extra/simple-dns-server.js'), 'script: package.json scripts.simple-dns-server runs it');
  });

  it('a `.scripts/` folder at the top of a repository holds scripts', async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'], dependencies: { koa: '^2' } }),
      '.scripts/version.js': "console.log(`bumping to ${process.argv[2]}`);\n",
      'src/index.js': "require('koa');\n",
    });
    assert.equal(role('.scripts/version.js'), 'script: in .scripts/ (a scripts folder)');
  });

  it("a Nest command-line app (Postiz's apps/commands on nestjs-command, a nest-commander runner) is CLI code with what only it imports; a server module registering the same commands stays the server's", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'], dependencies: { '@nestjs/core': '^11', '@nestjs/platform-express': '^11', 'nestjs-command': '^3', 'nest-commander': '^3' } }),
      'apps/commands/package.json': JSON.stringify({ name: 'postiz-command', scripts: { start: 'node ./dist/apps/command/src/main.js' } }),
      'apps/commands/src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { CommandService } from 'nestjs-command';\nimport { CommandModule } from './command.module';\nasync function bootstrap() {\n  const app = await NestFactory.createApplicationContext(CommandModule);\n  try { await app.select(CommandModule).get(CommandService).exec(); } catch (error) { console.error(error); }\n}\nbootstrap();\n",
      'apps/commands/src/command.module.ts': "import { Module } from '@nestjs/common';\nimport { CommandModule as Commands } from 'nestjs-command';\nimport { ConfigurationTask } from './tasks/configuration';\n@Module({ imports: [Commands], providers: [ConfigurationTask] })\nexport class CommandModule {}\n",
      'apps/commands/src/tasks/configuration.ts': "import { Command } from 'nestjs-command';\nimport { report } from './report';\nexport class ConfigurationTask {\n  @Command({ command: 'config:check', describe: 'Checks the configuration' })\n  check() { console.log(report()); }\n}\n",
      'apps/commands/src/tasks/report.ts': "export const report = () => `issues: ${process.env.X}`;\n",
      'apps/runner/package.json': JSON.stringify({ name: 'runner', dependencies: { 'nest-commander': '^3' } }),
      'apps/runner/src/main.ts': "import { CommandFactory } from 'nest-commander';\nimport { AppModule } from './app.module';\nCommandFactory.run(AppModule);\n",
      'apps/runner/src/app.module.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n",
      'apps/backend/package.json': JSON.stringify({ name: 'backend', scripts: { start: 'node dist/main.js' } }),
      'apps/backend/src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
      'apps/backend/src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { CommandModule } from 'nestjs-command';\n@Module({ imports: [CommandModule] })\nexport class AppModule {}\n",
    });
    assert.equal(role('apps/commands/src/main.ts'), 'cli: a command-line program on nestjs-command (run from a terminal)');
    assert.equal(role('apps/commands/src/tasks/configuration.ts'), 'cli: a command-line program on nestjs-command (run from a terminal)');
    assert.match(role('apps/commands/src/tasks/report.ts'), /^cli: imported only by CLI code/);
    assert.equal(role('apps/runner/src/main.ts'), 'cli: a command-line program on nest-commander (run from a terminal)');
    assert.match(role('apps/runner/src/app.module.ts'), /^cli: imported only by CLI code/);
    assert.match(role('apps/backend/src/app.module.ts'), /^service: /);
  });

  it("a build configuration named for a variant (Postiz's extension: vite.config.chrome.ts, webpack.config.prod.js) is build configuration, and so is the plugin only it imports", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'extension', type: 'module', scripts: { dev: 'vite build --config vite.config.chrome.ts --watch' }, devDependencies: { vite: '^6' } }),
      'vite.config.chrome.ts': "import { mergeConfig } from 'vite';\nimport base from './vite.config.base';\nexport default mergeConfig(base, {});\n",
      'vite.config.base.ts': "import { defineConfig } from 'vite';\nimport { stripDev } from './custom-vite-plugins';\nexport default defineConfig({ plugins: [stripDev()] });\n",
      'custom-vite-plugins.ts': "export const stripDev = () => ({ name: 'strip', writeBundle() { console.log(`stripped ${process.argv[2]}`); } });\n",
      'webpack.config.prod.js': "module.exports = { mode: 'production' };\n",
    });
    assert.equal(role('vite.config.chrome.ts'), 'build: build or tool configuration (vite.config.chrome.ts)');
    assert.equal(role('webpack.config.prod.js'), 'build: build or tool configuration (webpack.config.prod.js)');
    assert.match(role('custom-vite-plugins.ts'), /^build: imported only by build code/);
  });

  it("a tsconfig's project references (The Lounge's root tsconfig naming ./client, ./server and ./shared): a referenced folder whose tsconfig has the DOM library and no Node types is browser code", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'thelounge', main: 'index.js', dependencies: { express: '^4' }, devDependencies: { '@types/node': '^20', vue: '^3' } }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { composite: true, module: 'commonjs' } }),
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json', files: [], references: [{ path: './client' }, { path: './server' }, { path: './shared/tsconfig.json' }] }),
      'client/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { lib: ['DOM', 'DOM.Iterable', 'ESNext'], types: ['vite/client'] } }),
      'client/js/commands/search.ts': "export function search(text: string) { fetch('/search?q=' + text).catch((e) => console.error(`search failed: ${e}`)); }\n",
      'server/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { types: ['node'] } }),
      'server/index.ts': "import express from 'express';\nexpress().listen(9000);\n",
      'shared/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json' }),
      'shared/linkify.ts': "export const linkify = (s: string) => s;\n",
      'index.js': "require('./server/index');\n",
    });
    assert.equal(role('client/js/commands/search.ts'), 'browser: client/tsconfig.json has the DOM library and no Node types');
    assert.match(role('server/index.ts'), /^service: /);
    assert.match(role('shared/linkify.ts'), /^service: /);
  });

  it("a package's `main` that is its `bin` too, in a package with a server framework, is the server started as a command (code-server's out/node/entry.js), with what it imports; a bin alone stays a command", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'code-server', main: 'out/node/entry.js', bin: { 'code-server': 'out/node/entry.js', 'cs-doctor': 'out/node/doctor.js' }, dependencies: { express: '^5', '@coder/logger': '^3' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './out' } }),
      'src/node/entry.ts': "import { runCodeServer } from './main';\nrunCodeServer();\n",
      'src/node/main.ts': "import express from 'express';\nexport const runCodeServer = () => express().listen(8080);\n",
      'src/node/doctor.ts': "console.log(`checking ${process.argv[2]}`);\n",
    });
    assert.equal(role('src/node/entry.ts'), 'service: package.json main and bin, and the package has a server framework (a server started as a command)');
    assert.match(role('src/node/main.ts'), /^service: /);
    assert.equal(role('src/node/doctor.ts'), 'cli: package.json bin');
  });

  it("a Next.js app's module that no route handler or server code imports (HedgeDoc's unused api/group) is its front end, and so is what only it imports; Next 16's proxy.ts is the middleware; a Next package that is a Nest server too keeps its unused modules", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['frontend', 'backend'] }),
      'frontend/package.json': JSON.stringify({ name: 'frontend', dependencies: { next: '^16', react: '^19', 'react-dom': '^19' } }),
      'frontend/src/api/group/index.ts': "import { GetApiRequestBuilder } from '../common/get-api-request-builder';\nexport const getGroup = (name: string) => new GetApiRequestBuilder('groups/' + name).send();\n",
      'frontend/src/api/common/get-api-request-builder.ts': "import { Logger } from '../../utils/logger';\nconst log = new Logger('api');\nexport class GetApiRequestBuilder { constructor(private path: string) {} send() { log.debug(`GET ${this.path}`); return fetch(this.path); } }\n",
      'frontend/src/utils/logger.ts': "export class Logger { constructor(private scope: string) {} debug(...args: unknown[]) { console.debug(this.scope, ...args); } }\n",
      'frontend/src/app/api/health/route.ts': "import { ping } from '../../../lib/ping';\nexport function GET() { return Response.json(ping()); }\n",
      'frontend/src/lib/ping.ts': "export const ping = () => ({ ok: true });\n",
      'frontend/src/proxy.ts': "export function proxy(request: Request) { console.log(`proxying ${request.url}`); }\n",
      'backend/package.json': JSON.stringify({ name: 'backend', dependencies: { next: '^16', '@nestjs/core': '^11' } }),
      'backend/src/unused.ts': "export const unused = () => console.error(`unused ${process.pid}`);\n",
    });
    assert.equal(role('frontend/src/api/group/index.ts'), 'browser: a module of a Next.js app that no route handler or server code imports');
    assert.match(role('frontend/src/utils/logger.ts'), /^browser: /);
    assert.match(role('frontend/src/lib/ping.ts'), /^service: imported by server code/);
    assert.equal(role('frontend/src/proxy.ts'), 'service: Next.js proxy (runs on the server)');
    assert.match(role('backend/src/unused.ts'), /^service: /);
  });

  it("Nuxt: server/ is the server (Nitro); pages, components, plugins, the store and modules only they import are the app the browser runs (Audiobookshelf's client/)", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'audiobooks', dependencies: { express: '^4' }, scripts: { start: 'node index.js' } }),
      'index.js': "require('./server/Server');\n",
      'server/Server.js': "const express = require('express');\nexpress().listen(3000);\n",
      'client/package.json': JSON.stringify({ name: 'client', dependencies: { nuxt: '^2.18', vue: '^2' }, scripts: { dev: 'nuxt', start: 'nuxt start' } }),
      'client/nuxt.config.js': 'module.exports = { ssr: false };\n',
      'client/plugins/axios.js': "export default function ({ $axios }) { $axios.onError((error) => { console.error('Axios error', error.code) }) }\n",
      'client/store/libraries.js': "export const actions = { load() { console.warn(`loading ${Date.now()}`) } };\n",
      'client/players/PlayerHandler.js': "export default class PlayerHandler { play(id) { console.log(`[PlayerHandler] play ${id}`) } }\n",
      'client/middleware/authenticated.js': "export default function ({ store }) { console.log(`user ${store.state.user}`) }\n",
      'client/server/api/health.ts': "export default defineEventHandler(() => { console.log(`health ${Date.now()}`); return 'ok'; });\n",
    });
    assert.equal(role('client/plugins/axios.js'), 'browser: Nuxt plugins/ (the app the browser runs)');
    assert.equal(role('client/store/libraries.js'), 'browser: Nuxt store/ (the app the browser runs)');
    assert.equal(role('client/middleware/authenticated.js'), 'browser: Nuxt middleware/ (the app the browser runs)');
    assert.equal(role('client/players/PlayerHandler.js'), 'browser: a module of a Nuxt app that no server route or server code imports');
    assert.equal(role('client/server/api/health.ts'), 'service: Nuxt server route or middleware (server/)');
    assert.match(role('server/Server.js'), /^service: /);
  });

  it("what nps's package-scripts.js runs (express-typescript-boilerplate's `ts-node ./commands/banner.ts`) is a script; a file it runs that starts a server is not", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'api', main: 'src/app.ts', scripts: { start: 'nps' }, dependencies: { express: '^4' } }),
      'package-scripts.js': "const runFast = (p) => `ts-node --transpile-only ${p}`;\nmodule.exports = { scripts: { default: 'ts-node ./src/index.ts', start: runFast('./src/server.ts'), banner: runFast('./commands/banner.ts serve'), config: { script: runFast('./commands/tsconfig.ts') }, serve: { script: 'nodemon ./src/main.ts' } } };\n",
      'commands/banner.ts': "console.log(`starting ${process.argv[2]}`);\n",
      'commands/tsconfig.ts': "console.error(`cannot write ${process.cwd()}`);\n",
      'src/server.ts': "import express from 'express';\nexport const start = () => express().listen(3000);\n",
      'src/index.ts': "import { start } from './server';\nstart();\n",
      'src/main.ts': "import { start } from './server';\nstart();\n",
      'src/app.ts': "import './server';\n",
    });
    assert.equal(role('commands/banner.ts'), 'script: package-scripts.js (nps) runs it as scripts.banner');
    assert.equal(role('commands/tsconfig.ts'), 'script: package-scripts.js (nps) runs it as scripts.config');
    // nps's `default`, `start` and `serve` start the service, as package.json's do.
    assert.match(role('src/index.ts'), /^service: /);
    assert.match(role('src/main.ts'), /^service: /);
    assert.match(role('src/server.ts'), /^service: /);
  });

  it("MagicMirror: a UMD module index.html loads and the server requires is the server's too, and so is what requires it; a file name loaded from computed folders (`${moduleFolder}/node_helper.js`) and a folder joined to a computed name are loaded by the server", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'magicmirror', main: 'js/electron.js', dependencies: { express: '^5' } }),
      'index.html': '<html><body><script src="js/logger.js"></script><script src="js/main.js"></script></body></html>\n',
      'js/logger.js': "(function () {\n  if (typeof module !== 'undefined') {\n    module.exports = { info: console.info.bind(console) };\n  } else {\n    window.Log = { info: console.info.bind(console) };\n  }\n}());\n",
      'js/main.js': "window.MM = { start() { document.body.className = 'ready'; } };\n",
      'js/electron.js': "require('./app');\n",
      'js/app.js': "const express = require('express');\nconst Log = require('./logger');\nfunction loadModule(moduleFolder) {\n  const helperPath = `${moduleFolder}/node_helper.js`;\n  const Helper = require(helperPath);\n  return new Helper();\n}\nexpress().listen(8080);\nmodule.exports = { loadModule, Log };\n",
      'defaultmodules/weather/node_helper.js': "const path = require('node:path');\nconst Log = require('../../js/logger');\nmodule.exports = function Helper() { const providerPath = path.join(__dirname, 'providers', `${process.env.PROVIDER}.js`); Log.info(`loading ${providerPath}`); return require(providerPath); };\n",
      'defaultmodules/weather/providers/yr.js': "const Log = require('../../../js/logger');\nmodule.exports = { fetch() { Log.info(`yr ${Date.now()}`); } };\n",
      'tests/weather_spec.js': "require('../defaultmodules/weather/node_helper');\nrequire('../defaultmodules/weather/providers/yr');\n",
      // A path handed to anything but require (a static file route) loads no module.
      'js/static.js': "const path = require('node:path');\nconst distDir = path.join(__dirname, 'dist');\nmodule.exports = (app, name) => { app.get('/s/:f', (req, res) => res.sendFile(path.join(__dirname, 'public', req.params.f))); app.get('/i', (req, res) => res.sendFile(`${distDir}/index.js`)); return require(name); };\n",
      'js/public/widget.js': "document.title = `widget ${Date.now()}`;\nconsole.log(`widget ${Date.now()}`);\n",
      'clientapp/index.js': "document.body.className = 'app';\nconsole.log(`app ${Date.now()}`);\n",
    });
    assert.match(role('js/logger.js'), /^service: imported by server code/);
    assert.equal(role('js/main.js'), 'browser: loaded by index.html');
    assert.match(role('defaultmodules/weather/node_helper.js'), /^service: imported by server code \(js\/app\.js\)/);
    assert.match(role('defaultmodules/weather/providers/yr.js'), /^service: imported by server code \(defaultmodules\/weather\/node_helper\.js\)/);
    assert.match(role('js/public/widget.js'), /^browser: /);
    assert.match(role('clientapp/index.js'), /^browser: /);
  });

  it("what CI runs from its own folder (zwave-js-ui's .github/bot-scripts/*.cjs for actions/github-script, a GitLab or CircleCI helper) is a script, not service code", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'root', private: true, dependencies: { express: '^4' } }),
      '.github/bot-scripts/checkAuthorized.cjs': "module.exports = async ({ github, context }) => { console.log(`checking ${context.actor}`); };\n",
      '.github/actions/notify/index.js': "console.log(`notifying ${process.env.INPUT_CHANNEL}`);\n",
      '.gitlab/ci/report.js': "console.log(`report ${process.argv[2]}`);\n",
      '.circleci/scripts/check.mjs': "console.log(`check ${process.argv[2]}`);\n",
      'src/index.js': "require('express')().listen(3000);\n",
    });
    assert.equal(role('.github/bot-scripts/checkAuthorized.cjs'), 'script: in .github/ (run by continuous integration)');
    assert.equal(role('.github/actions/notify/index.js'), 'script: in .github/ (run by continuous integration)');
    assert.equal(role('.gitlab/ci/report.js'), 'script: in .gitlab/ (run by continuous integration)');
    assert.equal(role('.circleci/scripts/check.mjs'), 'script: in .circleci/ (run by continuous integration)');
  });

  it('Nx project.json, a browser tsconfig, webpack entries (browser, or server code when built for Node) and .mocharc.yml', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'mono', dependencies: { express: '^4' }, devDependencies: { '@types/node': '^20', mocha: '^10' } }),
      'nx.json': '{}',
      'apps/admin/project.json': JSON.stringify({ name: 'admin', targets: { build: { executor: '@nx/angular:application', options: { browser: 'apps/admin/src/boot.ts' } } } }),
      'apps/admin/src/boot.ts': "console.log('admin');\n",
      'apps/admin/src/util.ts': 'export const u = 1;\n',
      'widgets/package.json': JSON.stringify({ name: 'widgets' }),
      'widgets/tsconfig.json': '{ // a browser library\n "compilerOptions": { "lib": ["ES2022", "DOM"], "types": [] } }',
      'widgets/chart.ts': 'export const c = 1;\n',
      'webpack/webpack.config.js': "module.exports = { entry: { app: './client/app.js' } };\n",
      'client/app.js': "require('./panel');\n",
      'client/panel.js': 'module.exports = 1;\n',
      'api/webpack.config.js': "module.exports = { target: 'node', entry: './src/main.js' };\n",
      'api/src/main.js': "console.log('api');\n",
      '.mocharc.yml': 'spec:\n  - checks/**/*.check.js\nrequire: ./checks/hooks.js # set up\n',
      'checks/hooks.js': 'exports.mochaHooks = {};\n',
      'checks/orders.check.js': 'it("works", () => {});\n',
    };
    writeTree(root, files);
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    const said = (rel: string) => {
      const v = explainRole(project, path.join(root, rel));
      return `${v.role}: ${v.why}`;
    };
    assert.deepEqual(
      ['apps/admin/src/boot.ts', 'apps/admin/src/util.ts', 'widgets/chart.ts', 'client/app.js', 'client/panel.js', 'api/src/main.js', 'checks/hooks.js', 'checks/orders.check.js'].map(said),
      [
        `browser: the front end's entry (Nx project "admin" uses @nx/angular)`,
        'browser: Nx project "admin" uses @nx/angular',
        'browser: widgets/tsconfig.json has the DOM library and no Node types',
        'browser: webpack entry (webpack/webpack.config.js)',
        'browser: imported by client/app.js (webpack entry (webpack/webpack.config.js))',
        'service: webpack entry for Node (api/webpack.config.js)',
        'test: mocha loads it to set tests up (.mocharc.yml)',
        'test: mocha runs it as a test (.mocharc.yml)',
      ],
    );
  });

  it("tsup/tsdown builds for the browser: their entries (a path, a glob an entries array is mapped from) are browser code; a Node build's and an untold build's are not (NodeCG)", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'nodecg', main: 'dist/server/bootstrap.js', dependencies: { express: '^4' }, devDependencies: { tsdown: '^0.15', '@types/node': '^20' } }),
      'tsdown.config.mts': [
        "import { globSync } from 'tinyglobby';",
        "import { defineConfig } from 'tsdown';",
        "const clientEntries = globSync('src/client/bundles/*.ts', { cwd: import.meta.dirname });",
        "const clientConfigs = clientEntries.map((entry, index) => ({ entry, outDir: 'dist/client', platform: 'browser', format: 'iife' }));",
        "export default defineConfig([",
        "  { entry: ['src/server/bootstrap.ts'], outDir: 'dist/server', platform: 'node' },",
        '  ...clientConfigs,',
        "  { entry: ['src/widgets/widget.ts'], platform: 'browser' },",
        "  { entry: ['src/server/api.server.ts'], outDir: 'dist/dts' },",
        ']);',
        '',
      ].join('\n'),
      'src/server/bootstrap.ts': "import express from 'express';\nimport './api.server';\nexpress().listen(9090);\n",
      'src/server/api.server.ts': 'export const api = 1;\n',
      'src/client/bundles/api.ts': "import '../api/api.client';\n",
      'src/client/api/api.client.ts': "console.log('client api');\n",
      'src/widgets/widget.ts': "console.log('widget');\n",
    });
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    const said = (rel: string) => {
      const v = explainRole(project, path.join(root, rel));
      return `${v.role}: ${v.why}`;
    };
    assert.deepEqual(['src/client/bundles/api.ts', 'src/client/api/api.client.ts', 'src/widgets/widget.ts', 'src/server/api.server.ts'].map(said), [
      "browser: a browser build's entry (tsdown.config.mts platform: 'browser')",
      "browser: imported by src/client/bundles/api.ts (a browser build's entry (tsdown.config.mts platform: 'browser'))",
      "browser: a browser build's entry (tsdown.config.mts platform: 'browser')",
      'service: imported by server code (src/server/bootstrap.ts)',
    ]);
  });

  it('type tests and benchmarks: typetest/ is a test folder, a top bench/ a scripts folder (NodeCG, Triton CloudAPI)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'api', main: 'main.js', dependencies: { restify: '^11' } }),
      'main.js': "require('restify').createServer().listen(8080);\n",
      'typetest/fake-bundle/src/extension/index.ts': "console.log('typed');\n",
      'bench/bench.js': "console.log('requests per second');\n",
      'lib/bench/timer.js': "module.exports = () => console.log('timed');\n",
    });
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    const said = (rel: string) => {
      const v = explainRole(project, path.join(root, rel));
      return `${v.role}: ${v.why}`;
    };
    assert.equal(said('typetest/fake-bundle/src/extension/index.ts'), 'test: in typetest/ (a test folder)');
    assert.equal(said('bench/bench.js'), 'script: in bench/ (a scripts folder)');
    // Deeper, `bench/` may be a feature of the service: not a scripts folder by its name.
    assert.notEqual(project.roleOf(path.join(root, 'lib/bench/timer.js')), 'script');
  });

  it('knex migrations the server runs at start-up (`db.migrate.latest()`) are service code; migrations nothing runs stay scripts', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'api', main: 'app.ts' }),
      'app.ts': "import { migrateDbToLatest } from './db/migrations';\nexport async function start() { await migrateDbToLatest(); }\n",
      'db/migrations.ts': "import { db } from './knex';\nexport async function migrateDbToLatest() { await db.migrate.latest(); }\n",
      'db/knex.ts': 'export const db: any = {};\n',
      'modules/users/migrations/001_emails.ts': 'export async function up() {}\n',
      'tools/package.json': JSON.stringify({ name: 'tools' }),
      'tools/migrations/001_old.ts': 'export async function up() {}\n',
      'db/code-migrations/15-backfill.ts': "import { run } from '../clickhouse/migration';\nconsole.log(`backfilled ${process.argv[2]}`);\nrun();\n",
      'db/clickhouse/migration.ts': "export function run() { console.log('migrating'); }\n",
    });
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    const migration = explainRole(project, path.join(root, 'modules/users/migrations/001_emails.ts'));
    assert.equal(migration.role, 'service');
    assert.match(migration.why, /db\/migrations\.ts/);
    assert.equal(explainRole(project, path.join(root, 'tools/migrations/001_old.ts')).role, 'script');
    // A kind of migrations (OpenPanel's packages/db/code-migrations/, run by a script that lists them).
    assert.deepEqual(explainRole(project, path.join(root, 'db/code-migrations/15-backfill.ts')), { role: 'script', why: 'in code-migrations/ (run by a tool or by hand, not imported by the server)' });
    // What only such (weakly named) scripts import is a script too, the server being free to claim it.
    assert.deepEqual(explainRole(project, path.join(root, 'db/clickhouse/migration.ts')), { role: 'script', why: 'imported only by script code (db/code-migrations/15-backfill.ts)' });
  });

  it("one package holding a Koa server and a Vite front end (Outline's shape): the build's input, what its import.meta.glob loads, and server modules loaded by listing their folder", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'kb', scripts: { start: 'node ./build/server/index.js' }, dependencies: { koa: '^2', react: '^18', vite: '^5' } }),
      'vite.config.ts': "import { defineConfig } from 'vite';\nexport default defineConfig({ root: './', build: { rollupOptions: { input: { index: './app/index.tsx' } } } });\n",
      'app/index.tsx': "import { PluginManager } from './utils/PluginManager';\nPluginManager.loadPlugins();\n",
      'app/utils/PluginManager.ts': "import { log } from './log';\nexport const PluginManager = { loadPlugins() { log('load'); return import.meta.glob<{ default: unknown }>('../../plugins/*/client/index.{ts,tsx}'); }, add(x: unknown) { return x; } };\n",
      'app/utils/log.ts': 'export function log(message: string) { console.info(message); }\n',
      'plugins/azure/client/index.tsx': "import { PluginManager } from '../../../app/utils/PluginManager';\nPluginManager.add({ id: 'azure' });\n",
      'server/index.ts': "import tasks from './queues/tasks';\nexport const app = { tasks };\n",
      'server/queues/tasks/index.ts': "import { requireDirectory } from '../../utils/fs';\nexport default requireDirectory<{ default: unknown }>(__dirname);\n",
      'server/queues/tasks/CleanupTask.ts': 'export default class CleanupTask { run() { return 1; } }\n',
      'server/queues/tasks/CleanupTask.test.ts': "import CleanupTask from './CleanupTask';\nit('runs', () => new CleanupTask().run());\n",
      'server/utils/fs.ts': "import * as fs from 'node:fs';\nimport * as path from 'node:path';\nexport function requireDirectory<T>(dir: string): T[] { return fs.readdirSync(dir).map((f) => require(path.join(dir, f))); }\n",
      'server/test/setupMocks.ts': "import.meta.glob('../queues/tasks/*.ts', { eager: true });\n",
    });
    assert.equal(role('app/index.tsx'), "browser: the Vite build's entry (vite.config.ts build.rollupOptions.input)");
    assert.equal(role('app/utils/log.ts'), "browser: imported by app/utils/PluginManager.ts, reached from app/index.tsx (the Vite build's entry (vite.config.ts build.rollupOptions.input))");
    // Loaded only through the front end's glob: browser code, so its import of the plugin manager does not make that server code.
    assert.equal(role('plugins/azure/client/index.tsx'), "browser: imported by app/utils/PluginManager.ts, reached from app/index.tsx (the Vite build's entry (vite.config.ts build.rollupOptions.input))");
    // The server lists the tasks' folder: a task is service code although only its test imports it by name (and a test setup globs it).
    assert.equal(role('server/queues/tasks/CleanupTask.ts'), 'service: imported by server code (server/queues/tasks/index.ts)');
  });

  it("a workspace package the server loads by a name made at run time (Signal K's providers: `require(type.replace('providers/', '@signalk/streams/'))`) is service code, module by module", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'signalk-server', workspaces: ['packages/*'], scripts: { start: 'node dist/index.js' }, dependencies: { express: '^4', '@signalk/streams': '*' } }),
      'src/index.ts': "import express from 'express';\nimport { pipe } from './pipedproviders';\nexpress().listen(3000);\npipe({ type: 'providers/tcp' });\n",
      'src/pipedproviders.ts': "export function pipe(config: { type: string }) {\n  const type = config.type.startsWith('providers/') ? config.type.replace('providers/', '@signalk/streams/') : config.type;\n  return require(type);\n}\n",
      'packages/streams/package.json': JSON.stringify({ name: '@signalk/streams', main: 'dist/index.js', exports: { '.': './dist/index.js', './tcp': './dist/tcp.js' } }),
      'packages/streams/src/index.ts': "export const version = '1';\n",
      'packages/streams/src/tcp.ts': "export default function tcp() { console.error('tcp'); }\n",
      'packages/streams/src/tcp.test.ts': "import tcp from './tcp';\nit('runs', () => tcp());\n",
    });
    assert.equal(role('packages/streams/src/tcp.ts'), 'service: imported by server code (src/pipedproviders.ts)');
    assert.deepEqual(scanFile("const t = type.replace('providers/', '@signalk/streams/');\nrequire(t);\n").packagesLoaded, ['providers', '@signalk/streams']);
    // Without a computed load the names are only strings.
    assert.deepEqual(scanFile("const t = type.replace('providers/', '@signalk/streams/');\nrequire('./x');\n").packagesLoaded, []);
  });

  it("scans a statement importing a stylesheet, not SCSS's own `@import` in a string (NodeBB's src/meta/css.js builds its CSS) nor a comment", () => {
    assert.equal(scanFile("import React from 'react';\nimport './index.scss';\n").stylesheet, './index.scss');
    assert.equal(scanFile("import styles from './Button.module.css';\n").stylesheet, './Button.module.css');
    assert.equal(scanFile("const theme = require('antd/dist/antd.less');\n").stylesheet, 'antd/dist/antd.less');
    const builder = scanFile("const source = [\n\t'@import \"overrides.scss\";',\n\t'@import \"theme.css\";',\n].join('\\n');\n// import './old.css';\n");
    assert.equal(builder.stylesheet, null);
    // SCSS's `@import` is no module specifier (a comment's is, on purpose: see scan.ts).
    assert.deepEqual(builder.specifiers, ['./old.css']);
  });

  it('scans what a file loads by other means: import.meta.glob patterns and folders listed to require their modules', () => {
    assert.deepEqual(scanFile("const pages = import.meta.glob(['./pages/*.tsx', '!./pages/_*.tsx']);\nconst eager = import.meta.globEager('./locales/*.json');\n").globImports, ['./pages/*.tsx', '!./pages/_*.tsx', './locales/*.json']);
    assert.deepEqual(scanFile('requireDirectory(__dirname).forEach(register);\n').loadsFolders, ['.']);
    assert.deepEqual(scanFile("for (const f of fs.readdirSync(path.join(__dirname, 'routes'))) app.use(require(path.join(__dirname, 'routes', f)));\n").loadsFolders, ['routes']);
    // Listing a folder without requiring what is in it loads nothing.
    assert.deepEqual(scanFile("const names = fs.readdirSync(__dirname).filter((f) => f.endsWith('.json'));\nconst x = require('./x');\n").loadsFolders, []);
    // A name made at run time in a folder the template names (NodeBB's socket.io namespaces).
    assert.deepEqual(scanFile("for (const m of ['admin', 'user']) Namespaces[m] = require(`./${m}`);\n").loadsFolders, ['.']);
    assert.deepEqual(scanFile('const handler = await import(`../handlers/${kind}.js`);\n').loadsFolders, ['../handlers']);
    // The same name joined on (Signal K's built-in interfaces, `require('./' + name)` over a list of names).
    assert.deepEqual(scanFile("for (const name of interfaceNames) available[name] = require('./' + name);\n").loadsFolders, ['.']);
    assert.deepEqual(scanFile('const p = require("./providers/" + type);\n').loadsFolders, ['./providers']);
    // A relative module a name is given, then required (Signal K's security strategy); a comparison gives none.
    const strategy = scanFile("let name = config.strategy;\nif (name === './legacy') name = './tokensecurity';\napp.security = require(name)(app);\n");
    assert.deepEqual([strategy.specifiers, strategy.lazySpecifiers], [['./tokensecurity'], ['./tokensecurity']]);
    // Actual's bank integrations: an ES module's own folder in a variable, a folder below it listed, each file imported.
    const banks = [
      "const dirname = path.resolve(fileURLToPath(import.meta.url), '..');",
      "const banksDir = path.resolve(dirname, 'banks');",
      "const files = fs.readdirSync(banksDir).filter((f) => f.endsWith('.js'));",
      'export const banks = await Promise.all(files.map((f) => import(pathToFileURL(path.resolve(banksDir, f)).toString())));',
    ].join('\n');
    assert.deepEqual(scanFile(banks).loadsFolders, ['banks']);
    assert.deepEqual(scanFile("const here = path.dirname(fileURLToPath(import.meta.url));\nfor (const f of fs.readdirSync(here)) await import(`file://${here}/${f}`);\n").loadsFolders, ['.']);
    // Listed but not loaded (read as data): nothing.
    assert.deepEqual(scanFile("const dir = path.dirname(fileURLToPath(import.meta.url));\nconst names = fs.readdirSync(dir);\nimport x from './x.js';\n").loadsFolders, []);
  });

  it("Etherpad: a page's bootstrap by its statements on window (and what only it loads), the bin its prod script runs as the server, a scripts package's main as a script; a DOM of the server's own is no page", async () => {
    const role = await treeRoles({
      'pnpm-workspace.yaml': 'packages:\n  - src\n  - bin\n',
      'package.json': JSON.stringify({ name: 'etherpad', private: true }),
      'src/package.json': JSON.stringify({ name: 'ep_etherpad-lite', bin: { 'etherpad-lite': 'node/server.ts' }, dependencies: { express: '^4', jsdom: '^26' }, scripts: { dev: 'node --require tsx/cjs node/server.ts', prod: 'node --require tsx/cjs node/server.ts' } }),
      'src/node/server.ts': "import { createApp } from './app';\nexport const start = async () => createApp();\nstart();\n",
      'src/node/app.ts': "import express from 'express';\nimport { importHtml } from './importHtml';\nexport const createApp = () => { const app = express(); app.post('/import', (req, res) => res.json(importHtml(req.body))); app.listen(9001); return app; };\n",
      'src/node/importHtml.ts': "import { JSDOM } from 'jsdom';\nexport const importHtml = (html: string) => {\n  const {window: {document}} = new JSDOM(html);\n  document.body.appendChild(document.createElement('p'));\n  return document.body.innerHTML;\n};\n",
      'src/templates/padBootstrap.js': "(async () => {\n  window.clientVars = { v: 1 };\n  const pad = require('../client/pad');\n  pad.init();\n})();\n",
      'src/client/pad.ts': "export const init = () => { if (typeof window.ajlog === 'string') console.log('ready'); };\n",
      'bin/package.json': JSON.stringify({ name: 'bin', main: 'checkAllPads.js', dependencies: { 'ep_etherpad-lite': 'workspace:../src' }, scripts: { checkAllPads: 'node --import tsx checkAllPads.ts' } }),
      'bin/checkAllPads.ts': "console.log('checking pads');\n",
      'src/node/retitle.ts': "export async function retitle(document: { title: string; save(): Promise<void> }) {\n  document.title = document.title.trim();\n  await document.save();\n}\n",
    });
    assert.equal(role('src/templates/padBootstrap.js'), 'browser: sets or calls window or document in its statements (only a browser has them)');
    assert.equal(role('src/client/pad.ts'), 'browser: imported by src/templates/padBootstrap.js (sets or calls window or document in its statements (only a browser has them))');
    assert.equal(role('src/node/server.ts'), 'service: src/package.json scripts.prod runs its bin in production, and the package has a server framework');
    assert.equal(role('src/node/importHtml.ts'), 'service: imported by server code (src/node/app.ts)');
    assert.equal(role('bin/checkAllPads.ts'), 'script: bin/package.json scripts.checkAllPads runs it');
    // A database's documents have titles and bodies too: a parameter named document is no page.
    assert.equal(role('src/node/retitle.ts'), 'service: service code: nothing marks it as a test, script, build, CLI or browser file');
  });

  it("a page's module the server only requires inside a function stays the page's (Etherpad's pad_utils.ts and pad.ts); one it requires at the top level, or with no page evidence, is the server's", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'pad', main: 'server.js', dependencies: { express: '^4' } }),
      'server.js': "const express = require('express');\nconst utils = require('./shared/utils');\nconst app = express();\napp.get('/id', (req, res) => res.send(utils.escape(req.query.x)));\napp.listen(9001);\n",
      'shared/utils.js': "exports.escape = (x) => String(x);\nexports.uniqueId = () => {\n  const pad = require('./pad'); // sidestep a circular dependency\n  const store = require('./store');\n  return pad.clientIp() + store.next();\n};\n",
      'shared/pad.js': "exports.clientIp = () => window.clientVars.ip;\nwindow.onload = () => { document.title = 'pad'; console.log('ready'); };\n",
      'shared/store.js': 'let n = 0;\nexports.next = () => n++;\n',
      'lib/boot.js': "const page = require('../shared/page');\nmodule.exports = page;\n",
      'lib/start.js': "require('./boot');\n",
      'shared/page.js': "window.addEventListener('load', () => { document.body.className = 'ready'; });\n",
    });
    assert.equal(role('shared/utils.js'), 'service: imported by server code (server.js)');
    assert.equal(role('shared/pad.js'), 'browser: sets or calls window or document in its statements (only a browser has them)');
    // Required lazily too, but nothing says it runs in a browser: the server may well call that function.
    assert.equal(role('shared/store.js'), 'service: imported by server code (shared/utils.js)');
    // Required at the top level by server code, page evidence or not: loading the server loads it.
    assert.equal(role('shared/page.js'), 'service: imported by server code (lib/boot.js)');
  });

  it("a server framework's plugin package (it depends on a workspace package with a server framework and imports it) runs in the servers that install it: no library", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'vendure-mono', private: true }),
      'lerna.json': JSON.stringify({ packages: ['packages/*'], version: '1.0.0' }),
      'packages/core/package.json': JSON.stringify({ name: '@v/core', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts', dependencies: { '@nestjs/core': '^10', '@nestjs/common': '^10' } }),
      'packages/core/src/index.ts': "export * from './bootstrap';\n",
      'packages/core/src/bootstrap.ts': "import { NestFactory } from '@nestjs/core';\nexport async function bootstrap(module: unknown) { const app = await NestFactory.create(module as never); await app.listen(3000); }\n",
      'packages/search-plugin/package.json': JSON.stringify({ name: '@v/search-plugin', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts', dependencies: { '@elastic/elasticsearch': '^7' }, devDependencies: { '@v/core': '1.0.0' } }),
      'packages/search-plugin/src/index.ts': "import { bootstrap } from '@v/core';\nexport const SearchPlugin = { name: 'search', start: bootstrap };\n",
      // A client that devDepends on the server for its types only is still a library.
      'packages/client/package.json': JSON.stringify({ name: '@v/client', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts', devDependencies: { '@v/core': '1.0.0' } }),
      'packages/client/src/index.ts': "import type { bootstrap } from '@v/core';\nexport type Boot = typeof bootstrap;\nexport const call = () => console.log('calling');\n",
      'packages/sdk/package.json': JSON.stringify({ name: '@v/sdk', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts', dependencies: { 'cross-fetch': '^4' } }),
      'packages/sdk/src/index.ts': "export const get = (url: string) => fetch(url);\n",
    });
    assert.equal(role('packages/search-plugin/src/index.ts'), 'service: packages/search-plugin/package.json main');
    assert.equal(role('packages/sdk/src/index.ts'), 'library: packages/sdk/package.json is a library (it declares what importers get, has no start of its own and no server framework): service code only where a server imports it');
    assert.equal(role('packages/client/src/index.ts'), 'library: packages/client/package.json is a library (it declares what importers get, has no start of its own and no server framework): service code only where a server imports it');
  });

  it("the root package's main stays the service when a debug script runs it too (Docker or a Procfile starts it)", async () => {
    const role = await treeRoles({
      'package.json': JSON.stringify({ name: 'bot', main: 'index.js', dependencies: { pino: '^9', 'discord.js': '^14' }, scripts: { debug: 'node --inspect index.js' } }),
      'index.js': "const pino = require('pino');\nconst logger = pino();\nlogger.info('ready');\n",
    });
    assert.equal(role('index.js'), 'service: package.json main');
  });

  it("a file outside the noted workspace still gets its role from its path and text", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    made.push(root);
    fs.writeFileSync(path.join(root, 'package.json'), '{"name":"x"}');
    const { project } = await analyzeWorkspace(root, { settings: mergeSettings() });
    assert.equal(explainRole(project, path.join(root, 'src/widget.tsx'), "'use client';\nexport const W = 1;\n").role, 'browser');
    assert.equal(explainRole(project, path.join(root, 'scripts/seed.ts')).role, 'script');
    assert.equal(explainRole(project, path.join(root, 'src/app.ts'), 'export const a = 1;\n').role, 'service');
  });
});

describe('file role pieces', () => {
  it('matches test-runner globs: jest defaults (extglobs), braces, `**`, and nothing for a glob RE2 cannot compile', () => {
    const jestDefault = compileGlob('**/?(*.)+(spec|test).[jt]s?(x)');
    assert.ok(jestDefault.matches('src/a.test.ts'));
    assert.ok(jestDefault.matches('src/deep/a.spec.jsx'));
    assert.ok(jestDefault.matches('test.js'));
    assert.ok(!jestDefault.matches('src/contest.ts'));
    assert.ok(!jestDefault.matches('src/a.test.css'));
    const vitest = compileGlob('src/**/*.{test,spec}.?(c|m)[jt]s?(x)');
    assert.ok(vitest.matches('src/a/b.spec.mts'));
    assert.ok(!vitest.matches('lib/a.spec.ts'));
    assert.ok(compileGlob('./checks/**/*.check.js').matches('checks/jobs.check.js'));
    assert.ok(!compileGlob('checks/*.check.js').matches('checks/deep/jobs.check.js'));
    assert.ok(!compileGlob('src/[z-a].ts').matches('src/a.ts'));
  });

  it('tells the modules a file loads only inside functions or blocks (an indented require or import()) from those it loads at the top level', () => {
    const scan = scanFile(
      [
        "const a = require('./a');",
        "import b from './b';",
        'function f() {',
        "  const c = require('./c');",
        "\treturn import('./d').then(() => require('./a'));",
        '}',
        "if (x) require('./e');",
        "  import('./e');",
      ].join('\n'),
    );
    assert.deepEqual(scan.specifiers, ['./a', './b', './c', './d', './e']);
    assert.deepEqual(scan.lazySpecifiers, ['./c', './d']);
    // Every load of one long line is placed on it once: a minified file's thousand requires are one walk.
    const minified = Array.from({ length: 1000 }, (_, i) => `require('./m${i}');`).join('');
    assert.deepEqual(scanFile(`  ${minified}`).lazySpecifiers.length, 1000);
    assert.deepEqual(scanFile(minified).lazySpecifiers, []);
  });

  it('scans the modules a file loads: imports, re-exports, require, import(), not type-only imports', () => {
    const scan = scanFile(
      [
        '#!/usr/bin/env node',
        "import a from './a';",
        "import type { T } from './types';",
        "import { type U } from './u';",
        "export * from './barrel';",
        "const c = require('./c');",
        "const d = await import('./d');",
        "const s = Array.from('chars');",
      ].join('\n'),
    );
    assert.deepEqual(scan.specifiers, ['./a', './u', './barrel', './c', './d']);
    assert.equal(scan.shebang, true);
    assert.equal(scanFile("/* licence */\n// note\n'use client';\nexport {}").directive, 'use client');
    assert.equal(scanFile("const x = 'use client';").directive, null);
    assert.equal(scanFile("self.addEventListener('fetch', () => {});", 'service-worker.js').serviceWorker, true);
    assert.equal(scanFile("self.addEventListener('fetch', () => {});", 'sw.ts').serviceWorker, true);
    assert.equal(scanFile("self.addEventListener('fetch', () => {});", 'routes.js').serviceWorker, false);
    assert.equal(scanFile("navigator.serviceWorker.register('/sw.js');").registersServiceWorker, true);
    assert.deepEqual(scanFile("import yargs from 'yargs';\nyargs(argv).commandDir(path.resolve(dir, './commands'));").commandDirs, ['./commands']);
    // A React Router route module's component: a default export, also re-exported; not a comment's words.
    assert.equal(scanFile('export default function Page() { return null; }').defaultExport, true);
    assert.equal(scanFile("export { default } from '../components/settings';").defaultExport, true);
    assert.equal(scanFile('const Page = () => null;\nexport { Page as default };').defaultExport, true);
    assert.equal(scanFile('// used as default health probe\nexport const loader = () => null;').defaultExport, false);
  });

  it('reads what package.json scripts run and what they are for', () => {
    assert.deepEqual(commandPaths('cd bin && ./run start'), ['bin/run']);
    assert.deepEqual(commandPaths('cross-env NODE_ENV=test mocha --require ./tests/hooks.js --exit ./tests/*.test.js'), ['tests/hooks.js']);
    assert.deepEqual(commandPaths('webpack --mode production --config webpack/webpack.config.js && node bin/keys.js > out.txt'), ['bin/keys.js']);
    assert.deepEqual(commandPaths('tsc -p tsconfig.build.json && node ./build.js'), ['build.js']);
    // A compiler's inputs and an extension argument name nothing to run (GrowthBook's SDK: `"dev:esm": "babel src --extensions '.ts' --watch"` made it a service).
    assert.deepEqual(commandPaths("cross-env BABEL_ENV=esm babel src --extensions '.ts' --out-dir 'dist/esm' --out-file-extension .mjs --watch"), []);
    // A documentation generator reads the sources it is given (Gladys Assistant's apidoc over its API made server/api/index.js a script).
    assert.deepEqual(commandPaths('apidoc -i server/api/ -o apidoc'), []);
    assert.deepEqual(
      ['start', 'dev', 'start:prod', 'test:unit', 'build', 'postbuild', 'cli', 'db:seed', 'lint'].map(scriptRole),
      ['service', 'service', 'service', 'test', 'build', 'build', 'cli', 'script', 'tooling'],
    );
  });

  it("the language server's registry says when an edit moves another file's role, without computing roles while a scan notes files", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-roles-'));
    try {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4' } }),
        'src/helper.ts': "export const h = () => console.log('h');\n",
        'src/helper.test.ts': "import { h } from './helper';\nh();\n",
        'src/server.ts': 'export const s = 1;\n',
      };
      writeTree(root, files);
      const registry = new ProjectRegistry(() => undefined);
      const model = registry.forFile(path.join(root, 'src', 'server.ts'), root);
      for (const rel of ['src/helper.ts', 'src/helper.test.ts', 'src/server.ts']) registry.note(path.join(root, rel), files[rel]);
      assert.equal(model.roles.settledDigest(), null, 'noting files computed roles');
      const helper = path.join(root, 'src/helper.ts');
      assert.equal(explainRole(model, helper).role, 'test');
      assert.equal(registry.note(path.join(root, 'src/server.ts'), 'export const s = 1; // edited\n'), false);
      assert.equal(registry.note(path.join(root, 'src/server.ts'), "import { h } from './helper';\nh();\n"), true);
      assert.equal(explainRole(model, helper).role, 'service');
      assert.equal(registry.forget(path.join(root, 'src/server.ts')), true);
      assert.equal(explainRole(model, helper).role, 'test');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
