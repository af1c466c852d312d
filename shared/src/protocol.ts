// Custom LSP messages between the extension client and the language server. Both sides import
// these typed message objects; never spell a method name as a string elsewhere.
import { RequestType, RequestType0, NotificationType } from 'vscode-languageserver-protocol';

/** Panel → server: which call site wrote this log record? */
export interface FindLogCallSiteParams {
  /** The record's message, as logged (after any formatting). */
  message: string;
  /** The record's other top-level fields (bindings and fields), used to break ties. */
  fields?: Record<string, unknown>;
  /** Where the record itself says it was written (caller file and line), which wins when present. */
  callerFile?: string;
  callerLine?: number;
}
export interface LogCallSite {
  uri: string;
  /** 0-based. */
  line: number;
  character: number;
  /** The call's constant message template, for display. */
  template: string;
}
export interface FindLogCallSiteResult {
  sites: LogCallSite[];
}
export const FindLogCallSiteRequest = new RequestType<FindLogCallSiteParams, FindLogCallSiteResult, void>(
  'observabilityLens/findLogCallSite',
);

/** Server → client: a file was not analysed, and why (too large, unreadable, ...). */
export interface FileSkippedParams {
  uri: string;
  reason: string;
}
export const FileSkippedNotification = new NotificationType<FileSkippedParams>('observabilityLens/fileSkipped');

/** Server → client: progress of the background workspace analysis, for the status bar. */
export interface WorkspaceStatusParams {
  state: 'analysing' | 'idle';
  filesAnalysed: number;
  filesTotal: number;
  findings: number;
  /** Present when configuration is invalid: a message for the user. */
  configError?: string;
}
export const WorkspaceStatusNotification = new NotificationType<WorkspaceStatusParams>('observabilityLens/workspaceStatus');

/** One handler in the coverage summary: where its route is registered (0-based) and what measures it. */
export interface CoverageHandler {
  method: string;
  /** Null when the path is computed at run time. */
  path: string | null;
  uri: string;
  line: number;
  character: number;
  /** What measures it (`middleware: express-prom-bundle`), empty for an unmeasured handler. */
  measuredBy: string[];
  /** Why something that would measure it does not (an opt-out). */
  notes: string[];
}
export interface ServiceCoverage {
  /** The service's folder. */
  uri: string;
  name: string | null;
  measured: number;
  total: number;
  unmeasured: CoverageHandler[];
  measuredHandlers: CoverageHandler[];
  scrapeEndpoints: CoverageHandler[];
  /** Handlers in tests, scripts and other code that does not run in the service (not counted). */
  outsideService: CoverageHandler[];
  /** OPTIONS routes (CORS preflight): not counted. */
  preflight: CoverageHandler[];
}
export interface CoverageSummaryResult {
  services: ServiceCoverage[];
}
/** Client → server: per service, which HTTP handlers are measured and by what (as `obs-lens check --summary`). */
export const CoverageSummaryRequest = new RequestType0<CoverageSummaryResult, void>('observabilityLens/coverageSummary');
