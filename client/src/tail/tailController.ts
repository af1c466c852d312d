// The log panel on the extension host: the webview view provider, settings and workspace trust,
// and the editor-side actions (clipboard, go to code, export). The tail itself (sources, engine,
// filtered view) is a TailSession, started when the view first opens and stopped with it.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExtensionToWebview } from '../../../shared/src/panelMessages';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../../shared/src/settings';
import { goToCode } from './goToCode';
import { newNonce, renderPanelHtml } from './html';
import { TailSession, type EngineSettings } from './tailSession';
import { pickedFileSpec, planSources, type FolderTail } from './tailSources';
import { readFolders } from './workspaceTailSettings';

export const LOG_VIEW_ID = 'observabilityLens.logTail';

export class TailController implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private session: TailSession | undefined;
  private engineKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient | undefined,
  ) {
    // The `tail` section of obs-lens.config.json applies as the editor's settings do.
    const configFiles = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    this.disposables.push(
      configFiles,
      configFiles.onDidCreate(() => this.reload()),
      configFiles.onDidChange(() => this.reload()),
      configFiles.onDidDelete(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.tail`)) this.reload();
      }),
      // The workspace's restricted tail settings wait for trust; apply them the moment it is granted.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const ext = this.context.extensionUri;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')],
    };
    view.webview.html = renderPanelHtml({
      cspSource: view.webview.cspSource,
      nonce: newNonce(),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'webview.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'panel.css')).toString(),
    });
    const sub = view.webview.onDidReceiveMessage((m: unknown) => this.session?.handle(m));
    view.onDidDispose(() => {
      sub.dispose();
      if (this.view === view) this.view = undefined;
      void this.stop();
    });
    this.ensureSession();
  }

  /** Focuses the Logs view (VS Code creates `<viewId>.focus` for every view). */
  async open(): Promise<void> {
    await vscode.commands.executeCommand(`${LOG_VIEW_ID}.focus`);
  }

  async tailFile(uri?: vscode.Uri): Promise<void> {
    let file = uri;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Tail',
        title: 'Tail a log file',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { 'Log files': ['log', 'ndjson', 'jsonl', 'json', 'txt'], 'All files': ['*'] },
      });
      file = picked?.[0];
    }
    if (!file) return;
    if (file.scheme !== 'file') {
      void vscode.window.showErrorMessage('Observability Lens: only files on this machine can be tailed.');
      return;
    }
    await this.open();
    const folder = vscode.workspace.getWorkspaceFolder(file);
    this.ensureSession().addSource(pickedFileSpec(file.fsPath, folder?.uri.fsPath));
  }

  clear(): void {
    this.session?.model.clear();
  }

  async export(): Promise<void> {
    const session = this.session;
    if (!session) {
      void vscode.window.showInformationMessage('Observability Lens: the log panel has no records to export.');
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(base, `logs-${stamp}.ndjson`),
      filters: { NDJSON: ['ndjson', 'jsonl', 'log'] },
      title: 'Export the shown log records',
    });
    if (!target) return;
    const lines = [...session.exportLines()];
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8'));
      void vscode.window.showInformationMessage(`Observability Lens: exported ${lines.length} line${lines.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Observability Lens: export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }

  /** Stops every source (files, child processes, the OTLP port). */
  async stop(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    this.engineKey = '';
    await s?.dispose();
  }

  private post(m: ExtensionToWebview): void {
    // A hidden view drops messages; it asks for everything again ('ready') when shown.
    if (this.view?.visible) void this.view.webview.postMessage(m);
  }

  private ensureSession(): TailSession {
    if (this.session) return this.session;
    const folders = readFolders();
    const engine = engineSettings(folders);
    this.engineKey = JSON.stringify(engine);
    const session = new TailSession(engine, {
      post: (m) => this.post(m),
      copy: (text) => {
        void vscode.env.clipboard.writeText(text).then(() => vscode.window.setStatusBarMessage('Log record copied', 2000));
      },
      goToCode: (record) => void goToCode(record, this.client),
      manageTrust: () => void vscode.commands.executeCommand('workbench.trust.manage'),
    });
    this.session = session;
    void session.setSources(planSources(folders, vscode.workspace.isTrusted));
    return session;
  }

  /** Re-reads the tail settings: sources are reconciled; engine limits or formats need a new session. */
  private reload(): void {
    this.reloading = this.reloading.then(async () => {
      if (!this.session) return;
      const folders = readFolders();
      const engine = engineSettings(folders);
      if (JSON.stringify(engine) !== this.engineKey) {
        await this.stop();
        this.ensureSession();
        this.post({ type: 'rows', from: 0, total: 0, rows: [] });
        this.session?.model.refresh();
        return;
      }
      await this.session.setSources(planSources(folders, vscode.workspace.isTrusted));
    }).catch((err) => {
      void vscode.window.showErrorMessage(`Observability Lens: restarting log sources failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

/** One buffer serves every folder: the largest limits and every folder's fields and formats. */
function engineSettings(folders: FolderTail[]): EngineSettings {
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    maxRecords: Math.max(...folders.map((f) => Number(f.tail.maxRecords) || 0)) || DEFAULT_SETTINGS.tail.maxRecords,
    maxBytes: Math.max(...folders.map((f) => Number(f.tail.maxBytes) || 0)) || DEFAULT_SETTINGS.tail.maxBytes,
    requestIdFields: [...new Set(folders.flatMap((f) => list<string>(f.tail.requestIdFields)))],
    formats: folders.flatMap((f) => list<unknown>(f.tail.formats)),
  };
}
