// The project model: library, module style, the project's own logger module, file kinds.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { classifyFile, findCallSites } from '../../../server/src/analysis';
import { tempProject } from './helpers';

describe('project model', () => {
  it('detects the logger module by what it exports, not by its name', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ type: 'module', dependencies: { winston: '^3' } }),
      'src/observability/out.ts': `import winston from 'winston';\nexport const appLog = winston.createLogger({});\n`,
      'src/logger.ts': `export const logger = { info() {} };\n`,
    });
    try {
      const facts = p.model.factsFor(path.join(p.root, 'src/app.ts'));
      assert.equal(facts.library, 'winston');
      assert.equal(facts.moduleStyle, 'esm');
      assert.deepEqual(facts.loggerModule, { absPath: path.join(p.root, 'src/observability/out'), file: path.join(p.root, 'src/observability/out.ts'), exportName: 'appLog', library: 'winston' });
    } finally {
      p.cleanup();
    }
  });

  it('classifies tests, scripts and CLI entry points apart from service code', () => {
    const p = tempProject({
      'package.json': JSON.stringify({ bin: { tool: './src/tool.js' }, dependencies: { pino: '^9' } }),
      'src/tool.js': `console.log('hi');\n`,
      'src/run.ts': `#!/usr/bin/env node\nconsole.log('x');\n`,
    });
    try {
      const kind = (rel: string) => classifyFile(p.model, path.join(p.root, rel));
      assert.equal(kind('src/routes/users.ts'), 'service');
      assert.equal(kind('src/users.test.ts'), 'test');
      assert.equal(kind('test/helpers.ts'), 'test');
      assert.equal(kind('src/__tests__/a.ts'), 'test');
      assert.equal(kind('scripts/seed.ts'), 'script');
      assert.equal(kind('src/tool.js'), 'cli');
      assert.equal(kind('src/run.ts'), 'cli');
    } finally {
      p.cleanup();
    }
  });
});

describe('findCallSites', () => {
  const analyses = [
    { path: '/w/a.ts', logCalls: [{ line: 3, column: 2, library: 'pino' as const, method: 'info', template: 'order saved', fieldKeys: ['orderId'] }] },
    {
      path: '/w/b.ts',
      logCalls: [
        { line: 9, column: 0, library: 'pino' as const, method: 'info', template: 'order *', fieldKeys: [] },
        { line: 12, column: 0, library: 'pino' as const, method: 'info', template: 'user %s saved', fieldKeys: [] },
        { line: 20, column: 0, library: 'pino' as const, method: 'info', template: null, fieldKeys: [] },
      ],
    },
  ];

  it('ranks the exact constant message first, then templates', () => {
    const sites = findCallSites(analyses, 'order saved', { orderId: 1 });
    assert.deepEqual(sites.map((s) => `${s.path}:${s.line}`), ['/w/a.ts:3', '/w/b.ts:9']);
  });

  it('matches printf-style and template messages and finds nothing for unknown messages', () => {
    assert.deepEqual(findCallSites(analyses, 'user 42 saved', {}).map((s) => s.line), [12]);
    assert.deepEqual(findCallSites(analyses, 'no such message', {}), []);
  });
});
