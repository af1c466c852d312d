// Which log sources the panel runs, from the tail settings of each workspace folder, and the
// bookkeeping of running them (start, stop, status). No vscode import: tests run it bare.
import * as path from 'node:path';
import type { ExistingLinesOffer, RestrictedSettingView, SourceStatusView } from '../../../shared/src/panelMessages';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, type TailSettings } from '../../../shared/src/settings';
import type { LogSource, SourceEvent, SourceSink, StopOptions } from '../../../server/src/logs/types';
import type { FileOrigin } from '../../../server/src/logs/fileBlock';
import { CommandSource, FileSource, OtlpReceiver } from '../../../server/src/logs/sources';

export type SourceSpec =
  | {
      kind: 'file';
      label: string;
      pattern: string;
      cwd: string;
      fromStart: boolean;
      /** Put before each file's name in the records' source column (a multi-root workspace's folder). */
      prefix: string;
      /** Offer to load this many of the last lines a file held when it was opened at its end; 0: no offer. */
      offerLines: number;
    }
  | { kind: 'command'; label: string; argv: string[]; cwd: string }
  | { kind: 'otlp'; label: string; port: number };

export interface FolderTail {
  /** Folder name, used to tell sources of different folders apart in a multi-root workspace. */
  name: string;
  /** Absolute folder path: relative files and globs are resolved against it. */
  path: string;
  tail: TailSettings;
  /** Workspace values of restricted settings left out of `tail` because the workspace is not trusted. */
  heldBack?: RestrictedSettingView[];
  /** Problems with the folder's obs-lens.config.json `tail` section, each a message (its valid part applies). */
  problems?: string[];
}

export interface SourcePlan {
  specs: SourceSpec[];
  /** Sources that will not run, and why (untrusted workspace, bad setting). */
  notRunning: SourceStatusView[];
  /** Workspace settings not applied in Restricted Mode (the panel explains them), each once. */
  heldBack: RestrictedSettingView[];
}

export const UNTRUSTED_COMMAND =
  'not run: the workspace is not trusted. observabilityLens.tail.command runs a program, which happens only in a trusted workspace; trust the workspace to start it.';

/** Turns per-folder settings into sources; commands only when the workspace is trusted. */
export function planSources(folders: readonly FolderTail[], trusted: boolean): SourcePlan {
  const specs: SourceSpec[] = [];
  const notRunning: SourceStatusView[] = [];
  const multi = folders.length > 1;
  const prefixOf = (f: FolderTail) => (multi ? `${f.name}: ` : '');
  const labelFor = (f: FolderTail, text: string) => prefixOf(f) + text;
  const seen = new Set<string>();
  const push = (s: SourceSpec) => {
    if (seen.has(s.label)) return;
    seen.add(s.label);
    specs.push(s);
  };
  for (const f of folders) {
    for (const detail of f.problems ?? []) notRunning.push({ label: labelFor(f, CONFIG_FILE_NAME), state: 'error', detail });
    const files = Array.isArray(f.tail.files) ? f.tail.files : [];
    for (const pattern of files) {
      if (typeof pattern !== 'string' || pattern.trim() === '') continue;
      push({ kind: 'file', label: labelFor(f, pattern), pattern, cwd: f.path, fromStart: false, prefix: prefixOf(f), offerLines: offerLines(f.tail.loadExisting) });
    }
    const cmd = f.tail.command;
    if (cmd !== null && cmd !== undefined) {
      const label = labelFor(f, Array.isArray(cmd) ? cmd.join(' ') : String(cmd));
      if (!Array.isArray(cmd) || cmd.length === 0 || !cmd.every((a) => typeof a === 'string') || cmd[0] === '') {
        notRunning.push({ label, state: 'error', detail: 'observabilityLens.tail.command must be a non-empty array of strings (program, then arguments)' });
      } else if (!trusted) {
        notRunning.push({ label, state: 'blocked', detail: UNTRUSTED_COMMAND });
      } else {
        push({ kind: 'command', label, argv: cmd, cwd: f.path });
      }
    }
    const port = f.tail.otlpPort;
    if (typeof port === 'number' && port > 0) {
      if (!Number.isInteger(port) || port > 65535) notRunning.push({ label: 'otlp', state: 'error', detail: `observabilityLens.tail.otlpPort ${port} is not a port number` });
      else push({ kind: 'otlp', label: port === 4318 ? 'otlp' : `otlp:${port}`, port });
    }
  }
  const heldBack = new Map<string, RestrictedSettingView>();
  for (const f of folders) for (const h of f.heldBack ?? []) heldBack.set(`${h.setting}\n${h.where}`, h);
  return { specs, notRunning, heldBack: [...heldBack.values()] };
}

