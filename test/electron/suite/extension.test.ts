// Runs inside VS Code: the extension activates, its server publishes diagnostics, settings apply
// per resource, and the fix-all command edits the document.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../shared/src/rules';

const EXTENSION_ID = 'observability-lens.observability-lens';

function appUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'src', 'app.ts');
}

function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && (rule === undefined || (typeof d.code === 'object' ? d.code.value : d.code) === rule));
}

function waitFor(description: string, predicate: () => boolean, timeoutMs = 30000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${description}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

describe('Observability Lens in VS Code', () => {
  before(async () => {
    const doc = await vscode.workspace.openTextDocument(appUri());
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('observabilityLens', appUri()).update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['observabilityLens.restartServer', 'observabilityLens.fixAll', 'observabilityLens.showOutput']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('shows diagnostics with the rule code and a docs link', async () => {
    await waitFor('console-logging diagnostics', () => ours(appUri(), 'console-logging').length > 0);
    const [d] = ours(appUri(), 'console-logging');
    assert.equal(typeof d.code === 'object' ? d.code.target.toString().endsWith('console-logging.md') : false, true);
  });

  it('applies settings from the workspace configuration', async () => {
    await waitFor('console-logging diagnostics', () => ours(appUri(), 'console-logging').length > 0);
    await vscode.workspace.getConfiguration('observabilityLens', appUri()).update('rules', { 'console-logging': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('console-logging gone', () => ours(appUri(), 'console-logging').length === 0);
  });

  it('fixes all safe problems with the fixAll command', async () => {
    await waitFor('diagnostics', () => ours(appUri()).length > 0);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const before = editor.document.getText();
    await vscode.commands.executeCommand('observabilityLens.fixAll');
    assert.notEqual(editor.document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
