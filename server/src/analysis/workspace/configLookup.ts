// Which configuration applies to a file: the nearest obs-lens.config.json at or above it, up to the
// repository root (as ESLint's flat config and vscode-eslint's working directories do), or one
// fixed configuration for every file (the CLI's --config). Paths in a configuration (`loggerModule`,
// `ignore`) are relative to its own folder. Each folder's answer is looked up once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type LensSettings } from '../../../../shared/src/settings';
import type { ConfiguredLoggerModule } from '../model/facts';
import { isInside } from '../model/paths';
import { loadConfigFromPath, mergeSettings, type SettingsLayer, type ValidatedSettings } from './config';

export interface AppliedConfig {
  /** The configuration file (absolute), or null when none applies (the defaults). */
  readonly file: string | null;
  /** The folder its relative paths are relative to: the file's folder (the root without a file). */
  readonly dir: string;
  /** The file's own settings layer, as validated. */
  readonly layer: SettingsLayer;
  /** The layer over the defaults. */
  readonly settings: LensSettings;
  /** Problems with the file, each a message for the user (the valid part still applies). */
  readonly errors: string[];
}

export interface ConfigLookupOptions {
  /** How a configuration file is named in messages (default: its path relative to the root). */
  label?: (absPath: string) => string;
}

export class ConfigLookup {
  private readonly byDir = new Map<string, AppliedConfig>();
  private readonly loaded = new Map<string, AppliedConfig>();
  private readonly defaults: AppliedConfig;

  private constructor(
    readonly root: string,
    private readonly options: ConfigLookupOptions,
    private readonly fixed: AppliedConfig | null,
  ) {
    this.defaults = { file: null, dir: root, layer: {}, settings: mergeSettings(), errors: [] };
  }

  /** The nearest configuration file of each file applies. */
  static nearest(root: string, options: ConfigLookupOptions = {}): ConfigLookup {
    return new ConfigLookup(path.resolve(root), options, null);
  }

  /** One configuration for every file: a --config file (relative paths from its folder), or settings given directly (from the root). */
  static fixed(root: string, config: { file: string | null; validated: ValidatedSettings }): ConfigLookup {
    const rootAbs = path.resolve(root);
    const file = config.file ? path.resolve(config.file) : null;
    const layer = config.validated.settings;
    return new ConfigLookup(rootAbs, {}, { file, dir: file ? path.dirname(file) : rootAbs, layer, settings: mergeSettings(layer), errors: config.validated.errors });
  }

  /** Settings given directly (tests, benchmarks): every file, relative to the root. */
  static ofSettings(root: string, settings: LensSettings): ConfigLookup {
    const rootAbs = path.resolve(root);
    return new ConfigLookup(rootAbs, {}, { file: null, dir: rootAbs, layer: settings, settings, errors: [] });
  }

  forFile(absPath: string): AppliedConfig {
    return this.fixed ?? this.forDir(path.dirname(path.resolve(absPath)));
  }

  /** The configuration for a folder itself (the nearest at or above it). */
  forFolder(dir: string): AppliedConfig {
    return this.fixed ?? this.forDir(path.resolve(dir));
  }

  /** Every configuration looked up so far (for error reports and cache inputs). */
  used(): AppliedConfig[] {
    if (this.fixed) return [this.fixed];
    return [...new Set(this.byDir.values())];
  }

  private forDir(dir: string): AppliedConfig {
    const known = this.byDir.get(dir);
    if (known) return known;
    let applied: AppliedConfig;
    const file = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(file)) applied = this.load(file);
    else if (dir !== this.root && isInside(this.root, dir) && path.dirname(dir) !== dir) applied = this.forDir(path.dirname(dir));
    else applied = this.defaults;
    this.byDir.set(dir, applied);
    return applied;
  }

  private load(file: string): AppliedConfig {
    let config = this.loaded.get(file);
    if (!config) {
      const label = this.options.label?.(file) ?? (path.relative(this.root, file).split(path.sep).join('/') || CONFIG_FILE_NAME);
      const validated = loadConfigFromPath(file, label);
      config = { file, dir: path.dirname(file), layer: validated.settings, settings: mergeSettings(validated.settings), errors: validated.errors };
      this.loaded.set(file, config);
    }
    return config;
  }

  /** The `loggerModule` of a configuration for the engine: the specifier and the folder it is relative to. */
  loggerModuleOf(config: AppliedConfig): ConfiguredLoggerModule | null {
    return configuredLoggerModule(config, config.file ? path.relative(this.root, config.file).split(path.sep).join('/') : 'settings');
  }
}

/** The `loggerModule` of a configuration for the engine: the specifier and the folder it is relative to. */
export function configuredLoggerModule(config: Pick<AppliedConfig, 'settings' | 'dir'>, source: string): ConfiguredLoggerModule | null {
  const spec = config.settings.loggerModule;
  if (!spec || !spec.trim()) return null;
  return { specifier: spec.trim(), base: config.dir, source };
}
