// Which calls are log calls: followed from import or creation, never guessed from names.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { noteFile } from '../../../server/src/analysis';
import { configuresErrorStacks } from '../../../server/src/analysis/noteFile';
import { configuresPinoErrorKeys } from '../../../server/src/analysis/pinoConfigText';
import { callsOf, tempProject } from './helpers';

const PINO_PKG = JSON.stringify({ dependencies: { pino: '^9', 'pino-http': '^10', express: '^4' } });

describe('logger model', () => {
  it('recognises the project logger module, child loggers, req.log, this.logger and console in all its disguises', () => {
    const p = tempProject({
      'package.json': PINO_PKG,
      'src/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n`,
      'src/app.ts': [
        `import { logger } from './logger';`, // 1
        `import express from 'express';`,
        `const log = logger.child({ module: 'app' });`,
        `const { warn } = console;`,
        `const c = globalThis.console;`, // 5
        `const app = express();`,
        `app.get('/', (req, res) => {`,
        `  req.log.info('handling');`,
        `  log.info('x');`,
        `  warn('w');`, // 10
        `  c.error('e');`,
        `  console.debug('d');`,
        `});`,
        `class Service { private logger = logger.child({}); run() { this.logger.warn('run'); } }`,
        `export { app, Service };`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(callsOf(p.analyze('src/app.ts')), [
        '8:2 pino.info',
        '9:2 pino.info',
        '10:2 console.warn',
        '11:2 console.error',
        '12:2 console.debug',
        '14:59 pino.warn',
      ]);
    } finally {
      p.cleanup();
    }
  });

  it("follows a logger put on the global object (Wiki.js's WIKI.logger, global.log) into every file, and a change to where it is made", () => {
    const p = tempProject({
      'package.json': JSON.stringify({ name: 'wiki', scripts: { start: 'node server' }, dependencies: { winston: '^3', express: '^4' } }),
      'server/core/logger.js': `const winston = require('winston');\nmodule.exports = {\n  init(uid) {\n    const logger = winston.createLogger({ level: 'info' });\n    return logger;\n  }\n};\n`,
      'server/index.js': `let WIKI = { IS_DEBUG: false };\nglobal.WIKI = WIKI;\nWIKI.logger = require('./core/logger').init('MASTER');\nglobal.log = require('./core/logger').init('LOG');\nWIKI.logger.info('starting');\n`,
      'server/core/kernel.js': `/* global WIKI */\nmodule.exports = {\n  async init() {\n    WIKI.logger.info(\`Wiki.js \${WIKI.version} initializing...\`);\n    log.warn('x');\n    const WIKI2 = {};\n    WIKI2.logger.info('not it');\n  }\n};\n`,
    });
    try {
      assert.deepEqual(callsOf(p.analyze('server/core/kernel.js')), ['4:4 winston.info', '5:4 winston.warn']);
      assert.deepEqual(callsOf(p.analyze('server/index.js')), ['5:0 winston.info']);
      // The module that makes it no longer does: the calls are no log calls any more.
      noteFile(p.model, path.join(p.root, 'server/index.js'), `let WIKI = {};\nglobal.WIKI = WIKI;\n`);
      assert.deepEqual(callsOf(p.analyze('server/core/kernel.js')), []);
    } finally {
      p.cleanup();
    }
  });

  it("follows a member another module sets on a registry module (YApi's `yapi.commons = commons` in its entry) into every file that requires the registry, and a change to the assignment", () => {
    const p = tempProject({
      'package.json': JSON.stringify({ name: 'yapi', main: 'server/app.js', dependencies: { koa: '^2' } }),
      'server/yapi.js': `const path = require('path');\nmodule.exports = { WEBROOT: path.resolve(__dirname, '..') };\n`,
      'server/utils/commons.js': `exports.log = (msg, type) => {\n  let f;\n  switch (type) {\n    case 'error':\n      f = console.error;\n      break;\n    default:\n      f = console.log;\n  }\n  f(type + ':', msg);\n};\n`,
      'server/app.js': `const yapi = require('./yapi.js');\nconst commons = require('./utils/commons');\nyapi.commons = commons;\n`,
      'server/controllers/user.js': `const yapi = require('../yapi.js');\nfunction login(e) {\n  yapi.commons.log(e.message, 'error');\n  yapi.other.log('x', 'y');\n}\nmodule.exports = { login };\n`,
    });
    try {
      assert.deepEqual(callsOf(p.analyze('server/controllers/user.js')), ['3:2 custom.log']);
      // The entry no longer sets it: the calls are no log calls any more.
      noteFile(p.model, path.join(p.root, 'server/app.js'), `const yapi = require('./yapi.js');\nyapi.started = Date.now();\n`);
      const without = p.analyze('server/controllers/user.js');
      assert.deepEqual(callsOf(without), []);
      // Set again later: a result computed without it is stale (a cache must not keep it).
      noteFile(p.model, path.join(p.root, 'server/app.js'), `const yapi = require('./yapi.js');\nyapi.commons = require('./utils/commons');\n`);
      assert.equal(p.model.inputsUnchanged(path.join(p.root, 'server/controllers/user.js'), without.inputs!), false);
      assert.deepEqual(callsOf(p.analyze('server/controllers/user.js')), ['3:2 custom.log']);
    } finally {
      p.cleanup();
    }
  });

  it("follows what an entry hands a module's initialiser (Node-RED's `flows.init(runtime)`) into the module's state, and a change to the argument", () => {
    // The same logger made either way (the package's facts stay as they are): only the argument changes.
    const entry = (withLog: boolean) => `const pino = require('pino');\nconst flows = require('./flows');\nconst logger = pino();\nvar runtime = { ${withLog ? 'log: logger, ' : ''}settings: {} };\nlogger.info('starting');\nfunction start() { flows.init(runtime); }\nmodule.exports = { start };\n`;
    const p = tempProject({
      'package.json': JSON.stringify({ name: 'runtime', main: 'lib/index.js', dependencies: { pino: '^9' } }),
      'lib/index.js': entry(true),
      'lib/flows/index.js': `var log;\nvar runtime;\nfunction init(_runtime) {\n  runtime = _runtime;\n  log = _runtime.log;\n}\nfunction load(n) {\n  log.info('loaded');\n  runtime.log.warn('slow');\n  runtime.settings.info('no logger');\n}\nmodule.exports = { init: init, load: load };\n`,
    });
    const flows = 'lib/flows/index.js';
    try {
      assert.deepEqual(callsOf(p.analyze(flows)), ['8:2 pino.info', '9:2 pino.warn']);
      // The entry no longer hands it a logger: the calls are no log calls any more.
      noteFile(p.model, path.join(p.root, 'lib/index.js'), entry(false));
      const without = p.analyze(flows);
      assert.deepEqual(callsOf(without), []);
      // Handed one again: a result computed without it is stale (a cache must not keep it).
      noteFile(p.model, path.join(p.root, 'lib/index.js'), entry(true));
      assert.equal(p.model.inputsUnchanged(path.join(p.root, flows), without.inputs!), false);
      assert.deepEqual(callsOf(p.analyze(flows)), ['8:2 pino.info', '9:2 pino.warn']);
    } finally {
      p.cleanup();
    }
  });

  it("a module's digest changes when a class gains a static field holding an instance of it (Homebridge's Logger.internal), so --cache re-checks its importers", () => {
    const logger = (withInstance: boolean) =>
      [
        'export class Logger {',
        ...(withInstance ? ['  static readonly internal = new Logger();'] : []),
        '  info(message: string, ...parameters: unknown[]): void {',
        '    this.log(message, ...parameters);',
        '  }',
        '  warn(message: string, ...parameters: unknown[]): void {',
        '    this.log(message, ...parameters);',
        '  }',
        '  error(message: string, ...parameters: unknown[]): void {',
        '    this.log(message, ...parameters);',
        '  }',
        '  log(message: string, ...parameters: unknown[]): void {',
        '    console.log(message, ...parameters);',
        '  }',
        '}',
        '',
      ].join('\n');
    const digests = [true, false].map((withInstance) => {
      const p = tempProject({ 'package.json': '{"name":"bridge"}', 'src/logger.ts': logger(withInstance) });
      try {
        const file = path.join(p.root, 'src/logger.ts');
        return p.model.modules.summaryOf(file).digest;
      } finally {
        p.cleanup();
      }
    });
    assert.notEqual(digests[0], digests[1]);
  });

  it("a module's digest changes when its tryCatch helper returns what it caught under another name, so --cache re-checks the callers that read `error` from it", () => {
    const helper = (key: string) =>
      `export async function tryCatch<T>(promise: Promise<T>) {\n  try {\n    return { data: await promise, ${key}: null };\n  } catch (caught) {\n    return { data: null, ${key}: caught as Error };\n  }\n}\n`;
    const digests = ['error', 'failure'].map((key) => {
      const p = tempProject({ 'package.json': '{"name":"crawler"}', 'src/tryCatch.ts': helper(key) });
      try {
        return p.model.modules.summaryOf(path.join(p.root, 'src/tryCatch.ts')).digest;
      } finally {
        p.cleanup();
      }
    });
    assert.notEqual(digests[0], digests[1]);
  });

  it("winston's error logged alone loses its stack unless some module's format keeps it (errors({ stack: true })): error-not-serialized follows the project", () => {
    const files = (format: string) => ({
      'package.json': JSON.stringify({ name: 'w', dependencies: { winston: '^3' } }),
      'src/logger.js': `const winston = require('winston');\nconst { combine, timestamp, errors, json } = winston.format;\nconst logger = winston.createLogger({ format: ${format} });\nmodule.exports = { logger };\n`,
      'src/job.js': `const { logger } = require('./logger');\nasync function run(task) {\n  try { await task(); } catch (err) { logger.error(err); }\n}\nmodule.exports = { run };\n`,
    });
    const without = tempProject(files('combine(timestamp(), json())'));
    const keeping = tempProject(files('combine(timestamp(), errors({ stack: true }), json())'));
    try {
      const rules = (p: typeof without) => p.analyze('src/job.js').findings.map((f) => `${f.line + 1}:${f.rule}`);
      assert.deepEqual(rules(without), ['3:error-not-serialized']);
      assert.deepEqual(rules(keeping), []);
    } finally {
      without.cleanup();
      keeping.cleanup();
    }
  });

  it('reads whether a format keeps error stacks from the text, each `errors(` once (a file of thousands of them is read in one pass)', () => {
    assert.equal(configuresErrorStacks('format: combine(timestamp(), errors({ stack: true }), json())'), true);
    assert.equal(configuresErrorStacks("const { errors } = format;\nformat: errors({stack:true})"), true);
    assert.equal(configuresErrorStacks('errors({ message: true }) // stack'), false);
    assert.equal(configuresErrorStacks('collectErrors(list)'), false);
    assert.equal(configuresErrorStacks('errors({ '.repeat(200_000)), false);
  });

  it("pino's error under another key than err is written as {} unless the project's pino serialises it (a serializer for the key, errorKey, a log formatter), and is not judged where no noted module makes the pino logger", () => {
    const files = (options: string, withLogger = true) => ({
      'package.json': PINO_PKG,
      ...(withLogger ? { 'src/logger.ts': `import pino from 'pino';\nexport const logger = pino(${options});\n` } : {}),
      'src/job.ts': `import { logger } from '${withLogger ? './logger' : '@acme/shared-logger'}';\nexport async function run(task: () => Promise<void>) {\n  try { await task(); } catch (error) { logger.error({ error }, 'failed'); }\n}\n`,
    });
    const cases = [files(''), files('{ serializers: { error: pino.stdSerializers.err } }'), files("{ formatters: { log: (o) => o } }"), files('', false)].map((f) => tempProject(f));
    try {
      const rules = (p: (typeof cases)[number]) => p.analyze('src/job.ts').findings.map((f) => `${f.line + 1}:${f.rule}`);
      assert.deepEqual(cases.map(rules), [['3:error-not-serialized'], [], [], []]);
    } finally {
      for (const p of cases) p.cleanup();
    }
  });

  it("reads pino's options for serialisers of other keys than err, req and res, errorKey and a log formatter", () => {
    assert.equal(configuresPinoErrorKeys('pino({ serializers: { err: pino.stdSerializers.err, req: (r) => ({ method: r.method }) } })'), false);
    assert.equal(configuresPinoErrorKeys('pino({ serializers: { ...pino.stdSerializers, error: pino.stdSerializers.err } })'), true);
    assert.equal(configuresPinoErrorKeys('pino({ serializers: { req(r) { return { id: r.id }; }, res: (r) => ({ s: r.statusCode }), err } })'), false);
    assert.equal(configuresPinoErrorKeys("pino({ serializers: { 'error': errSerializer } })"), true);
    assert.equal(configuresPinoErrorKeys("pino({ errorKey: 'error' })"), true);
    assert.equal(configuresPinoErrorKeys('pino({ serializers: pino.stdSerializers })'), false);
    assert.equal(configuresPinoErrorKeys('pino({ formatters: { level: (l) => ({ level: l }), log: toClef } })'), true);
    assert.equal(configuresPinoErrorKeys('pino({ formatters: { level: (l) => ({ level: l }) } })'), false);
    // A comment before the key, a computed key (it may name any key).
    assert.equal(configuresPinoErrorKeys('pino({ serializers: {\n  // errors under our own key\n  error: pino.stdSerializers.err,\n} })'), true);
    assert.equal(configuresPinoErrorKeys('pino({ serializers: { /* std */ err: pino.stdSerializers.err } })'), false);
    assert.equal(configuresPinoErrorKeys('pino({ serializers: { [ERROR_KEY]: pino.stdSerializers.err } })'), true);
    assert.equal(configuresPinoErrorKeys('serializers: { '.repeat(100_000)), false);
  });

  it('does not flag name-alikes: methods named info on other objects, shadowed loggers, plain functions named log', () => {
    const p = tempProject({
      'package.json': PINO_PKG,
      'src/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n`,
      'src/other.ts': [
        `import { logger } from './logger';`,
        `const metrics = { info: (m: string) => m };`,
        `metrics.info('not a log');`,
        `const user = { warn() {} }; user.warn();`,
        `function handler(logger: Map<string, string>) { logger.get('x'); (logger as any).info('shadowed'); }`,
        `function log(x: string) { return x; } log('mine');`,
        `const cache = { error: () => 0 }; cache.error();`,
        `export { handler };`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(callsOf(p.analyze('src/other.ts')), []);
    } finally {
      p.cleanup();
    }
  });

  it('follows winston, bunyan, log4js and NestJS loggers from their creation', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { winston: '^3', bunyan: '^1', log4js: '^6', '@nestjs/common': '^10' } }),
      'src/all.ts': [
        `import winston, { createLogger } from 'winston';`,
        `import * as bunyan from 'bunyan';`,
        `import log4js from 'log4js';`,
        `import { Logger } from '@nestjs/common';`,
        `const w = winston.createLogger({});`, // 5
        `const w2 = createLogger({});`,
        `const b = bunyan.createLogger({ name: 'x' });`,
        `const l = log4js.getLogger();`,
        `w.info('a'); w2.log('info', 'b'); b.warn('c'); l.error('d'); Logger.log('e');`,
        `class S { private readonly logger = new Logger(S.name); go() { this.logger.verbose('f'); } }`,
        `export { S };`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(callsOf(p.analyze('src/all.ts')), [
        '9:0 winston.info',
        '9:13 winston.log',
        '9:34 bunyan.warn',
        '9:47 log4js.error',
        '9:61 nestjs.log',
        '10:63 nestjs.verbose',
      ]);
    } finally {
      p.cleanup();
    }
  });

  it('follows CommonJS require, module.exports wrappers and typed parameters', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'lib/log.js': `const pino = require('pino');\nmodule.exports = pino({ name: 'svc' });\n`,
      'lib/job.js': `const log = require('./log');\nconst direct = require('pino')();\nlog.info('a');\ndirect.warn('b');\n`,
      'src/typed.ts': `import type { Logger } from 'pino';\nexport function work(logger: Logger) { logger.info('typed'); }\n`,
    });
    try {
      assert.deepEqual(callsOf(p.analyze('lib/job.js')), ['3:0 pino.info', '4:0 pino.warn']);
      assert.deepEqual(callsOf(p.analyze('src/typed.ts')), ['2:39 pino.info']);
      assert.equal(p.model.factsFor(p.root + '/lib/job.js').loggerModule?.exportName, 'default');
    } finally {
      p.cleanup();
    }
  });

  it('records constant message templates and field keys for call-site matching', () => {
    const p = tempProject({
      'package.json': PINO_PKG,
      'src/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n`,
      'src/a.ts': `import { logger } from './logger';\nconst log = logger.child({ component: 'a' });\nlog.info({ orderId: 1 }, 'order saved');\nlog.warn(\`slow \${1} ms\`);\n`,
    });
    try {
      const r = p.analyze('src/a.ts');
      assert.deepEqual(
        r.logCalls.map((c) => [c.template, c.fieldKeys]),
        [
          ['order saved', ['component', 'orderId']],
          ['slow * ms', ['component']],
        ],
      );
    } finally {
      p.cleanup();
    }
  });
});
