// The service phase (see rule.ts): after every file of the workspace has been noted by the project
// model, each service of the inventory is handed to every rule with a checkService, as a
// ServiceView whose parts are computed once and shared. Findings are reported at a file and range,
// kept only where the rule is enabled for that file and not suppressed there, and returned by file
// for the caller to merge into the files' own results.
import * as path from 'node:path';
import type { RuleId } from '../../../../shared/src/rules';
import { buildInventory, type ServiceInventory } from '../handlers/inventory';
import { WorkspaceFacts } from '../handlers/workspaceFacts';
import { parseForHandlers } from '../handlers/workspaceFacts';
import { editsOtherFiles, normaliseEdits } from '../edits';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';
import { lineColumn } from '../parse';
import { isInside, type ProjectModel } from '../project';
import type { FixProposal, ParsedServiceFile, Rule, ServiceRuleContext, ServiceView } from '../rule';
import { RULES } from '../rules';
import { findSuppressions, isSuppressed, type Suppressions } from '../suppressions';
import type { Finding, Fix, RuleSeverities } from '../types';
import { isAnalysable } from '../workspace/discover';
import type { ParsedFiles } from './parsedFiles';
import { DEFAULT_SETTINGS } from '../../../../shared/src/settings';

export interface ServicePhaseOptions {
  /** The severities that apply to a file (its configuration's); a rule missing there is off for it. */
  severitiesFor(file: string): RuleSeverities;
  maxFileBytes?: number;
  /** Only the services at these roots (an edit's service); default every service of `files`. */
  only?: ReadonlySet<string>;
  /** The `requestIdHeader` setting that applies to a file (lower case); default `x-request-id`. */
  requestIdHeaderFor?(file: string): string | undefined;
  /** Trees the file phase made in this pass, used instead of parsing those files again. */
  trees?: ParsedFiles;
}

export interface ServicePhaseResult {
  /** Findings by file (absolute), each file's sorted by place. */
  findings: Map<string, Finding[]>;
  /** The services checked, for reports made from the same views (the coverage summary). */
  services: ServiceView[];
  /** Rules that threw on a service (a bug to report): the other rules' findings are still there. */
  ruleErrors: Array<{ rule: RuleId; service: string; message: string }>;
}

/** The views of the services `files` belong to; files must have been noted in `project`. */
export function serviceViews(project: ProjectModel, files: readonly string[], maxFileBytes = DEFAULT_MAX_FILE_BYTES, only?: ReadonlySet<string>, trees?: ParsedFiles): ServiceView[] {
  const parsed = new Map<string, ParsedServiceFile | null>();
  const parse = (file: string): ParsedServiceFile | null => {
    let p = parsed.get(file);
    if (p !== undefined) return p;
    const text = isAnalysable(file) ? project.readFile(file) : undefined;
    p = null;
    const kept = text !== undefined ? trees?.get(file, text) : undefined;
    if (kept) p = kept;
    else if (text !== undefined && text.length <= maxFileBytes) {
      try {
        const { sf, scopes } = parseForHandlers(file, text);
        p = { file, text, sourceFile: sf, scopes };
      } catch {
        p = null; // nests too deeply to walk: nothing can be known of it
      }
    }
    parsed.set(file, p);
    return p;
  };
  // Handler discovery reads the same trees coverage and the request paths do: one parse per file a phase.
  const facts = new WorkspaceFacts(project, maxFileBytes, (file, text) => {
    const p = parse(file);
    return p && p.text === text ? p : null;
  });
  const wanted = only ? files.filter((f) => [...only].some((root) => isInside(root, f))) : files;
  return buildInventory(project, wanted, { maxFileBytes, facts, complete: !only })
    .filter((s) => !only || only.has(s.root))
    .map((s) => viewOf(s, project, wanted, facts, parse, files));
}

