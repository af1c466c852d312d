// In a real, trusted VS Code workbench: "Observability Lens: Open Log Tail" shows the panel, and
// lines appended to the file named in observabilityLens.tail.files show up in it as records; the
// command in observabilityLens.tail.command runs (the control for the Restricted Mode test).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { makeProject, writeFolderSettings } from './fixtures';
import { waitFor } from './harness';
import { useWorkbench } from './session';
import * as ui from './ui';

const OPEN_LOG_TAIL = 'Observability Lens: Open Log Tail';

/** The text of every record row the panel's list renders now. */
function rowTexts(frame: Frame): Promise<string[]> {
  return frame.$$eval('#list .row', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ')));
}

function pinoLine(level: number, msg: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ level, time: Date.now(), pid: 4242, hostname: 'wb', ...extra, msg })}\n`;
}

describe('workbench: log tail panel (trusted workspace)', function () {
  // The folder is created first so the command can name a marker file inside it by absolute path.
  const folder = makeProject();
  const logFile = path.join(folder, 'logs', 'app.log');
  const commandMarker = path.join(folder, 'COMMAND_RAN');
  const commandScript = [
    `require('fs').writeFileSync(${JSON.stringify(commandMarker)}, 'x');`,
    `console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'hello from the tail command' }));`,
  ].join(' ');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  writeFolderSettings(folder, { 'observabilityLens.tail.files': ['logs/app.log'], 'observabilityLens.tail.command': ['node', '-e', commandScript] });
  const session = useWorkbench(() => ({ folder, trusted: true }));
  let panel: Frame;

  it('opens the panel from the command palette', async function () {
    await ui.runCommand(session.wb.page, OPEN_LOG_TAIL);
    panel = await ui.findWebviewFrame(session.wb.page, '#list');
  });

  it('shows lines appended to the configured file as records', async function () {
    assert.ok(panel, 'the panel did not open');
    // Appended after the panel is up, so this is tailing, not a one-off read of the file.
    fs.appendFileSync(logFile, pinoLine(30, 'order created wb-7f3a', { orderId: 'o-1' }));
    fs.appendFileSync(logFile, pinoLine(50, 'payment failed wb-7f3a', { orderId: 'o-1' }));
    const rows = await waitFor('both appended records in the panel', async () => {
      const texts = await rowTexts(panel);
      return texts.some((t) => t.includes('order created wb-7f3a')) && texts.some((t) => t.includes('payment failed wb-7f3a')) ? texts : undefined;
    }, 30_000, 500);
    assert.ok(rows.length >= 2);
    await session.wb.screenshot('log-panel');

    fs.appendFileSync(logFile, pinoLine(40, 'slow response wb-9c21'));
    await waitFor('a third, later record in the panel', async () => (await rowTexts(panel)).some((t) => t.includes('slow response wb-9c21')), 30_000, 500);
  });

  it('runs the configured tail command in a trusted workspace and shows its output', async function () {
    assert.ok(panel, 'the panel did not open');
    await waitFor('the tail command to run', () => fs.existsSync(commandMarker), 30_000, 500);
    await waitFor('the command output in the panel', async () => (await rowTexts(panel)).some((t) => t.includes('hello from the tail command')), 30_000, 500);
  });
});
