// Extension entry: starts the language client, the status bar, the commands and the log panel.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_READY_MESSAGE, logEntry } from '../../shared/src/logEntry';
import { WorkspaceStatusNotification } from '../../shared/src/protocol';
import { SETTINGS_SECTION } from '../../shared/src/settings';
import { COMMANDS, registerCommands } from './lsp/commands';
import { CLIENT_NAME, createLanguageClient } from './lsp/languageClient';
import { createStatusBar } from './lsp/statusBar';
import { registerTailPanel } from './tail/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activatedAt = performance.now();
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(output);
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  registerCommands(context, languageClient, output);

  const statusBar = createStatusBar(COMMANDS.showOutput);
  context.subscriptions.push(statusBar.item);
  context.subscriptions.push(languageClient.onNotification(WorkspaceStatusNotification, (status) => statusBar.update(status)));

  // Settings are pulled per resource; the server only needs to know that they changed.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION) && languageClient.isRunning()) {
        void languageClient.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
  );

  try {
    await languageClient.start();
    // How long a user waits for the server: from activation to its answer to `initialize`.
    output.appendLine(logEntry(CLIENT_READY_MESSAGE, { activationToServerAnswerMs: Math.round(performance.now() - activatedAt) }));
  } catch (err) {
    output.appendLine(`The language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
  registerTailPanel(context, languageClient);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
