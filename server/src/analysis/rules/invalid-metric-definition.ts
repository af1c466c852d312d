// invalid-metric-definition: prom-client metric definitions that throw when they run (usually at
// startup, taking the service down): no config object, no name or help, an invalid metric or label
// name, `le` on a histogram, `quantile` on a summary, a name already registered in the registry,
// `collect` that is not a function, exemplars on a registry in the Prometheus text format.
import ts from '../typescriptModule';
import type { FileMetrics, MetricDefinition, RegistryRef } from '../metrics';
import { indexOf } from '../metrics/fileIndex';
import { type ConstructorError, errorBeforeRegistration, LABEL_NAME, METRIC_NAME, PROM_CLIENT_ERRORS, reservedLabelError } from '../metrics/promClientValidation';
import type { FixProposal, Rule, RuleContext } from '../rule';
import { unwrap } from '../scopes';
import type { TextEdit } from '../types';

const throws = (error: string) => `prom-client throws "${error}" when this runs`;

export const MESSAGES = {
  config: `${throws(PROM_CLIENT_ERRORS.config)}: pass { name, help }.`,
  help: `${throws(PROM_CLIENT_ERRORS.help)}: every metric needs help text (its # HELP line).`,
  name: `${throws(PROM_CLIENT_ERRORS.name)}: every metric needs a name.`,
  invalidName: (name: string) => `\`${name}\` is not a valid metric name (letters, digits, \`_\` and \`:\`, not starting with a digit): ${throws(PROM_CLIENT_ERRORS.invalidName)}.`,
  invalidLabel: (label: string) => `\`${label}\` is not a valid label name (letters, digits and \`_\`, not starting with a digit): ${throws(PROM_CLIENT_ERRORS.invalidLabel)}.`,
  labelList: 'labelNames is not an array: prom-client fails with a TypeError when this runs; list the label names (labelNames: [\'route\']).',
  collect: `${throws(PROM_CLIENT_ERRORS.collect)}.`,
  exemplars: `${throws(PROM_CLIENT_ERRORS.exemplars)}: the registry writes the Prometheus text format; create it with new Registry(Registry.OPENMETRICS_CONTENT_TYPE) or drop enableExemplars.`,
  le: `\`le\` holds a histogram's bucket bounds: ${throws(PROM_CLIENT_ERRORS.le)}; name the label otherwise.`,
  quantile: `\`quantile\` holds a summary's quantiles: ${throws(PROM_CLIENT_ERRORS.quantile)}; name the label otherwise.`,
  duplicate: (name: string, registry: string, line: number) =>
    `A metric named \`${name}\` is already registered in ${registry} (line ${line}): ${throws(PROM_CLIENT_ERRORS.duplicate(name))}. Reuse that metric, or name this one otherwise.`,
};

/** A name prom-client accepts: every other character as `_`, and `_` before a leading digit. */
function validName(name: string, pattern: RegExp, other: RegExp): string {
  const replaced = name.replace(other, '_');
  const out = /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
  return pattern.test(out) ? out : '';
}

function literalText(value: string, literal: ts.StringLiteralLike, sf: ts.SourceFile): TextEdit {
  const start = literal.getStart(sf);
  const quote = sf.text[start];
  return { start, end: literal.end, newText: `${quote}${value}${quote}` };
}

/**
 * An invalid metric name made valid. Safe: the metric never registered (its constructor threw),
 * so no exported series, dashboard or alert knows the old name.
 */
function fixMetricName(def: MetricDefinition, name: string, ctx: RuleContext): FixProposal[] {
  const literal = def.name.state === 'known' ? unwrap(def.name.expr) : null;
  const valid = validName(name, METRIC_NAME, /[^a-zA-Z0-9_:]/g);
  const index = indexOf(ctx.metrics);
  if (!literal || !ts.isStringLiteralLike(literal) || !valid || index.byName.has(valid)) return [];
  const edits = [literalText(valid, literal, ctx.sourceFile)];
  for (const lookup of index.lookupsByName.get(name) ?? []) edits.push(literalText(valid, lookup.nameArg, ctx.sourceFile));
  return [{ title: `Name the metric \`${valid}\``, edits, safe: true }];
}

/**
 * An invalid label name made valid, with the keys that give it values in this file. Not safe:
 * code in other files that passes the old key would now throw where it records.
 */
