// metric-naming: metric and label names that Prometheus's own lint (`promtool check metrics`)
// rejects: counters without `_total`, units not in their base unit or abbreviated, the type in the
// name, `:`, camelCase, `_count`/`_sum`/`_bucket` where the type does not make them, no help text.
// The message names the lint-clean name; renaming changes the exported series, so a person decides.
// The rename fix covers the file's own places in the file phase; when the service names the metric
// in other files too, the service phase reports the same finding with the rename at every place
// (metrics/renameEverywhere.ts), and its fix supersedes the file's (services/mergeFindings.ts).
import ts from '../typescriptModule';
import type { MetricDefinition, MetricUse } from '../metrics';
import { indexOf } from '../metrics/fileIndex';
import { LABEL_NAME, METRIC_NAME } from '../metrics/promClientValidation';
import { type CleanName, labelProblems, lintCleanName, nameProblems, PROBLEMS, snakeCase } from '../metrics/promlint';
import { otelPrometheusLabel, otelPrometheusName } from '../metrics/prometheusName';
import type { FixProposal, Rule, RuleContext, ServiceRuleContext, ServiceView } from '../rule';
import { nameLiteral, renameEdit, serviceMetricNames } from '../metrics/renameEverywhere';
import { unwrap } from '../scopes';
import type { TextEdit } from '../types';

const LINT = '(promtool check metrics)';
const MAX_RENAME_PLACES = 50;

export const MESSAGES = {
  name: (name: string, problems: string[], clean: CleanName) => `Metric name \`${name}\`: ${problems.join('; ')} ${LINT}. Lint-clean name: \`${clean.name}\`${rescaleNote(clean)}.`,
  exported: (name: string, exported: string, problems: string[], clean: CleanName) =>
    `Metric \`${name}\` is exported to Prometheus as \`${exported}\`: ${problems.join('; ')} ${LINT}. Lint-clean name: \`${clean.name}\`${rescaleNote(clean)}.`,
  template: (text: string, problems: string[]) => `Metric name ${text}: ${problems.join('; ')} ${LINT}, whatever its computed part.`,
  noHelp: (name: string) => `Metric \`${name}\` has no help text ${LINT}: pass a \`description\`; it becomes the # HELP line.`,
  label: (label: string, problems: string[], clean: string | null) => `Label \`${label}\`: ${problems.join('; ')} ${LINT}.${clean ? ` Lint-clean name: \`${clean}\`.` : ''}`,
  attribute: (key: string, label: string, problems: string[], clean: string | null) =>
    `Attribute \`${key}\` is exported as the label \`${label}\`: ${problems.join('; ')} ${LINT}.${clean ? ` Lint-clean name: \`${clean}\`.` : ''}`,
};

function rescaleNote(clean: CleanName): string {
  return clean.rescaled ? ` (the values change unit too: ${clean.rescaled.to}, not ${clean.rescaled.from})` : '';
}

/** A string literal written at the place itself (a rename edits it there). */
function literalAt(expr: ts.Expression | null): ts.StringLiteralLike | null {
  const e = expr && unwrap(expr);
  return e && ts.isStringLiteralLike(e) ? e : null;
}

/** The literal rewritten with the same quotes (the new name holds only letters, digits and `_`). */
function replaceLiteral(literal: ts.StringLiteralLike, value: string, sf: ts.SourceFile): TextEdit {
  const start = literal.getStart(sf);
  const quote = sf.text[start];
  return { start, end: literal.end, newText: `${quote}${value}${quote}` };
}

/**
 * Renames a prom-client metric where this file names it: the name literal of every definition
 * with that name (the same metric registered in several registries) and registry lookups
 * (`register.getSingleMetric('name')`). Never safe: dashboards, alerts and recording rules query
 * the old name, and a rescaled unit needs its values converted.
 */
function renameFix(def: MetricDefinition, oldName: string, clean: string, ctx: RuleContext): FixProposal[] {
  if (!literalAt(def.name.state === 'known' ? def.name.expr : null)) return [];
  const sf = ctx.sourceFile;
  const index = indexOf(ctx.metrics);
  if (index.byName.has(clean)) return []; // the new name would register a second metric under an existing name
  const places = (index.byName.get(oldName)?.length ?? 0) + (index.lookupsByName.get(oldName)?.length ?? 0);
  // A name written in more places than a person would review in one fix (generated code): no fix.
  if (places > MAX_RENAME_PLACES) return [];
  const edits: TextEdit[] = [];
  for (const d of index.byName.get(oldName) ?? []) {
    const literal = d.library === 'prom-client' && d.name.state === 'known' ? literalAt(d.name.expr) : null;
    if (literal) edits.push(replaceLiteral(literal, clean, sf));
  }
  for (const lookup of index.lookupsByName.get(oldName) ?? []) edits.push(replaceLiteral(lookup.nameArg, clean, sf));
  return [{ title: `Rename the metric to \`${clean}\` (changes the exported series)`, edits, safe: false }];
}

