// What prom-client's metric constructors reject at run time (lib/metric.js, validation.js,
// histogram.js, summary.js, registry.js of prom-client 15), checked on the values the code gives,
// in the order the constructor checks them. The error texts are prom-client's own.
import type ts from 'typescript';
import type { Constant, Field, MetricDefinition } from './model';

/** The metric and label name patterns prom-client validates with (the Prometheus data model's). */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const PROM_CLIENT_ERRORS = {
  config: 'constructor expected a config object',
  help: 'Missing mandatory help parameter',
  name: 'Missing mandatory name parameter',
  invalidName: 'Invalid metric name',
  invalidLabel: 'Invalid label name',
  /** Not prom-client's words: it fails inside with a TypeError (`names.every is not a function`). */
  labelList: 'labelNames is not an array',
  collect: 'Optional "collect" parameter must be a function',
  exemplars: 'Exemplars are supported only on OpenMetrics registries',
  le: 'le is a reserved label keyword',
  quantile: 'quantile is a reserved label keyword',
  duplicate: (name: string) => `A metric with the name ${name} has already been registered.`,
} as const;

export type PromClientErrorKind = 'config' | 'help' | 'name' | 'invalidName' | 'invalidLabel' | 'labelList' | 'collect' | 'exemplars' | 'le' | 'quantile';

export interface ConstructorError {
  readonly kind: PromClientErrorKind;
  /** Where to show it: the field's value, a label's element, or the call. */
  readonly at: ts.Node;
  /** The offending value as the code gives it (a name, a label), for the message. */
  readonly value?: string;
}

const known = (f: Field): f is Extract<Field, { state: 'known' }> => f.state === 'known';
/** JavaScript's truthiness of a known value, as `if (!this.help)` tests it. */
const falsy = (v: Constant) => !v || (typeof v === 'number' && Number.isNaN(v));

/**
 * The first error prom-client throws constructing `def` before registering it (config, help,
 * name, label names, collect, exemplars), in the constructor's order; null when none is certain
 * from what the code shows.
 */
export function errorBeforeRegistration(def: MetricDefinition): ConstructorError | null {
  const cv = def.configValue;
  if (cv) {
    // Not an object literal: absent, or a constant of another type, is rejected; a variable is not known.
    if (cv.state === 'absent') return { kind: 'config', at: def.node };
    if (cv.state !== 'known') return null;
    // The only constant objects are arrays: prom-client takes one as a config, which has no help.
    return Array.isArray(cv.value) ? { kind: 'help', at: cv.expr } : { kind: 'config', at: cv.expr };
  }
  // A missing field is shown on the configuration as the call passes it (a variable's name, not its distant literal).
  const config = (def.node as ts.NewExpression).arguments?.[0] ?? def.node;
  const at = (f: Field) => (f.state !== 'absent' && f.expr ? f.expr : config);
  const { help, name, labelNames } = def;
  if (help.state === 'absent' || (known(help) && falsy(help.value))) return { kind: 'help', at: at(help) };
  if (name.state === 'absent' || (known(name) && falsy(name.value))) return { kind: 'name', at: at(name) };
  if (known(name) && !METRIC_NAME.test(String(name.value))) return { kind: 'invalidName', at: name.expr, value: String(name.value) };
  if (known(labelNames)) {
    if (!Array.isArray(labelNames.value)) return { kind: 'labelList', at: labelNames.expr };
    const values = labelNames.value as readonly Constant[];
    const bad = values.findIndex((v) => !LABEL_NAME.test(String(v)));
    if (bad >= 0) return { kind: 'invalidLabel', at: def.labelNameList?.[bad]?.expr ?? labelNames.expr, value: String(values[bad]) };
  }
  const { collect, enableExemplars } = def;
  if (known(collect) && !falsy(collect.value)) return { kind: 'collect', at: collect.expr };
  if (known(enableExemplars) && !falsy(enableExemplars.value) && def.registries?.some((r) => r.contentType === 'prometheus')) {
    return { kind: 'exemplars', at: enableExemplars.expr };
  }
  return null;
}

/** The reserved label a Histogram (`le`) or Summary (`quantile`) rejects, after it was registered. */
export function reservedLabelError(def: MetricDefinition): ConstructorError | null {
  const reserved = def.kind === 'histogram' ? 'le' : def.kind === 'summary' ? 'quantile' : null;
  if (!reserved || def.labelNames.state !== 'known' || !Array.isArray(def.labelNames.value)) return null;
  const i = (def.labelNames.value as readonly Constant[]).indexOf(reserved);
  if (i < 0) return null;
  return { kind: reserved, at: def.labelNameList?.[i]?.expr ?? def.labelNames.expr, value: reserved };
}
