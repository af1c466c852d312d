// In a real VS Code workbench whose folder is NOT trusted (the default for a folder never opened
// before; the user answers "No" to the trust prompt): a command from the folder's settings must
// not run when the log panel opens, files it names are not read, its port is not opened, and the
// panel says which settings it held back; yet the analysis still reports findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
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
  // A file outside the workspace, as a malicious repo would name one, with a line the panel must not show.
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-lens-wb-outside-'));
  const secretLog = path.join(outside, 'secret.log');
  fs.writeFileSync(secretLog, '');
  const otlpPort = 40000 + (process.pid % 20000);
  writeFolderSettings(folder, {
    'observabilityLens.tail.command': ['node', '-e', `require('fs').writeFileSync('PWNED','x'); require('fs').writeFileSync(${JSON.stringify(absMarker)},'x')`],
    'observabilityLens.tail.files': [secretLog],
    'observabilityLens.tail.otlpPort': otlpPort,
  });
  after(() => fs.rmSync(outside, { recursive: true, force: true }));
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

  it('reads no file and opens no port the workspace names, and says which settings it held back and why', async function () {
    const { page } = session.wb;
    const frame = await ui.findWebviewFrame(page, '#restricted:not([hidden])');
    const notice = await frame.$eval('#restricted', (el) => ({
      names: [...el.querySelectorAll('code.setting')].map((c) => c.textContent),
      text: (el.textContent ?? '').replace(/\s+/g, ' '),
      button: el.querySelector('button')?.textContent,
    }));
    assert.deepEqual([...notice.names].sort(), ['observabilityLens.tail.command', 'observabilityLens.tail.files', 'observabilityLens.tail.otlpPort']);
    assert.match(notice.text, /not trusted/);
    assert.match(notice.text, /opens a network port/);
    assert.equal(notice.button, 'Manage Workspace Trust');
    fs.appendFileSync(secretLog, `${JSON.stringify({ level: 30, time: Date.now(), msg: 'SECRET LINE' })}\n`);
    await ui.idle(3000);
    const rows = await frame.$$eval('#list .row', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(!rows.some((r) => r.includes('SECRET LINE')), 'a file named by the untrusted workspace was read');
    const listening = await new Promise<boolean>((resolve) => {
      const s = net.connect(otlpPort, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    assert.equal(listening, false, `the OTLP port ${otlpPort} from the untrusted workspace was opened`);
    await session.wb.screenshot('restricted-mode-notice');
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
