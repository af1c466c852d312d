// Log text is attacker-controlled (anything a request can make a service log). These tests feed the
// real panel script hostile text in every place it shows log data and check that it is shown as
// text and never becomes markup or script, without relying on the CSP to stop it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RowView, TimelineRow } from '../../shared/src/panelMessages';
import { posted, ROOT, send, settle, usePanelBrowser, type PageWatch } from './panelHarness';

const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `<script>window.__pwned=1</script>`,
  `javascript:window.__pwned=1`,
  `"><svg onload="window.__pwned=1">`,
  `</pre><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<a href="javascript:window.__pwned=1">click</a>`,
];


function hostileRow(i: number): RowView {
  const p = PAYLOADS[i % PAYLOADS.length];
  return { seq: i, time: Date.UTC(2024, 0, 1, 12, 0, i), level: 'error', source: p, requestId: p, message: p, extra: 1, cut: false };
}

async function assertNothingRan(page: Page, watch: PageWatch): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    violations: window.__violations,
    scripts: document.querySelectorAll('script').length,
    injected: document.querySelectorAll('img, svg, iframe, a, object, embed').length,
  }));
  assert.equal(state.pwned, undefined, 'a payload executed');
  assert.deepEqual(watch.dialogs, [], 'a dialog opened');
  // Nothing should even try: a violation would mean markup reached the parser and only the CSP saved us.
  assert.deepEqual(state.violations, [], 'CSP had to block something');
  assert.deepEqual(watch.errors, []);
  assert.equal(state.scripts, 1, 'only the nonce-bearing panel script exists');
  assert.equal(state.injected, 0, 'log text became elements');
}