/** A number of lines from the setting; anything else is the default. */
function offerLines(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? Math.min(value, 1_000_000) : DEFAULT_SETTINGS.tail.loadExisting;
}

/** A file the user picked with "Tail File...": read from its start, labelled relative to the folder. */
export function pickedFileSpec(file: string, folderPath: string | undefined): SourceSpec {
  const rel = folderPath ? path.relative(folderPath, file) : '';
  const label = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return { kind: 'file', label, pattern: file, cwd: folderPath ?? path.dirname(file), fromStart: true, prefix: '', offerLines: 0 };
}

function create(spec: SourceSpec): LogSource {
  switch (spec.kind) {
    case 'file':
      return new FileSource(spec.pattern, { cwd: spec.cwd, fromStart: spec.fromStart });
    case 'command':
      return new CommandSource(spec.argv, { cwd: spec.cwd });
    case 'otlp':
      return new OtlpReceiver({ port: spec.port, host: '127.0.0.1' });
  }
}

export interface SourceOutput {
  /**
   * Valid only during the call; `origin` when the bytes are a file's (see FileBlock). `label` is what
   * the records' source column shows: the file's name for a file source, else the source's label.
   */
  data(label: string, chunk: Buffer, origin?: FileOrigin): void;
  line(label: string, text: string): void;
  end(label: string): void;
  /** Statuses or offers changed. */
  status(): void;
}

interface Running {
  spec: SourceSpec;
  source: LogSource;
  status: SourceStatusView;
  /** The labels its records were fed under (one per file of a glob), each ended when it stops. */
  fed: Set<string>;
}

interface Offer extends ExistingLinesOffer {
  /** The running source's key and the file's absolute path. */
  key: string;
  path: string;
}

/** What to tell the user when an offer can no longer be kept. */
const EARLIER_LINES_GONE = 'its earlier lines can no longer be loaded: the file was truncated or replaced since';

/** Runs a set of sources; reconciling to a new plan restarts only what changed. */
export class SourceSet {
  private readonly running = new Map<string, Running>();
  private notRunning: SourceStatusView[] = [];
  private readonly extras = new Map<string, SourceSpec>();
  private readonly offered = new Map<string, Offer>();
  private nextOffer = 1;

  constructor(private readonly out: SourceOutput) {}

  /** Starts what is new, stops what is gone, keeps what is unchanged (no re-read, no restart). */
  async reconcile(plan: SourcePlan): Promise<void> {
    const wanted = new Map([...plan.specs, ...this.extras.values()].map((s) => [keyOf(s), s]));
    const stops: Promise<void>[] = [];
    for (const [key, r] of this.running) {
      if (!wanted.has(key)) {
        this.running.delete(key);
        stops.push(this.stopOne(r));
      }
    }
    this.notRunning = plan.notRunning;
    await Promise.all(stops);
    for (const [key, spec] of wanted) if (!this.running.has(key)) this.start(key, spec);
    this.out.status();
  }

  /** A source added by the user (not from settings): it survives settings changes. */
  add(spec: SourceSpec): void {
    const key = keyOf(spec);
    this.extras.set(key, spec);
    if (!this.running.has(key)) this.start(key, spec);
    this.out.status();
  }

  statuses(): SourceStatusView[] {
    return [...[...this.running.values()].map((r) => r.status), ...this.notRunning];
  }

  /** Files followed from their end that held lines before, whose last lines the user may load. */
  offers(): ExistingLinesOffer[] {
    return [...this.offered.values()].map(({ id, file, bytes, lines }) => ({ id, file, bytes, lines }));
  }

