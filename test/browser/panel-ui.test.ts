// The panel's behaviour in a real browser: rendering, virtualisation over 100,000 rows, keyboard
// navigation, request timelines, filter errors and follow/pause, driven with the host's messages.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Counts, RowView, WebviewToExtension } from '../../shared/src/panelMessages';
import { posted, send, settle, usePanelBrowser } from './panelHarness';

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const LEVELS = ['info', 'warn', 'error', 'debug'] as const;

function row(i: number): RowView {
  return {
    seq: i,
    time: T0 + i * 1000,
    level: LEVELS[i % 4],
    source: 'api.log',
    requestId: i % 5 === 0 ? `req-${i}` : null,
    message: `message number ${i}`,
    extra: 0,
    cut: false,
  };
}

function counts(over: Partial<Counts> = {}): Counts {
  return { records: 0, received: 0, shown: 0, dropped: 0, ratePerSec: 0, waiting: 0, follow: true, ...over };
}

/** Plays the host for viewport requests: answers the newest one with rows from a `total`-row view. */
async function answerViewport(page: Page, total: number): Promise<{ from: number; to: number }> {
  const vp = (await posted(page)).filter((m): m is Extract<WebviewToExtension, { type: 'viewport' }> => m.type === 'viewport').at(-1);
  assert.ok(vp, 'the webview asked for rows');
  const to = Math.min(vp.to, total);
  await send(page, { type: 'rows', from: vp.from, total, rows: Array.from({ length: to - vp.from }, (_, k) => row(vp.from + k)) });
  await settle(page);
  return vp;
}

const visibleRows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.row:not([hidden])')]
      .map((e) => ({ index: Number(e.dataset.index), seq: e.dataset.seq, cls: e.className, msg: e.querySelector('.c-msg')?.textContent, time: e.querySelector('.c-time')?.textContent, label: e.getAttribute('aria-label'), selected: e.getAttribute('aria-selected') }))
      .sort((a, b) => a.index - b.index),
  );

async function clearPosted(page: Page): Promise<void> {
  await page.evaluate(() => (window.__posted.length = 0));
}

