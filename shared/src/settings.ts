// The settings both the editor (observabilityLens.* in VS Code) and the CLI (obs-lens.config.json)
// understand. Keys are identical in both places so that the editor and CI agree.
import type { RuleId, SeveritySetting } from './rules';

export interface LensSettings {
  /** Master switch for the analysis in the editor. */
  enable: boolean;
  /** Per-rule severity or `off`; rules not listed use their default severity. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /**
   * The logger module fixes import, as imported from service code (for example `./lib/logger` or
   * `@acme/logger`). A path is relative to the folder of the obs-lens.config.json that sets it (the
   * workspace folder for the editor's setting). When unset, each package's own is detected.
   */
  loggerModule: string | null;
  /** Header that carries the request ID (lower case). */
  requestIdHeader: string;
  /** Globs (gitignore syntax, relative to the configuration file's folder, or the workspace folder for the editor's setting) of files never analysed. */
  ignore: string[];
  /** Log tail sources for the panel (see the tail settings). */
  tail: TailSettings;
}

export interface TailSettings {
  /** Files or globs to follow, relative to the workspace root. */
  files: string[];
  /** A command whose output is tailed, as argv (spawned without a shell). Runs only in a trusted workspace. */
  command: string[] | null;
  /** Port of the OTLP/HTTP logs receiver on 127.0.0.1; 0 disables it. */
  otlpPort: number;
  /** Ring buffer capacity. */
  maxRecords: number;
  maxBytes: number;
  /** Extra field paths that carry a request ID, tried before the built-in ones. */
  requestIdFields: string[];
  /** User-defined formats, same shape as the built-in format descriptions. */
  formats: unknown[];
  /**
   * A configured file that already holds lines is followed from its end (like `tail -f`); the panel
   * offers to load this many of its last lines. 0: no offer.
   */
  loadExisting: number;
}

export const DEFAULT_SETTINGS: LensSettings = {
  enable: true,
  rules: {},
  loggerModule: null,
  requestIdHeader: 'x-request-id',
  ignore: [],
  tail: {
    files: [],
    command: null,
    otlpPort: 0,
    maxRecords: 100_000,
    maxBytes: 64 * 1024 * 1024,
    requestIdFields: [],
    formats: [],
    loadExisting: 1000,
  },
};

/** Name of the configuration file; the nearest one at or above a file (up to the repository root) applies to it, in the CLI and the server. */
export const CONFIG_FILE_NAME = 'obs-lens.config.json';
/** Section of VS Code settings. */
export const SETTINGS_SECTION = 'observabilityLens';