  /** Loads what offer `id` names; false when there is no such offer or its lines are gone. */
  loadExisting(id: string): boolean {
    const offer = this.offered.get(id);
    if (!offer) return false;
    this.offered.delete(id);
    const r = this.running.get(offer.key);
    const loaded = r?.source instanceof FileSource && r.source.loadEarlier(offer.path, offer.lines);
    if (r && !loaded) r.status = { ...r.status, detail: `${offer.file}: ${EARLIER_LINES_GONE}` };
    this.out.status();
    return loaded;
  }

  /** Stops every source; `discard` when their records will not be read again (see StopOptions). */
  async stopAll(options: StopOptions = {}): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map((r) => this.stopOne(r, options)));
  }

  private start(key: string, spec: SourceSpec): void {
    const label = spec.label;
    let source: LogSource;
    try {
      source = create(spec);
    } catch (err) {
      this.notRunning.push({ label, state: 'error', detail: (err as Error).message });
      return;
    }
    // Running only once the source says so ('opened'): a file is not followed until it is open, and
    // lines written before that are existing content, skipped like `tail -f` does.
    const r: Running = { spec, source, status: { label, state: 'waiting', detail: 'starting' }, fed: new Set([label]) };
    this.running.set(key, r);
    const nameOf = (file: string | undefined): string => {
      if (spec.kind !== 'file' || file === undefined || !(source instanceof FileSource)) return label;
      const name = spec.prefix + source.nameOf(file);
      r.fed.add(name);
      return name;
    };
    const sink: SourceSink = {
      data: (chunk, origin, file) => this.out.data(nameOf(file), chunk, origin),
      line: (text) => this.out.line(label, text),
      event: (e) => {
        r.status = statusOf(label, e);
        if (e.type === 'exited') this.out.end(label);
        if (spec.kind === 'file' && 'file' in e && e.file !== undefined) this.noteFileEvent(key, spec, e, nameOf(e.file));
        this.out.status();
      },
    };
    try {
      source.start(sink);
    } catch (err) {
      // A source that throws on start must not take the panel down with it.
      r.status = { label, state: 'error', detail: (err as Error).message };
    }
  }

  /**
   * A file opened past lines it already held gets an offer to load them (a configured file, read from
   * its end); a file truncated, replaced or deleted since loses its offer.
   */
  private noteFileEvent(key: string, spec: Extract<SourceSpec, { kind: 'file' }>, e: SourceEvent & { file?: string }, name: string): void {
    for (const [id, o] of this.offered) if (o.key === key && o.path === e.file) this.offered.delete(id);
    if (e.type !== 'opened' || !e.skipped || spec.offerLines <= 0 || e.file === undefined) return;
    const id = `offer-${this.nextOffer++}`;
    this.offered.set(id, { id, key, path: e.file, file: name, bytes: e.skipped, lines: spec.offerLines });
  }

  private async stopOne(r: Running, options: StopOptions = {}): Promise<void> {
    // Called once the source left `running`: its offers go with it.
    for (const [id, o] of this.offered) if (!this.running.has(o.key)) this.offered.delete(id);
    try {
      await r.source.stop(options);
    } catch {
      // Stopping is best effort; the process or handle is gone either way.
    }
    for (const label of r.fed) this.out.end(label);
  }
}

function keyOf(s: SourceSpec): string {
  return JSON.stringify(s);
}

function statusOf(label: string, e: SourceEvent): SourceStatusView {
  switch (e.type) {
    case 'opened':
      return { label, state: 'running', detail: e.detail ?? '' };
    case 'waiting':
      return { label, state: 'waiting', detail: e.detail };
    case 'rotated':
      return { label, state: 'running', detail: e.detail ?? 'rotated' };
    case 'truncated':
      return { label, state: 'running', detail: e.detail ?? 'truncated, reading from the start' };
    case 'deleted':
      return { label, state: 'waiting', detail: e.detail ?? 'deleted; waiting for it to come back' };
    case 'exited':
      return { label, state: 'stopped', detail: e.signal ? `exited on ${e.signal}` : `exited with code ${e.code}` };
    case 'error':
      return { label, state: 'error', detail: e.message };
  }
}
