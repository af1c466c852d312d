// What each metrics library looks like from the code, one table per library: the modules it is
// imported from, what creates a metric and which Prometheus type the metric is exported as, which
// methods take label values and where. The metrics model (resolve.ts) follows values from these;
// rules never see a library's names. A StatsD client (hot-shots) would be one more table here.

/** The Prometheus type a metric is exported as (an OpenTelemetry UpDownCounter is a gauge). */
export type MetricKind = 'counter' | 'gauge' | 'histogram' | 'summary';
export type MetricsLibrary = 'prom-client' | 'opentelemetry';

/** Where a use takes its label values: an object argument at an index, or every argument in label order. */
export type LabelArgs = { readonly object: number } | { readonly positional: true };

export const PROM_CLIENT = {
  modules: new Set(['prom-client']),
  /** Exported metric classes (also the type names of an injected metric: `counter: Counter<string>`). */
  classes: new Map<string, MetricKind>([
    ['Counter', 'counter'],
    ['Gauge', 'gauge'],
    ['Histogram', 'histogram'],
    ['Summary', 'summary'],
  ]),
  registryClass: 'Registry',
  /** The default registry, as exported. */
  defaultRegistry: 'register',
  /** `new Registry(contentType)`: what the argument says (the constant or its value). */
  openMetricsContentTypes: new Set(['OPENMETRICS_CONTENT_TYPE', 'openMetricsContentType', 'application/openmetrics-text; version=1.0.0; charset=utf-8']),
  /** Methods of a metric (or of its `labels(...)` child, without labels) that take label values. */
  useMethods: new Map<string, LabelArgs>([
    ['inc', { object: 0 }],
    ['dec', { object: 0 }],
    ['set', { object: 0 }],
    ['observe', { object: 0 }],
    ['startTimer', { object: 0 }],
    ['zero', { object: 0 }],
    ['labels', { positional: true }],
    ['remove', { positional: true }],
  ]),
  /** Returns a child bound to label values: its own methods take none. */
  childMethod: 'labels',
  /** Returns a function that ends the timing and takes label values. */
  timerMethod: 'startTimer',
  /** Registry methods that name a metric by its string name (a rename updates them too). */
  lookupsByName: new Set(['getSingleMetric', 'removeSingleMetric', 'getSingleMetricAsString']),
} as const;

/** The metric types' class names (`Counter`...): a file without any of them makes no metric, nor calls a factory named for one. */
export const METRIC_TYPE_NAMES: readonly string[] = [...PROM_CLIENT.classes.keys()];

export const OPENTELEMETRY = {
  modules: new Set(['@opentelemetry/api']),
  sdkModules: new Set(['@opentelemetry/sdk-metrics']),
  /** `metrics` from the API: `metrics.getMeter(name)`, `metrics.getMeterProvider()`. */
  metricsApi: 'metrics',
  meterProviderClass: 'MeterProvider',
  getMeter: 'getMeter',
  getMeterProvider: 'getMeterProvider',
  /** Instrument factories of a Meter and the Prometheus type each is exported as. */
  instruments: new Map<string, MetricKind>([
    ['createCounter', 'counter'],
    ['createObservableCounter', 'counter'],
    ['createUpDownCounter', 'gauge'],
    ['createObservableUpDownCounter', 'gauge'],
    ['createHistogram', 'histogram'],
    ['createGauge', 'gauge'],
    ['createObservableGauge', 'gauge'],
  ]),
  /** Instrument type names from the API (`histogram: Histogram` passed in). */
  instrumentTypes: new Map<string, MetricKind>([
    ['Counter', 'counter'],
    ['ObservableCounter', 'counter'],
    ['UpDownCounter', 'gauge'],
    ['ObservableUpDownCounter', 'gauge'],
    ['Histogram', 'histogram'],
    ['Gauge', 'gauge'],
    ['ObservableGauge', 'gauge'],
  ]),
  meterType: 'Meter',
  /** `counter.add(value, attributes)`, `histogram.record(value, attributes)`. */
  useMethods: new Map<string, LabelArgs>([
    ['add', { object: 1 }],
    ['record', { object: 1 }],
  ]),
} as const;

/** Method names worth resolving as a metric use or a metric-creating call: a cheap filter on calls. */
export const METRIC_CALL_NAMES: ReadonlySet<string> = new Set([
  ...PROM_CLIENT.useMethods.keys(),
  ...PROM_CLIENT.lookupsByName,
  ...OPENTELEMETRY.useMethods.keys(),
  ...OPENTELEMETRY.instruments.keys(),
]);

/** Class names worth resolving in `new X(...)`. */
export const METRIC_CLASS_NAMES: ReadonlySet<string> = new Set([...PROM_CLIENT.classes.keys(), PROM_CLIENT.registryClass, OPENTELEMETRY.meterProviderClass]);

/** A file that imports none of these modules holds no metric the model can follow (it works within a file). */
export const MENTIONS_METRICS_LIBRARY = /['"](?:prom-client|@opentelemetry\/(?:api|sdk-metrics))['"]/;
