// One running log tail: the store, the parser and pipeline, the sources feeding them, and the panel
// model the webview looks through. Also answers the webview's messages, except the few that need
// the editor (clipboard, opening files, save dialog), which go to the host callbacks.
// No vscode import, so the whole panel back end runs in plain Node tests.
import { isWebviewToExtension, type ExtensionToWebview, type RestrictedSettingView, type SourceStatusView } from '../../../shared/src/panelMessages';
import { compileQuery, fullJson, LogPipeline, LogStore, RecordParser, validateFormats, type LogRecord } from '../../../server/src/logs';
import { PanelModel, realClock, type PanelClock } from './panelModel';
import { detailsHeading } from './rowView';
import { SourceSet, type SourcePlan, type SourceSpec } from './tailSources';

export interface EngineSettings {
  maxRecords: number;
  maxBytes: number;
  requestIdFields: string[];
  formats: unknown[];
}

export interface SessionHost {
  post(m: ExtensionToWebview): void;
  copy(text: string): void;
  goToCode(record: LogRecord): void;
  /** Opens the editor's workspace trust settings (the Restricted Mode notice's button). */
  manageTrust(): void;
}

/** Lines copied in per idle step (see scheduleSettle): about a block, a few ms, so the host stays responsive. */
const SETTLE_STEP_BYTES = 1024 * 1024;
const SETTLE_PAUSE_MS = 5;

/** Details show the record as the engine understood it; a huge one is cut rather than freezing the panel. */
const DETAILS_MAX = 256 * 1024;

export class TailSession {
  readonly store: LogStore;
  readonly model: PanelModel;
  readonly sources: SourceSet;
  private readonly pipeline: LogPipeline;
  private readonly settingsProblems: SourceStatusView[] = [];
  private heldBack: RestrictedSettingView[] = [];
  private query = '';
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(engine: EngineSettings, private readonly host: SessionHost, clock: PanelClock = realClock) {
    const maxRecords = Number.isFinite(engine.maxRecords) && engine.maxRecords > 0 ? engine.maxRecords : 100_000;
    const maxBytes = Number.isFinite(engine.maxBytes) && engine.maxBytes > 0 ? engine.maxBytes : 64 * 1024 * 1024;
    this.store = new LogStore({ maxRecords, maxBytes });
    const { formats, errors } = validateFormats(Array.isArray(engine.formats) ? engine.formats : []);
    for (const e of errors) this.settingsProblems.push({ label: 'tail.formats', state: 'error', detail: e });
    const requestIdFields = Array.isArray(engine.requestIdFields) ? engine.requestIdFields.filter((f) => typeof f === 'string') : [];
    this.pipeline = new LogPipeline(this.store, new RecordParser({ formats, requestIdFields }));
    this.model = new PanelModel(this.store, (m) => host.post(m), clock);
    this.store.onAddSeq((seq) => this.model.added(seq));
    this.store.onUpdate(() => this.model.updated());
    this.sources = new SourceSet({
      data: (label, chunk, origin) => {
        this.pipeline.feed(label, chunk, origin);
        if (origin !== undefined) this.scheduleSettle();
      },
      line: (label, text) => this.pipeline.feedLine(label, text),
      end: (label) => this.pipeline.end(label),
      status: () => this.scheduleStatus(),
    });
  }

  setSources(plan: SourcePlan): Promise<void> {
    this.heldBack = plan.heldBack;
    this.host.post({ type: 'restricted', settings: this.heldBack });
    return this.sources.reconcile(plan);
  }

  addSource(spec: SourceSpec): void {
    this.sources.add(spec);
  }

  statuses(): SourceStatusView[] {
    return [...this.sources.statuses(), ...this.settingsProblems];
  }

  /** A message from the webview; anything that fails the guard is ignored. */
  handle(message: unknown): void {
    if (!isWebviewToExtension(message)) return;
    switch (message.type) {
      case 'ready':
        this.host.post({ type: 'init', query: this.query, follow: this.model.follow, counts: this.model.counts(), sources: this.statuses() });
        this.host.post({ type: 'restricted', settings: this.heldBack });
        this.host.post({ type: 'existing', offers: this.sources.offers() });
        this.model.refresh();
        break;
      case 'setQuery':
        this.setQuery(message.text);
        break;
      case 'viewport':
        this.model.viewport(message.from, message.to);
        break;
      case 'setFollow':
        this.model.setFollow(message.follow);
        break;
      case 'openRequest':
        this.model.openRequest(message.requestId);
        break;
      case 'expand': {
        const r = this.store.bySeq(message.seq);
        if (r) this.host.post({ type: 'details', seq: r.seq, json: detailsJson(r), continuation: r.continuation.slice(0, 500), heading: detailsHeading(r) });
        break;
      }
      case 'copy': {
        const r = this.store.bySeq(message.seq);
        if (r) this.host.copy(r.raw);
        break;
      }
      case 'goToCode': {
        const r = this.store.bySeq(message.seq);
        if (r) this.host.goToCode(r);
        break;
      }
      case 'manageTrust':
        this.host.manageTrust();
        break;
      case 'loadExisting':
        this.sources.loadExisting(message.id);
        break;
    }
  }

  setQuery(text: string): void {
    this.query = text;
    const { query, errors } = compileQuery(text);
    this.host.post({ type: 'queryErrors', errors: errors.map((e) => ({ message: e.message, offset: e.offset, length: e.length })) });
    // The query keeps every part that made sense, so filtering goes on while the user fixes the rest.
    this.model.setFilter(text.trim() === '' ? null : query);
  }

  /** The raw lines of what the filter shows (with their continuation lines), oldest first. */
  *exportLines(): Iterable<string> {
    for (const seq of this.model.shownSeqs()) {
      const r = this.store.bySeq(seq);
      if (!r) continue;
      yield r.raw;
      for (const c of r.continuation) yield c;
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.statusTimer);
    clearTimeout(this.settleTimer);
    this.model.dispose();
    // The store goes with the session: files are let go without copying their lines in.
    await this.sources.stopAll({ discard: true });
  }

  /**
   * Lines read from a file are kept as their place in it (see FileBlock): the panel shows them at
   * once, and in idle moments, a block at a time, copies them in, so that a later truncation of the
   * file in place (copytruncate) loses none of them.
   */
  private scheduleSettle(): void {
    if (this.settleTimer !== undefined || this.disposed) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.store.settle(SETTLE_STEP_BYTES)) this.scheduleSettle();
    }, SETTLE_PAUSE_MS);
  }

  private scheduleStatus(): void {
    // Sources report in bursts (a glob opening many files): one message per burst.
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      this.host.post({ type: 'sourceStatus', sources: this.statuses() });
      this.host.post({ type: 'existing', offers: this.sources.offers() });
    }, 50);
  }
}

function detailsJson(r: LogRecord): string {
  const parsed = fullJson(r);
  let text: string;
  try {
    text = parsed === null ? r.raw : JSON.stringify(parsed, null, 2);
  } catch {
    text = r.raw;
  }
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX)}\n… (${text.length - DETAILS_MAX} more characters)` : text;
}
