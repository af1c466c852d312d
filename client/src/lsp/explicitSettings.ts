// Answers the server's workspace/configuration requests with only the settings the user actually
// set for that resource (user, workspace, folder), not VS Code's defaults. Otherwise every default
// (e.g. `ignore: []`) would override the folder's obs-lens.config.json, which the server merges
// underneath the editor settings.
import * as vscode from 'vscode';
import type { ConfigurationParams } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../../shared/src/settings';

/** Every leaf setting under observabilityLens.*, as dotted keys. */
export const SETTING_KEYS = [
  'enable',
  'rules',
  'loggerModule',
  'requestIdHeader',
  'ignore',
  'tail.files',
  'tail.command',
  'tail.otlpPort',
  'tail.maxRecords',
  'tail.maxBytes',
  'tail.requestIdFields',
  'tail.formats',
] as const;

/** Keys whose object values VS Code merges across scopes (user ⊂ workspace ⊂ folder), like get() does. */
const MERGED_OBJECT_KEYS = new Set(['rules']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The settings explicitly set for a resource, as a nested object in LensSettings' shape. */
export function explicitSettings(resource: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const inspected = config.inspect<unknown>(key);
    if (!inspected) continue;
    const layers = [inspected.globalValue, inspected.workspaceValue, inspected.workspaceFolderValue].filter((v) => v !== undefined);
    if (layers.length === 0) continue;
    if (MERGED_OBJECT_KEYS.has(key) && layers.every(isObject)) {
      setPath(out, key, Object.assign({}, ...layers));
    } else {
      setPath(out, key, layers[layers.length - 1]);
    }
  }
  return out;
}

/** Middleware for workspace/configuration: our section gets explicit settings, others pass through. */
export async function configurationMiddleware(
  params: ConfigurationParams,
  token: vscode.CancellationToken,
  next: (params: ConfigurationParams, token: vscode.CancellationToken) => unknown,
): Promise<unknown[]> {
  const ours = params.items.map((item) => item.section === SETTINGS_SECTION);
  if (!ours.some(Boolean)) return (await next(params, token)) as unknown[];
  const passed = ours.every(Boolean) ? [] : await next({ items: params.items.filter((_, i) => !ours[i]) }, token);
  const others = Array.isArray(passed) ? [...passed] : [];
  return params.items.map((item, i) => {
    if (!ours[i]) return others.shift() ?? null;
    let resource: vscode.Uri | undefined;
    try {
      resource = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    } catch {
      resource = undefined;
    }
    return explicitSettings(resource);
  });
}
