// "Go to code" from a log record: the record's own caller file and line when that file is in the
// workspace, else the language server's answer to "which log call wrote this message?".
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FindLogCallSiteRequest, type LogCallSite } from '../../../shared/src/protocol';
import { fullJson, type LogRecord } from '../../../server/src/logs';
import { callerCandidates, lookupFields, workspaceFile } from './callerPaths';

export async function goToCode(record: LogRecord, client: LanguageClient | undefined): Promise<void> {
  if (record.caller) {
    const file = await findCallerFile(record.caller.file);
    if (file) {
      await openAt(file, Math.max(0, record.caller.line - 1), 0);
      return;
    }
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('Observability Lens: the language server is not running, so the log call cannot be looked up.');
    return;
  }
  let sites: LogCallSite[];
  try {
    const parsed = fullJson(record);
    const result = await client.sendRequest(FindLogCallSiteRequest, {
      message: record.message,
      fields: lookupFields(parsed),
      callerFile: record.caller?.file,
      callerLine: record.caller?.line,
    });
    sites = Array.isArray(result?.sites) ? result.sites : [];
  } catch (err) {
    void vscode.window.showErrorMessage(`Observability Lens: looking up the log call failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (sites.length === 0) {
    void vscode.window.showInformationMessage(`Observability Lens: no log call in the workspace writes "${truncate(record.message, 80)}".`);
    return;
  }
  let site = sites[0];
  if (sites.length > 1) {
    const picked = await vscode.window.showQuickPick(
      sites.map((s) => ({
        label: s.template || '(no constant message)',
        description: `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}:${s.line + 1}`,
        site: s,
      })),
      { title: 'Which log call wrote this record?', matchOnDescription: true },
    );
    if (!picked) return;
    site = picked.site;
  }
  await openAt(vscode.Uri.parse(site.uri), site.line, site.character);
}

/** The caller file as a workspace file: as given, relative to a folder, or by its trailing path. */
async function findCallerFile(file: string): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  for (const candidate of callerCandidates(file, folders)) {
    const real = workspaceFile(candidate, folders);
    if (real) return vscode.Uri.file(real);
  }
  // Logs from a container name /app/src/x.ts; the workspace has it at <folder>/src/x.ts.
  const base = path.basename(file.replace(/\\/g, '/'));
  if (!base || folders.length === 0) return undefined;
  const found = await vscode.workspace.findFiles(`**/${base.replace(/[[\]{}*?]/g, '?')}`, '**/node_modules/**', 50);
  const want = file.replace(/\\/g, '/').split('/').filter(Boolean).reverse();
  let best: string | undefined;
  let bestScore = 1;
  for (const uri of found) {
    const real = workspaceFile(uri.fsPath, folders);
    if (!real) continue; // found through a link that leads out of the workspace
    const have = uri.fsPath.replace(/\\/g, '/').split('/').filter(Boolean).reverse();
    let score = 0;
    while (score < want.length && score < have.length && want[score] === have[score]) score++;
    if (score > bestScore) {
      best = real;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : vscode.Uri.file(best);
}

async function openAt(uri: vscode.Uri, line: number, character: number): Promise<void> {
  const pos = new vscode.Position(line, character);
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: true });
  } catch (err) {
    void vscode.window.showErrorMessage(`Observability Lens: cannot open ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
