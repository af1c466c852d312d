// A small LSP client for tests: spawns the real bundled server (node dist/server.js --stdio),
// speaks JSON-RPC to it, answers its requests (workspace/configuration with per-test settings,
// progress creation, registrations) and records what it sends (diagnostics, messages, custom
// notifications) so tests can wait for what a user would see.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type Range,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {
  FileSkippedNotification,
  WorkspaceStatusNotification,
  type FileSkippedParams,
  type WorkspaceStatusParams,
} from '../../shared/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** OBS_LENS_SERVER points the tests at another server bundle (then nothing is built). */
const SERVER_PATH = process.env.OBS_LENS_SERVER ? path.resolve(process.env.OBS_LENS_SERVER) : path.join(REPO_ROOT, 'dist', 'server.js');

let built = false;
/** Bundles dist/server.js once per test run, so the tests always exercise the current source. */
export function ensureServerBuilt(): void {
  if (built || process.env.OBS_LENS_SERVER) return;
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  built = true;
}

export interface PublishedDiagnostics {
  version?: number;
  diagnostics: Diagnostic[];
}

export interface LspClientOptions {
  /** Workspace folders (absolute paths). */
  folders: string[];
  /** Answers workspace/configuration for a scope URI; the default answers {} (no editor settings). */
  settings?: (scopeUri: string | undefined, section: string | undefined) => unknown;
  /** Whether to advertise window.workDoneProgress. */
  progress?: boolean;
  /** Extra environment variables for the server process (e.g. OBS_LENS_TIME_BUDGET_MS). */
  env?: Record<string, string>;
  /** Whether workspace edits may hold documentChanges with file creation (as VS Code's do); default true. */
  documentChanges?: boolean;
  /** Node options for the server process (a profile: `--cpu-prof`, which NODE_OPTIONS refuses). */
  execArgv?: string[];
}

interface Waiter {
  check(): boolean;
}

const DEFAULT_WAIT_MS = 15_000;

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** Every publishDiagnostics, in order. */
  readonly diagnosticsLog: Array<{ uri: string } & PublishedDiagnostics> = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly skipped: FileSkippedParams[] = [];
  readonly statuses: WorkspaceStatusParams[] = [];
  readonly progress: unknown[] = [];
  configurationRequests = 0;
  stderr = '';
  settings: (scopeUri: string | undefined, section: string | undefined) => unknown;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: LspClientOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
  }

  /** The server process id (benchmarks read its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: LspClientOptions): Promise<LspTestClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    client.wire();
    connection.listen();
    const folders = options.folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) }));
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...(options.documentChanges === false ? {} : { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }),
        },
        window: { workDoneProgress: options.progress ?? true, showMessage: {} },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
          },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => this.settings(item.scopeUri, item.section) ?? null);
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      this.notify();
    });
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const entry = { version: params.version, diagnostics: params.diagnostics };
      this.diagnostics.set(params.uri, entry);
      this.diagnosticsLog.push({ uri: params.uri, ...entry });
      this.notify();
    });
    c.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    c.onNotification(LogMessageNotification.type, (params) => this.logs.push(params.message));
    c.onNotification(FileSkippedNotification, (params) => {
      this.skipped.push(params);
      this.notify();
    });
    c.onNotification(WorkspaceStatusNotification, (params) => {
      this.statuses.push(params);
      this.notify();
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) if (w.check()) this.waiters.delete(w);
  }

  /** Resolves when `predicate` holds (checked now and after every message from the server). */
  waitFor(description: string, predicate: () => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out waiting for ${description}.\nServer log:\n${this.logs.slice(-20).join('\n')}\nstderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => {
          if (this.exited) {
            clearTimeout(timer);
            reject(new Error(`Server exited while waiting for ${description}.\nstderr:\n${this.stderr.slice(-2000)}`));
            return true;
          }
          if (!predicate()) return false;
          clearTimeout(timer);
          resolve();
          return true;
        },
      };
      if (!waiter.check()) this.waiters.add(waiter);
    });
  }

  /** Waits until the latest diagnostics published for `uri` satisfy `predicate`, and returns them. */
  async waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[], version?: number) => boolean = () => true): Promise<Diagnostic[]> {
    await this.waitFor(`diagnostics for ${uri} (last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => d.code) ?? null)})`, () => {
      const latest = this.diagnostics.get(uri);
      return latest !== undefined && predicate(latest.diagnostics, latest.version);
    });
    return this.diagnostics.get(uri)!.diagnostics;
  }

  /** Waits for diagnostics of the current version of an open document. */
  waitForCurrent(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (d, version) => version === this.versions.get(uri) && predicate(d));
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document (a valid change under incremental sync). */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    const text = this.texts.get(uri);
    if (text === undefined) throw new Error(`${uri} is not open`);
    return text;
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** Code actions for a range; diagnostics default to the latest published ones overlapping it. */
  async codeActions(uri: string, range: Range, only?: string[], diagnostics?: Diagnostic[]): Promise<CodeAction[]> {
    const context = {
      diagnostics: diagnostics ?? (this.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => rangesOverlap(d.range, range)),
      ...(only ? { only } : {}),
    };
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context });
    return (result ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  /** Applies a workspace edit to an open document's text and sends it as a didChange. */
  async applyWorkspaceEdit(edit: WorkspaceEdit | undefined, uri: string): Promise<string> {
    const text = applyWorkspaceEditToText(this.text(uri), edit, uri);
    await this.change(uri, text);
    return text;
  }

  async setSettings(settings: (scopeUri: string | undefined, section: string | undefined) => unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  request<P, R>(type: { method: string }, params: P): Promise<R> {
    return this.connection.sendRequest(type.method, params) as Promise<R>;
  }

  /** Orderly shutdown; the process is killed if it does not exit by itself. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(3000)]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      await Promise.race([new Promise<void>((resolve) => this.child.once('exit', () => resolve())), delay(3000)]);
    }
    if (!this.exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }

  get isRunning(): boolean {
    return !this.exited;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function isCommand(value: CodeAction | Command): value is Command {
  return typeof (value as Command).command === 'string';
}

export function fileUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Offset of an LSP position in a text (UTF-16, lines split at \n, \r\n or \r as LSP says). */
export function offsetAt(text: string, position: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const ch = text[i++];
    if (ch === '\r' && text[i] === '\n') i++;
    if (ch === '\n' || ch === '\r') line++;
  }
  return i + position.character;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function applyWorkspaceEditToText(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  if (!edit) throw new Error('the code action has no edit');
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  return applyTextEdits(text, edits);
}

/** The text a diagnostic's range covers. */
export function textOf(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}
