// The metrics model of one file: the metric definitions and the uses that take label values, each
// recognised by following values from the library's import (never from variable names: `x.inc()`
// is a metric use only when x is traced back to a prom-client metric).
import type ts from 'typescript';
import type { MetricKind, MetricsLibrary } from './libraries';

/** A value known while typing: a literal, a `const` bound to one, a template or `+` of such. */
export type Constant = string | number | boolean | null | undefined | readonly Constant[];

/** A configuration field of a definition as the code gives it. */
export type Field =
  /** Not written (and the configuration has no spread that could hold it). */
  | { readonly state: 'absent' }
  /** Written, or possibly given by a spread or a variable, with a value not known while typing. */
  | { readonly state: 'unknown'; readonly expr: ts.Expression | null }
  | { readonly state: 'known'; readonly value: Constant; readonly expr: ts.Expression };

/** A label name as listed at a definition (`labelNames: ['route']`). */
export interface LabelName {
  readonly value: Constant;
  readonly expr: ts.Expression;
}

/** Registries a prom-client metric is registered in: `default`, or a key per `new Registry()` of the file. */
export interface RegistryRef {
  readonly key: string;
  /** The registry's exposition format, when the file shows it (a registry created here). */
  readonly contentType: 'prometheus' | 'openmetrics' | null;
}

export interface MetricDefinition {
  /** `new Counter({...})` or `meter.createCounter(name, {...})`. */
  readonly node: ts.NewExpression | ts.CallExpression;
  readonly library: MetricsLibrary;
  readonly kind: MetricKind;
  /** The class or factory as the library names it: `Counter`, `createUpDownCounter`. */
  readonly constructorName: string;
  /** The configuration object literal (prom-client) or options object (OpenTelemetry), when written in the file. */
  readonly config: ts.ObjectLiteralExpression | null;
  /**
   * prom-client's first argument when it is not a configuration object: absent (`new Counter()`), a
   * constant of another type, or unknown (a variable). Null when the configuration is an object.
   */
  readonly configValue: Field | null;
  readonly name: Field;
  /** prom-client `help`, OpenTelemetry `description`. */
  readonly help: Field;
  /** OpenTelemetry `unit`. */
  readonly unit: Field;
  /** prom-client `labelNames`: absent, unknown, or known with each element. */
  readonly labelNames: Field;
  /** Elements of a `labelNames` array literal, with their values where known. */
  readonly labelNameList: readonly LabelName[] | null;
  /** Registries it is registered in; null when not known while typing. */
  readonly registries: readonly RegistryRef[] | null;
  /** prom-client `collect`, `enableExemplars`. */
  readonly collect: Field;
  readonly enableExemplars: Field;
}

/** A label value given at a use: `{ route: req.path }` or the n-th argument of `labels(...)`. */
export interface LabelValue {
  /** The label's name when known (the key, or the definition's n-th label name). */
  readonly name: string | null;
  /** The key node (`route` in `{ route: x }`, the shorthand name), or null for positional values. */
  readonly key: ts.PropertyName | null;
  readonly value: ts.Expression;
  /** The property or argument holding it (a shorthand property is its own key and value). */
  readonly holder: ts.Node;
}

export interface MetricRef {
  readonly library: MetricsLibrary;
  readonly kind: MetricKind;
  /** The definition in this file, when the metric was created here (else it was passed in, typed, or imported). */
  readonly def: MetricDefinition | null;
  /** The label names of a metric imported from a project module (its definition is in that module). */
  readonly labelNames?: readonly (string | null)[] | null;
}

export interface MetricUse {
  readonly node: ts.CallExpression;
  readonly metric: MetricRef;
  /** `inc`, `observe`, `labels`, `add`, `record`; `end` for the function `startTimer()` returns. */
  readonly method: string;
  readonly labels: readonly LabelValue[];
}

/** `register.getSingleMetric('name')`: a prom-client registry naming a metric by its string. */
export interface RegistryLookup {
  readonly node: ts.CallExpression;
  readonly nameArg: ts.StringLiteralLike;
}

export interface FileMetrics {
  readonly definitions: readonly MetricDefinition[];
  readonly uses: readonly MetricUse[];
  readonly lookups: readonly RegistryLookup[];
}

export const NO_METRICS: FileMetrics = { definitions: [], uses: [], lookups: [] };
