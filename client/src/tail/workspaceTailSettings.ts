// Reads the tail settings of each workspace folder from VS Code, applying workspace trust (see
// trustedSettings.ts): in Restricted Mode the workspace's values of the restricted settings are
// left out and reported, so the panel can say what it held back and why.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../../../shared/src/settings';
import { loadConfigFile } from '../../../server/src/analysis/workspace/config';
import { tailConfigProblems } from './tailConfigProblems';
import type { FolderTail } from './tailSources';
import { resolveTailSettings, TAIL_KEYS, tailKeysInSettingsText, type SettingLayers, type TailSettingSources } from './trustedSettings';

/** A settings file larger than this is not a settings file anyone wrote: it is not read. */
const MAX_SETTINGS_FILE = 1024 * 1024;

export function readFolders(): FolderTail[] {
  const trusted = vscode.workspace.isTrusted;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const wsFile = vscode.workspace.workspaceFile;
  const workspaceFile = !trusted && wsFile?.scheme === 'file'
    ? { label: path.basename(wsFile.fsPath), keys: keysInFile(wsFile.fsPath, true) }
    : null;
  if (folders.length === 0) {
    const { tail, heldBack } = resolveTailSettings({ layers: layersFor(undefined), folderFile: { label: '', keys: new Set() }, workspaceFile }, trusted);
    return [{ name: '', path: os.homedir(), tail, heldBack }];
  }
  return folders.map((f) => {
    const inFolder = (name: string) => (folders.length > 1 ? `${f.name}/${name}` : name);
    // The same file and the same reader as `obs-lens tail` and the analysis: the editor and CI agree.
    const config = loadConfigFile(f.uri.fsPath);
    const sources: TailSettingSources = {
      layers: layersFor(f.uri),
      // Only needed to tell what is held back; a trusted workspace holds nothing back.
      folderFile: { label: inFolder('.vscode/settings.json'), keys: trusted ? new Set() : keysInFile(path.join(f.uri.fsPath, '.vscode', 'settings.json'), false) },
      workspaceFile,
      configFile: { label: inFolder(CONFIG_FILE_NAME), tail: config.settings.tail ?? {} },
    };
    const { tail, heldBack } = resolveTailSettings(sources, trusted);
    return { name: f.name, path: f.uri.fsPath, tail, heldBack, problems: tailConfigProblems(config.errors) };
  });
}

function layersFor(scope: vscode.Uri | undefined): TailSettingSources['layers'] {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const layers: TailSettingSources['layers'] = {};
  for (const key of TAIL_KEYS) {
    const i = c.inspect<unknown>(`tail.${key}`);
    if (i) layers[key] = { globalValue: i.globalValue, workspaceValue: i.workspaceValue, workspaceFolderValue: i.workspaceFolderValue } satisfies SettingLayers;
  }
  return layers;
}

/** The tail keys a settings file sets; none when it is missing, unreadable or oversized. */
function keysInFile(file: string, inWorkspaceFile: boolean): Set<string> {
  try {
    if (fs.statSync(file).size > MAX_SETTINGS_FILE) return new Set();
    return tailKeysInSettingsText(fs.readFileSync(file, 'utf8'), inWorkspaceFile);
  } catch {
    return new Set();
  }
}