function checkPromClient(def: MetricDefinition, name: string, ctx: RuleContext): void {
  // An invalid name is rejected at run time: invalid-metric-definition reports it.
  if (!METRIC_NAME.test(name)) return;
  const problems = nameProblems({ name, kind: def.kind, hasHelp: true, labelNames: [] });
  if (problems.length > 0 && def.name.state === 'known') {
    const clean = lintCleanName(name, def.kind);
    ctx.report(def.name.expr, MESSAGES.name(name, problems, clean), renameFix(def, name, clean.name, ctx));
  }
  for (const label of def.labelNameList ?? []) {
    if (typeof label.value !== 'string' || !LABEL_NAME.test(label.value)) continue;
    const labelIssues = labelProblems(def.kind, label.value);
    if (labelIssues.length) ctx.report(label.expr, MESSAGES.label(label.value, labelIssues, cleanLabel(label.value)));
  }
}

/**
 * A name built in a template (`${queue.name}_active_count`, one gauge per queue): what its written
 * parts already decide, judged with each computed part taken for a plain word (`x_active_count`):
 * a `_count` or `_total` suffix the type does not make, a unit abbreviated or not in its base unit.
 * No lint-clean name (its computed part is not known) and no fix.
 */
function checkTemplateName(def: MetricDefinition, ctx: RuleContext): void {
  const expr = def.name.state === 'unknown' && def.name.expr ? unwrap(def.name.expr) : null;
  if (!expr || !ts.isTemplateExpression(expr)) return;
  const probe = expr.head.text + expr.templateSpans.map((s) => `x${s.literal.text}`).join('');
  if (!METRIC_NAME.test(probe)) return;
  const problems = nameProblems({ name: probe, kind: def.kind, hasHelp: true, labelNames: [] });
  if (problems.length) ctx.report(expr, MESSAGES.template(expr.getText(ctx.sourceFile), problems));
}

/** The snake_case form when that is the problem; a reserved `le`/`quantile` has no single right name. */
function cleanLabel(label: string): string | null {
  const snake = snakeCase(label);
  return snake !== label ? snake : null;
}

function checkOpenTelemetry(def: MetricDefinition, name: string, ctx: RuleContext): void {
  const unit = def.unit.state === 'absent' ? '' : def.unit.state === 'known' && typeof def.unit.value === 'string' ? def.unit.value : null;
  if (unit === null) return; // the exported name depends on a unit not known while typing
  const exported = otelPrometheusName(name, def.kind, unit);
  const hasHelp = def.help.state === 'unknown' || (def.help.state === 'known' && !!def.help.value);
  const problems = nameProblems({ name: exported, kind: def.kind, hasHelp, labelNames: [] });
  const nameIssues = problems.filter((p) => p !== PROBLEMS.noHelp);
  if (nameIssues.length && def.name.state === 'known') ctx.report(def.name.expr, MESSAGES.exported(name, exported, nameIssues, lintCleanName(exported, def.kind)));
  if (!hasHelp) {
    const callee = unwrap((def.node as ts.CallExpression).expression);
    ctx.report(ts.isPropertyAccessExpression(callee) ? callee.name : def.node, MESSAGES.noHelp(name));
  }
}

/** The service phase: a prom-client metric named in several files of the service is renamed in all of them. */
function checkServiceNames(service: ServiceView, ctx: ServiceRuleContext): void {
  const names = serviceMetricNames(service);
  for (const { parsed, def } of names.definitions) {
    const literal = nameLiteral(def);
    if (!literal || def.name.state !== 'known') continue;
    const name = literal.text;
    if (!METRIC_NAME.test(name)) continue;
    const problems = nameProblems({ name, kind: def.kind, hasHelp: true, labelNames: [] });
    const places = names.places.get(name) ?? [];
    const files = new Set(places.map((p) => p.file));
    if (problems.length === 0 || files.size < 2) continue; // within one file, the file phase's fix is whole
    const clean = lintCleanName(name, def.kind);
    // The new name taken by another metric, or more places than a person would review: no rename (not even the file's own).
    const fixes: FixProposal[] =
      names.places.has(clean.name) || places.length > MAX_RENAME_PLACES
        ? []
        : [{ title: `Rename the metric to \`${clean.name}\` in the ${files.size} files that name it (changes the exported series)`, edits: places.map((p) => renameEdit(p, clean.name)), safe: false }];
    ctx.report(parsed.file, def.name.expr, MESSAGES.name(name, problems, clean), fixes);
  }
}

export const rule: Rule = {
  meta: {
    id: 'metric-naming',
    description: 'Metric and label names that Prometheus\'s lint (promtool check metrics) rejects: _total on counters only, base units, no abbreviations, no type in the name, no \':\', snake_case, help text.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  checkMetricDefinition(def, ctx) {
    if (def.library === 'prom-client' && def.name.state === 'unknown') return checkTemplateName(def, ctx);
    if (def.name.state !== 'known' || typeof def.name.value !== 'string') return;
    if (def.library === 'prom-client') checkPromClient(def, def.name.value, ctx);
    else checkOpenTelemetry(def, def.name.value, ctx);
  },
  checkMetricUse(use: MetricUse, ctx) {
    // prom-client label names are checked where they are declared (labelNames); OpenTelemetry's
    // attributes are declared where they are recorded.
    if (use.metric.library !== 'opentelemetry') return;
    for (const label of use.labels) {
      if (label.name === null || !label.key) continue;
      const exported = otelPrometheusLabel(label.name);
      const problems = labelProblems(use.metric.kind, exported);
      if (problems.length) ctx.report(label.key, MESSAGES.attribute(label.name, exported, problems, cleanLabel(exported)));
    }
  },
  checkService: checkServiceNames,
};
