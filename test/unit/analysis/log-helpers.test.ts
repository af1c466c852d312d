// A project's own logging functions: helpers that pass their parameters on to a logger (each call
// of one is a log call with the caller's message) and functions that return a logger.
import * as assert from 'node:assert/strict';
import { callsOf, tempProject } from './helpers';

const FASTIFY_PKG = JSON.stringify({ dependencies: { pino: '^9', fastify: '^4' } });

describe('log helpers and logger-returning functions', () => {
  it('reads a call of an exported helper object as a log call with the helper\'s message and fields, and offers no fix', () => {
    const p = tempProject({
      'package.json': FASTIFY_PKG,
      'src/monitoring/logger.ts': [
        `import pino from 'pino';`,
        `import type { FastifyBaseLogger } from 'fastify';`,
        `export const logger = pino();`,
        `export const logSchema = {`,
        `  info: (logger: FastifyBaseLogger, message: string, log: object) => logger.info(log, message),`,
        `  warning(logger: FastifyBaseLogger, message: string, log: object) { logger.warn(log, message) },`,
        `  count: (logger: FastifyBaseLogger, n: number) => n + 1,`,
        `};`,
      ].join('\n'),
      'src/jobs/run.ts': [
        `import { logger, logSchema } from '../monitoring/logger';`,
        `export function run(tenantId: string, e: Error) {`,
        `  logSchema.info(logger, \`[Migrations] running for \${tenantId}\`, { type: 'migrations' });`,
        `  logSchema.warning(logger, 'rollback failed', { type: 'db', metadata: JSON.stringify({ originalError: String(e) }) });`,
        `  logSchema.count(logger, 1);`,
        `}`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/jobs/run.ts');
      assert.deepEqual(callsOf(r), ['3:2 pino.info', '4:2 pino.warning']);
      assert.deepEqual(
        r.findings.map((f) => `${f.line + 1} ${f.rule} ${f.fixes.filter((x) => x.kind === 'fix').length}`),
        ['3 unstructured-log-message 0', '4 error-not-serialized 0'],
      );
    } finally {
      p.cleanup();
    }
  });

  it('reads a file whose only log calls go through a helper method that is no level method (`logSchema.warning(logger, ...)`)', () => {
    const p = tempProject({
      'package.json': FASTIFY_PKG,
      'src/monitoring/logger.ts': [
        `import pino from 'pino';`,
        `import type { FastifyBaseLogger } from 'fastify';`,
        `export const logger = pino();`,
        `export const logSchema = {`,
        `  warning: (logger: FastifyBaseLogger, message: string, log: object) => logger.warn(log, message),`,
        `};`,
      ].join('\n'),
      'src/db/store.ts': [
        `import { logger, logSchema } from '../monitoring/logger';`,
        `export async function rollback(trx: { rollback(): Promise<void> }) {`,
        `  try { await trx.rollback(); } catch (e) {`,
        `    logSchema.warning(logger, 'rollback failed', { metadata: JSON.stringify({ originalError: String(e) }) });`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/db/store.ts');
      assert.deepEqual(callsOf(r), ['4:4 pino.warning']);
      assert.deepEqual(r.findings.map((f) => `${f.line + 1} ${f.rule}`), ['4 error-not-serialized']);
    } finally {
      p.cleanup();
    }
  });

  it('follows loggers made by exported functions: a typed return, a child of a parameter, through a namespace import', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'shared/observability.ts': [
        `import { pino } from 'pino';`,
        `let made: pino.Logger;`,
        `export function getLogger(level = 'info'): pino.Logger { if (!made) made = pino({ level }); return made; }`,
        `export function extendLoggerComponent(parent: pino.Logger, ...names: string[]) { return parent.child({ component: names.join('/') }); }`,
        `export function notALogger(level: string) { return level; }`,
      ].join('\n'),
      'src/logging.ts': [
        `import * as Observability from '../shared/observability';`,
        `const { getLogger, extendLoggerComponent, notALogger } = Observability;`,
        `export const logger = getLogger();`,
        `export const dbLogger = extendLoggerComponent(logger, 'db');`,
        `export const other = notALogger('x');`,
      ].join('\n'),
      'src/db.ts': [
        `import { dbLogger, logger, other } from './logging';`,
        `export function connect(env: string) {`,
        `  dbLogger.debug(\`connecting to \${env}\`);`,
        `  logger.info('connected');`,
        `  (other as any).info('not a logger');`,
        `}`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(callsOf(p.analyze('src/db.ts')), ['3:2 pino.debug', '4:2 pino.info']);
    } finally {
      p.cleanup();
    }
  });

  it('reads an unbuilt workspace package from its sources when its exports name build output that is not there', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/shared/package.json': JSON.stringify({
        name: '@acme/shared',
        exports: { './observability': { import: { types: './dist/esm/observability/index.d.ts', default: './dist/esm/observability/index.js' } } },
        peerDependencies: { pino: '^9' },
      }),
      'packages/shared/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist', module: 'node16', moduleResolution: 'node16' } }),
      'packages/shared/src/observability/index.ts': `import { pino } from 'pino';\nexport function getLogger(): pino.Logger { return pino(); }\n`,
      'packages/server/package.json': JSON.stringify({ name: '@acme/server', dependencies: { '@acme/shared': 'workspace:*', pino: '^9' } }),
      'packages/server/app.ts': `import { getLogger } from '@acme/shared/observability';\nconst logger = getLogger();\nlogger.info(\`port \${3000}\`);\n`,
    });
    try {
      assert.deepEqual(callsOf(p.analyze('packages/server/app.ts')), ['3:0 pino.info']);
    } finally {
      p.cleanup();
    }
  });

  it("reads an unbuilt workspace package's module named through an exports subpath pattern (Saltcorn's `\"./*\": { import: './dist/*.js' }`), sources beside the package.json", () => {
    const p = tempProject({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/data/package.json': JSON.stringify({
        name: '@acme/data',
        exports: { '.': { import: './dist/index.js' }, './db': { import: './dist/db/index.js' }, './*': { types: './dist/*.d.ts', require: './cjs/*.cjs', import: './dist/*.js' } },
        dependencies: { pino: '^9' },
      }),
      'packages/data/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: '.', outDir: './dist', module: 'NodeNext', moduleResolution: 'NodeNext' } }),
      'packages/data/db/state.ts': `import { pino } from 'pino';\nexport function getLogger(): pino.Logger { return pino(); }\n`,
      'packages/server/package.json': JSON.stringify({ name: '@acme/server', type: 'module', dependencies: { '@acme/data': 'workspace:*', pino: '^9' } }),
      'packages/server/app.ts': `import { getLogger } from '@acme/data/db/state';\nconst logger = getLogger();\nlogger.info(\`port \${3000}\`);\n`,
    });
    try {
      assert.deepEqual(callsOf(p.analyze('packages/server/app.ts')), ['3:0 pino.info']);
    } finally {
      p.cleanup();
    }
  });

  it('follows loggers injected as dependencies: a project type naming a logger, a typed deps object, a default in the pattern, `||`', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/logging.ts': `import pino from 'pino';\nexport const logger = pino();\nexport type Logger = typeof logger;\n`,
      'src/types.ts': `export type { Logger } from './logging';\n`,
      'src/users.ts': [
        `import type { Logger } from './types';`,
        `import { logger as defaultLogger } from './logging';`,
        `export function remove(deps: { logger: Logger; db: unknown }, id: string) {`,
        `  deps.logger.info('deleting');`,
        `  const { logger } = deps;`,
        `  logger.info('deleted');`,
        `}`,
        `export function sync(options?: { logger?: typeof defaultLogger }) {`,
        `  const { logger = defaultLogger } = options || {};`,
        `  logger.debug('syncing');`,
        `}`,
        `export function handle(req: { log?: unknown }) {`,
        `  const logger = req.log || defaultLogger;`,
        `  logger.warn('handled');`,
        `}`,
        `export function other(deps: { db: { info(m: string): void } }) {`,
        `  deps.db.info('not a logger');`,
        `}`,
      ].join('\n'),
    });
    try {
      assert.deepEqual(callsOf(p.analyze('src/users.ts')), ['4:2 pino.info', '6:2 pino.info', '10:2 pino.debug', '14:2 pino.warn']);
    } finally {
      p.cleanup();
    }
  });

  it('reads calls of a logging facade class as log calls: an exported instance, a class exported for `new`, static helpers, inherited methods', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { winston: '^3' } }),
      // Outline's shape: a class wrapping winston, exported as its one instance, a category before the message.
      'src/logging/Logger.ts': [
        `import winston from 'winston';`,
        `class Logger {`,
        `  output: winston.Logger;`,
        `  constructor() { this.output = winston.createLogger(); }`,
        `  info(label: string, message: string, extra?: object) { this.output.info(message, { ...extra, label }); }`,
        `  warn(message: string, extra?: object) { this.output.warn(message, this.sanitize(extra)); }`,
        `  private sanitize(x?: object) { return x; }`,
        `  private trace(message: string) { this.output.debug(message); }`,
        `  count(n: number) { return n + 1; }`,
        `}`,
        `export default new Logger();`,
      ].join('\n'),
      'src/logging/audit.ts': [
        `import winston from 'winston';`,
        `const out = winston.createLogger();`,
        `export class Audit {`,
        `  static record(message: string, fields: object) { out.info(message, fields); }`,
        `  notice(message: string, fields: object) { out.info(message, fields); }`,
        `  warn(message: string) { out.warn(message); }`,
        `}`,
        `export class TaggedAudit extends Audit {}`,
      ].join('\n'),
      'src/jobs/run.ts': [
        `import Logger from '../logging/Logger';`,
        `import { Audit, TaggedAudit } from '../logging/audit';`,
        `export function run(name: string, err: Error) {`,
        `  Logger.info('worker', \`Processing \${name}\`, { name });`,
        `  Logger.warn(\`auth failed: \${err.message}\`);`,
        `  Logger.info('worker', 'done');`,
        `  Logger.count(1); Logger.warn('cache miss', { error: err.message });`,
        `  Audit.record(\`user \${name} signed in\`, { name });`,
        `  const audit = new Audit(); audit.notice(\`entry \${name}\`, { name });`,
        `  new TaggedAudit().warn('constant');`,
        `}`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/jobs/run.ts');
      assert.deepEqual(callsOf(r), ['4:2 winston.info', '5:2 winston.warn', '6:2 winston.info', '7:19 winston.warn', '8:2 winston.record', '9:29 winston.notice', '10:2 winston.warn']);
      assert.deepEqual(
        r.findings.map((f) => `${f.line + 1}:${f.column} ${f.rule}`),
        ['4:24 unstructured-log-message', '5:14 unstructured-log-message', '5:30 error-not-serialized', '7:54 error-not-serialized', '8:15 unstructured-log-message', '9:42 unstructured-log-message'],
      );
    } finally {
      p.cleanup();
    }
  });

  it('keeps a class that only holds a logger, or whose methods log their own text, out of the log calls', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/service.ts': [
        `import pino from 'pino';`,
        `const logger = pino();`,
        `class Repo {`,
        `  find(id: string) { logger.info({ id }, 'find'); return id; }`,
        `}`,
        `const repo = new Repo();`,
        `export function get(name: string) { return repo.find(\`by \${name}\`); }`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/service.ts');
      assert.deepEqual(callsOf(r), ['4:21 pino.info']);
      assert.deepEqual(r.findings, []);
    } finally {
      p.cleanup();
    }
  });

  it('follows a class\'s log helpers called on `this`, and helpers that call other helpers (a facade\'s fatal calling its error)', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { winston: '^3' } }),
      'src/logging/Logger.ts': [
        `import winston from 'winston';`,
        `class Logger {`,
        `  output = winston.createLogger();`,
        `  error(message: string, error: Error) { this.output.error(message, { stack: error.stack }); }`,
        `  fatal(message: string, error: Error) { this.error(message, error); process.exit(1); }`,
        `}`,
        `export default new Logger();`,
      ].join('\n'),
      'src/jobs/sync.ts': [
        `import Logger from '../logging/Logger';`,
        `import winston from 'winston';`,
        `export class Sync {`,
        `  private out = winston.createLogger();`,
        `  private log(message: string) { this.out.info(message); }`,
        `  run(key: string, err: Error) {`,
        `    this.log(\`synced \${key}\`);`,
        `    Logger.fatal(\`cannot decrypt \${key}\`, err);`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/jobs/sync.ts');
      assert.deepEqual(callsOf(r), ['5:33 winston.info', '7:4 winston.log', '8:4 winston.fatal']);
      assert.deepEqual(r.findings.map((f) => `${f.line + 1}:${f.column} ${f.rule}`), ['7:13 unstructured-log-message', '8:17 unstructured-log-message']);
    } finally {
      p.cleanup();
    }
  });

  it("follows a project's own logger interface (Unleash's, in a module built on log4js), passed on by a module that imports it then lists it in an export, and loggers made by its factory type through a config interface", () => {
    const p = tempProject({
      'package.json': JSON.stringify({ dependencies: { log4js: '^6' } }),
      'src/logger.ts': [
        `import pkg from 'log4js';`,
        `export type LogProvider = (category?: string) => Logger;`,
        `export interface Logger {`,
        `  debug(message: any, ...args: any[]): void;`,
        `  info(message: any, ...args: any[]): void;`,
        `  warn(message: any, ...args: any[]): void;`,
        `  error(message: any, ...args: any[]): void;`,
        `}`,
        `export interface Metrics { inc(name: string): void; info(): string }`,
        `export const getDefaultLogProvider = (): LogProvider => pkg.getLogger;`,
      ].join('\n'),
      'src/server-impl.ts': `import { type Logger, type Metrics } from './logger';\nexport { Logger, Metrics };\n`,
      'src/types/option.ts': `import type { LogProvider } from '../logger';\nexport interface UnleashConfig { getLogger: LogProvider; port: number }\n`,
      'src/util/postgres-version-checker.ts': [
        `import type { UnleashConfig } from '../types/option';`,
        `export function warnOldPostgres(config: UnleashConfig, version: string) {`,
        `  const logger = config.getLogger('postgres');`,
        `  logger.info(\`Running PostgreSQL \${version}\`);`,
        `}`,
      ].join('\n'),
      'src/tokens.ts': [
        `import type { Logger, Metrics } from './server-impl';`,
        `export class TokenService {`,
        `  private logger: Logger;`,
        `  constructor(getLogger: (name: string) => Logger, private metrics: Metrics) { this.logger = getLogger('tokens'); }`,
        `  clean(deleted: string[]) {`,
        `    this.logger.debug(\`Invalidated \${deleted.length} tokens\`);`,
        `    this.metrics.info();`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    try {
      const r = p.analyze('src/tokens.ts');
      assert.deepEqual(callsOf(r), ['6:4 log4js.debug']);
      assert.deepEqual(r.findings.map((f) => `${f.line + 1} ${f.rule}`), ['6 unstructured-log-message']);
      // A config object typed with the project's interface whose member is a logger factory type (`getLogger: LogProvider`).
      const v = p.analyze('src/util/postgres-version-checker.ts');
      assert.deepEqual(callsOf(v), ['4:2 log4js.info']);
      assert.deepEqual(v.findings.map((f) => `${f.line + 1} ${f.rule}`), ['4 unstructured-log-message']);
    } finally {
      p.cleanup();
    }
  });
});
