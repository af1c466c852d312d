// Per-file analysis results keyed by content, like ESLint's `--cache --cache-strategy content`:
// a result is reused only when the file's text, the engine version and the configuration key
// (the settings that change results) are unchanged, and the caller finds its inputs current (the
// file's package facts and the summaries of the modules it imports: see AnalysisInputs). Persisted
// as one JSON file when a location is given; a missing, stale or corrupt cache file just starts empty.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../regularFile';
import { ENGINE_VERSION } from '../version';
import type { FileAnalysis } from '../types';
import type { ServicePhaseMemo } from './servicePhase';

/** Bumped when the cache file's layout changes. */
const CACHE_FORMAT = 2;

interface CacheEntry {
  /** Hash of the file's text. */
  content: string;
  /** Hash of ENGINE_VERSION + configKey. The result carries its other inputs (FileAnalysis.inputs). */
  key: string;
  result: FileAnalysis;
}

interface CacheFile {
  format: number;
  engine: string;
  entries: Record<string, CacheEntry>;
  /** The last workspace pass: a digest of its inputs and the configuration key they gave (see analyzeWorkspace). */
  workspace?: WorkspaceMemo;
}

/**
 * What the last workspace pass saw: enough to tell whether the next one has exactly the same inputs
 * (then every result it stored is current without checking each one's inputs).
 */
export interface WorkspaceMemo {
  /** Digest of the pass's inputs. */
  token: string;
  /** Files outside the analysed set that the project model read (modules it followed imports into, manifests, tsconfigs). */
  extraFiles: string[];
  /** The service phase's findings (and summary) for exactly these inputs (see servicePhase.ts). */
  services?: ServicePhaseMemo;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal settings always hash the same whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The configuration key for cached results: a hash of the settings besides the file's own text that
 * can change a file's findings (rules, the logger module setting). Project facts and imported
 * modules are checked per result (FileAnalysis.inputs).
 */
export function computeConfigKey(parts: unknown): string {
  return hashText(stableJson(parts)).slice(0, 32);
}

export interface ResultCacheOptions {
  /** File to persist the cache in; none keeps it in memory only. */
  location?: string;
  /** Defaults to the running engine's version; a different version never reuses results. */
  engineVersion?: string;
}

export class ResultCache {
  private readonly location: string | undefined;
  private readonly engineVersion: string;
  private entries = new Map<string, CacheEntry>();
  private workspace: WorkspaceMemo | undefined;
  private dirty = false;
  private lastEntryKey: { configKey: string; key: string } | undefined;
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  constructor(options: ResultCacheOptions = {}) {
    this.location = options.location ? path.resolve(options.location) : undefined;
    this.engineVersion = options.engineVersion ?? ENGINE_VERSION;
    if (this.location) this.load(this.location);
  }

  private entryKey(configKey: string): string {
    if (this.lastEntryKey?.configKey !== configKey) {
      this.lastEntryKey = { configKey, key: hashText(`${this.engineVersion}\0${configKey}`).slice(0, 32) };
    }
    return this.lastEntryKey.key;
  }

  private load(location: string): void {
    let parsed: CacheFile;
    try {
      parsed = JSON.parse(readRegularFile(location).bytes.toString('utf8')) as CacheFile;
    } catch {
      return; // first run, or a damaged file: rebuild it
    }
    if (!parsed || parsed.format !== CACHE_FORMAT || parsed.engine !== this.engineVersion || typeof parsed.entries !== 'object') {
      this.dirty = true;
      return;
    }
    const w = parsed.workspace;
    if (w && typeof w.token === 'string' && Array.isArray(w.extraFiles) && w.extraFiles.every((f) => typeof f === 'string')) {
      const services = w.services && typeof w.services === 'object' && w.services.findings && typeof w.services.findings === 'object' ? w.services : undefined;
      this.workspace = { token: w.token, extraFiles: w.extraFiles, ...(services ? { services } : {}) };
    }
    for (const [file, entry] of Object.entries(parsed.entries)) {
      if (entry && typeof entry.content === 'string' && typeof entry.key === 'string' && entry.result) {
        this.entries.set(file, entry);
      }
    }
  }

  /**
   * The stored result for this exact text (or its hashText) and configuration, or undefined; with
   * `isCurrent`, only when it says the result's inputs (facts, imported modules) are unchanged.
   */
  get(absPath: string, text: string, configKey: string, contentHash = hashText(text), isCurrent?: (result: FileAnalysis) => boolean): FileAnalysis | undefined {
    const entry = this.entries.get(path.resolve(absPath));
    if (entry && entry.key === this.entryKey(configKey) && entry.content === contentHash && (!isCurrent || isCurrent(entry.result))) {
      this.stats.hits++;
      return entry.result;
    }
    this.stats.misses++;
    return undefined;
  }

  set(absPath: string, text: string, configKey: string, result: FileAnalysis, contentHash = hashText(text)): void {
    this.entries.set(path.resolve(absPath), { content: contentHash, key: this.entryKey(configKey), result });
    this.dirty = true;
  }

  /** The last workspace pass's memo, if the cache file had one. */
  get lastWorkspace(): WorkspaceMemo | undefined {
    return this.workspace;
  }

  rememberWorkspace(memo: WorkspaceMemo): void {
    const w = this.workspace;
    if (w && w.token === memo.token && w.extraFiles.join('\0') === memo.extraFiles.join('\0') && JSON.stringify(w.services) === JSON.stringify(memo.services)) return;
    this.workspace = memo;
    this.dirty = true;
  }

  /** Whether a result of the file is held (whatever text and settings it was made for). */
  has(absPath: string): boolean {
    return this.entries.has(path.resolve(absPath));
  }

  /** Forgets a file (deleted, or its text is no longer known). */
  delete(absPath: string): void {
    if (this.entries.delete(path.resolve(absPath))) this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Writes the cache file if anything changed. Written to a temporary file and renamed, so an
   * interrupted run never leaves half a cache. Failing to write only loses the speed-up.
   */
  save(): void {
    if (!this.location || !this.dirty) return;
    const data: CacheFile = { format: CACHE_FORMAT, engine: this.engineVersion, entries: Object.fromEntries(this.entries), workspace: this.workspace };
    // A name nobody can guess, opened exclusively ('wx'): a link planted there is never written through.
    const tmp = `${this.location}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    let created = false;
    try {
      fs.mkdirSync(path.dirname(this.location), { recursive: true });
      const fd = fs.openSync(tmp, 'wx', 0o644);
      created = true;
      try {
        fs.writeFileSync(fd, JSON.stringify(data));
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.location);
      this.dirty = false;
    } catch {
      if (created) fs.rmSync(tmp, { force: true });
    }
  }
}
