// The service phase in the editor (see rule.ts): findings no single file shows (a handler no
// metric measures) are worked out per service after the workspace scan, and again after an edit
// for the service of the edited file and the services that read its package, debounced so typing never waits for it. Each service
// runs in its own turn of the event loop. Results are kept by file and merged into the file's
// diagnostics whenever the file is published (Validator.publish asks findingsFor). What each run
// worked out of a service beyond findings (its coverage summary, its handlers' details for the
// hover) is kept too, so the coverage request and the hover answer from the last run instead of
// running the phase again; a service is recomputed only when its files change. That work waits:
// it is done when the summary or a hover asks, or a moment after the run, never before the
// findings and the scan's idle status are out (the connection writes each message in turns of its
// own, and a service's details, a fifth of a 2,000-file scan's phase, held them back).
import * as path from 'node:path';
import { resolveSeverities, runServicePhase, coverageSummaryOf, handlerDetailsOf, type HandlerDetails, type ServiceCoverageSummary, type ServiceView } from '../analysis/index';
import type { Finding, RuleSeverities } from '../analysis/types';
import type { ProjectModel } from '../analysis/project';
import type { ParsedFiles } from '../analysis/services/parsedFiles';
import type { AnalysisStore } from './analysisStore';
import type { WorkspaceFolders } from './folders';
import type { ProjectRegistry } from './projects';
import type { ServerLog } from './serverLog';
import type { ResourceSettings, SettingsStore } from './settings';
import { describeError } from './guard';

/** After the last edit, the service is checked again this much later. */
export const SERVICE_DEBOUNCE_MS = 400;

/** A run's summary and hover work is done this long after it, unless asked for first. */
const DETAILS_DELAY_MS = 250;

export interface ServiceFindingsDeps {
  folders: WorkspaceFolders;
  settings: SettingsStore;
  projects: ProjectRegistry;
  store: AnalysisStore;
  log: ServerLog;
  /** Publishes a file again (its stored analysis with the current service findings). */
  republish(absPath: string): void;
}

interface FolderFiles {
  root: string;
  files: string[];
  rs: ResourceSettings;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What the last run worked out of one service. */
interface ServiceResults {
  summary: ServiceCoverageSummary;
  handlers: HandlerDetails[];
}

export class ServiceFindings {
  private readonly byFile = new Map<string, Finding[]>();
  /** By service root, from the last run that checked the service. */
  private readonly byService = new Map<string, ServiceResults>();
  /** By service root, the work that keeps the last run's results (byService), not done yet. */
  private readonly detailsDue = new Map<string, () => void>();
  private detailsTimer: NodeJS.Timeout | undefined;
  /** The workspace files of each folder, as the last scan listed them. */
  private folders: FolderFiles[] = [];
  /** Resolved when the run scheduled next has published its findings (the scan waits on it to report idle). */
  private readonly publishedWaiters: Array<() => void> = [];
  /** The last scan's trees, until the run after it has used them. */
  private scanTrees: ParsedFiles | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: Set<string> | 'all' = new Set();
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ServiceFindingsDeps) {}

  findingsFor(absPath: string): readonly Finding[] {
    return this.byFile.get(absPath) ?? [];
  }

  /** The scan finished: every service of these files is checked (debounced like an edit). */
  afterScan(folders: FolderFiles[], trees?: ParsedFiles): Promise<void> {
    this.folders = folders;
    // The scan's trees serve the run that follows it (handler discovery and coverage read the same files).
    this.scanTrees = trees;
    // No pause after a scan (that is for typing): the scan's own time is the wait. Resolves when
    // the findings are published, so the scan reports idle only then (the summary and the hover's
    // handler details are worked out after it, or when summary() or a hover asks first).
    const published = new Promise<void>((resolve) => this.publishedWaiters.push(resolve));
    this.schedule('all', 0);
    return published;
  }

  /** A file was edited (or changed on disk): its service is checked again after a pause. */
  afterEdit(absPath: string): void {
    this.schedule(absPath);
  }

  /** Resolves when every scheduled check has run (for the summary request). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise((r) => setTimeout(r, 20));
    await this.running;
  }

  /** The coverage summary of every service in the workspace, as the last run of each service left it (call after settled()). */
  summary(): ServiceCoverageSummary[] {
    this.keepDetailsNow();
    return [...this.byService.keys()].sort().map((root) => this.byService.get(root)!.summary);
  }

  /** The handlers registered in a file, as the last run of their service saw them (call after settled()). */
  handlersIn(absPath: string): HandlerDetails[] {
    this.keepDetailsNow();
    const out: HandlerDetails[] = [];
    for (const results of this.byService.values()) for (const h of results.handlers) if (h.file === absPath) out.push(h);
    return out;
  }

