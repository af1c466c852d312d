// A handler file's result depends on other files of its service (the logger module's mixin, the
// middleware): when one of them changes what the service's request context is, the file's cached
// result is no longer current (the language server and `check --cache` re-analyse it).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { noteFile } from '../../../server/src/analysis';
import { tempProject } from '../analysis/helpers';

describe('request context: cached results', () => {
  it('a mixin added to the logger module makes the handler file\'s result stale, and its finding goes away', () => {
    const logger = "const pino = require('pino');\nconst { AsyncLocalStorage } = require('node:async_hooks');\nconst als = new AsyncLocalStorage();\nmodule.exports = { logger: pino(), als };\n";
    const withMixin = logger.replace('pino()', 'pino({ mixin: () => ({ requestId: als.getStore()?.id }) })');
    const p = tempProject({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4', pino: '^9', 'pino-http': '^10' } }),
      'src/logger.js': logger,
      'src/app.js': "const express = require('express');\nconst pinoHttp = require('pino-http');\nconst { logger } = require('./logger');\nconst app = express();\napp.use(pinoHttp());\napp.get('/x', (req, res) => {\n  logger.info('x');\n  res.end();\n});\n",
    });
    try {
      const first = p.analyze('src/app.js');
      assert.deepEqual(first.findings.filter((f) => f.rule === 'handler-missing-request-context').map((f) => f.line + 1), [7]);
      const file = path.join(p.root, 'src', 'app.js');
      assert.ok(p.model.inputsUnchanged(file, first.inputs!), 'nothing changed yet');
      noteFile(p.model, path.join(p.root, 'src', 'logger.js'), withMixin);
      assert.ok(!p.model.inputsUnchanged(file, first.inputs!), 'stale once the logger reads the context');
      const again = p.analyze('src/app.js');
      assert.deepEqual(again.findings.filter((f) => f.rule === 'handler-missing-request-context'), []);
    } finally {
      p.cleanup();
    }
  });
});
