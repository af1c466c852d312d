// In a real workbench with the installed .vsix: "Show Output" shows the server's own log (it started,
// with its version, and what the workspace scan did), and the walkthrough opens with its steps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, REPO_ROOT } from './fixtures';
import { waitFor } from './harness';
import { useWorkbench } from './session';
import * as ui from './ui';

describe('workbench: output channel and walkthrough (trusted workspace)', function () {
  const folder = makeProject();
  const session = useWorkbench(() => ({ folder, trusted: true }));
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('Show Output shows that the server started and what the workspace scan did', async function () {
    const { page } = session.wb;
    await ui.openFile(page, 'src/app.ts');
    await ui.runCommand(page, 'Observability Lens: Show Output');
    let text = '';
    await waitFor('the output channel to show the server start and the scan', async () => {
      text = await ui.editorTexts(page);
      return text.includes('workspace scan finished');
    }, 60_000);
    assert.match(text, new RegExp(`server started \\{"version":"${version.replace(/\./g, '\\.')}"`));
    assert.match(text, /workspace scan finished \{"files":\d+,"analysedByWorkers":\d+,"findings":\d+,"ms":\d+\}/);
    await session.wb.screenshot('output-channel');
  });

  it('the walkthrough opens with its steps', async function () {
    const { page } = session.wb;
    await ui.runCommand(page, 'Welcome: Open Walkthrough...', { opensPicker: true });
    await ui.pick(page, 'Get started with Observability Lens');
    await waitFor('the walkthrough page', async () => {
      const shown = (await page.locator('.gettingStartedContainer').first().textContent().catch(() => '')) ?? '';
      return shown.includes('Get started with Observability Lens') && shown.includes('Open the example service') && shown.includes('Tail the logs by request');
    }, 30_000);
    await session.wb.screenshot('walkthrough');
  });
});
