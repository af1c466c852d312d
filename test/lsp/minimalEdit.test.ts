// Fix-all sends one minimal edit (only the changed middle), so the editor keeps the cursor,
// folding and undo granularity; it must never split a CRLF or a surrogate pair.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { minimalEdit } from '../../server/src/lsp/codeActions';
import { applyTextEdits } from '../support/lspClient';

function check(before: string, after: string): ReturnType<typeof minimalEdit> {
  const edit = minimalEdit(TextDocument.create('file:///x.ts', 'typescript', 1, before), before, after);
  assert.equal(applyTextEdits(before, [edit]), after);
  return edit;
}

describe('fix-all minimal edit', () => {
  it('replaces only the changed middle', () => {
    const edit = check('a\nconsole.log(x);\nb\n', 'a\nlogger.info(x);\nb\n');
    assert.deepEqual(edit.range.start, { line: 1, character: 0 });
    assert.ok(edit.newText.length < 'logger.info(x);'.length + 1);
  });

  it('handles insertions, deletions and identical texts', () => {
    check('abc', 'abXc');
    check('abXc', 'abc');
    assert.equal(check('same', 'same').newText, '');
    check('', 'new');
    check('old', '');
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const edit = check('a\r\nb', 'a\r\r\nb');
    assert.notEqual(edit.newText.startsWith('\n'), true);
    check('x😀y', 'x😁y');
    const emoji = minimalEdit(TextDocument.create('file:///x.ts', 'typescript', 1, 'x😀y'), 'x😀y', 'x😁y');
    assert.equal(emoji.newText, '😁');
  });
});
