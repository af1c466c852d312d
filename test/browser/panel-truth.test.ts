// The panel tells a new user the truth, in a real browser: a filter example that works, actions
// only as title-bar icons, a configured file's existing lines offered rather than silently skipped,
// rows named by their file, details titled by request and time with the selected row kept in view.
// Where the host matters, the real TailSession runs it on real files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RowView, WebviewToExtension } from '../../shared/src/panelMessages';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { compileQuery, matches } from '../../server/src/logs';
import { TailSession } from '../../client/src/tail/tailSession';
import { planSources } from '../../client/src/tail/tailSources';
import { record } from '../unit/tail/records';
import { PageLink, posted, ROOT, send, settle, usePanelBrowser } from './panelHarness';

const T = Date.UTC(2024, 0, 1, 12, 0, 1, 234);

function row(i: number): RowView {
  return { seq: i, time: T + i, level: 'info', source: 'service.log', requestId: `req-${i}`, message: `message ${i}`, extra: 0, cut: false };
}

/** A pino-http line as the example service writes it: the request on every line of it. */
function httpLine(i: number, method: string, url: string, msg: string): string {
  return JSON.stringify({ level: 30, time: T + i, pid: 1, hostname: 'svc', req: { id: `req-${i}`, method, url }, msg });
}

const cellTexts = (page: Page, cell: string) =>
  page.$$eval(`.row:not([hidden]) ${cell}`, (els) => els.map((e) => e.textContent ?? ''));

