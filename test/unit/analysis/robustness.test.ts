// Bad input gets a clear answer, never an exception: huge files, absurd nesting, syntax errors, CRLF and BOM.
import * as assert from 'node:assert/strict';
import { callsOf, tempProject } from './helpers';

const PKG = JSON.stringify({ dependencies: { pino: '^9' } });
const LOGGER = `import pino from 'pino';\nexport const logger = pino();\n`;

describe('engine robustness', () => {
  it('skips a 10 MB generated file and says why', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const big = `export const data = [\n${'  "0123456789abcdef0123456789abcdef0123456789abcdef",\n'.repeat(200_000)}];\n`;
      assert.ok(big.length > 10_000_000);
      const r = p.analyze('src/generated.ts', big);
      // Exact figures: rounded ones read "2.0 MB, over the 2.0 MB limit" for a file a byte over.
      assert.equal(r.skipped, `file is ${Buffer.byteLength(big).toLocaleString('en-US')} bytes, over the 2,097,152-byte limit (generated or bundled code is not analysed)`);
      assert.deepEqual(r.findings, []);
    } finally {
      p.cleanup();
    }
  });

  it('survives 50,000 nested parentheses and a 20,000-term concatenation', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const nested = `import { logger } from './logger';\nconst x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};\nlogger.info('after');\n`;
      const r1 = p.analyze('src/nested.ts', nested);
      // Either analysed (the call after it found) or skipped with a reason: never an exception.
      assert.ok(r1.skipped ? /nests too deeply|internal error/.test(r1.skipped) : callsOf(r1).includes('3:0 pino.info'), JSON.stringify(r1.skipped));
      const chain = `import { logger } from './logger';\nlogger.info(${Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(' + ')});\n`;
      const r2 = p.analyze('src/chain.ts', chain);
      assert.equal(r2.skipped, undefined);
      assert.deepEqual(callsOf(r2), ['2:0 pino.info']);
    } finally {
      p.cleanup();
    }
  });

  it('a console call of a message variable built by a 20,000-term concatenation: answered, its fix offered', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const terms = Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(' + ');
      const text = `export function report(${Array.from({ length: 3 }, (_, i) => `v${i}: number`).join(', ')}) {\n  const message = ${terms} + ' items';\n  console.error(message);\n}\n`;
      const r = p.analyze('src/report.ts', text);
      assert.equal(r.skipped, undefined);
      const finding = r.findings.find((f) => f.rule === 'console-logging');
      assert.ok(finding, JSON.stringify(r.findings.map((f) => f.rule)));
      assert.equal(finding.fixes?.[0]?.safe, true, JSON.stringify(finding.fixes));
    } finally {
      p.cleanup();
    }
  });

  it("a 30,000-term `||` chain of an error's texts as pino's message, and names of an error defined by each other: answered, no rule fails", () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const chain = `import { logger } from './logger';\ntry { run(); } catch (e) {\n  logger.info(${Array.from({ length: 30_000 }, (_, i) => (i % 2 ? 'e.message' : 'e.stack')).join(' || ')});\n}\n`;
      const r1 = p.analyze('src/fallbacks.ts', chain);
      assert.deepEqual([r1.skipped, r1.ruleErrors], [undefined, undefined]);
      assert.deepEqual(callsOf(r1), ['3:2 pino.info']);
      // `var a = b; var b = toError(a)`: each name's declaration leads to the other's.
      const cycle = `import { logger } from './logger';\ntry { run(); } catch (err) {\n  var a = b; var b = toError(a); const c = toError(c);\n  logger.error(a.message);\n  logger.error(c.message);\n}\n`;
      const r2 = p.analyze('src/cycle.ts', cycle);
      assert.deepEqual([r2.skipped, r2.ruleErrors], [undefined, undefined]);
      assert.deepEqual(callsOf(r2), ['4:2 pino.error', '5:2 pino.error']);
    } finally {
      p.cleanup();
    }
  });

  /** `logger.error('a0' + x0 + 'a1' + x1 + ... + err.message)` in a catch block: `terms` terms in one message. */
  function concatenation(terms: number): string {
    const parts = Array.from({ length: terms - 1 }, (_, i) => (i % 2 === 0 ? `'a${i}'` : `x${i}`));
    return `import { logger } from './logger';\nexport function run(): void {\n  try {\n    work();\n  } catch (err) {\n    logger.error(${parts.join(' + ')} + err.message);\n  }\n}\n`;
  }

  it('does work in proportion to the terms of a long `+` chain, every rule included', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const small = p.analyze('src/small.ts', concatenation(2_000));
      const large = p.analyze('src/large.ts', concatenation(20_000));
      for (const r of [small, large]) {
        assert.equal(r.skipped, undefined, r.skipped);
        // Every rule saw the message: built by concatenation, and an error logged as text inside it.
        assert.deepEqual(r.findings.map((f) => f.rule).sort(), ['error-not-serialized', 'unstructured-log-message']);
      }
      assert.ok(small.steps! > 2_000, `the walks count their steps (${small.steps})`);
      // Ten times the terms, ten times the work (a walk per term over the chain above it would be a hundred).
      assert.ok(large.steps! < small.steps! * 10 * 1.2 + 1_000, `20,000 terms: ${large.steps} steps; 2,000 terms: ${small.steps}`);
    } finally {
      p.cleanup();
    }
  });

  it('takes the constant message out of text with a long run of spaces without backtracking', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      // Trimming `saved <200,000 spaces> in` with `\s+in$` or `[\s:=]+$` tries every start in the run: quadratic.
      const spaces = ' '.repeat(200_000);
      const r = p.analyze('src/spaces.ts', `import { logger } from './logger';\nexport function save(ms: number): void {\n  logger.info('saved${spaces}in' + ms + '${spaces}:');\n}\n`);
      const [finding] = r.findings;
      assert.equal(finding?.rule, 'unstructured-log-message');
      // Every constant word stays; the field's name stands in for the value after `in` (messageText.ts).
      assert.equal(finding.fixes[0]?.edits[0]?.newText, `{ ms }, 'saved in ms'`);
    } finally {
      p.cleanup();
    }
  });

  it('analyses what it can of a file that does not parse, and counts the errors', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const r = p.analyze('src/broken.ts', `import { logger } from './logger';\nlogger.info('ok');\nfunction (\n  const = ;\n`);
      assert.ok(r.parseErrors > 0);
      assert.deepEqual(callsOf(r), ['2:0 pino.info']);
    } finally {
      p.cleanup();
    }
  });

  it('reports positions in UTF-16 columns through CRLF line endings and a BOM', () => {
    const p = tempProject({ 'package.json': PKG, 'src/logger.ts': LOGGER });
    try {
      const text = `\uFEFFimport { logger } from './logger';\r\n\r\nconst é = '😀';\r\n  logger.info('x'); logger.warn('y');\r\n`;
      assert.deepEqual(callsOf(p.analyze('src/crlf.ts', text)), ['4:2 pino.info', '4:20 pino.warn']);
      // Editors do not count the BOM as a character of the first line.
      const first = `\uFEFFconsole.log('a'); console.log('b');\r\n`;
      assert.deepEqual(callsOf(p.analyze('src/bom.ts', first)), ['1:0 console.log', '1:18 console.log']);
    } finally {
      p.cleanup();
    }
  });
});
