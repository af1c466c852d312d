// In a real, trusted VS Code workbench: the extension's findings show in the Problems panel and as
// squiggles, and its quick fix rewrites the code and clears the finding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_SOURCE, isRuleId } from '../../shared/src/rules';
import { locate, makeProject } from './fixtures';
import { waitFor } from './harness';
import { useWorkbench } from './session';
import * as ui from './ui';

describe('workbench: diagnostics and quick fix (trusted workspace)', function () {
  const folder = makeProject();
  const session = useWorkbench(() => ({ folder, trusted: true }));
  // The example's handler logs with console.log; the stand-in project does the same in src/app.ts.
  const file = fs.existsSync(path.join(folder, 'src', 'routes', 'users.ts')) ? 'src/routes/users.ts' : 'src/app.ts';
  const abs = path.join(folder, file);
  const consoleCall = locate(abs, 'console.log(');
  const original = fs.readFileSync(abs, 'utf8');
  const consoleLine = original.split('\n')[consoleCall.line - 1];

  it('lists the findings in Problems with source and rule id, and squiggles them', async function () {
    const { page } = session.wb;
    await ui.openFile(page, file);
    await ui.showProblems(page);
    const rows = await ui.waitForProblem(page, `source ${DIAGNOSTIC_SOURCE} and code console-logging`, (r) => r.source === DIAGNOSTIC_SOURCE && r.code === 'console-logging' && r.file === path.basename(file));
    const ours = rows.filter((r) => r.source === DIAGNOSTIC_SOURCE);
    for (const row of ours) assert.ok(isRuleId(row.code), `Problems row with an unknown rule code: ${JSON.stringify(row)}`);
    const consoleRow = ours.find((r) => r.code === 'console-logging');
    assert.equal(consoleRow?.position, `[Ln ${consoleCall.line}, Col ${consoleCall.column}]`);
    assert.equal(consoleRow?.file, path.basename(file));
    assert.ok((await ui.waitForSquiggles(page)) > 0);
    await session.wb.screenshot('problems-panel');
  });

  it('offers the quick fix at the finding, applies it, and the finding goes away', async function () {
    const { page } = session.wb;
    await ui.openFile(page, file);
    await ui.goToPosition(page, consoleCall.line, consoleCall.column + 2);
    await ui.openQuickFixes(page);
    // The console-logging fix names the logger call it writes, e.g. "Replace with req.log.info(...)".
    const applied = await ui.applyQuickFix(page, /^Replace with [\w$.]+\.(trace|debug|info|warn|error|fatal)\(/);
    const call = (/^Replace with ([\w$.]+\()/.exec(applied) as RegExpExecArray)[1];
    await ui.waitForDirty(page);
    await ui.save(page);

    const saved = fs.readFileSync(abs, 'utf8');
    assert.notEqual(saved, original, `"${applied}" did not change the file`);
    assert.ok(!saved.includes(consoleLine.trim()), `"${applied}" left the console call in place:\n${saved}`);
    const count = (text: string) => text.split(call).length - 1;
    assert.equal(count(saved), count(original) + 1, `"${applied}" did not write one more ${call} call:\n${saved}`);

    await ui.showProblems(page);
    await waitFor('the console-logging finding to leave Problems', async () => {
      const rows = await ui.problemRows(page);
      return !rows.some((r) => r.source === DIAGNOSTIC_SOURCE && r.code === 'console-logging' && r.file === path.basename(file));
    });
  });
});
