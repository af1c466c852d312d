// Packages and workspaces: how a repository is found from a path, which packages it declares
// (npm/yarn, pnpm, lerna, Nx), the facts of each package, and the configuration that applies to a file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProjectModel, findRepositoryRoot, noteFile } from '../../../server/src/analysis';
import { pnpmPackages } from '../../../server/src/analysis/model/workspaces';
import { analyzeWorkspace } from '../../../server/src/analysis/workspace/analyzeWorkspace';
import { ConfigLookup } from '../../../server/src/analysis/workspace/configLookup';
import { CONFIG_FILE_NAME } from '../../../shared/src/settings';

function tree(files: Record<string, string>): { root: string; at(rel: string): string; remove(): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-packages-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return { root, at: (rel) => path.join(root, rel), remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const pkg = (name: string, deps: Record<string, string> = {}, extra: object = {}) => JSON.stringify({ name, version: '1.0.0', dependencies: deps, ...extra });
const PINO_LOGGER = `import pino from 'pino';\nexport const logger = pino();\n`;
const WINSTON_LOGGER = `import winston from 'winston';\nexport const logger = winston.createLogger({});\n`;

/** A model of the tree with every source file noted, as a workspace pass builds it. */
function modelOf(t: { root: string }, files: Record<string, string>) {
  const model = createProjectModel(t.root, { loggerModule: null });
  for (const [rel, text] of Object.entries(files)) if (/\.[cm]?[jt]sx?$/.test(rel)) noteFile(model, path.join(t.root, rel), text);
  return model;
}

describe('packages and workspaces', () => {
  const made: Array<{ remove(): void }> = [];
  const make = (files: Record<string, string>) => {
    const t = tree(files);
    made.push(t);
    return t;
  };
  afterEach(() => made.splice(0).forEach((t) => t.remove()));

  it('reads the pnpm-workspace.yaml packages list by hand: block and flow style, quotes, comments', () => {
    assert.deepEqual(pnpmPackages(`packages:\n  - 'apps/*'  # apps\n  - "libs/**"\n  - tools/x\n# done\ncatalog:\n  a: 1\n`), ['apps/*', 'libs/**', 'tools/x']);
    assert.deepEqual(pnpmPackages(`packages: ['a/*', "b/#c"] # flow\n`), ['a/*', 'b/#c']);
    assert.deepEqual(pnpmPackages(`catalog:\n  pino: ^9\n`), []);
  });

  it('enumerates workspace packages from npm/yarn (array and {packages}), pnpm (with negation), lerna and Nx', () => {
    const npm = make({ 'package.json': JSON.stringify({ workspaces: { packages: ['packages/*'] } }), 'packages/a/package.json': pkg('@x/a'), 'packages/b/package.json': pkg('@x/b'), 'packages/notpkg/readme.md': '' });
    assert.deepEqual([...createProjectModel(npm.root, { loggerModule: null }).workspacePackageDirs()], [['@x/a', npm.at('packages/a')], ['@x/b', npm.at('packages/b')]]);
    const pnpm = make({ 'pnpm-workspace.yaml': `packages:\n  - 'apps/**'\n  - '!apps/old'\n`, 'apps/web/package.json': pkg('web'), 'apps/old/package.json': pkg('old'), 'apps/group/api/package.json': pkg('api') });
    assert.deepEqual([...createProjectModel(pnpm.root, { loggerModule: null }).workspacePackageDirs().keys()].sort(), ['api', 'web']);
    const lerna = make({ 'lerna.json': JSON.stringify({ version: '1.0.0' }), 'packages/core/package.json': pkg('core') });
    assert.deepEqual([...createProjectModel(lerna.root, { loggerModule: null }).workspacePackageDirs().keys()], ['core']);
    const nx = make({ 'nx.json': '{}', 'libs/logging/project.json': JSON.stringify({ name: 'logging' }), 'apps/api/project.json': JSON.stringify({ name: 'api' }) });
    const model = createProjectModel(nx.root, { loggerModule: null });
    assert.deepEqual([...model.workspacePackageDirs().keys()].sort(), ['api', 'logging']);
    assert.equal(model.packageFor(nx.at('libs/logging/src/index.ts'))?.name, 'logging');
  });

  it("an Nx application without a package.json (Amplication's NestJS apps) is a service with the workspace root's dependencies, built for Node by @nx/webpack", async () => {
    const t = make({
      'package.json': pkg('mono', { '@nestjs/common': '^10', '@nestjs/core': '^10', express: '^4' }),
      'nx.json': '{}',
      'packages/gateway/project.json': JSON.stringify({
        name: 'gateway',
        projectType: 'application',
        targets: {
          build: { executor: '@nx/webpack:webpack', options: { target: 'node', compiler: 'tsc', main: 'packages/gateway/src/main.ts' } },
          serve: { executor: '@nx/js:node', options: { buildTarget: 'gateway:build' } },
        },
      }),
      'packages/gateway/src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
NestFactory.create(AppModule).then((app) => app.listen(3000));
`,
      'packages/gateway/src/app.module.ts': `import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
@Module({ controllers: [HealthController] })
export class AppModule {}
`,
      'packages/gateway/src/health.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller('health')
export class HealthController {
  @Get()
  check() {
    console.log(\`checked at \${Date.now()}\`);
    return 'ok';
  }
}
`,
    });
    const model = createProjectModel(t.root, { loggerModule: null });
    assert.ok(model.packageFor(t.at('packages/gateway/src/main.ts'))?.dependencies.has('@nestjs/core'), "the root's dependencies are the app's");
    const result = await analyzeWorkspace(t.root, {});
    const rules = result.files.filter((f) => f.path.endsWith('health.controller.ts')).flatMap((f) => f.findings.map((x) => x.rule)).sort();
    // A service (not the browser code an @nx/web... executor would make it), and its route is a handler.
    assert.deepEqual(rules, ['console-logging', 'handler-missing-metrics', 'unstructured-log-message']);
  });

  it("reads another package's logger module for how its pino serialises errors when only the service is checked (Rallly's @rallly/logger)", async () => {
    const files = (options: string) => ({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/logger/package.json': pkg('@acme/logger', { pino: '^10' }, { exports: { '.': './src/index.ts' } }),
      'packages/logger/src/index.ts': `import pino from 'pino';\nexport const logger = pino(${options});\nexport function createLogger(name: string) {\n  return logger.child({ name });\n}\n`,
      'apps/web/package.json': pkg('web', { next: '^15', '@acme/logger': 'workspace:*' }),
      'apps/web/src/app/api/items/route.ts': `import { createLogger } from '@acme/logger';\nconst logger = createLogger('items');\nexport async function GET() {\n  try {\n    return Response.json(await fetch('https://example.com'));\n  } catch (error) {\n    logger.error({ error }, 'Failed to load items');\n    return new Response(null, { status: 500 });\n  }\n}\n`,
    });
    const errorFindings = async (t: { root: string }) =>
      (await analyzeWorkspace(t.root, { paths: ['apps/web/src'] })).files.flatMap((f) => f.findings).filter((x) => x.rule === 'error-not-serialized').map((x) => x.message.slice(0, 40));
    assert.deepEqual(await errorFindings(make(files('{ level: "info" }'))), ['pino writes the error `error` under `err'], 'pino made without serializers: `error` is written as {}');
    assert.deepEqual(await errorFindings(make(files('{ serializers: { error: pino.stdSerializers.err } }'))), [], 'a serializer for `error`: kept');
  });

  it("resolves a workspace package by name as the package manager links it: pnpm 9+ takes a version range from the registry (GrowthBook's SDK), `workspace:` from the folder", async () => {
    const sdk = `export function warn(message: string) {\n  console.error('[sdk]', message);\n}\n`;
    const files = (backEndSpec: string, extra: Record<string, string> = {}) => ({
      'package.json': JSON.stringify({ name: 'mono', private: true, packageManager: 'pnpm@10.33.4' }),
      'pnpm-workspace.yaml': `packages:\n  - 'packages/*'\n`,
      'packages/sdk/package.json': pkg('@acme/sdk', {}, { main: 'src/index.ts', types: 'src/index.ts' }),
      'packages/sdk/src/index.ts': sdk,
      'packages/api/package.json': pkg('api', { express: '^4', '@acme/sdk': backEndSpec }, { scripts: { start: 'node src/server.js' } }),
      'packages/api/src/server.ts': `import express from 'express';\nimport { warn } from '@acme/sdk';\nconst app = express();\napp.get('/', (req, res) => { warn('x'); res.end(); });\napp.listen(3000);\n`,
      ...extra,
    });
    const consoleIn = async (t: { root: string }) => (await analyzeWorkspace(t.root, {})).files.filter((f) => f.path.endsWith(path.join('sdk', 'src', 'index.ts'))).flatMap((f) => f.findings.map((x) => x.rule)).filter((r) => r === 'console-logging');
    const fromRegistry = make(files('^1.0.0'));
    assert.equal(createProjectModel(fromRegistry.root, { loggerModule: null }).resolver.resolve(fromRegistry.at('packages/api/src/server.ts'), '@acme/sdk'), null);
    assert.deepEqual(await consoleIn(fromRegistry), [], "the registry's copy runs in the server: the workspace's SDK is a library of its own");
    const linked = make(files('workspace:*'));
    assert.equal(createProjectModel(linked.root, { loggerModule: null }).resolver.resolve(linked.at('packages/api/src/server.ts'), '@acme/sdk'), linked.at('packages/sdk/src/index.ts'));
    assert.deepEqual(await consoleIn(linked), ['console-logging'], 'linked into the server: its console call is the server logging');
    const byNpmrc = make(files('^1.0.0', { '.npmrc': 'link-workspace-packages=true\n' }));
    assert.equal(createProjectModel(byNpmrc.root, { loggerModule: null }).resolver.resolve(byNpmrc.at('packages/api/src/server.ts'), '@acme/sdk'), byNpmrc.at('packages/sdk/src/index.ts'));
  });

  it("without a packageManager field, pnpm's lockfile says its version (Reaction Commerce's `lockfileVersion: 5.4`, pnpm 7: a version range links the workspace's package); so does prefer-workspace-packages", () => {
    const files = (extra: Record<string, string>) => ({
      'package.json': JSON.stringify({ name: 'mono', private: true }),
      'pnpm-workspace.yaml': `packages:\n  - 'packages/**'\n`,
      'packages/logger/package.json': pkg('@acme/logger', { bunyan: '^1' }, { main: './dist/main.js' }),
      'packages/logger/src/main.js': "import Bunyan from 'bunyan';\nexport default Bunyan.createLogger({ name: 'shop' });\n",
      'packages/api/package.json': pkg('api', { express: '^4', '@acme/logger': '^1.0.0' }),
      'packages/api/src/server.js': "import Logger from '@acme/logger';\nLogger.info('up');\n",
      ...extra,
    });
    const resolved = (t: { root: string; at(rel: string): string }) => createProjectModel(t.root, { loggerModule: null }).resolver.resolve(t.at('packages/api/src/server.js'), '@acme/logger');
    const pnpm7 = make(files({ 'pnpm-lock.yaml': "lockfileVersion: 5.4\n\nimporters:\n  packages/api:\n    specifiers:\n      '@acme/logger': ^1.0.0\n" }));
    assert.equal(resolved(pnpm7), pnpm7.at('packages/logger/src/main.js'), 'pnpm 7 links by version: the unbuilt package is read from its sources');
    const pnpm9 = make(files({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }));
    assert.equal(resolved(pnpm9), null, 'pnpm 9 takes the range from the registry');
    const preferred = make(files({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", '.npmrc': 'prefer-workspace-packages=true\n' }));
    assert.equal(resolved(preferred), preferred.at('packages/logger/src/main.js'));
  });

  it('takes nothing from a hostile declaration: no pattern out of the repository, no folder link loops, no path-shaped package names', () => {
    const outside = make({ 'pkg/package.json': pkg('outside') });
    const t = make({
      'package.json': JSON.stringify({ workspaces: ['../*', `${outside.root}/*`, '**'] }),
      'loop/package.json': pkg('loop'),
      'evil/package.json': pkg('../../evil'),
      'svc/package.json': pkg('svc', { '../../evil': '*' }),
    });
    for (let i = 0; i < 8; i++) fs.symlinkSync(t.at('loop'), t.at(`loop/link${i}`), 'dir');
    const model = createProjectModel(t.root, { loggerModule: null });
    assert.deepEqual([...model.workspacePackageDirs()], [['loop', t.at('loop')], ['svc', t.at('svc')]]);
    assert.equal(model.packageFor(t.at('evil/x.ts'))?.name, null);
    assert.equal(model.factsFor(t.at('svc/x.ts')).loggerModule, null);
  });

  it("takes no logger module from a workspace package named only in devDependencies: it is not installed where the service runs (atproto's bsky and @atproto/pds)", () => {
    const files = {
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/pds/package.json': pkg('@m/pds', { pino: '^9' }, { exports: { '.': './src/index.ts' } }),
      'packages/pds/src/index.ts': PINO_LOGGER,
      'packages/bsky/package.json': pkg('@m/bsky', {}, { devDependencies: { '@m/pds': 'workspace:*' } }),
      'packages/ozone/package.json': pkg('@m/ozone', { '@m/pds': 'workspace:*' }),
    };
    const t = make(files);
    const model = modelOf(t, files);
    const bsky = model.factsFor(t.at('packages/bsky/src/app.ts'));
    assert.equal(bsky.loggerModule, null);
    assert.match(bsky.reasons.loggerModule, /no module in package @m\/bsky/);
    assert.equal(model.factsFor(t.at('packages/ozone/src/app.ts')).loggerModule?.specifier, '@m/pds');
  });

  it("of a module's many loggers takes the general one or the package's own, never another package's subsystem logger (atproto's pds, OpenPanel's @openpanel/queue)", () => {
    const subsystems = (names: string[]) => `import pino from 'pino';\nconst root = pino();\n${names.map((n) => `export const ${n} = root.child({ name: '${n}' });\n`).join('')}`;
    const files = {
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      // Sorted by name, accountLogger would come first: the pds package's own logger is pdsLogger.
      'packages/pds/package.json': pkg('@m/pds', { pino: '^9' }),
      'packages/pds/src/logger.ts': subsystems(['accountLogger', 'dbLogger', 'pdsLogger']),
      // A general name wins over ones sorted first (cacheLogger, dbLogger).
      'packages/core/package.json': pkg('@m/core', { pino: '^9' }, { exports: { '.': './src/index.ts' } }),
      'packages/core/src/index.ts': subsystems(['cacheLogger', 'dbLogger', 'serverLogger']),
      // A queue package's loggers, each named for a part of it; `@m/bus` sorts before `@m/core`.
      'packages/bus/package.json': pkg('@m/bus', { pino: '^9' }, { exports: { '.': './src/index.ts' } }),
      'packages/bus/src/index.ts': subsystems(['busLogger', 'kafkaLogger']),
      'packages/trpc/package.json': pkg('@m/trpc', { '@m/bus': 'workspace:*' }),
      'packages/jobs/package.json': pkg('@m/jobs', { '@m/bus': 'workspace:*', '@m/core': 'workspace:*' }),
      // A logger package's one logger, named for its library, is that package's logger for all.
      'packages/log/package.json': pkg('@m/task-runner-log', { pino: '^9' }, { exports: { '.': './src/index.ts' } }),
      'packages/log/src/index.ts': subsystems(['pinoLogger']),
      'packages/api/package.json': pkg('@m/api', { '@m/task-runner-log': 'workspace:*' }),
      // `@m/task-runner` names taskRunnerLogger, compared without case or punctuation.
      'packages/runner/package.json': pkg('@m/task-runner', { pino: '^9' }),
      'packages/runner/src/logger.ts': subsystems(['httpLogger', 'taskRunnerLogger']),
    };
    const t = make(files);
    const model = modelOf(t, files);
    const exportOf = (rel: string) => model.factsFor(t.at(rel)).loggerModule?.exportName;
    assert.equal(exportOf('packages/pds/src/util/debug.ts'), 'pdsLogger');
    assert.equal(exportOf('packages/core/src/cache.ts'), 'serverLogger');
    assert.equal(exportOf('packages/runner/src/task.ts'), 'taskRunnerLogger');
    // The bus's own records are filed under its parts' names: tRPC routers' would be too.
    const trpc = model.factsFor(t.at('packages/trpc/src/routers/cohort.ts'));
    assert.equal(trpc.loggerModule, null);
    assert.match(trpc.reasons.loggerModule, /no module in package @m\/trpc/);
    // A general logger of another dependency is taken instead, though the bus sorts first.
    assert.deepEqual([model.factsFor(t.at('packages/jobs/src/run.ts')).loggerModule?.specifier, exportOf('packages/jobs/src/run.ts')], ['@m/core', 'serverLogger']);
    assert.deepEqual([model.factsFor(t.at('packages/api/src/app.ts')).loggerModule?.specifier, exportOf('packages/api/src/app.ts')], ['@m/task-runner-log', 'pinoLogger']);
  });

  it('finds the repository from a path: the nearest .git, else the outermost project folder; never from the working directory', () => {
    const t = make({ 'mono/package.json': pkg('mono'), 'mono/packages/a/package.json': pkg('a'), 'mono/packages/a/src/x.ts': '', 'git/.git/HEAD': '', 'git/sub/package.json': pkg('sub'), 'git/sub/y.ts': '' });
    assert.equal(findRepositoryRoot(t.at('mono/packages/a/src/x.ts')), t.at('mono'));
    assert.equal(findRepositoryRoot(t.at('mono/packages/a')), t.at('mono'));
    assert.equal(findRepositoryRoot(t.at('git/sub/y.ts')), t.at('git'));
  });

  it('gives each package its own facts: own logger module and library, else a workspace dependency by name, else none', () => {
    const files = {
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'services/*'] }),
      'packages/log/package.json': pkg('@m/log', { pino: '^9' }, { exports: { '.': './src/index.ts' } }),
      'packages/log/src/index.ts': `export { logger } from './make';\n`,
      'packages/log/src/make.ts': PINO_LOGGER,
      'services/a/package.json': pkg('a', { winston: '^3' }, { type: 'module' }),
      'services/a/src/logger.ts': WINSTON_LOGGER,
      'services/b/package.json': pkg('b', { '@m/log': '*' }),
      'services/c/package.json': pkg('c', {}),
      'services/c/src/x.js': `const y = require('./y');\n`,
    };
    const t = make(files);
    const model = modelOf(t, files);
    const a = model.factsFor(t.at('services/a/src/app.ts'));
    assert.deepEqual([a.library, a.moduleStyle, a.loggerModule?.absPath, a.loggerModule?.specifier], ['winston', 'esm', t.at('services/a/src/logger'), undefined]);
    const b = model.factsFor(t.at('services/b/src/app.ts'));
    assert.deepEqual([b.library, b.loggerModule?.specifier, b.loggerModule?.file], ['pino', '@m/log', t.at('packages/log/src/index.ts')]);
    assert.match(b.reasons.loggerModule, /depends on workspace package @m\/log/);
    const c = model.factsFor(t.at('services/c/src/app.ts'));
    assert.deepEqual([c.library, c.loggerModule, c.moduleStyle], [null, null, 'commonjs']);
    assert.match(c.reasons.loggerModule, /no module in package c/);
  });


  it("takes no logger module from a test's helper or a script: a fix would import the test suite into the server (Etherpad)", () => {
    const LOG4JS = `import log4js from 'log4js';\nexport const logger = log4js.getLogger('test');\n`;
    const files = {
      'package.json': pkg('pad', { express: '^4', log4js: '^6' }, { scripts: { start: 'node src/server.js', test: 'mocha src/tests/backend/specs' } }),
      'src/tests/backend/common.ts': LOG4JS,
      'src/tests/backend/specs/api.ts': `import { logger } from '../common';\nlogger.info('x');\n`,
      'src/bin/seed.ts': `#!/usr/bin/env node\n${LOG4JS}`,
      'src/node/db/Pad.ts': `console.error('pad failed');\n`,
    };
    const t = make(files);
    const facts = modelOf(t, files).factsFor(t.at('src/node/db/Pad.ts'));
    assert.equal(facts.loggerModule, null);
    assert.match(facts.reasons.loggerModule, /no module in package pad \(\.\) makes and exports a logger/);
    // Beside them, the service's own module is the one.
    const withOwn = { ...files, 'src/node/logger.ts': LOG4JS.replace("'test'", "'server'") };
    const own = make(withOwn);
    assert.equal(modelOf(own, withOwn).factsFor(own.at('src/node/db/Pad.ts')).loggerModule?.absPath, own.at('src/node/logger'));
  });
  it('applies the nearest obs-lens.config.json; its loggerModule is relative to its own folder, and one outside the repository is ignored', async () => {
    const files = {
      'package.json': JSON.stringify({ workspaces: ['svc/*'] }),
      [CONFIG_FILE_NAME]: JSON.stringify({ rules: { 'console-logging': 'error' } }),
      'svc/one/package.json': pkg('one', { pino: '^9' }),
      // Detection alone would pick src/logger.ts (named like a logger module); the setting wins.
      [`svc/one/${CONFIG_FILE_NAME}`]: JSON.stringify({ loggerModule: './src/infra/telemetry', rules: { 'console-logging': 'info' } }),
      'svc/one/src/infra/telemetry.ts': PINO_LOGGER,
      'svc/one/src/logger.ts': PINO_LOGGER,
      'svc/one/src/a.ts': `export function a(id: string) {\n  console.log('a', id);\n}\n`,
      'svc/two/package.json': pkg('two', { pino: '^9' }),
      [`svc/two/${CONFIG_FILE_NAME}`]: JSON.stringify({ loggerModule: '../../../elsewhere/logger' }),
      'svc/two/src/logger.ts': PINO_LOGGER,
      'svc/two/src/b.ts': `export function b(id: string) {\n  console.log('b', id);\n}\n`,
      'svc/three/package.json': pkg('three', { pino: '^9' }),
      'svc/three/src/c.ts': `export function c(id: string) {\n  console.log('c', id);\n}\n`,
    };
    const t = make(files);
    const lookup = ConfigLookup.nearest(t.root);
    assert.equal(lookup.forFile(t.at('svc/one/src/a.ts')).file, t.at(`svc/one/${CONFIG_FILE_NAME}`));
    assert.equal(lookup.forFile(t.at('svc/three/src/c.ts')).file, t.at(CONFIG_FILE_NAME));
    const result = await analyzeWorkspace(t.root, {});
    const finding = (rel: string) => result.files.find((f) => f.path === t.at(rel))!.findings[0];
    assert.equal(finding('svc/one/src/a.ts').severity, 'info');
    assert.equal(finding('svc/three/src/c.ts').severity, 'error');
    assert.equal(finding('svc/one/src/a.ts').fixes[0].edits[0].newText, `import { logger } from './infra/telemetry';\n`);
    const two = result.project.factsFor(t.at('svc/two/src/b.ts'), result.optionsFor(t.at('svc/two/src/b.ts')).loggerModule);
    assert.equal(two.loggerModule?.absPath, t.at('svc/two/src/logger'));
    assert.match(two.reasons.loggerModule, /outside the repository root .*: ignored/);
  });
});
