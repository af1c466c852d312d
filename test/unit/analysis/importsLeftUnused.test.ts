// What fix-all removes after its fixes (importsLeftUnused.ts): the shapes of import statements it
// edits, and what it must leave alone. Each text pair is a file before and after fixes as fix-all
// would produce it; the cleaned text must read as a person would have written it.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/analysis/edits';
import { importsLeftUnused } from '../../../server/src/analysis/importsLeftUnused';
import { parseSource } from '../../../server/src/analysis/parse';

function cleaned(before: string, after: string, file = 'src/a.ts'): string {
  const edits = importsLeftUnused(parseSource(file, before), parseSource(file, after), /\.tsx?$/.test(file));
  return applyEdits(after, edits);
}

describe('imports fix-all left unused', () => {
  it('removes a whole import statement, its line break with it, CRLF too', () => {
    const before = "import express from 'express';\r\nimport { logger } from './logger';\r\n\r\nlogger.info('x');\r\nexpress();\r\n";
    const after = "import express from 'express';\r\nimport { logger } from './logger';\r\n\r\nreq.log.info('x');\r\nexpress();\r\n";
    assert.equal(cleaned(before, after), "import express from 'express';\r\n\r\nreq.log.info('x');\r\nexpress();\r\n");
  });

  it('takes one name out of a list, on one line or one per line (keeping a trailing comma)', () => {
    assert.equal(cleaned("import { a, logger, b } from './x';\nlogger.info(a, b);\n", "import { a, logger, b } from './x';\nreq.log.info(a, b);\n"), "import { a, b } from './x';\nreq.log.info(a, b);\n");
    const before = "import {\n  a,\n  logger,\n  b,\n} from './x';\nlogger.info(a, b);\n";
    const after = "import {\n  a,\n  logger,\n  b,\n} from './x';\nreq.log.info(a, b);\n";
    assert.equal(cleaned(before, after), "import {\n  a,\n  b,\n} from './x';\nreq.log.info(a, b);\n");
  });

  it('removes a require destructuring the fixes added, and a default or namespace import', () => {
    assert.equal(cleaned("function h(req) {\n  console.log('x');\n}\n", "const { logger } = require('./logger');\nfunction h(req) {\n  req.log.info('x');\n}\n", 'src/a.js'), "function h(req) {\n  req.log.info('x');\n}\n");
    assert.equal(cleaned("import log from './log';\nimport * as l from './l';\nlog.info(l);\n", "import log from './log';\nimport * as l from './l';\nreq.log.info(1);\n"), 'req.log.info(1);\n');
  });

  it('removes an import the fixes added and did not end up using', () => {
    const before = 'function h(req) {\n  console.log(1);\n}\n';
    const after = "import { logger } from './logger';\nfunction h(req) {\n  req.log.info(1);\n}\n";
    assert.equal(cleaned(before, after, 'src/a.js'), 'function h(req) {\n  req.log.info(1);\n}\n');
  });

  it('keeps what is still used anywhere (a type, an export, a shorthand property, a shadowing local), was unused before, or is type-only', () => {
    const before = "import { logger, Log, other, type T, kept } from './x';\nlogger.info(other);\n";
    for (const use of ['const l: Log = 1;', 'export { other };', 'f({ other });', 'function g() { const other = 1; return other; }']) {
      const after = `import { logger, Log, other, type T, kept } from './x';\nreq.log.info(1);\n${use}\n`;
      const out = cleaned(before, after);
      assert.ok(out.includes('type T') && out.includes('kept'), `${use}: the type-only import and the one unused before stay: ${out}`);
      const name = use.includes('Log') ? 'Log' : 'other';
      assert.ok(out.startsWith('import {') && out.split('\n')[0].includes(name), `${use}: ${name} stays: ${out}`);
      assert.ok(!out.split('\n')[0].includes('logger'), `${use}: logger goes: ${out}`);
    }
  });

  it('does not count a member name as a use (x.logger, { logger: 1 }, a class field)', () => {
    const before = "import { logger } from './x';\nlogger.info(1);\n";
    const after = "import { logger } from './x';\nreq.log.info(1);\nthis.logger = { logger: 1 };\nclass A { logger = 1; }\n";
    assert.equal(cleaned(before, after), "req.log.info(1);\nthis.logger = { logger: 1 };\nclass A { logger = 1; }\n");
  });

  it('keeps an import that was there before where it loads its module (JavaScript, a require anywhere), removes it in TypeScript', () => {
    const before = "const { logger } = require('./logger');\nlogger.info('x');\n";
    const after = "const { logger } = require('./logger');\nreq.log.info('x');\n";
    assert.equal(cleaned(before, after, 'src/a.js'), after);
    assert.equal(cleaned(before, after, 'src/a.ts'), after, 'TypeScript never drops a require');
    const esmBefore = "import { logger } from './logger';\nlogger.info('x');\n";
    const esmAfter = "import { logger } from './logger';\nreq.log.info('x');\n";
    assert.equal(cleaned(esmBefore, esmAfter, 'src/a.js'), esmAfter);
    assert.equal(cleaned(esmBefore, esmAfter, 'src/a.ts'), "req.log.info('x');\n");
  });

  it('puts the names on one line when the first sits on the brace line, and leaves a list with comments as it is', () => {
    assert.equal(cleaned("import { a, logger,\n  b } from './x';\nlogger.info(a, b);\n", "import { a, logger,\n  b } from './x';\nreq.log.info(a, b);\n"), "import { a, b } from './x';\nreq.log.info(a, b);\n");
    const commented = "import {\n  a, // the first\n  logger,\n  b,\n} from './x';\nreq.log.info(a, b);\n";
    assert.equal(cleaned(commented.replace('req.log', 'logger'), commented), commented);
  });

  it('walks a tree 20,000 deep (a + chain: left-nested binary expressions) without overflowing the stack', () => {
    const deep = `logger${' + x'.repeat(20000)}`;
    const before = `import { logger, gone } from './x';\ngone(${deep});\n`;
    const after = `import { logger, gone } from './x';\nreq.log.info(${deep});\n`;
    assert.equal(cleaned(before, after).split('\n')[0], "import { logger } from './x';");
  });
});
