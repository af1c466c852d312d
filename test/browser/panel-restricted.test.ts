// The Restricted Mode notice in the real panel (headless Chromium): which workspace settings are held
// back and why, shown as text, and a button that asks the host to open the workspace trust editor.
import * as assert from 'node:assert/strict';
import type { RestrictedSettingView } from '../../shared/src/panelMessages';
import { posted, send, settle, usePanelBrowser } from './panelHarness';

const HELD: RestrictedSettingView[] = [
  { setting: 'observabilityLens.tail.files', effect: 'reads the files it names', where: '.vscode/settings.json' },
  { setting: 'observabilityLens.tail.otlpPort', effect: 'opens a network port', where: '.vscode/settings.json' },
  { setting: 'observabilityLens.tail.formats', effect: 'compiles the regular expressions it holds', where: 'shop.code-workspace' },
];

describe('log panel: Restricted Mode notice (headless Chromium)', function () {
  this.timeout(60_000);
  const panel = usePanelBrowser();

  it('names each held-back setting with where it is set and why, and its button posts manageTrust', async () => {
    const { page, watch } = await panel.open();
    assert.equal(await page.isVisible('#restricted'), false, 'no notice while nothing is held back');
    await send(page, { type: 'restricted', settings: HELD });
    await settle(page);
    assert.equal(await page.isVisible('#restricted'), true);
    const notice = await page.evaluate(() => ({
      text: document.getElementById('restricted')!.textContent,
      settings: [...document.querySelectorAll('#restricted li')].map((li) => li.textContent),
      names: [...document.querySelectorAll('#restricted code.setting')].map((c) => c.textContent),
    }));
    assert.match(notice.text ?? '', /Restricted Mode\. This workspace is not trusted/);
    assert.deepEqual(notice.names, HELD.map((h) => h.setting));
    assert.deepEqual(notice.settings, [
      'observabilityLens.tail.files in .vscode/settings.json reads the files it names.',
      'observabilityLens.tail.otlpPort in .vscode/settings.json opens a network port.',
      'observabilityLens.tail.formats in shop.code-workspace compiles the regular expressions it holds.',
    ]);

    await page.click('#restricted button#manage-trust');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'manageTrust'), [{ type: 'manageTrust' }]);

    // Trust granted: the host sends an empty list and the notice goes.
    await send(page, { type: 'restricted', settings: [] });
    await settle(page);
    assert.equal(await page.isVisible('#restricted'), false);
    assert.deepEqual(watch.errors, []);
  });

  it('shows setting text as text, and ignores a malformed notice', async () => {
    const { page, watch } = await panel.open();
    await send(page, { type: 'restricted', settings: [{ setting: '<img src=x onerror="window.__pwned=1">', effect: 'x', where: '<b>y</b>' }] });
    await send(page, { type: 'restricted', settings: [{ setting: 42 }] } as never);
    await settle(page);
    const state = await page.evaluate(() => ({ pwned: window.__pwned, imgs: document.querySelectorAll('#restricted img, #restricted b').length, items: document.querySelectorAll('#restricted li').length }));
    assert.deepEqual(state, { pwned: undefined, imgs: 0, items: 1 });
    assert.deepEqual(watch.errors, []);
  });
});