describe('log panel: tells the truth (headless Chromium)', function () {
  this.timeout(90_000);
  const panel = usePanelBrowser();

  it('shows a filter example that is working syntax', async () => {
    const { page } = await panel.open();
    const placeholder = (await page.getAttribute('#filter', 'placeholder')) ?? '';
    const example = /^Filter: (.*?)\s+\(press \/ to focus\)$/.exec(placeholder)?.[1];
    assert.ok(example, placeholder);
    const { query, errors } = compileQuery(example);
    assert.deepEqual(errors, []);
    // It finds what it says: a slow request's warning, not another request's, nor a health check.
    const pino = (requestId: string, msg: string) => ({ level: 'warn' as const, requestId, message: msg, raw: JSON.stringify({ level: 40, reqId: requestId, msg }) });
    assert.equal(matches(query, record(1, pino('abc123', 'db timeout'))), true, `${example} should match the request's warning`);
    assert.equal(matches(query, record(2, pino('zzz', 'db timeout'))), false);
    assert.equal(matches(query, record(3, pino('abc123', 'health check timeout'))), false);
  });

  it('has no text Clear or Export buttons: they are codicon actions of the view title bar', async () => {
    const { page } = await panel.open();
    const buttons = await page.$$eval('button', (els) => els.filter((e) => !(e as HTMLElement).closest('[hidden]')).map((e) => e.textContent?.trim()));
    assert.ok(!buttons.some((b) => /^(clear|export)/i.test(b ?? '')), JSON.stringify(buttons));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const icon = (command: string) => pkg.contributes.commands.find((c: { command: string }) => c.command === command)?.icon;
    const inTitleBar = (command: string) => pkg.contributes.menus['view/title'].some((m: { command: string; when: string }) => m.command === command && m.when === 'view == observabilityLens.logTail');
    for (const command of ['observabilityLens.clearLogs', 'observabilityLens.exportLogs', 'observabilityLens.tailFile']) {
      assert.match(icon(command) ?? '', /^\$\([a-z-]+\)$/, `${command} has a codicon`);
      assert.ok(inTitleBar(command), `${command} is in the view's title bar`);
    }
  });

  it('with the real host: offers the lines a configured file already holds, loads them on request, names rows by the file and titles details by request and time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-panel-truth-'));
    const link = new PageLink();
    const session = new TailSession({ maxRecords: 1000, maxBytes: 1 << 24, requestIdFields: [], formats: [] }, {
      post: link.post,
      copy: () => undefined,
      goToCode: () => undefined,
      manageTrust: () => undefined,
    });
    try {
      fs.mkdirSync(path.join(dir, 'logs'));
      fs.writeFileSync(path.join(dir, 'logs', 'service.log'), [httpLine(0, 'GET', '/orders/42', 'order loaded'), httpLine(1, 'POST', '/orders', 'order created')].join('\n') + '\n');
      await session.setSources(planSources([{ name: 'svc', path: dir, tail: { ...DEFAULT_SETTINGS.tail, files: ['logs/*.log'] } }], true));
      const { page, watch } = await panel.openWithHost((m) => session.handle(m), link);

      // Nothing is shown yet, and the panel says why and what it waits for.
      await page.waitForSelector('#existing:not([hidden]) button.load-existing');
      const offer = await page.$eval('#existing', (el) => ({ text: (el.textContent ?? '').replace(/\s+/g, ' '), button: el.querySelector('button')?.textContent }));
      assert.match(offer.text, /^service\.log held \d+ bytes when the panel began following it; only lines written since are shown\./);
      assert.equal(offer.button, 'Load the last 1,000 lines');
      assert.match((await page.textContent('#empty')) ?? '', /^Waiting for new lines from logs\/\*\.log\./);
      assert.equal(await page.isVisible('#empty'), true);

      await page.click('#existing button.load-existing');
      const asked = (await posted(page)).filter((m): m is Extract<WebviewToExtension, { type: 'loadExisting' }> => m.type === 'loadExisting');
      assert.equal(asked.length, 1);
      assert.match(asked[0].id, /\S/);
      await page.waitForFunction(() => document.querySelectorAll('.row:not([hidden]):not(.pending)').length === 2);
      await page.waitForSelector('#existing', { state: 'hidden' });
      assert.deepEqual(await cellTexts(page, '.c-source'), ['service.log', 'service.log']);
      assert.deepEqual(await cellTexts(page, '.c-msg'), ['order loaded', 'order created']);
      assert.equal(await page.isVisible('#empty'), false);

      await page.dblclick('.row[data-index="0"] .c-msg');
      await page.waitForSelector('#details:not([hidden])');
      await page.waitForFunction(() => document.getElementById('details-title')?.textContent !== '');
      assert.equal(await page.textContent('#details-title'), 'GET /orders/42 · req-0 · 12:00:01.234');
      assert.deepEqual(watch.errors, []);
    } finally {
      await session.dispose();
      await link.delivered();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the selected row in view when the details open below the list', async () => {
    const { page } = await panel.open();
    await send(page, { type: 'init', query: '', follow: false, counts: { records: 60, received: 60, shown: 60, dropped: 0, ratePerSec: 0, waiting: 0, follow: false }, sources: [] });
    await send(page, { type: 'rows', from: 0, total: 60, rows: Array.from({ length: 60 }, (_, i) => row(i)) });
    await settle(page);
    // The last row fully in view, at the bottom of the list.
    const bottom = await page.evaluate(() => {
      const list = document.getElementById('list')!.getBoundingClientRect();
      const rows = [...document.querySelectorAll<HTMLElement>('.row:not([hidden])')].filter((r) => r.getBoundingClientRect().bottom <= list.bottom);
      return Math.max(...rows.map((r) => Number(r.dataset.index)));
    });
    assert.ok(bottom > 5, `row ${bottom} is at the bottom`);
    await page.click(`.row[data-index="${bottom}"] .c-msg`);
    await page.keyboard.press('Enter');
    assert.ok((await posted(page)).some((m) => m.type === 'expand' && m.seq === bottom));
    const json = JSON.stringify({ msg: `message ${bottom}`, fields: Array.from({ length: 40 }, (_, i) => `field ${i}`) }, null, 2);
    await send(page, { type: 'details', seq: bottom, json, continuation: [], heading: { request: 'GET /orders/42', requestId: `req-${bottom}`, time: T, message: `message ${bottom}` } });
    await settle(page);
    const seen = await page.evaluate((i) => {
      const list = document.getElementById('list')!.getBoundingClientRect();
      const details = document.getElementById('details')!.getBoundingClientRect();
      const r = document.querySelector(`.row[data-index="${i}"]`)?.getBoundingClientRect();
      return { list: [list.top, list.bottom], details: details.height, row: r ? [r.top, r.bottom] : null };
    }, bottom);
    assert.ok(seen.details > 100, 'the details pane took room from the list');
    assert.ok(seen.row && seen.row[0] >= seen.list[0] && seen.row[1] <= seen.list[1] + 0.5, `selected row ${JSON.stringify(seen.row)} is inside the list ${JSON.stringify(seen.list)}`);
    assert.equal(await page.textContent('#details-title'), `GET /orders/42 · req-${bottom} · 12:00:01.234`);
  });
});