function fixLabelName(def: MetricDefinition, label: string, at: ts.Node, ctx: RuleContext): FixProposal[] {
  const literal = unwrap(at as ts.Expression);
  const valid = validName(label, LABEL_NAME, /[^a-zA-Z0-9_]/g);
  if (!ts.isStringLiteralLike(literal) || !valid) return [];
  const sf = ctx.sourceFile;
  const edits = [literalText(valid, literal, sf)];
  for (const use of indexOf(ctx.metrics).usesOf.get(def) ?? []) {
    for (const l of use.labels) if (l.name === label && l.key && ts.isStringLiteralLike(l.key)) edits.push(literalText(valid, l.key, sf));
  }
  return [{ title: `Name the label \`${valid}\``, edits, safe: false }];
}

function messageOf(e: ConstructorError): string {
  switch (e.kind) {
    case 'invalidName':
      return MESSAGES.invalidName(e.value ?? '');
    case 'invalidLabel':
      return MESSAGES.invalidLabel(e.value ?? '');
    default:
      return MESSAGES[e.kind];
  }
}

/**
 * The code that runs every time its enclosing function (or the module) runs, in order: the nearest
 * function or the file, or null when the definition sits in a branch, a loop, a `try`, a class body
 * or the right of `&&`/`||`/`??` (it may run once, never, or many times).
 */
function straightLineScope(node: ts.Node): ts.Node | null {
  let child: ts.Node = node;
  for (let n: ts.Node | undefined = node.parent; n; child = n, n = n.parent) {
    if (ts.isSourceFile(n) || ts.isFunctionLike(n)) return n;
    if (ts.isIfStatement(n) && child !== n.expression) return null;
    if (ts.isConditionalExpression(n) && child !== n.condition) return null;
    if (ts.isBinaryExpression(n) && child === n.right && isShortCircuit(n.operatorToken.kind)) return null;
    if (ts.isIterationStatement(n, false) || ts.isSwitchStatement(n) || ts.isTryStatement(n) || ts.isClassLike(n)) return null;
    if ((ts.isCallExpression(n) || ts.isPropertyAccessExpression(n)) && n.questionDotToken) return null;
  }
  return null;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.AmpersandAmpersandToken ||
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken
  );
}

interface Duplicate {
  readonly first: MetricDefinition;
  readonly registry: RegistryRef;
}

const duplicatesByFile = new WeakMap<FileMetrics, Map<MetricDefinition, Duplicate>>();

/**
 * Each definition registered under a name already registered in one of its registries by an
 * earlier definition that surely ran before it (the same straight-line code), computed once per
 * file in one pass over its definitions.
 */
function duplicatesOf(metrics: FileMetrics): Map<MetricDefinition, Duplicate> {
  let out = duplicatesByFile.get(metrics);
  if (out) return out;
  out = new Map();
  const registered = new Map<ts.Node, Map<string, Map<string, MetricDefinition>>>(); // scope → registry → name → first definition
  for (const def of metrics.definitions) {
    if (def.library !== 'prom-client' || def.name.state !== 'known' || !def.registries || errorBeforeRegistration(def)) continue;
    const scope = straightLineScope(def.node);
    if (!scope) continue;
    let byRegistry = registered.get(scope);
    if (!byRegistry) registered.set(scope, (byRegistry = new Map()));
    const name = String(def.name.value);
    for (const registry of def.registries) {
      let names = byRegistry.get(registry.key);
      if (!names) byRegistry.set(registry.key, (names = new Map()));
      const first = names.get(name);
      // prom-client throws at the first registry that has the name: the metric registers in none after it.
      if (first) {
        out.set(def, { first, registry });
        break;
      }
      names.set(name, def);
    }
  }
  duplicatesByFile.set(metrics, out);
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'invalid-metric-definition',
    description: 'prom-client metric definitions that throw when they run: missing name or help, invalid metric or label names, reserved labels, a name registered twice.',
    defaultSeverity: 'error',
    fixable: true,
  },
  checkMetricDefinition(def, ctx) {
    if (def.library !== 'prom-client') return;
    const error = errorBeforeRegistration(def);
    if (error) {
      const name = def.name.state === 'known' ? String(def.name.value) : '';
      const fixes =
        error.kind === 'invalidName' ? fixMetricName(def, name, ctx) : error.kind === 'invalidLabel' ? fixLabelName(def, error.value ?? '', error.at, ctx) : [];
      ctx.report(error.at, messageOf(error), fixes);
      return;
    }
    const dup = duplicatesOf(ctx.metrics).get(def);
    if (dup && def.name.state === 'known') {
      const where = dup.registry.key === 'default' ? 'the default registry' : 'the same registry';
      const line = ctx.sourceFile.getLineAndCharacterOfPosition(dup.first.node.getStart(ctx.sourceFile)).line + 1;
      ctx.report(def.name.expr, MESSAGES.duplicate(String(def.name.value), where, line));
      return;
    }
    const reserved = reservedLabelError(def);
    if (reserved) ctx.report(reserved.at, messageOf(reserved));
  },
};
