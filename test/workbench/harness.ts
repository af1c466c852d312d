// Runs a real VS Code workbench: code-server (Node 24) serving a folder with the extension
// installed, opened in headless Chromium through playwright-core. `close()` always ends both
// process trees, also when a test failed halfway.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installExtension, loadToolsEnv, makeTempDir, SCREENS_DIR } from './fixtures';

export interface WorkbenchOptions {
  /** The folder to open. */
  folder: string;
  /** Passes --disable-workspace-trust (no Restricted Mode). Default false: the folder is untrusted. */
  trusted?: boolean;
  /** The .vsix to install: `npm run package`'s output for the workbench suite unless told. */
  vsix?: string;
  /** Extra user settings (the workbench is quietened anyway). */
  userSettings?: Record<string, unknown>;
}

// User settings that keep a fresh profile from covering the editor with welcome pages and tips.
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  // Saving is a step the tests take (Ctrl+S), as with desktop VS Code's default.
  'files.autoSave': 'off',
};

// Quiet on a closed network (see shared/notes/real-editor.md).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns a truthy value; the error names what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(everyMs);
  }
}

export class Workbench {
  readonly page: Page;
  readonly folder: string;
  readonly port: number;
  /** Temp dir holding the extensions dir, the user data dir and code-server's log. */
  readonly home: string;
  private readonly server: ChildProcess;
  private readonly browser: Browser;
  private readonly serverLog: string;

  private constructor(init: { page: Page; folder: string; port: number; home: string; server: ChildProcess; browser: Browser; serverLog: string }) {
    this.page = init.page;
    this.folder = init.folder;
    this.port = init.port;
    this.home = init.home;
    this.server = init.server;
    this.browser = init.browser;
    this.serverLog = init.serverLog;
  }

  static async start(options: WorkbenchOptions): Promise<Workbench> {
    const tools = loadToolsEnv();
    const home = makeTempDir('home');
    const extDir = path.join(home, 'ext');
    const dataDir = path.join(home, 'data');
    fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_USER_SETTINGS, ...options.userSettings }, null, 2));
    installExtension(tools, extDir, home, options.vsix);

    const port = await freePort();
    const args = [
      tools.entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--extensions-dir', extDir,
      '--user-data-dir', dataDir,
      ...(options.trusted ? ['--disable-workspace-trust'] : []),
      options.folder,
    ];
    const serverLog = path.join(home, 'code-server.log');
    const logFd = fs.openSync(serverLog, 'a');
    // Own process group, so close() can end code-server with its extension host and language server.
    const server = spawn(tools.node, args, {
      cwd: home,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      // code-server reads ~/.config/code-server; a private HOME keeps the user's config out.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'xdg-data') },
    });
    fs.closeSync(logFd);

    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
      let exited: string | undefined;
      server.once('exit', (code, signal) => (exited = `code-server exited (${code ?? signal})`));
      await waitFor('code-server to listen', async () => {
        if (exited) throw new Error(`${exited}:\n${tail(serverLog)}`);
        return httpOk(`http://127.0.0.1:${port}/healthz`);
      }, 60_000);

      browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS, headless: true });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.folder)}`);
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
      // The explorer lists the folder once the workbench has connected to the server.
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      if (!options.trusted) await declineTrustPrompt(page);
      return new Workbench({ page, folder: options.folder, port, home, server, browser, serverLog });
    } catch (err) {
      // What the user would have seen, and what the server said, go with the error.
      if (page && err instanceof Error) {
        fs.mkdirSync(SCREENS_DIR, { recursive: true });
        const shot = path.join(SCREENS_DIR, 'FAILED-startup.png');
        await page.screenshot({ path: shot }).then(() => (err.message += `\nscreenshot: ${shot}`), () => undefined);
        err.message += `\n--- code-server log\n${tail(serverLog)}`;
      }
      await browser?.close().catch(() => undefined);
      await killGroup(server);
      if (process.env.OBS_LENS_KEEP_WORKBENCH !== '1') fs.rmSync(home, { recursive: true, force: true });
      throw err;
    }
  }

  /** Ends Chromium and code-server's whole process tree. Safe to call twice. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await killGroup(this.server);
  }

  /** Last lines of code-server's own log. */
  serverLogTail(lines = 40): string {
    return tail(this.serverLog, lines);
  }

  /** The extension host's log lines and our extension's output channel, for failure reports. */
  extensionLogs(): string {
    const logsRoot = this.logsRoot();
    return this.logFiles(/exthost\.log$|Observability Lens\.log$|remoteagent\.log$/)
      .map((p) => `--- ${path.relative(logsRoot, p)}\n${tail(p, 60)}`)
      .join('\n');
  }

  /** The log files VS Code wrote for this workbench (one per process and output channel) whose names match. */
  logFiles(name: RegExp): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      if (!fs.existsSync(dir)) return;
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (name.test(e.name)) out.push(p);
      }
    };
    walk(this.logsRoot());
    return out;
  }

  private logsRoot(): string {
    return path.join(this.home, 'data', 'logs');
  }

  /** For a failed test: a screenshot plus the logs that say why, as one printable block. */
  async failureReport(title: string): Promise<string> {
    const shot = await this.screenshot(`FAILED ${title}`).catch((err) => `(no screenshot: ${String(err)})`);
    return [`screenshot: ${shot}`, '--- code-server log', this.serverLogTail(), this.extensionLogs()].join('\n');
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    const file = path.join(SCREENS_DIR, `${name.replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/**
 * A new folder opens untrusted. Desktop VS Code asks whether to trust its authors; code-server
 * goes straight to Restricted Mode. Either way, answer as a careful user does ("No") if asked,
 * and make sure the window says it is in Restricted Mode before the test relies on it.
 */
async function declineTrustPrompt(page: Page): Promise<void> {
  const decline = page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button', { hasText: /don.t trust/i }).first();
  const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
  await waitFor('Restricted Mode (or the trust prompt)', async () => {
    if (await decline.isVisible()) {
      await decline.click();
      return false;
    }
    return (await restricted.isVisible()) && !(await page.locator('.monaco-dialog-box').isVisible());
  }, 30_000, 500);
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left of it after a grace period. */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