function viewOf(s: ServiceInventory, project: ProjectModel, files: readonly string[], facts: WorkspaceFacts, parse: (file: string) => ParsedServiceFile | null, workspace: readonly string[]): ServiceView {
  const memos = new Map<string, unknown>();
  const own = files.filter((f) => project.packageFor(f)?.dir === s.root).sort();
  let dependencyFiles: string[] | undefined;
  return {
    root: s.root,
    name: s.name,
    frameworks: s.frameworks,
    entryPoints: s.entryPoints,
    handlers: s.handlers,
    middleware: s.middleware,
    files: own,
    get dependencyFiles() {
      return (dependencyFiles ??= workspaceDependencyFiles(project, s.root, workspace));
    },
    project,
    facts: (file) => facts.facts(file),
    parsed: parse,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

/** The files of the workspace packages the package at `root` depends on (one level: what it imports by name). */
function workspaceDependencyFiles(project: ProjectModel, root: string, files: readonly string[]): string[] {
  const workspace = project.workspacePackageDirs();
  const dirs = new Set<string>();
  for (const name of project.packageFor(path.join(root, 'package.json'))?.dependencies ?? []) {
    const dir = workspace.get(name);
    if (dir && dir !== root) dirs.add(dir);
  }
  if (dirs.size === 0) return [];
  return files.filter((f) => {
    const dir = project.packageFor(f)?.dir;
    return !!dir && dirs.has(dir);
  });
}

/** Runs every rule's checkService on the services of `files`. */
export function runServicePhase(project: ProjectModel, files: readonly string[], options: ServicePhaseOptions): ServicePhaseResult {
  const rules = RULES.filter((r) => r.checkService);
  const findings = new Map<string, Finding[]>();
  const ruleErrors: ServicePhaseResult['ruleErrors'] = [];
  const enabledAnywhere = (rule: Rule) => files.some((f) => options.severitiesFor(f)[rule.meta.id]);
  const active = rules.filter(enabledAnywhere);
  const services = serviceViews(project, files, options.maxFileBytes, options.only, options.trees);
  if (active.length === 0) return { findings, services, ruleErrors };
  const suppressions = new Map<string, Suppressions>();
  for (const service of services) {
    for (const rule of active) {
      const ctx: ServiceRuleContext = {
        service,
        requestIdHeader: (file) => options.requestIdHeaderFor?.(file) ?? DEFAULT_SETTINGS.requestIdHeader,
        report: (file, at, message, fixes) => report(service, rule.meta.id, file, at, message, fixes ?? []),
      };
      try {
        rule.checkService!(service, ctx);
      } catch (err) {
        // One rule failing on one service must not cost the others their findings; the failure is reported.
        ruleErrors.push({ rule: rule.meta.id, service: service.root, message: (err as Error)?.message ?? String(err) });
      }
    }
  }
  for (const list of findings.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
  return { findings, services, ruleErrors };

  function report(service: ServiceView, rule: RuleId, file: string, at: Parameters<ServiceRuleContext['report']>[1], message: string, proposals: FixProposal[]): void {
    const severity = options.severitiesFor(file)[rule];
    const parsed = service.parsed(file);
    if (!severity || !parsed) return;
    const sf = parsed.sourceFile;
    const start = 'kind' in at ? at.getStart(sf) : at.start;
    const end = 'kind' in at ? at.end : at.end;
    if (!(start >= 0 && end >= start && end <= parsed.text.length)) return;
    const s = lineColumn(sf, start);
    let sup = suppressions.get(file);
    if (!sup) suppressions.set(file, (sup = findSuppressions(parsed.text, (o) => sf.getLineAndCharacterOfPosition(o).line)));
    if (isSuppressed(sup, rule, s.line)) return;
    const e = lineColumn(sf, end);
    // A fix that edits another file (the metrics module) is never safe: fix-all rewrites one file at a time.
    const fixes: Fix[] = proposals
      .filter((p) => p.edits.length > 0)
      .map((p): Fix => {
        const edits = normaliseEdits(file, p.edits);
        return { title: p.title, edits, safe: p.safe && !editsOtherFiles(edits), kind: 'fix' };
      });
    const finding: Finding = { rule, message, severity, start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, fixes: fixes.sort((a, b) => Number(b.safe) - Number(a.safe)) };
    const list = findings.get(file);
    if (list) {
      if (!list.some((f) => f.rule === rule && f.start === start && f.end === end && f.message === message)) list.push(finding);
    } else findings.set(file, [finding]);
  }
}
