// The metric rules' fixture cases, analysed as the rule tests do (a real temporary project around
// each case), with the metrics model the engine extracts from them.
import * as fs from 'node:fs';
import type ts from 'typescript';
import type { RuleId } from '../../../shared/src/rules';
import { analyzeFile, createProjectModel, noteFile, runServicePhase } from '../../../server/src/analysis';
import { mergeFindings } from '../../../server/src/analysis/services/mergeFindings';
import { extractMetrics, type FileMetrics, type MetricDefinition } from '../../../server/src/analysis/metrics';
import type { Finding } from '../../../server/src/analysis/types';
import { type FixtureCase, loadCases, writeCaseProject } from '../../support/fixtures';

export const METRIC_RULE_FOLDERS = ['metric-naming', 'invalid-metric-definition', 'high-cardinality-label'];

export function metricCases(): FixtureCase[] {
  return loadCases().filter((c) => METRIC_RULE_FOLDERS.includes(c.folder));
}

export interface AnalysedCase {
  case: FixtureCase;
  /** Absolute path the case was analysed at (inside its temporary project, since removed). */
  path: string;
  /** The temporary project's root (removed) and its files with their texts, the case's among them. */
  root: string;
  files: Array<{ path: string; text: string }>;
  findings: Finding[];
  metrics: FileMetrics & { sourceFile: ts.SourceFile };
}

/**
 * Analyses a case with only `rules` enabled, and extracts its metrics model. `servicePhase`: the
 * rules' service phase runs on the case's project too (as the rule tests do), its findings merged.
 */
export function analyseCase(c: FixtureCase, rules: RuleId[], servicePhase = false): AnalysedCase {
  const project = writeCaseProject(c);
  try {
    const model = createProjectModel(project.root, { loggerModule: null });
    for (const f of project.files) noteFile(model, f.path, f.text);
    const severities = Object.fromEntries(rules.map((id) => [id, 'warning' as const]));
    const result = analyzeFile(project.casePath, c.text, model, { severities });
    const phase = servicePhase ? runServicePhase(model, project.files.map((f) => f.path), { severitiesFor: () => severities }) : null;
    if (phase && phase.ruleErrors.length > 0) throw new Error(`${c.name}: a service rule threw: ${JSON.stringify(phase.ruleErrors)}`);
    const findings = phase ? mergeFindings(result.findings, phase.findings.get(project.casePath) ?? []) : result.findings;
    return { case: c, path: project.casePath, root: project.root, files: project.files, findings, metrics: extractMetrics(project.casePath, c.text) };
  } finally {
    fs.rmSync(project.root, { recursive: true, force: true });
  }
}

/** Findings inside the definition, or inside a call that records to it (OpenTelemetry attributes). */
export function findingsOf(def: MetricDefinition, a: AnalysedCase): Finding[] {
  const ranges = [def.node, ...a.metrics.uses.filter((u) => u.metric.def === def).map((u) => u.node)].map((n) => [n.getStart(a.metrics.sourceFile), n.end]);
  return a.findings.filter((f) => ranges.some(([start, end]) => f.start >= start && f.end <= end));
}

/** `file:line` of a definition, for assertion messages. */
export function where(def: MetricDefinition, a: AnalysedCase): string {
  const line = a.metrics.sourceFile.getLineAndCharacterOfPosition(def.node.getStart(a.metrics.sourceFile)).line + 1;
  return `${a.case.name}:${line}`;
}
