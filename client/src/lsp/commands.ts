// The language-server commands: restart the server, fix all safe problems in the active editor
// (the same code action codeActionsOnSave runs), and show the output channel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND } from '../../../shared/src/rules';
import { showHandlerCoverage } from './coverage';
import { openExampleService } from './example';

export const COMMANDS = {
  restartServer: 'observabilityLens.restartServer',
  fixAll: 'observabilityLens.fixAll',
  showOutput: 'observabilityLens.showOutput',
  openExample: 'observabilityLens.openExample',
  showHandlerCoverage: 'observabilityLens.showHandlerCoverage',
} as const;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the language server.');
      await client.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.openExample, () => openExampleService(context)),
    vscode.commands.registerCommand(COMMANDS.showHandlerCoverage, () => showHandlerCoverage(client, output)),
    vscode.commands.registerCommand(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const document = editor.document;
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        whole,
        FIX_ALL_KIND,
      );
      const fixAll = (actions ?? []).find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
      if (!fixAll?.edit) {
        void vscode.window.setStatusBarMessage('Observability Lens: nothing to fix safely', 3000);
        return;
      }
      await vscode.workspace.applyEdit(fixAll.edit);
    }),
  );
}
