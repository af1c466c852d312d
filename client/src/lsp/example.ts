// "Open the Example Service" (the walkthrough's first step): the .vsix carries the example service's
// sources; this copies them into the extension's global storage, a folder the extension owns, and
// opens it. Only regular files are copied (no links), and an existing copy is replaced whole, so the
// walkthrough always starts from the planted mistakes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** What of examples/express-service the copy holds: its sources and manifest, no builds or logs. */
const EXAMPLE_ENTRIES = ['package.json', 'tsconfig.json', 'README.md', 'src', 'scripts', 'test'];

function copyRegularFiles(from: string, to: string): void {
  const stat = fs.lstatSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) copyRegularFiles(path.join(from, name), path.join(to, name));
  } else if (stat.isFile()) {
    fs.copyFileSync(from, to);
  }
}

export async function openExampleService(context: vscode.ExtensionContext): Promise<void> {
  const source = context.asAbsolutePath(path.join('examples', 'express-service'));
  if (!fs.existsSync(path.join(source, 'package.json'))) {
    void vscode.window.showErrorMessage('Observability Lens: this installation does not include the example service.');
    return;
  }
  const target = path.join(context.globalStorageUri.fsPath, 'express-service');
  fs.rmSync(target, { recursive: true, force: true });
  for (const entry of EXAMPLE_ENTRIES) {
    const from = path.join(source, entry);
    if (fs.existsSync(from)) copyRegularFiles(from, path.join(target, entry));
  }
  await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(target), { forceNewWindow: false });
}