  private schedule(what: string | 'all', delayMs = SERVICE_DEBOUNCE_MS): void {
    if (what === 'all') this.pending = 'all';
    else if (this.pending !== 'all') this.pending.add(what);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const pending = this.pending;
      this.pending = new Set();
      const waiters = this.publishedWaiters.splice(0);
      this.running = this.running.then(() => this.run(pending, waiters)).catch((err: unknown) => this.deps.log.error('service findings failed', { error: describeError(err) }));
    }, delayMs);
  }

  private async run(pending: Set<string> | 'all', waiters: Array<() => void>): Promise<void> {
    try {
      await this.publishFindings(pending);
    } finally {
      for (const resolve of waiters) resolve();
    }
    this.scheduleDetails();
  }

  /** Runs the service phase for the pending services and publishes its findings; each service's summary and hover work waits in detailsDue. */
  private async publishFindings(pending: Set<string> | 'all'): Promise<void> {
    const checked = new Set<string>();
    const trees = this.scanTrees;
    this.scanTrees = undefined;
    for (const folder of this.folders) {
      const model = this.deps.projects.forFile(folder.root, folder.root);
      const severitiesFor = (file: string): RuleSeverities => {
        const rs = this.deps.settings.forWorkspaceFile(folder.rs, file);
        return rs.settings.enable && !rs.isIgnored(file) ? resolveSeverities(rs.settings.rules) : {};
      };
      const headerFor = (file: string): string => this.deps.settings.forWorkspaceFile(folder.rs, file).settings.requestIdHeader;
      const roots = this.rootsOf(model, folder.files, pending);
      for (const root of roots) {
        this.detailsDue.set(root, this.runService(model, folder.files, root, severitiesFor, headerFor, trees));
        checked.add(root);
        await yieldToEventLoop();
      }
    }
    // After a scan every service was checked: those no folder holds any more (a folder removed) go.
    if (pending === 'all') {
      for (const root of [...this.byService.keys()]) if (!checked.has(root)) this.byService.delete(root);
      for (const root of [...this.detailsDue.keys()]) if (!checked.has(root)) this.detailsDue.delete(root);
    }
    // The run after a scan was the last reader of the scan's texts.
    if (trees) this.deps.projects.forgetScanTexts();
  }

  /** The services to check: every package folder of the files, or those of the edited files. */
  private rootsOf(model: ProjectModel, files: readonly string[], pending: Set<string> | 'all'): string[] {
    const all = new Set<string>();
    for (const f of files) {
      const dir = model.packageFor(f)?.dir;
      if (dir) all.add(dir);
    }
    if (pending === 'all') return [...all].sort();
    const edited = new Set<string>();
    for (const f of pending) {
      const dir = model.packageFor(f)?.dir;
      // A file outside every service (a shared module) may change any of them.
      if (!dir || !all.has(dir)) return [...all].sort();
      edited.add(dir);
    }
    // A service reads the workspace packages it depends on (a metrics middleware, a library's
    // LoggerModule) and its launchers' files (their preloads), which depend on it: an edit of either
    // checks it again.
    // Dependents are followed through packages in between (an API using a common package that
    // re-exports a metrics one); what a launcher starts, one level.
    const out = new Set(edited);
    const manifests = new Map([...all].map((root) => [root, model.packageFor(path.join(root, 'package.json'))]));
    for (const dir of edited) {
      const launcher = manifests.get(dir);
      for (const [root, m] of manifests) if (launcher && !out.has(root) && m?.name && launcher.dependencies.has(m.name)) out.add(root);
    }
    const todo = [...edited];
    for (let dir = todo.pop(); dir !== undefined; dir = todo.pop()) {
      const name = manifests.get(dir)?.name;
      if (!name) continue;
      for (const [root, m] of manifests) {
        if (out.has(root) || !m?.dependencies.has(name)) continue;
        out.add(root);
        todo.push(root);
      }
    }
    return [...out].sort();
  }

  /** Checks one service and publishes what changed; returns the work that keeps its summary and handler details. */
  private runService(model: ProjectModel, files: readonly string[], root: string, severitiesFor: (file: string) => RuleSeverities, headerFor: (file: string) => string, trees?: ParsedFiles): () => void {
    const result = runServicePhase(model, files, { severitiesFor, requestIdHeaderFor: headerFor, only: new Set([root]), trees });
    for (const e of result.ruleErrors) this.deps.log.error('rule failed', { service: e.service, rule: e.rule, error: e.message });
    const changed = new Set<string>();
    for (const file of [...this.byFile.keys()]) {
      if (model.packageFor(file)?.dir !== root) continue;
      if (!result.findings.has(file)) {
        this.byFile.delete(file);
        changed.add(file);
      }
    }
    for (const [file, list] of result.findings) {
      const before = this.byFile.get(file);
      if (before && JSON.stringify(before) === JSON.stringify(list)) continue;
      this.byFile.set(file, list);
      changed.add(file);
    }
    for (const file of changed) this.deps.republish(file);
    return () => this.keepResults(root, result.services, headerFor);
  }

  /**
   * Keeps the waiting services' results a moment from now, then the rest one service per turn of the
   * event loop (each holds its service's views and trees until then).
   */
  private scheduleDetails(soon = false): void {
    if (this.detailsTimer || this.detailsDue.size === 0) return;
    this.detailsTimer = setTimeout(() => {
      this.detailsTimer = undefined;
      const next = this.detailsDue.entries().next();
      if (next.done) return;
      this.detailsDue.delete(next.value[0]);
      next.value[1]();
      this.scheduleDetails(true);
    }, soon ? 0 : DETAILS_DELAY_MS);
    // A pending summary does not keep the process alive.
    this.detailsTimer.unref();
  }

  /** Keeps every waiting service's results now (the summary or a hover asks for them). */
  private keepDetailsNow(): void {
    for (const [root, keep] of [...this.detailsDue]) {
      this.detailsDue.delete(root);
      keep();
    }
  }

  /** The summary and handler details of the service, from the views its rules used (coverage memoised, files parsed once). */
  private keepResults(root: string, services: readonly ServiceView[], headerFor: (file: string) => string): void {
    const service = services.find((v) => v.root === root);
    try {
      if (service) this.byService.set(root, { summary: coverageSummaryOf([service])[0], handlers: handlerDetailsOf(service, headerFor) });
      else this.byService.delete(root); // no longer a service (its framework or start script gone)
    } catch (err) {
      // The findings are published already; the summary and hover lose this service until its next run.
      this.byService.delete(root);
      this.deps.log.error('service summary failed', { service: root, error: describeError(err) });
    }
  }
}
