// The service phase of a workspace pass (see rule.ts): run after every file is analysed (or taken
// from the cache), its findings merged into the files' results. On a warm start (the cache saw
// exactly these inputs) its findings and summary come from the cache's workspace memo; otherwise
// it needs the project model, which notes every file first.
import type { FileAnalysis, Finding, RuleSeverities } from '../types';
import type { ProjectModel } from '../project';
import type { ServiceCoverageSummary } from '../metrics/coverageSummary';
import { engine } from './engine';
import { mergeFindings } from '../services/mergeFindings';
import type { ParsedFiles } from '../services/parsedFiles';

/** What the service phase produced, as the cache keeps it. */
export interface ServicePhaseMemo {
  /** Findings by absolute file path. */
  findings: Record<string, Finding[]>;
  /** Present when a summary was asked for. */
  summary?: ServiceCoverageSummary[];
  /** Rules that threw on a service (see ServicePhaseResult.ruleErrors). */
  ruleErrors?: Array<{ rule: string; service: string; message: string }>;
}

export interface ServicePhaseInputs {
  project: () => ProjectModel;
  /** Every file the project model was built from (the services are theirs). */
  modelFiles: readonly string[];
  severitiesFor(file: string): RuleSeverities;
  /** The `requestIdHeader` setting that applies to a file. */
  requestIdHeaderFor?(file: string): string | undefined;
  maxFileBytes: number;
  summary: boolean;
  /** Trees the file phase kept (see services/parsedFiles.ts). */
  trees?: ParsedFiles;
}

/** Whether any rule with a service phase is enabled for some file. */
export function serviceRulesEnabled(files: readonly string[], severitiesFor: (file: string) => RuleSeverities): boolean {
  const ids = engine()
    .RULES.filter((r) => r.checkService)
    .map((r) => r.meta.id);
  return ids.length > 0 && files.some((f) => ids.some((id) => severitiesFor(f)[id]));
}

export function runServicePhaseFor(inputs: ServicePhaseInputs): ServicePhaseMemo {
  const { runServicePhase, coverageSummaryOf } = engine();
  const enabled = serviceRulesEnabled(inputs.modelFiles, inputs.severitiesFor);
  if (!enabled && !inputs.summary) return { findings: {} };
  const result = runServicePhase(inputs.project(), inputs.modelFiles, {
    // With no service rule on, the phase runs for the summary alone.
    severitiesFor: enabled ? inputs.severitiesFor : () => ({}),
    maxFileBytes: inputs.maxFileBytes,
    trees: inputs.trees,
    requestIdHeaderFor: inputs.requestIdHeaderFor,
  });
  const memo: ServicePhaseMemo = { findings: Object.fromEntries(result.findings), ...(result.ruleErrors.length ? { ruleErrors: result.ruleErrors } : {}) };
  if (inputs.summary) memo.summary = coverageSummaryOf(result.services);
  return memo;
}

/** The results with each file's service findings added (new objects: cached results stay as stored). */
export function mergeServiceFindings(results: FileAnalysis[], memo: ServicePhaseMemo): FileAnalysis[] {
  return results.map((r) => {
    const extra = memo.findings[r.path];
    if (!extra || extra.length === 0 || r.skipped) return r;
    return { ...r, findings: mergeFindings(r.findings, extra) };
  });
}
