// In a real, trusted VS Code workbench: "Observability Lens: Open Log Tail" shows the panel; the
// files named by tail.files in the project's obs-lens.config.json are followed: one that already
// holds lines says so and offers them, and loads them on request; lines appended to another show up
// as records named by their file; the command in observabilityLens.tail.command runs (the control
// for the Restricted Mode test).
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

/** What the example service's pino-http logger writes for a request (logs/service.log). */
function requestLines(id: string, method: string, url: string, status: number, msg: string, level = 30): string {
  const req = { id, method, url, headers: { host: '127.0.0.1:3000' } };
  return pinoLine(level, msg, { req }) + pinoLine(level, 'request completed', { req, res: { statusCode: status }, responseTime: 12 });
}

describe('workbench: log tail panel (trusted workspace)', function () {
  // The folder is created first so the command can name a marker file inside it by absolute path.
  const folder = makeProject();
  const logFile = path.join(folder, 'logs', 'app.log');
  // Written before the workbench starts: lines the service logged before the panel opened.
  const serviceLog = path.join(folder, 'logs', 'service.log');
  const commandMarker = path.join(folder, 'COMMAND_RAN');
  const commandScript = [
    `require('fs').writeFileSync(${JSON.stringify(commandMarker)}, 'x');`,
    `console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'hello from the tail command' }));`,
  ].join(' ');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  fs.writeFileSync(serviceLog, requestLines('req-order-42', 'GET', '/orders/42', 200, 'order loaded') + requestLines('req-order-new', 'POST', '/orders', 402, 'payment declined', 40));
  // The files come from the project's config, which `obs-lens tail` reads too; the command from the editor's settings.
  fs.writeFileSync(path.join(folder, 'obs-lens.config.json'), JSON.stringify({ tail: { files: ['logs/*.log'], loadExisting: 500 } }, null, 2));
  writeFolderSettings(folder, { 'observabilityLens.tail.command': ['node', '-e', commandScript] });
  const session = useWorkbench(() => ({ folder, trusted: true }));
  let panel: Frame;

  it('opens the panel from the command palette', async function () {
    await ui.runCommand(session.wb.page, OPEN_LOG_TAIL);
    panel = await ui.findWebviewFrame(session.wb.page, '#list');
  });

  it('says a configured file already holds lines, offers its last lines, and loads them on request', async function () {
    assert.ok(panel, 'the panel did not open');
    const offer = await waitFor('the offer to load service.log', async () => {
      const o = await panel.$eval('#existing', (el) => ({ hidden: (el as HTMLElement).hidden, text: (el.textContent ?? '').replace(/\s+/g, ' '), button: el.querySelector('button')?.textContent ?? '' })).catch(() => undefined);
      return o && !o.hidden && o.text.includes('service.log') ? o : undefined;
    }, 30_000, 500);
    assert.match(offer.text, /service\.log held [\d.]+ (bytes|KB) when the panel began following it; only lines written since are shown/);
    assert.equal(offer.button, 'Load the last 500 lines');
    const serviceRows = async () =>
      (await panel.$$eval('#list .row:not([hidden])', (els) => els.map((e) => ({ source: e.querySelector('.c-source')?.textContent, msg: e.querySelector('.c-msg')?.textContent }))))
        .filter((r) => r.source === 'service.log');
    assert.deepEqual(await serviceRows(), [], 'nothing of service.log is shown before it is asked for');

    await panel.click('#existing button.load-existing');
    const rows = await waitFor('the four existing records', async () => {
      const found = await serviceRows();
      return found.length === 4 ? found : undefined;
    }, 30_000, 500);
    assert.deepEqual(rows.map((r) => r.msg), ['order loaded', 'request completed', 'payment declined', 'request completed']);
    const sources = await panel.$$eval('#list .row:not([hidden]) .c-source', (els) => els.map((e) => e.textContent));
    assert.ok(!sources.includes('logs/*.log'), JSON.stringify(sources));
    assert.equal(await panel.isHidden('#existing'), true, 'the offer goes once taken');

    // For the README's screenshot: the panel given the window's height, as a user reading logs would.
    await ui.runCommand(session.wb.page, 'View: Toggle Maximized Panel');
    // The details of the declined payment, titled by its request.
    await panel.dblclick('#list .row:not([hidden]):has-text("payment declined") .c-msg');
    const title = await waitFor('the details title', async () => (await panel.textContent('#details-title').catch(() => '')) || undefined, 15_000, 250);
    assert.match(title, /^POST \/orders · req-order-new · \d\d:\d\d:\d\d\.\d{3}$/);
    await session.wb.screenshot('logs-panel');
    // Reading paused the list; close the details and follow again for what comes next.
    await panel.click('#details-close');
    await panel.click('#follow');
    await ui.runCommand(session.wb.page, 'View: Toggle Maximized Panel');
    assert.equal((await panel.textContent('#follow'))?.trim(), 'Following');
  });

  it('shows lines appended to a configured file as records named by the file', async function () {
    assert.ok(panel, 'the panel did not open');
    // Appended after the panel is up, so this is tailing, not a one-off read of the file.
    fs.appendFileSync(logFile, pinoLine(30, 'order created wb-7f3a', { orderId: 'o-1' }));
    fs.appendFileSync(logFile, pinoLine(50, 'payment failed wb-7f3a', { orderId: 'o-1' }));
    const rows = await waitFor('both appended records in the panel', async () => {
      const texts = await rowTexts(panel);
      return texts.some((t) => t.includes('order created wb-7f3a')) && texts.some((t) => t.includes('payment failed wb-7f3a')) ? texts : undefined;
    }, 30_000, 500);
    assert.ok(rows.length >= 2);
    const sources = await panel.$$eval('#list .row .c-source', (els) => els.map((e) => e.textContent));
    assert.ok(sources.includes('app.log') && !sources.includes('logs/*.log'), JSON.stringify(sources));

    fs.appendFileSync(logFile, pinoLine(40, 'slow response wb-9c21'));
    await waitFor('a third, later record in the panel', async () => (await rowTexts(panel)).some((t) => t.includes('slow response wb-9c21')), 30_000, 500);
  });

  it('runs the configured tail command in a trusted workspace and shows its output', async function () {
    assert.ok(panel, 'the panel did not open');
    await waitFor('the tail command to run', () => fs.existsSync(commandMarker), 30_000, 500);
    await waitFor('the command output in the panel', async () => (await rowTexts(panel)).some((t) => t.includes('hello from the tail command')), 30_000, 500);
  });
});
