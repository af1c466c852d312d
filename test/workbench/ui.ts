// What a user does in the workbench, by keyboard as on the desktop: open a file (Ctrl+P), go to a
// position (Ctrl+G), show Problems (Ctrl+Shift+M), run a command (F1), quick fix (Ctrl+.), save.
// Reads back what the user sees: Problems rows, squiggles, quick-fix titles, webview contents.
import type { Frame, Page } from 'playwright-core';
import { sleep, waitFor } from './harness';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} input`;
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .monaco-list-row`;

/** Focuses the editor area so that workbench keybindings go to the workbench, not a stray input. */
async function focusWorkbench(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/** Ctrl+P, type the path, Enter; resolves once the file's tab is the active one. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible' });
  // Set, not typed: keys pressed while the box is still taking focus would be lost.
  await page.fill(QUICK_INPUT_BOX, relativePath);
  const base = relativePath.split('/').pop() as string;
  // Quick open searches asynchronously: wait for a row naming the file before accepting.
  await waitFor(`quick open to list ${relativePath}`, async () => {
    const labels = await page.$$eval(QUICK_INPUT_ROWS, (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
    return labels.some((l) => l.includes(base));
  });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${base}"]`, { timeout: 15_000 });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { state: 'visible' });
}

/** Ctrl+G to a 1-based line and column in the active editor. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible' });
  await page.fill(QUICK_INPUT_BOX, `:${line}:${column}`);
  await waitFor(`go to line ${line}:${column} to be offered`, async () => {
    const label = await page.$eval(`${QUICK_INPUT_ROWS}[data-index="0"]`, (r) => r.getAttribute('aria-label') ?? r.textContent ?? '').catch(() => '');
    return label.includes(String(line));
  }, 10_000);
  await page.keyboard.press('Enter');
  await page.waitForSelector(QUICK_INPUT, { state: 'hidden' });
}

/**
 * Runs a command by its title from the command palette (F1), as a user would. The palette is
 * reopened and its text set again until the command is its first row: it may have closed or lost
 * keystrokes (a late notification can take focus), or have opened before the extension's commands
 * were registered. A timeout says what the palette showed instead.
 */
export async function runCommand(page: Page, title: string, options: { opensPicker?: boolean } = {}): Promise<void> {
  const query = `>${title}`;
  await waitFor(`command "${title}" in the command palette`, async () => {
    const dialog = page.locator('.monaco-dialog-box').first();
    if (await dialog.isVisible()) throw new Error(`a modal dialog is in the way: ${JSON.stringify((await dialog.textContent())?.slice(0, 200))}`);
    if (!(await page.isVisible(QUICK_INPUT_BOX))) {
      await focusWorkbench(page);
      await page.keyboard.press('F1');
      await page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible', timeout: 10_000 });
    }
    if ((await page.inputValue(QUICK_INPUT_BOX)) !== query) await page.fill(QUICK_INPUT_BOX, query);
    // The palette filters fuzzily: the first row must be the exact command. Give the filter a moment.
    let first = '';
    for (let i = 0; i < 8; i++) {
      first = await page.$eval(`${QUICK_INPUT_ROWS}[data-index="0"]`, (r) => r.getAttribute('aria-label') ?? '').catch(() => '');
      if (first.toLowerCase().startsWith(title.toLowerCase())) return true;
      await sleep(250);
    }
    const shown = await page.inputValue(QUICK_INPUT_BOX).catch(() => '?');
    // The palette may hold the commands known when it opened: close it, so the next try opens it
    // afresh with the commands an extension contributed since.
    await page.keyboard.press('Escape');
    throw new Error(`the palette's first row is ${JSON.stringify(first)} for ${JSON.stringify(shown)}`);
  }, 45_000, 500); // generous: on a busy machine the workbench may still be loading the extension
  await page.keyboard.press('Enter');
  // A command that asks for a choice (Open Walkthrough...) keeps the quick input open with new rows.
  if (options.opensPicker) {
    await waitFor(`"${title}" to offer its choices`, async () => (await page.inputValue(QUICK_INPUT_BOX).catch(() => query)) !== query);
    return;
  }
  await page.waitForSelector(QUICK_INPUT, { state: 'hidden' });
}

/** In an open quick pick: sets the filter text and accepts the first row once it contains `label`. */
export async function pick(page: Page, label: string): Promise<void> {
  await page.fill(QUICK_INPUT_BOX, label);
  await waitFor(`"${label}" to be offered`, async () => {
    const first = await page.$eval(`${QUICK_INPUT_ROWS}[data-index="0"]`, (r) => r.getAttribute('aria-label') ?? '').catch(() => '');
    return first.includes(label);
  });
  await page.keyboard.press('Enter');
}

/** The text of every Monaco editor on the page (editors, the output view), spaces normalised. */
export async function editorTexts(page: Page): Promise<string> {
  const texts = await page.$$eval('.view-lines', (els) => els.map((e) => e.textContent ?? ''));
  return texts.join('\n').replace(/\u00a0/g, ' ');
}

export interface ProblemRow {
  /** 'error' | 'warning' | 'info' (the row's icon). */
  severity: string;
  message: string;
  /** Diagnostic source, e.g. observability-lens. */
  source: string;
  /** Diagnostic code, e.g. the rule id. */
  code: string;
  /** "[Ln 3, Col 3]" as shown. */
  position: string;
  /** The file row this marker is listed under. */
  file: string;
}

/** Ctrl+Shift+M: shows the Problems panel. */
export async function showProblems(page: Page): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
}