describe('log panel: untrusted log text (headless Chromium)', function () {
  this.timeout(60_000);
  const panel = usePanelBrowser('<script>window.__inline = 1</script>');

  it('shows hostile messages, request IDs and sources as literal text in the list', async () => {
    const { page, watch } = await panel.open();
    const rows = PAYLOADS.map((_, i) => hostileRow(i));
    await send(page, { type: 'rows', from: 0, total: rows.length, rows });
    await settle(page);
    const shown = await page.evaluate(() => ({
      msgs: [...document.querySelectorAll('.row:not([hidden]) .c-msg')].map((e) => e.textContent),
      reqs: [...document.querySelectorAll('.row:not([hidden]) .req')].map((e) => e.textContent),
      sources: [...document.querySelectorAll('.row:not([hidden]) .c-source')].map((e) => e.textContent),
      labels: [...document.querySelectorAll('.row:not([hidden])')].map((e) => e.getAttribute('aria-label')),
    }));
    assert.deepEqual(shown.msgs, PAYLOADS.map((p) => `${p}  (+1 line)`));
    assert.deepEqual(shown.reqs, PAYLOADS);
    assert.deepEqual(shown.sources, PAYLOADS);
    assert.ok(shown.labels.every((l, i) => l?.includes(`request ${PAYLOADS[i]}`)));
    await assertNothingRan(page, watch);
  });

  it('clicking a hostile request ID only posts it back as data', async () => {
    const { page, watch } = await panel.open();
    const rows = PAYLOADS.map((_, i) => hostileRow(i));
    await send(page, { type: 'rows', from: 0, total: rows.length, rows });
    await settle(page);
    await page.locator('.row:not([hidden]) .req').nth(1).click();
    const sent = await posted(page);
    assert.deepEqual(sent.filter((m) => m.type === 'openRequest'), [{ type: 'openRequest', requestId: PAYLOADS[1] }]);
    await assertNothingRan(page, watch);
  });

  it('shows hostile field names, values and continuation lines literally in the details', async () => {
    const { page, watch } = await panel.open();
    const record: Record<string, string> = {};
    for (const p of PAYLOADS) record[p] = p;
    const json = JSON.stringify(record, null, 2);
    await send(page, { type: 'details', seq: 3, json, continuation: PAYLOADS, heading: { request: PAYLOADS[0], requestId: PAYLOADS[1], time: null, message: PAYLOADS[2] } });
    await settle(page);
    const shown = await page.evaluate(() => ({
      title: document.getElementById('details-title')?.textContent,
      json: document.getElementById('details-json')?.textContent,
      cont: document.getElementById('details-continuation')?.textContent,
      visible: !document.getElementById('details')?.hidden,
    }));
    assert.ok(shown.visible);
    assert.equal(shown.json, json);
    assert.equal(shown.cont, PAYLOADS.join('\n'));
    assert.equal(shown.title, `${PAYLOADS[0]} · ${PAYLOADS[1]}`);
    await assertNothingRan(page, watch);
  });

  it('shows hostile text in the timeline, source status, load offers and query errors literally', async () => {
    const { page, watch } = await panel.open();
    const rows: TimelineRow[] = PAYLOADS.map((_, i) => ({ ...hostileRow(i), deltaMs: i ? 5 : null }));
    await send(page, { type: 'timeline', requestId: PAYLOADS[3], rows, summary: { count: rows.length, spanMs: 25, status: 500, durationMs: 30, errors: rows.length } });
    await send(page, { type: 'sourceStatus', sources: PAYLOADS.map((p) => ({ label: p, state: 'error' as const, detail: p })) });
    await send(page, { type: 'existing', offers: [{ id: PAYLOADS[5], file: PAYLOADS[4], bytes: 10, lines: 5 }] });
    await page.fill('#filter', PAYLOADS[0]);
    await send(page, { type: 'queryErrors', errors: [{ message: PAYLOADS[1], offset: 1, length: 3 }] });
    await settle(page);
    const shown = await page.evaluate(() => ({
      title: document.getElementById('timeline-title')?.textContent,
      msgs: [...document.querySelectorAll('.row:not([hidden]) .c-msg')].map((e) => e.textContent),
      sources: [...document.querySelectorAll('#sources .label')].map((e) => e.textContent),
      error: document.querySelector('.query-error')?.textContent,
      offer: document.querySelector('#existing code.file')?.textContent,
    }));
    assert.equal(shown.title, `Request ${PAYLOADS[3]}`);
    assert.deepEqual(shown.msgs, PAYLOADS.map((p) => `${p}  (+1 line)`));
    assert.deepEqual(shown.sources, PAYLOADS);
    assert.equal(shown.error, `at 2: ${PAYLOADS[1]}${PAYLOADS[0]}`);
    assert.equal(shown.offer, PAYLOADS[4]);
    await assertNothingRan(page, watch);
  });

  it('ignores malformed host messages without throwing', async () => {
    const { page, watch } = await panel.open();
    await page.evaluate((p) => {
      const bad: unknown[] = [
        null, 'rows', { type: 'rows', from: 0, total: 1, rows: [{ seq: 0, message: { toString: () => p } }] },
        { type: 'details', seq: 1, json: { nodeType: 1 }, continuation: [] }, { type: 'nope' },
        { type: 'rows', from: 0, total: 1, rows: [{ seq: 0, time: null, level: '<b>', source: '', requestId: null, message: p, extra: 0, cut: false }] },
      ];
      for (const data of bad) window.dispatchEvent(new MessageEvent('message', { data }));
    }, PAYLOADS[0]);
    await settle(page);
    const rowCount = await page.evaluate(() => document.querySelectorAll('.row:not([hidden])').length);
    assert.equal(rowCount, 0);
    await assertNothingRan(page, watch);
  });

  it('runs under an active CSP: an inline script without the nonce is blocked', async () => {
    const { page } = await panel.open('/with-extra');
    await page.waitForFunction(() => window.__violations.length > 0);
    const state = await page.evaluate(() => ({ inline: (window as unknown as { __inline?: number }).__inline, violations: window.__violations }));
    assert.equal(state.inline, undefined);
    assert.ok(state.violations.some((v) => v.directive.startsWith('script-src')), JSON.stringify(state.violations));
  });

  it('the panel script never parses strings as HTML or code', () => {
    const dir = path.join(ROOT, 'client/src/webview');
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const banned of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /\beval\s*\(/, /new Function\s*\(/, /document\.write/]) {
        assert.ok(!banned.test(text), `${f} uses ${banned}`);
      }
    }
  });
});
