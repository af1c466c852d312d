// Settings per resource, pulled from the client with workspace/configuration (scopeUri = the
// resource) and merged over the folder's obs-lens.config.json. Nothing is kept in globals: each
// resource's result is cached until the configuration changes (clear()), exactly like
// vscode-eslint, so multi-root workspaces with different settings per folder just work.
import type { Connection } from 'vscode-languageserver/node';
import { SETTINGS_SECTION, type LensSettings } from '../../../shared/src/settings';
import { loadConfigFile, mergeSettings, validateSettings, type ValidatedSettings } from '../analysis/workspace/config';
import { createIgnoreMatcher } from '../analysis/workspace/discover';
import type { Folder, WorkspaceFolders } from './folders';
import { describeError } from './guard';

export interface ResourceSettings {
  settings: LensSettings;
  /** Problems with the configuration (config file or editor settings), each a message for the user. */
  errors: string[];
  /** The workspace folder the resource belongs to, if any. */
  folder: Folder | undefined;
  /** True for files the user excluded (`ignore`, .gitignore, node_modules, ...). */
  isIgnored(absPath: string): boolean;
}

/** Label used in messages about the editor's settings. */
export const EDITOR_SETTINGS_ORIGIN = `settings (${SETTINGS_SECTION})`;

export class SettingsStore {
  private readonly byResource = new Map<string, Promise<ResourceSettings>>();
  private readonly configFiles = new Map<string, ValidatedSettings>();
  /** Every configuration error seen since the last clear(), by resource. */
  private readonly errorsByResource = new Map<string, string[]>();
  /** Bumped by clear(), so a pull that was in flight does not record outdated errors. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolders,
    private readonly canPullConfiguration: () => boolean,
  ) {}

  /** Settings for a document or folder URI, with `path` deciding the folder (undefined for untitled). */
  forResource(uri: string, absPath: string | undefined): Promise<ResourceSettings> {
    let pending = this.byResource.get(uri);
    if (!pending) {
      pending = this.resolve(uri, absPath);
      this.byResource.set(uri, pending);
    }
    return pending;
  }

  /** Drops every cached result; the next request pulls again (didChangeConfiguration, config file change). */
  clear(): void {
    this.byResource.clear();
    this.configFiles.clear();
    this.errorsByResource.clear();
    this.generation++;
  }

  /** Distinct configuration errors across the resources resolved since the last clear(). */
  currentErrors(): string[] {
    return [...new Set([...this.errorsByResource.values()].flat())];
  }

  private configFileOf(root: string): ValidatedSettings {
    let loaded = this.configFiles.get(root);
    if (!loaded) {
      loaded = loadConfigFile(root);
      this.configFiles.set(root, loaded);
    }
    return loaded;
  }

  private async pullEditorSettings(uri: string): Promise<{ raw: unknown; error?: string }> {
    if (!this.canPullConfiguration()) return { raw: {} };
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return { raw: raw ?? {} };
    } catch (err) {
      this.connection.console.error(`Could not read settings for ${uri}: ${describeError(err)}`);
      return { raw: {} };
    }
  }

  private async resolve(uri: string, absPath: string | undefined): Promise<ResourceSettings> {
    const generation = this.generation;
    const folder = this.folders.folderFor(absPath);
    const file = folder ? this.configFileOf(folder.root) : { settings: {}, errors: [] };
    const { raw } = await this.pullEditorSettings(uri);
    const editor = validateSettings(raw, EDITOR_SETTINGS_ORIGIN);
    const settings = mergeSettings(file.settings, editor.settings);
    const errors = [...file.errors, ...editor.errors];
    if (generation === this.generation) this.errorsByResource.set(uri, errors);
    const matcher = folder ? createIgnoreMatcher(folder.root, settings.ignore) : () => false;
    return { settings, errors, folder, isIgnored: matcher };
  }
}