/**
 * The marker rows (not the file rows) the Problems panel shows now, each with its file. The list is
 * virtual: it reuses row elements, so their DOM order need not be the order shown. Rows are read in
 * their `data-index` order, else a marker would be credited to whichever file row precedes it in the DOM.
 */
export async function problemRows(page: Page): Promise<ProblemRow[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (elements) => {
    const out: ProblemRow[] = [];
    let file = '';
    const text = (r: Element, sel: string) => (r.querySelector(sel)?.textContent ?? '').trim();
    const rows = elements.map((r) => ({ r, index: Number(r.getAttribute('data-index')) })).sort((a, b) => a.index - b.index);
    let previous = Number.NaN;
    for (const { r, index } of rows) {
      // A gap means rows scrolled out of view, perhaps the file row of the markers that follow.
      if (index !== previous + 1) file = '';
      previous = index;
      const icon = r.querySelector('.marker-icon');
      if (!icon) {
        file = text(r, '.label-name');
        continue;
      }
      out.push({
        severity: ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? 'unknown',
        message: text(r, '.marker-message'),
        source: text(r, '.marker-source'),
        code: text(r, '.marker-code'),
        position: text(r, '.marker-line'),
        file,
      });
    }
    return out;
  });
}

/** Waits until some Problems row satisfies `match`; returns all rows at that moment. */
export async function waitForProblem(page: Page, what: string, match: (row: ProblemRow) => boolean, timeoutMs = 60_000): Promise<ProblemRow[]> {
  return waitFor(`a Problems row with ${what}`, async () => {
    const rows = await problemRows(page);
    return rows.some(match) ? rows : undefined;
  }, timeoutMs, 500);
}

/** Squiggle decorations (any severity) in the visible part of the active editor. */
export async function squiggleCount(page: Page): Promise<number> {
  return page.$$eval('.editor-instance .monaco-editor .view-overlays [class*="squiggly-"]', (els) => els.length);
}

const ACTION_ROWS = '.action-widget .monaco-list-row.action';

/**
 * Ctrl+. at the cursor; returns the titles the quick-fix menu offers (the menu stays open). Pressed
 * again when no menu came: the first press may land before the server's code actions are in.
 */
export async function openQuickFixes(page: Page): Promise<string[]> {
  await waitFor('the quick-fix menu', async () => {
    await page.keyboard.press('Control+.');
    const shown = await page.waitForSelector(ACTION_ROWS, { state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!shown) await page.keyboard.press('Escape');
    return shown;
  }, 45_000, 250);
  return page.$$eval(ACTION_ROWS, (els) => els.map((e) => (e.querySelector('.title')?.textContent ?? '').trim()));
}

/** Picks the open quick-fix menu's entry whose title matches, by keyboard (arrows, Enter). */
export async function applyQuickFix(page: Page, title: RegExp): Promise<string> {
  const titles = await page.$$eval(ACTION_ROWS, (els) => els.map((e) => (e.querySelector('.title')?.textContent ?? '').trim()));
  const index = titles.findIndex((t) => title.test(t));
  if (index < 0) throw new Error(`No quick fix matching ${title}; offered: ${JSON.stringify(titles)}`);
  // The menu opens with its first action focused.
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.action-widget', { state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  return titles[index];
}

const DIRTY_TAB = '.tabs-container .tab.active.dirty';

/** Resolves once the active editor has unsaved changes (an edit landed). */
export async function waitForDirty(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForSelector(DIRTY_TAB, { timeout: timeoutMs });
}

/** Ctrl+S in the active editor; resolves once the tab no longer shows unsaved changes. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await page.waitForSelector(DIRTY_TAB, { state: 'detached', timeout: 15_000 });
}

/** Waits until the active editor shows at least one squiggle; returns how many. */
export async function waitForSquiggles(page: Page, timeoutMs = 30_000): Promise<number> {
  return waitFor('a squiggle in the editor', () => squiggleCount(page), timeoutMs);
}

/**
 * Webviews are nested iframes (an outer host frame, an inner one with the extension's HTML): the
 * frame we want is whichever one whose document has `selector`.
 */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  return waitFor(`a webview frame with ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !/webview/i.test(frame.url())) continue;
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    return undefined;
  }, timeoutMs, 500);
}

/** Waits `ms` while the workbench keeps working; for "nothing happened" checks only. */
export async function idle(ms: number): Promise<void> {
  await sleep(ms);
}
