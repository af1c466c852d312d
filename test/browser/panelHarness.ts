// Serves the real panel (renderPanelHtml + dist/webview.js + media/panel.css) on 127.0.0.1 and opens
// it in headless Chromium. A shim stands in for VS Code's acquireVsCodeApi and records what the
// script posts; tests drive the script with the same messages the extension host sends.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newNonce, renderPanelHtml } from '../../client/src/tail/html';
import type { ExtensionToWebview, WebviewToExtension } from '../../shared/src/panelMessages';

export const ROOT = path.resolve(__dirname, '../..');
const WEBVIEW_JS = path.join(ROOT, 'dist/webview.js');
const PANEL_CSS = path.join(ROOT, 'media/panel.css');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--headless',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/webview.js when it is missing or older than its sources. */
export function ensureWebviewBuilt(): void {
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'client/src/webview')),
    fs.statSync(path.join(ROOT, 'shared/src/panelMessages.ts')).mtimeMs,
  );
  if (fs.existsSync(WEBVIEW_JS) && fs.statSync(WEBVIEW_JS).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  // Other bundles may fail to build while their owners work; only the webview bundle matters here.
  if (!fs.existsSync(WEBVIEW_JS) || fs.statSync(WEBVIEW_JS).mtimeMs < sources) {
    throw new Error(`building dist/webview.js failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export interface PanelServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the panel at `/`, and at `/with-extra` with `extraBodyHtml` spliced before </body>. */
export async function servePanel(extraBodyHtml = ''): Promise<PanelServer> {
  const server = http.createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/dist/webview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(WEBVIEW_JS));
    } else if (url.pathname === '/media/panel.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(fs.readFileSync(PANEL_CSS));
    } else if (url.pathname === '/' || url.pathname === '/with-extra') {
      let html = renderPanelHtml({
        cspSource: origin,
        nonce: newNonce(),
        scriptUri: `${origin}/dist/webview.js`,
        styleUri: `${origin}/media/panel.css`,
      });
      if (url.pathname === '/with-extra') html = html.replace('</body>', `${extraBodyHtml}</body>`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium; a machine without it is told what to install instead of Playwright's raw error. */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium), as .ci/run does.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    __posted: WebviewToExtension[];
    __violations: { directive: string; blocked: string; sample: string }[];
    __pwned?: unknown;
  }
}

/** What a page saw besides the DOM: dialogs, console errors and page errors. */
export interface PageWatch {
  dialogs: string[];
  errors: string[];
}

/**
 * Opens the panel page with the acquireVsCodeApi shim and CSP-violation recorder installed. With
 * `fromPage`, everything the script posts is also handed to it (a real host: see PageLink).
 */
export async function openPanel(browser: Browser, url: string, viewport = { width: 1000, height: 400 }, fromPage?: (m: unknown) => void): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport, timezoneId: 'UTC' });
  const page = await context.newPage();
  if (fromPage) await page.exposeFunction('__toHost', fromPage);
  const watch: PageWatch = { dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  // Init scripts run through the DevTools protocol, outside the page's CSP, like VS Code's own preload.
  await page.addInitScript(() => {
    window.__posted = [];
    window.__violations = [];
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
      postMessage: (m: WebviewToExtension) => {
        window.__posted.push(m);
        (window as unknown as { __toHost?: (m: unknown) => void }).__toHost?.(m);
      },
      getState: () => undefined,
      setState: () => undefined,
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return { page, watch };
}

/**
 * Carries a real host's messages (a TailSession's posts) to the page in the order they were posted,
 * as VS Code does; those posted before the page is attached wait for it.
 */
export class PageLink {
  private page: Page | undefined;
  private readonly waiting: ExtensionToWebview[] = [];
  private chain: Promise<void> = Promise.resolve();

  readonly post = (m: ExtensionToWebview): void => {
    if (!this.page) {
      this.waiting.push(m);
      return;
    }
    const page = this.page;
    // A page closed at the end of a test no longer takes messages: that is not the test's failure.
    this.chain = this.chain.then(() => send(page, m)).catch(() => undefined);
  };

  attach(page: Page): void {
    this.page = page;
    for (const m of this.waiting.splice(0)) this.post(m);
  }

  /** Resolves once every message posted so far has reached the page. */
  delivered(): Promise<void> {
    return this.chain;
  }
}

/** Delivers a host message the way VS Code does: a message event on the webview's window. */
export async function send(page: Page, message: ExtensionToWebview): Promise<void> {
  await page.evaluate((m) => window.dispatchEvent(new MessageEvent('message', { data: m })), message);
}

export function posted(page: Page): Promise<WebviewToExtension[]> {
  return page.evaluate(() => window.__posted);
}

/** Waits two animation frames so rAF-coalesced renders have happened. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * The suite's browser and panel server, set up in its before hook and closed in its after hook:
 * `open(path)` opens the served panel (at `/`, or `/with-extra` with `extraBodyHtml`) in a new page.
 */
export function usePanelBrowser(extraBodyHtml = ''): {
  open(pathname?: string): Promise<{ page: Page; watch: PageWatch }>;
  /** Opens the panel with a host: what it posts goes to `fromPage`, and `link` carries the host's messages to it. */
  openWithHost(fromPage: (m: unknown) => void, link: PageLink): Promise<{ page: Page; watch: PageWatch }>;
} {
  let browser: Browser | undefined;
  let server: PanelServer | undefined;
  before(async () => {
    ensureWebviewBuilt();
    server = await servePanel(extraBodyHtml);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (pathname = '/') => openPanel(browser!, server!.origin + pathname),
    openWithHost: async (fromPage, link) => {
      const opened = await openPanel(browser!, server!.origin + '/', undefined, fromPage);
      link.attach(opened.page);
      return opened;
    },
  };
}
