// In a real workbench with the installed .vsix: obs-lens.config.json is validated by the editor with
// the schema the extension contributes (package.json jsonValidation), so a misspelt rule id and a
// value of the wrong type show in Problems, in the schema's own words, where they are written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../shared/src/settings';
import { makeProject } from './fixtures';
import { useWorkbench } from './session';
import * as ui from './ui';

describe('workbench: obs-lens.config.json validated by its schema (trusted workspace)', function () {
  const folder = makeProject();
  fs.writeFileSync(path.join(folder, CONFIG_FILE_NAME), '{\n  "rules": {\n    "console-loging": "off"\n  },\n  "enable": "yes"\n}\n');
  const session = useWorkbench(() => ({ folder, trusted: true }));

  it('shows a misspelt rule id and a wrongly typed value as problems of the file', async function () {
    const { page } = session.wb;
    await ui.openFile(page, CONFIG_FILE_NAME);
    await ui.showProblems(page);
    const rows = await ui.waitForProblem(page, 'the misspelt rule id', (r) => r.file === CONFIG_FILE_NAME && r.message.includes('console-loging'));
    const inFile = rows.filter((r) => r.file === CONFIG_FILE_NAME);
    const misspelt = inFile.find((r) => r.message.includes('console-loging'));
    assert.equal(misspelt?.position, '[Ln 3, Col 5]', JSON.stringify(inFile));
    // The schema's errorMessage, the words the CLI prints too.
    const wrongType = inFile.find((r) => r.message.includes('must be true or false'));
    assert.equal(wrongType?.position, '[Ln 5, Col 13]', JSON.stringify(inFile));
    await session.wb.screenshot('config-schema');
  });
});
