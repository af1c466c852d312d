// The texts a project's tests assert spies were called with (model/assertedTexts.ts), and the console
// methods they spy on (model/consoleSpies.ts), which keep a fix of such a log call from being applied by fix-all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noteFile } from '../../../server/src/analysis';
import { AssertedTextIndex, assertedTexts } from '../../../server/src/analysis/model/assertedTexts';
import { consoleMethodsSpied } from '../../../server/src/analysis/model/consoleSpies';
import type { FileAnalysis } from '../../../server/src/analysis/types';
import { tempProject, type TempProject } from './helpers';

describe('texts asserted by tests', () => {
  it("reads a spy assertion file's string and template literals (a substitution as NUL), trimmed, eight characters or more", () => {
    const text = [
      "expect(logger.debug).toHaveBeenCalledWith(`Generated new MFA secret for user ${userUuid}`);",
      "expect(mockLoggerError).toHaveBeenCalledWith('[Lifecycle]: ObjectCreated:Post tenant-a/bucket-a/path/file.png - FAILED');",
      'sinon.assert.calledWith(log.warn, "retrying soon");',
      "expect(x).toBe('short');",
    ].join('\n');
    assert.deepEqual(assertedTexts(text), ['Generated new MFA secret for user \0', '[Lifecycle]: ObjectCreated:Post tenant-a/bucket-a/path/file.png - FAILED', 'retrying soon']);
  });

  it('reads nothing of a file that asserts no spy call', () => {
    assert.deepEqual(assertedTexts("it('works', () => { expect(add(1, 2)).toBe(3); log('a long enough text'); });"), []);
  });

  it("finds a message's runs, in order, inside one asserted text, case kept", () => {
    const index = new AssertedTextIndex(['[Lifecycle]: ObjectCreated:Post tenant-a/bucket-a/path/file.png - FAILED', 'Generated new MFA secret for user']);
    assert.equal(index.containsInOrder(['[Lifecycle]:', '- FAILED']), true);
    assert.equal(index.containsInOrder(['- FAILED', '[Lifecycle]:']), false, 'out of order');
    assert.equal(index.containsInOrder(['[Lifecycle]:', '- SUCCEEDED']), false, 'another message with the same prefix');
    assert.equal(index.containsInOrder(['Generated new MFA secret for user']), true);
    assert.equal(index.containsInOrder(['generated new mfa secret']), false);
    assert.equal(index.containsInOrder(['job finished']), false);
  });
});

describe('texts asserted by tests: words a value completes', () => {
  it("finds a run whose first word a value completes (`${kind}Service started`) in the test's whole word", () => {
    const index = new AssertedTextIndex(['userService started for tenant acme']);
    assert.equal(index.containsInOrder(['Service started for tenant']), true);
    assert.equal(index.containsInOrder(['Service stopped']), false);
  });
});

describe('texts asserted by tests: what a cached result depends on', () => {
  let p: TempProject | undefined;
  afterEach(() => p?.cleanup());

  it("keeps a result while every message it asked about is asserted as before, whatever else a test file's literals say", () => {
    p = tempProject({
      'package.json': JSON.stringify({ dependencies: { pino: '^9' } }),
      'src/logger.ts': `import pino from 'pino';\nexport const logger = pino();\n`,
      'src/orders.ts': "import { logger } from './logger';\nexport function ship(id: string) {\n  logger.info(`order ${id} shipped to the customer`);\n}\n",
      'src/users.ts': "import { logger } from './logger';\nexport function remove(id: string) {\n  logger.info(`user ${id} removed from the account`);\n}\n",
      'src/orders.test.ts': "it('ships', () => {\n  expect(logger.info).toHaveBeenCalledWith('order 1 shipped to the customer');\n  expect(label).toBe('a first label');\n});\n",
    });
    const orders = path.join(p.root, 'src/orders.ts');
    const users = path.join(p.root, 'src/users.ts');
    const testFile = path.join(p.root, 'src/orders.test.ts');
    const ordersResult = p.analyze('src/orders.ts');
    const usersResult = p.analyze('src/users.ts');
    const fixOf = (r: FileAnalysis) => r.findings.find((f) => f.rule === 'unstructured-log-message')!.fixes.find((f) => f.kind === 'fix')!;
    assert.equal(fixOf(ordersResult).safe, false, 'the asserted message is not rewritten by fix-all');
    assert.equal(fixOf(usersResult).safe, true);
    // Another literal of the test file changes: no message's answer does, so both results stand.
    noteFile(p.model, testFile, fs.readFileSync(testFile, 'utf8').replace('a first label', 'a second label'));
    assert.equal(p.model.inputsUnchanged(orders, ordersResult.inputs!), true);
    assert.equal(p.model.inputsUnchanged(users, usersResult.inputs!), true);
    // The test now asserts the users' message instead: both answers change, both results are stale.
    noteFile(p.model, testFile, "it('removes', () => {\n  expect(logger.info).toHaveBeenCalledWith('user 1 removed from the account');\n});\n");
    assert.equal(p.model.inputsUnchanged(orders, ordersResult.inputs!), false);
    assert.equal(p.model.inputsUnchanged(users, usersResult.inputs!), false);
    assert.equal(fixOf(p.analyze('src/users.ts')).safe, false);
    assert.equal(fixOf(p.analyze('src/orders.ts')).safe, true);
  });
});

describe('console methods spied on by tests', () => {
  it('reads the console methods a test spies on or replaces, when it asserts calls', () => {
    const text = [
      "const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});",
      'sinon.stub(console, "warn");',
      'console.log = jest.fn();',
      'expect(errorSpy).toHaveBeenCalledWith(message, { issues });',
    ].join('\n');
    assert.deepEqual(consoleMethodsSpied(text), ['error', 'log', 'warn']);
  });

  it('reads nothing of a test that only silences console, or of other code', () => {
    assert.deepEqual(consoleMethodsSpied("vi.spyOn(console, 'error').mockImplementation(() => {});\nexpect(run()).toBe(1);\n"), []);
    assert.deepEqual(consoleMethodsSpied("console.error('failed');\nexpect(x).toHaveBeenCalledWith(1);\n"), []);
  });
});
