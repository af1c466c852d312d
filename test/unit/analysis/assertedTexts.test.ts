// The texts a project's tests assert spies were called with (model/assertedTexts.ts), which keep a
// fix of the asserted log call from being applied by fix-all.
import * as assert from 'node:assert/strict';
import { AssertedTextIndex, assertedTexts } from '../../../server/src/analysis/model/assertedTexts';

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
    assert.notEqual(index.digest, new AssertedTextIndex(['another text to assert']).digest);
    assert.equal(new AssertedTextIndex([]).digest, '');
  });
});

describe('texts asserted by tests: words a value completes', () => {
  it("finds a run whose first word a value completes (`${kind}Service started`) in the test's whole word", () => {
    const index = new AssertedTextIndex(['userService started for tenant acme']);
    assert.equal(index.containsInOrder(['Service started for tenant']), true);
    assert.equal(index.containsInOrder(['Service stopped']), false);
  });
});