describe('log panel UI (headless Chromium)', function () {
  this.timeout(60_000);
  const panel = usePanelBrowser();

  it('renders rows with time, level colour class, request button and an accessible label', async () => {
    const { page, watch } = await panel.open();
    await send(page, { type: 'init', query: 'level>=info', follow: false, counts: counts({ records: 3, shown: 3 }), sources: [{ label: 'api.log', state: 'running', detail: '' }] });
    await send(page, { type: 'rows', from: 0, total: 3, rows: [row(0), row(1), row(2)] });
    await settle(page);
    const rows = await visibleRows(page);
    assert.deepEqual(rows.map((r) => r.msg), ['message number 0', 'message number 1', 'message number 2']);
    assert.deepEqual(rows.map((r) => r.time), ['12:00:00.000', '12:00:01.000', '12:00:02.000']);
    assert.ok(rows[2].cls.includes('lvl-error') && rows[1].cls.includes('lvl-warn'));
    assert.equal(rows[0].label, 'info at 12:00:00, request req-0, message message number 0, from api.log');
    assert.equal(await page.inputValue('#filter'), 'level>=info');
    assert.equal(await page.textContent('#count-records'), '3 records');
    // Level colours come from the theme's variables, not hard-coded colours.
    const css = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    assert.match(css, /\.lvl-error \.c-level[^}]*--vscode-editorError-foreground/);
    assert.deepEqual(watch.errors, []);
  });

  it('keeps the DOM small with 100,000 rows and asks the host only for the rows in view', async () => {
    const total = 100_000;
    const { page } = await panel.open();
    await send(page, { type: 'init', query: '', follow: false, counts: counts({ records: total, shown: total, follow: false }), sources: [] });
    await send(page, { type: 'rows', from: 0, total, rows: Array.from({ length: 60 }, (_, i) => row(i)) });
    await settle(page);
    let dom = await page.evaluate(() => ({ rows: document.querySelectorAll('.row').length, spacer: document.getElementById('spacer')!.getBoundingClientRect().height, rowcount: document.getElementById('list')!.getAttribute('aria-rowcount') }));
    assert.ok(dom.rows < 100, `${dom.rows} row elements`);
    assert.equal(dom.spacer, total * 22);
    assert.equal(dom.rowcount, String(total));
    // Jump to the middle: the webview asks for that window and renders exactly it.
    await clearPosted(page);
    await page.evaluate(() => (document.getElementById('list')!.scrollTop = 50_000 * 22));
    await settle(page);
    const vp = await answerViewport(page, total);
    assert.ok(vp.from <= 50_000 && vp.to > 50_000 && vp.to - vp.from < 200, JSON.stringify(vp));
    const rows = await visibleRows(page);
    assert.ok(rows.some((r) => r.index === 50_000 && r.msg === 'message number 50000'));
    assert.ok(rows.every((r) => r.msg === `message number ${r.index}`));
    dom = await page.evaluate(() => ({ rows: document.querySelectorAll('.row').length, spacer: 0, rowcount: '' }));
    assert.ok(dom.rows < 100, `${dom.rows} row elements after scrolling`);
    // And to the end.
    await page.evaluate(() => (document.getElementById('list')!.scrollTop = 1e9));
    await settle(page);
    await answerViewport(page, total);
    assert.equal((await visibleRows(page)).at(-1)?.msg, 'message number 99999');
  });

  it('moves the selection with the keyboard, asks for details on Enter and closes them on Escape', async () => {
    const { page } = await panel.open();
    await send(page, { type: 'rows', from: 0, total: 50, rows: Array.from({ length: 50 }, (_, i) => row(i)) });
    await settle(page);
    await page.focus('#list');
    await clearPosted(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    let selected = (await visibleRows(page)).filter((r) => r.selected === 'true');
    assert.deepEqual(selected.map((r) => r.index), [2]);
    assert.ok((await posted(page)).some((m) => m.type === 'setFollow' && m.follow === false), 'navigating pauses following');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await settle(page);
    selected = (await visibleRows(page)).filter((r) => r.selected === 'true');
    assert.deepEqual(selected.map((r) => r.index), [48]);
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'expand'), [{ type: 'expand', seq: 48 }]);
    await send(page, { type: 'details', seq: 48, json: '{\n  "msg": "message number 48"\n}', continuation: ['    at f (a.js:1:1)'], heading: { request: null, requestId: null, time: row(48).time, message: 'message number 48' } });
    await settle(page);
    assert.equal(await page.isVisible('#details'), true);
    assert.equal(await page.textContent('#details-json'), '{\n  "msg": "message number 48"\n}');
    await page.click('#details-copy');
    await page.click('#details-goto');
    const sent = await posted(page);
    assert.ok(sent.some((m) => m.type === 'copy' && m.seq === 48));
    assert.ok(sent.some((m) => m.type === 'goToCode' && m.seq === 48));
    await page.focus('#list');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#details'), false);
    // "/" jumps to the filter.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'filter');
  });

  it('opens a request timeline from the request ID with deltas and status, and goes back', async () => {
    const { page } = await panel.open();
    await send(page, { type: 'rows', from: 0, total: 10, rows: Array.from({ length: 10 }, (_, i) => row(i)) });
    await settle(page);
    await clearPosted(page);
    await page.click('.row[data-index="5"] .req');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'openRequest'), [{ type: 'openRequest', requestId: 'req-5' }]);
    const base = { source: 'api.log', requestId: 'req-5', extra: 0, cut: false };
    await send(page, {
      type: 'timeline',
      requestId: 'req-5',
      rows: [
        { ...base, seq: 5, time: T0, level: 'info', message: 'request start', deltaMs: null },
        { ...base, seq: 7, time: T0 + 12, level: 'warn', message: 'slow query', deltaMs: 12 },
        { ...base, seq: 9, time: T0 + 1512, level: 'info', message: 'request completed', deltaMs: 1500 },
      ],
      summary: { count: 3, spanMs: 1512, status: 200, durationMs: 1510, errors: 0 },
    });
    await settle(page);
    const deltas = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.row:not([hidden])')]
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
        .map((e) => e.querySelector('.c-delta')?.textContent),
    );
    assert.deepEqual(deltas, ['', '+12 ms', '+1.50 s']);
    assert.equal(await page.textContent('#timeline-title'), 'Request req-5');
    assert.equal(await page.textContent('#timeline-summary'), '3 records · over 1.51 s · status 200 · took 1.51 s');
    assert.equal(await page.isVisible('.row[data-index="1"] .c-delta'), true, 'the delta column shows in the timeline');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await page.isVisible('#timeline-bar'), false);
    const rows = await visibleRows(page);
    assert.equal(rows.length, 10);
    assert.equal(rows[5].msg, 'message number 5');
  });

  it('sends the filter to the host and shows query errors with their position', async () => {
    const { page } = await panel.open();
    await page.fill('#filter', 'level>=nope');
    await page.press('#filter', 'Enter');
    assert.ok((await posted(page)).some((m) => m.type === 'setQuery' && m.text === 'level>=nope'));
    await send(page, { type: 'queryErrors', errors: [{ message: 'unknown level "nope"', offset: 7, length: 4 }] });
    await settle(page);
    assert.equal(await page.textContent('.query-error .pos'), 'at 8: ');
    assert.equal(await page.textContent('.query-error mark'), 'nope');
    assert.equal(await page.getAttribute('#filter', 'aria-invalid'), 'true');
    await send(page, { type: 'queryErrors', errors: [] });
    await settle(page);
    assert.equal(await page.locator('.query-error').count(), 0);
  });

  it('pauses and resumes following, showing how many records wait', async () => {
    const { page } = await panel.open();
    await clearPosted(page);
    await page.click('#follow');
    assert.ok((await posted(page)).some((m) => m.type === 'setFollow' && m.follow === false));
    await send(page, { type: 'counts', ...counts({ records: 120, shown: 120, waiting: 20, follow: false }) });
    assert.equal(await page.textContent('#follow'), 'Paused (20 waiting)');
    await page.click('#follow');
    assert.ok((await posted(page)).some((m) => m.type === 'setFollow' && m.follow === true));
    assert.equal(await page.textContent('#follow'), 'Following');
  });
});
