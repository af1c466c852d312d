// Which imports say where a file gets its logger from (model/loggerImports.ts): facts.ts counts them
// to tell a package's own logging module from one the model merely sees creating a logger.
import * as assert from 'node:assert/strict';
import { loggerImportSpecifiers } from '../../../server/src/analysis/model/loggerImports';

describe('logger import specifiers', () => {
  it('reads default, named, renamed and combined imports and require bindings named logger or log', () => {
    const text = [
      "import logger from '../logger';",
      "import { logger as appLogger, other } from './facade';",
      "import def, { log } from \"./log\";",
      "const { logger } = require('../cjs/logger');",
      "const log = require('./plain');",
      "let { log: l } = require('./renamed');",
    ].join('\n');
    assert.deepEqual(loggerImportSpecifiers(text), ['../logger', './facade', './log', '../cjs/logger', './plain', './renamed']);
  });

  it('ignores imports of other names, type-free text that only mentions a logger, and dynamic imports', () => {
    const text = [
      "import { createLogger } from './factory';",
      "import catalog from './catalog';",
      "const blog = require('./blog');",
      "// import logger from './commented-out' is not real code but reads like it: counted",
      "const message = 'the logger from the settings';",
      "const mod = await import('./logger');",
    ].join('\n');
    assert.deepEqual(loggerImportSpecifiers(text), ['./commented-out']);
  });

  it('lists a specifier once however many times it is imported', () => {
    assert.deepEqual(loggerImportSpecifiers("import logger from './l';\nimport { log } from './l';\n"), ['./l']);
  });

  it('ignores type-only imports, whole or per name: they load no logger', () => {
    const text = [
      "import type { logger } from './types-only';",
      "import type log from './default-type';",
      "import { type logger as L, other } from './named-type';",
      "import { type Log, logger } from './kept';",
    ].join('\n');
    assert.deepEqual(loggerImportSpecifiers(text), ['./kept']);
  });
});
