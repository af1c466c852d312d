// Entry point of the log tail panel on the extension host: the client calls this once on activation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LOG_VIEW_ID, TailController } from './tailController';

export const TAIL_COMMANDS = {
  open: 'observabilityLens.openLogTail',
  tailFile: 'observabilityLens.tailFile',
  clear: 'observabilityLens.clearLogs',
  export: 'observabilityLens.exportLogs',
} as const;

export function registerTailPanel(context: vscode.ExtensionContext, client: LanguageClient | undefined): void {
  const controller = new TailController(context, client);
  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewViewProvider(LOG_VIEW_ID, controller),
    vscode.commands.registerCommand(TAIL_COMMANDS.open, () => controller.open()),
    // From the explorer context menu the file comes as an argument; from the palette it is picked.
    vscode.commands.registerCommand(TAIL_COMMANDS.tailFile, (uri?: unknown) => controller.tailFile(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(TAIL_COMMANDS.clear, () => controller.clear()),
    vscode.commands.registerCommand(TAIL_COMMANDS.export, () => controller.export()),
  );
}
