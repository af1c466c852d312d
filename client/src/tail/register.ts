// Entry point of the log tail panel on the extension host: the client calls this once on activation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerTailPanel(context: vscode.ExtensionContext, client: LanguageClient | undefined): void {
  void context;
  void client;
}
