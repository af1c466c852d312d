// Module resolution as the compiler does it, and module summaries: loggers followed through tsconfig
// `paths` (with `extends` and project references), barrels and re-exports, CommonJS, workspace
// packages, declaration files, and class members inherited from other files. Nothing outside the
// repository (or in node_modules) is a project module.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noteFile } from '../../../server/src/analysis';
import { callsOf, tempProject, type TempProject } from './helpers';

const PINO_LOGGER = `import pino from 'pino';\nexport const logger = pino();\n`;

describe('module resolution and summaries', () => {
  let p: TempProject | undefined;
  afterEach(() => p?.cleanup());

  it("follows names a resolution hook maps (MagicMirror's require(\"logger\")), re-reads the hook only when its table changes, and ignores a test's hook and names the package depends on", () => {
    const hook = (table: string) => `const Module = require('node:module');\nconst ALIASES = { ${table} };\nconst original = Module._resolveFilename;\nModule._resolveFilename = function (request, ...rest) { return ALIASES[request] ? require('node:path').join(__dirname, '..', ALIASES[request]) : original.call(this, request, ...rest); };\n`;
    p = tempProject({
      'package.json': JSON.stringify({ name: 'mirror', dependencies: { pino: '^9', winston: '^3' } }),
      'js/alias-resolver.js': hook("log: 'js/log.js'"),
      'js/log.js': `const pino = require('pino');\nmodule.exports = pino();\n`,
      'js/app.js': `require('./alias-resolver');\nconst Log = require('log');\nLog.info('up');\n`,
      'test/stub-resolver.js': hook("other: 'js/log.js'"),
      'js/other.js': `const Other = require('other');\nOther.info('up');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('js/app.js')), ['3:0 pino.info']);
    // A test's resolution hook stubs modules for the tests: no alias for service code.
    assert.deepEqual(callsOf(p.analyze('js/other.js')), []);
    // Noting the same hook again (the editor re-validating the open file) changes nothing.
    const generation = p.model.generation;
    noteFile(p.model, path.join(p.root, 'js/alias-resolver.js'), hook("log: 'js/log.js'"));
    noteFile(p.model, path.join(p.root, 'js/alias-resolver.js'), hook("log: 'js/log.js'") + '// edited\n');
    assert.equal(p.model.generation, generation);
    // A new table is read again; a name the package depends on is that package, whatever a table says.
    noteFile(p.model, path.join(p.root, 'js/alias-resolver.js'), hook("log: 'js/log.js', winston: 'js/log.js'"));
    assert.ok(p.model.generation > generation);
    assert.equal(p.model.resolver.resolve(path.join(p.root, 'js/app.js'), 'winston'), null);
    assert.equal(p.model.resolver.resolve(path.join(p.root, 'js/app.js'), 'log'), path.join(p.root, 'js/log.js'));
  });

  it('requiring a module that is a class gives the class only when the class is all it exports (a logger set beside it is looked up by name)', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'svc.js': `const pino = require('pino');\nclass Service { run(level, message) { this.log.info(message); } }\nmodule.exports = Service;\nmodule.exports.logger = pino();\n`,
      'app.js': `require('./svc').logger.info('started');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('app.js')), ['1:0 pino.info']);
  });

  it('follows tsconfig paths from an extended config (baseUrl and paths in the base), and jsconfig paths', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@server/*': ['server/src/*'] } } }),
      'server/tsconfig.json': `{\n  // comments are allowed\n  "extends": "../tsconfig.base.json",\n}\n`,
      'server/src/lib/logger.ts': PINO_LOGGER,
      'server/src/app.ts': `import { logger } from '@server/lib/logger';\nlogger.info('up');\n`,
      'web/jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['./src/*'] } } }),
      'web/src/log.js': `const pino = require('pino');\nmodule.exports = pino();\n`,
      'web/src/page.js': `const log = require('~/log');\nlog.warn('w');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('server/src/app.ts')), ['2:0 pino.info']);
    assert.deepEqual(callsOf(p.analyze('web/src/page.js')), ['2:0 pino.warn']);
  });

  it('resolves one alias alike from every folder of a tsconfig, and by its own tsconfig elsewhere (one resolution per tsconfig, not per folder)', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9', winston: '^3' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'src/lib/logger.ts': PINO_LOGGER,
      'src/a/deep/one.ts': `import { logger } from '@/lib/logger';\nlogger.info('one');\n`,
      'src/b/two.ts': `import { logger } from '@/lib/logger';\nlogger.warn('two');\n`,
      'src/c/three.ts': `import { logger } from '@/lib/missing';\nlogger.warn('three');\n`,
      // Another tsconfig maps the same alias to its own folder: resolved by its mapping, not the first one's.
      'tools/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['lib/*'] } } }),
      'tools/lib/lib/logger.ts': `import winston from 'winston';\nexport const logger = winston.createLogger({});\n`,
      'tools/run.ts': `import { logger } from '@/lib/logger';\nlogger.info('tool');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('src/a/deep/one.ts')), ['2:0 pino.info']);
    assert.deepEqual(callsOf(p.analyze('src/c/three.ts')), []);
    assert.deepEqual(callsOf(p.analyze('tools/run.ts')), ['2:0 winston.info']);
    assert.deepEqual(callsOf(p.analyze('src/b/two.ts')), ['2:0 pino.warn']);
    const resolve = (from: string, spec: string) => p!.model.resolver.resolve(path.join(p!.root, from), spec);
    assert.equal(resolve('src/b/two.ts', '@/lib/logger'), path.join(p.root, 'src/lib/logger.ts'));
    assert.equal(resolve('tools/run.ts', '@/lib/logger'), path.join(p.root, 'tools/lib/lib/logger.ts'));
    assert.equal(resolve('src/a/deep/one.ts', '@/lib/missing'), null);
  });

  it('summarises the modules of an import cycle alike whichever file is analysed first', () => {
    // log.ts makes the logger and re-exports util's child of it; util.ts makes that child from log's
    // logger. Each module's summary needs the other's: the first one met used to see the other as
    // empty, so what a file found depended on which file the pass (or the editor) analysed first.
    const files = {
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/log.ts': `import pino from 'pino';\nexport const logger = pino();\nexport { audit } from './util';\n`,
      'src/util.ts': `import { logger } from './log';\nexport const audit = logger.child({ audit: true });\n`,
      'src/viaLog.ts': `import { audit } from './log';\naudit.info('from log');\n`,
      'src/viaUtil.ts': `import { audit } from './util';\naudit.info('from util');\n`,
    };
    const calls = (order: string[]) => {
      const q = tempProject(files);
      try {
        const found = Object.fromEntries(order.map((f) => [f, callsOf(q.analyze(f))]));
        return Object.fromEntries(Object.keys(found).sort().map((f) => [f, found[f]]));
      } finally {
        q.cleanup();
      }
    };
    const expected = { 'src/viaLog.ts': ['2:0 pino.info'], 'src/viaUtil.ts': ['2:0 pino.info'] };
    assert.deepEqual(calls(['src/viaLog.ts', 'src/viaUtil.ts']), expected);
    assert.deepEqual(calls(['src/viaUtil.ts', 'src/viaLog.ts']), expected);
  });

  it('summarises a cycle whose back edge goes to a module other than its first alike in every order (each member shows its last round)', () => {
    // O re-exports from M and Z; M imports O back and re-exports P's child of M's logger; Z re-exports P.
    const files = {
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/O.ts': `export { logger, audit2 } from './M';\nexport { audit } from './Z';\n`,
      'src/M.ts': `import pino from 'pino';\nimport { x } from './O';\nexport const logger = pino();\nexport { audit as audit2 } from './P';\nexport const y = x;\n`,
      'src/P.ts': `import { logger } from './M';\nexport const audit = logger.child({ a: 1 });\n`,
      'src/Z.ts': `export { audit } from './P';\n`,
    };
    const modules = ['src/O.ts', 'src/M.ts', 'src/P.ts', 'src/Z.ts'];
    const permutations = (a: string[]): string[][] => (a.length <= 1 ? [a] : a.flatMap((x, i) => permutations([...a.slice(0, i), ...a.slice(i + 1)]).map((rest) => [x, ...rest])));
    const orders = permutations(modules);
    const loggersIn = (order: string[]) => {
      const q = tempProject(files);
      try {
        // Noting the files summarised them already (in the files' order): asked afresh, in this order.
        q.model.modules.clear();
        for (const f of order) q.model.modules.summaryOf(path.join(q.root, f));
        return Object.fromEntries(modules.map((f) => [f, [...q.model.modules.summaryOf(path.join(q.root, f)).loggers.keys()].sort()]));
      } finally {
        q.cleanup();
      }
    };
    const expected = { 'src/O.ts': ['audit', 'audit2', 'logger'], 'src/M.ts': ['audit2', 'logger'], 'src/P.ts': ['audit'], 'src/Z.ts': ['audit'] };
    for (const order of orders) assert.deepEqual(loggersIn(order), expected, order.join(' '));
  });

  it('summarises a cycle alike in every order when a module beneath a finished one is asked for by a sibling (a lowlink)', () => {
    // F re-exports D and N; D makes a child of F's logger and re-exports P's; P makes a child of D's;
    // N re-exports P's under another name. Asked F first, D finishes inside F's cycle and N, at D's
    // old position, used to take P's early summary for its own cycle's.
    const files = {
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/F.ts': `import pino from 'pino';\nexport const base = pino();\nexport * from './D';\nexport * from './N';\n`,
      'src/D.ts': `import { base } from './F';\nexport const dlog = base.child({ d: 1 });\nexport { audit } from './P';\n`,
      'src/P.ts': `import { dlog } from './D';\nexport const audit = dlog.child({ p: 1 });\n`,
      'src/N.ts': `export { audit as audit2 } from './P';\n`,
    };
    const modules = ['src/F.ts', 'src/D.ts', 'src/P.ts', 'src/N.ts'];
    const permutations = (a: string[]): string[][] => (a.length <= 1 ? [a] : a.flatMap((x, i) => permutations([...a.slice(0, i), ...a.slice(i + 1)]).map((rest) => [x, ...rest])));
    const q = tempProject(files);
    try {
      for (const order of permutations(modules)) {
        q.model.modules.clear();
        for (const f of order) q.model.modules.summaryOf(path.join(q.root, f));
        const loggers = Object.fromEntries(modules.map((f) => [f, [...q.model.modules.summaryOf(path.join(q.root, f)).loggers.keys()].sort()]));
        assert.deepEqual(loggers, { 'src/F.ts': ['audit', 'audit2', 'base', 'dlog'], 'src/D.ts': ['audit', 'dlog'], 'src/P.ts': ['audit'], 'src/N.ts': ['audit2'] }, order.join(' '));
      }
    } finally {
      q.cleanup();
    }
  });

  it("keeps every module of a cycle with what it consulted: an edit of one re-checks the others' importers", () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/log.ts': `import pino from 'pino';\nexport const logger = pino();\nexport { audit } from './b';\n`,
      'src/b.ts': `export { audit } from './c';\n`,
      'src/c.ts': `import { logger } from './log';\nexport const audit = logger.child({ audit: true });\n`,
      'src/app.ts': `import { audit } from './log';\naudit.info('x');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('src/app.ts')), ['2:0 pino.info']);
    const generation = p.model.generation;
    const c = path.join(p.root, 'src/c.ts');
    const text = `export const audit = { info(..._a: unknown[]) {} };\n`;
    fs.writeFileSync(c, text);
    noteFile(p.model, c, text);
    assert.notEqual(p.model.generation, generation, 'a cycle member that changed what importers see bumps the generation');
    assert.deepEqual(callsOf(p.analyze('src/app.ts')), [], 'audit is no logger any more');
  });

  it('follows barrels and re-exports, in chains: export *, export { x as y } from, export { default as logger } from, CommonJS', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9', winston: '^3' } }),
      'src/log/pino.ts': PINO_LOGGER,
      'src/log/winston.ts': `import winston from 'winston';\nexport default winston.createLogger({});\n`,
      'src/log/inner.ts': `export * from './pino';\n`,
      'src/log/index.ts': `export * from './inner';\nexport { logger as appLog } from './pino';\nexport { default as audit } from './winston';\n`,
      'src/lib/index.js': `module.exports = require('../log/cjs');\n`,
      'src/log/cjs.js': `const pino = require('pino');\nexports.cjsLog = pino();\n`,
      'src/use.ts': [
        `import { logger, appLog, audit } from './log';`,
        `import * as log from './log/index';`,
        `import { cjsLog } from './lib';`,
        `logger.info('a'); appLog.info('b'); audit.info('c'); log.logger.warn('d'); cjsLog.error('e');`,
      ].join('\n'),
    });
    assert.deepEqual(callsOf(p.analyze('src/use.ts')), ['4:0 pino.info', '4:18 pino.info', '4:36 winston.info', '4:53 pino.warn', '4:75 pino.error']);
  });

  it('resolves `.js` specifiers to `.ts` sources, and reads loggers from declaration files by their type', () => {
    p = tempProject({
      'package.json': JSON.stringify({ type: 'module', dependencies: { pino: '^9' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }),
      'src/logger.ts': PINO_LOGGER,
      'src/typed.d.ts': `import type { Logger } from 'pino';\nexport declare const typedLogger: Logger;\n`,
      'src/a.ts': `import { logger } from './logger.js';\nimport { typedLogger } from './typed.js';\nlogger.info('a');\ntypedLogger.debug('b');\n`,
    });
    assert.deepEqual(callsOf(p.analyze('src/a.ts')), ['3:0 pino.info', '4:0 pino.debug']);
  });

  it('uses the referenced project of a solution-style tsconfig for its files', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }),
      'tsconfig.app.json': JSON.stringify({ compilerOptions: { paths: { '#log': ['./src/infra/logger.ts'] } }, include: ['src'] }),
      'src/infra/logger.ts': PINO_LOGGER,
      'src/main.ts': `import { logger } from '#log';\nlogger.info('up');\n`,
    });
    assert.equal(p.model.tsconfigs.forFile(path.join(p.root, 'src/main.ts')).configPath, path.join(p.root, 'tsconfig.app.json'));
    assert.deepEqual(callsOf(p.analyze('src/main.ts')), ['2:0 pino.info']);
  });

  it('finds `this.logger` inherited from a base class in another file (field, constructor assignment, two levels, NestJS Logger)', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9', '@nestjs/common': '^10' } }),
      'src/base/root.ts': `import pino from 'pino';\nexport class Root {\n  protected log;\n  constructor() {\n    this.log = pino();\n  }\n}\n`,
      'src/base/middle.ts': `import { Root } from './root';\nexport class Middle extends Root {}\n`,
      'src/base/nest.ts': `import { Logger } from '@nestjs/common';\nexport default class NestBase {\n  protected readonly logger = new Logger('x');\n}\n`,
      'src/base/index.ts': `export { Middle } from './middle';\nexport { default as NestBase } from './nest';\n`,
      'src/leaf.ts': [
        `import { Middle, NestBase } from './base';`,
        `class Local { protected other = new Date(); }`,
        `export class A extends Middle { run() { this.log.info('a'); } }`,
        `export class B extends NestBase { run() { this.logger.log('b'); } }`,
        `export class C extends Local { run() { (this as any).other.info('no'); } }`,
        `class D extends A { run() { this.log.warn('d'); } }`,
        `export { D };`,
      ].join('\n'),
    });
    assert.deepEqual(callsOf(p.analyze('src/leaf.ts')), ['3:40 pino.info', '4:42 nestjs.log', '6:28 pino.warn']);
  });

  it('writes a fix to the logger a class inherits (this.log), not an import', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/logger.ts': PINO_LOGGER,
      'src/base.ts': `import pino from 'pino';\nexport class Base {\n  protected log = pino();\n}\n`,
      'src/svc.ts': `import { Base } from './base';\nexport class Svc extends Base {\n  run(id: string) {\n    console.log('ran', id);\n  }\n}\n`,
    });
    const finding = p.analyze('src/svc.ts').findings.find((f) => f.rule === 'console-logging')!;
    assert.deepEqual(finding.fixes[0].edits.map((e) => e.newText), ['this.log.info', `{ id }, 'ran'`]);
  });

  it('follows nothing outside the repository root or into node_modules', () => {
    p = tempProject({
      'repo/package.json': JSON.stringify({ dependencies: { pino: '^9', 'third-party': '^1' } }),
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/node_modules/third-party/package.json': JSON.stringify({ name: 'third-party', main: 'index.js' }),
      'repo/node_modules/third-party/index.js': `module.exports = require('pino')();\n`,
      'outside/logger.ts': PINO_LOGGER,
      'repo/src/a.ts': `import { logger } from '../../outside/logger';\nimport tp from 'third-party';\nlogger.info('a');\ntp.info('b');\n`,
    });
    const repo = path.join(p.root, 'repo');
    const { createProjectModel, analyzeFile, resolveSeverities } = require('../../../server/src/analysis') as typeof import('../../../server/src/analysis');
    const model = createProjectModel(repo, { loggerModule: null });
    const file = path.join(repo, 'src/a.ts');
    assert.equal(model.resolver.resolve(file, '../../outside/logger'), null);
    assert.equal(model.resolver.resolve(file, 'third-party'), null);
    assert.deepEqual(callsOf(analyzeFile(file, fs.readFileSync(file, 'utf8'), model, { severities: resolveSeverities({}) })), []);
  });

  it('records what a result depends on: a change to an imported module (even through a barrel) invalidates it, other changes do not', () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9', winston: '^3' } }),
      'src/logger.ts': PINO_LOGGER,
      'src/index.ts': `export * from './logger';\n`,
      'src/other.ts': `export const x = 1;\n`,
      'src/app.ts': `import { logger } from './index';\nlogger.info('a');\n`,
    });
    const app = path.join(p.root, 'src/app.ts');
    const result = p.analyze('src/app.ts');
    // The barrel is recorded, not what it took from: its digest changes exactly when what it exports does.
    assert.deepEqual(Object.keys(result.inputs?.modules ?? {}).filter((k) => !k.includes('\0')), [path.join(p.root, 'src/index.ts')]);
    noteFile(p.model, path.join(p.root, 'src/other.ts'), `export const x = 2;\n`);
    assert.equal(p.model.inputsUnchanged(app, result.inputs!), true);
    // The logger module changed, and the barrel still exports a pino logger from it: nothing to redo.
    noteFile(p.model, path.join(p.root, 'src/logger.ts'), `${PINO_LOGGER}\nexport const unrelated = 1;\n`);
    assert.equal(p.model.inputsUnchanged(app, result.inputs!), true);
    noteFile(p.model, path.join(p.root, 'src/logger.ts'), `import winston from 'winston';\nexport const logger = winston.createLogger({});\n`);
    assert.equal(p.model.inputsUnchanged(app, result.inputs!), false);
    assert.deepEqual(callsOf(p.analyze('src/app.ts')), ['2:0 winston.info']);
  });
});
