// Settings per resource, pulled from the client with workspace/configuration (scopeUri = the
// resource) and merged over the obs-lens.config.json that applies to it (the nearest at or above
// it, up to the repository root; its relative paths are relative to its own folder, the editor's
// to the workspace folder). Nothing is kept in globals: each resource's result is cached until the
// configuration changes (clear()), exactly like vscode-eslint, so multi-root workspaces with
// different settings per folder just work.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { SETTINGS_SECTION, type LensSettings } from '../../../shared/src/settings';
import type { ConfiguredLoggerModule } from '../analysis/model/facts';
import { findRepositoryRoot } from '../analysis/model/repositoryRoot';
import { mergeSettings, validateSettings, type SettingsLayer } from '../analysis/workspace/config';
import { type AppliedConfig, ConfigLookup, configuredLoggerModule } from '../analysis/workspace/configLookup';
import { createIgnoreMatcher } from '../analysis/workspace/discover';
import type { Folder, WorkspaceFolders } from './folders';
import { describeError } from './guard';

export interface ResourceSettings {
  settings: LensSettings;
  /** Problems with the configuration (config file or editor settings), each a message for the user. */
  errors: string[];
  /** The workspace folder the resource belongs to, if any. */
  folder: Folder | undefined;
  /** The configuration file that applies (null: none). */
  configFile: string | null;
  /** The `loggerModule` setting with the folder it is relative to. */
  loggerModule: ConfiguredLoggerModule | null;
  /** True for files the user excluded (`ignore`, .gitignore, node_modules, ...). */
  isIgnored(absPath: string): boolean;
  /** The editor's own settings (validated), to combine with another file's configuration. */
  editor: { settings: SettingsLayer; errors: string[] };
}

/** Label used in messages about the editor's settings. */
export const EDITOR_SETTINGS_ORIGIN = `settings (${SETTINGS_SECTION})`;

export class SettingsStore {
  private readonly byResource = new Map<string, Promise<ResourceSettings>>();
  /** Configuration lookups per workspace folder (bounded by the folder's repository root). */
  private readonly lookups = new Map<string, ConfigLookup>();
  /** Settings of workspace files scanned under a folder's editor settings, per configuration that applies. */
  private readonly combined = new WeakMap<ResourceSettings, Map<AppliedConfig, ResourceSettings>>();
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
    this.lookups.clear();
    this.errorsByResource.clear();
    this.generation++;
  }

  /** Distinct configuration errors across the resources resolved since the last clear(). */
  currentErrors(): string[] {
    return [...new Set([...this.errorsByResource.values()].flat())];
  }

  /** The configuration that applies to a resource of a folder: the folder's own when the resource is the folder. */
  private configOf(folder: Folder, absPath: string): AppliedConfig {
    let lookup = this.lookups.get(folder.root);
    if (!lookup) {
      const label = (abs: string) => path.relative(folder.root, abs).split(path.sep).join('/') || abs;
      this.lookups.set(folder.root, (lookup = ConfigLookup.nearest(findRepositoryRoot(folder.root), { label })));
    }
    return absPath === folder.root ? lookup.forFolder(folder.root) : lookup.forFile(absPath);
  }

  /**
   * Settings of a workspace file under its folder's editor settings (the scan pulls those once per
   * folder), over the configuration that applies to the file itself.
   */
  forWorkspaceFile(folderSettings: ResourceSettings, absPath: string): ResourceSettings {
    const folder = folderSettings.folder;
    if (!folder) return folderSettings;
    const config = this.configOf(folder, absPath);
    let byConfig = this.combined.get(folderSettings);
    if (!byConfig) this.combined.set(folderSettings, (byConfig = new Map()));
    let rs = byConfig.get(config);
    if (!rs) {
      const { editor } = folderSettings;
      byConfig.set(config, (rs = combine(folder, config, editor, [...config.errors, ...editor.errors])));
      // A nested configuration's problems count for the status like the folder's own.
      if (config.file && config.errors.length > 0) this.errorsByResource.set(config.file, config.errors);
    }
    return rs;
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
    const config = folder && absPath ? this.configOf(folder, absPath) : null;
    const { raw } = await this.pullEditorSettings(uri);
    const editor = validateSettings(raw, EDITOR_SETTINGS_ORIGIN);
    const errors = [...(config?.errors ?? []), ...editor.errors];
    if (generation === this.generation) this.errorsByResource.set(uri, errors);
    return combine(folder, config, editor, errors);
  }
}

/** The editor's settings over a configuration file's, each relative path from where it was set. */
function combine(folder: Folder | undefined, config: AppliedConfig | null, editor: { settings: SettingsLayer; errors: string[] }, errors: string[]): ResourceSettings {
  const settings = mergeSettings(config?.layer ?? {}, editor.settings);
  // The editor's paths are relative to the workspace folder; a configuration file's to its own folder.
  const fromEditor = (key: 'loggerModule' | 'ignore') => editor.settings[key] !== undefined || !config;
  const base = (key: 'loggerModule' | 'ignore') => (fromEditor(key) ? folder?.root : config?.dir);
  const loggerBase = base('loggerModule');
  const loggerModule = loggerBase ? configuredLoggerModule({ settings, dir: loggerBase }, fromEditor('loggerModule') ? EDITOR_SETTINGS_ORIGIN : (config?.file ?? 'settings')) : null;
  const ignoreBase = base('ignore');
  const matcher = folder ? createIgnoreMatcher(folder.root, []) : () => false;
  const own = ignoreBase && settings.ignore.length > 0 ? createIgnoreMatcher(ignoreBase, settings.ignore) : () => false;
  return {
    settings,
    errors,
    folder,
    configFile: config?.file ?? null,
    loggerModule,
    isIgnored: (p) => matcher(p) || own(p),
    editor,
  };
}
