// Which tail settings the panel takes from where. A workspace's own settings (a folder's
// .vscode/settings.json, the .code-workspace file, the `tail` section of its obs-lens.config.json)
// can name files to read, a port to open, a program to run and patterns to compile; in Restricted
// Mode those values wait for trust, the user's own settings still apply, and the panel says what it
// held back. No vscode import: tests run it bare.
import type { RestrictedSettingView } from '../../../shared/src/panelMessages';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type TailSettings } from '../../../shared/src/settings';

export type TailKey = keyof TailSettings;
export const TAIL_KEYS = Object.keys(DEFAULT_SETTINGS.tail) as TailKey[];

/**
 * The restricted tail settings and what each would do. package.json lists the same keys under
 * capabilities.untrustedWorkspaces.restrictedConfigurations (a test holds the two together).
 */
export const RESTRICTED_TAIL_SETTINGS: Readonly<Partial<Record<TailKey, string>>> = {
  files: 'reads the files it names',
  command: 'runs a program',
  otlpPort: 'opens a network port',
  formats: 'compiles the regular expressions it holds',
};

export const settingName = (key: TailKey): string => `${SETTINGS_SECTION}.tail.${key}`;

/** One setting's values per scope, as VS Code's inspect() reports them. */
export interface SettingLayers {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** Where a folder's tail settings come from. */
export interface TailSettingSources {
  /** inspect() of each tail key for the folder. */
  layers: Partial<Record<TailKey, SettingLayers>>;
  /**
   * Tail keys the workspace's settings files set, read from the files themselves: in Restricted
   * Mode VS Code leaves restricted values out of inspect(), so only the files tell they are there.
   */
  folderFile: { label: string; keys: ReadonlySet<string> };
  /** The .code-workspace file of a multi-root workspace, when there is one. */
  workspaceFile: { label: string; keys: ReadonlySet<string> } | null;
  /**
   * The valid part of the folder's obs-lens.config.json `tail` section (what `obs-lens tail` reads
   * too), under every editor setting: the editor's settings win, as they do for the analysis.
   */
  configFile?: { label: string; tail: Partial<TailSettings> };
}

/**
 * The folder's tail settings: every scope when `trusted`; otherwise the restricted ones from the
 * user's settings (or the defaults) only, with each workspace value left out listed in `heldBack`.
 */
export function resolveTailSettings(src: TailSettingSources, trusted: boolean): { tail: TailSettings; heldBack: RestrictedSettingView[] } {
  const tail = { ...DEFAULT_SETTINGS.tail } as Record<TailKey, unknown>;
  const heldBack: RestrictedSettingView[] = [];
  for (const key of TAIL_KEYS) {
    const l = src.layers[key] ?? {};
    const effect = RESTRICTED_TAIL_SETTINGS[key];
    const holdBack = !trusted && effect !== undefined;
    const fromFile = src.configFile?.tail[key];
    const layers = holdBack ? [l.globalValue] : [fromFile, l.globalValue, l.workspaceValue, l.workspaceFolderValue];
    const chosen = layers.filter((v) => v !== undefined).at(-1);
    if (chosen !== undefined) tail[key] = chosen;
    if (!holdBack) continue;
    // In a single-folder workspace the folder's file is the workspace's (VS Code reports it as both).
    const ws = src.workspaceFile;
    const inWorkspaceFile = ws !== null && (ws.keys.has(key) || l.workspaceValue !== undefined);
    const inFolderFile = src.folderFile.keys.has(key) || l.workspaceFolderValue !== undefined || (ws === null && l.workspaceValue !== undefined);
    if (inFolderFile) heldBack.push({ setting: settingName(key), effect, where: src.folderFile.label });
    if (inWorkspaceFile) heldBack.push({ setting: settingName(key), effect, where: ws.label });
    if (fromFile !== undefined && src.configFile) heldBack.push({ setting: `tail.${key}`, effect, where: src.configFile.label });
  }
  return { tail: tail as unknown as TailSettings, heldBack };
}

/** The tail keys a settings file's text sets (flat `observabilityLens.tail.files` or nested objects). */
export function tailKeysInSettingsText(text: string, inWorkspaceFile: boolean): Set<string> {
  const found = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonc(text));
  } catch {
    // VS Code reads settings files leniently; a file this reader cannot parse still says which
    // settings it names (the notice is only information: the values are held back either way).
    for (const key of TAIL_KEYS) if (text.includes(`"${settingName(key)}"`)) found.add(key);
    return found;
  }
  const root = inWorkspaceFile && isObj(parsed) ? parsed.settings : parsed;
  collect(root, '', found);
  return found;
}

function collect(value: unknown, prefix: string, found: Set<string>): void {
  if (!isObj(value)) return;
  const tailPrefix = `${SETTINGS_SECTION}.tail.`;
  for (const [k, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (name.startsWith(tailPrefix) && (TAIL_KEYS as string[]).includes(name.slice(tailPrefix.length))) found.add(name.slice(tailPrefix.length));
    else if (tailPrefix.startsWith(`${name}.`)) collect(v, name, found);
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with comments and trailing commas (VS Code's settings format) as plain JSON. One pass. */
function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === ',') {
      // A comma followed (past blanks and comments) by a closing bracket is a trailing one.
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text.startsWith('//', j)) j = text.indexOf('\n', j) < 0 ? n : text.indexOf('\n', j);
        else if (text.startsWith('/*', j)) j = text.indexOf('*/', j + 2) < 0 ? n : text.indexOf('*/', j + 2) + 2;
        else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
