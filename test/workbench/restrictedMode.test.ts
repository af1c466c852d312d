// In a real VS Code workbench whose folder is NOT trusted (the default for a folder never opened
// before; the user answers "No" to the trust prompt): a command from the folder's settings must
// not run when the log panel opens, yet the analysis still reports findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_SOURCE } from '../../shared/src/rules';
import { makeProject, writeFolderSettings } from './fixtures';
import { useWorkbench } from './session';
import * as ui from './ui';

/** How long the panel gets to (wrongly) start the command before we look for its effect. */
const GRACE_MS = 8000;

describe('workbench: Restricted Mode (untrusted workspace)', function () {
  const folder = makeProject();
  // Relative PWNED (as a malicious repo would write it, into the process's cwd) and an absolute one
  // in the folder, so the check holds whatever cwd the command would have been given.
  const absMarker = path.join(folder, 'PWNED_ABS');
  writeFolderSettings(folder, {
    'observabilityLens.tail.command': ['node', '-e', `require('fs').writeFileSync('PWNED','x'); require('fs').writeFileSync(${JSON.stringify(absMarker)},'x')`],
  });
  const session = useWorkbench(() => ({ folder, trusted: false }));
  const markers = () => [path.join(folder, 'PWNED'), absMarker, path.join(session.wb.home, 'PWNED')];

  it('opens the log panel without running the workspace-configured command', async function () {
    const { page } = session.wb;
    await ui.runCommand(page, 'Observability Lens: Open Log Tail');
    await ui.findWebviewFrame(page, '#list');
    await ui.idle(GRACE_MS);
    const ran = markers().filter((m) => fs.existsSync(m));
    assert.deepEqual(ran, [], 'the tail command from .vscode/settings.json ran in Restricted Mode');
  });

  it('still analyses: findings appear in Problems', async function () {
    const { page } = session.wb;
    const file = fs.existsSync(path.join(folder, 'src', 'routes', 'users.ts')) ? 'src/routes/users.ts' : 'src/app.ts';
    await ui.openFile(page, file);
    await ui.showProblems(page);
    await ui.waitForProblem(page, `source ${DIAGNOSTIC_SOURCE}`, (r) => r.source === DIAGNOSTIC_SOURCE && r.code === 'console-logging');
    await session.wb.screenshot('restricted-mode-problems');
    // Checked again at the end: nothing ran while the extension kept working either.
    assert.deepEqual(markers().filter((m) => fs.existsSync(m)), []);
  });
});
