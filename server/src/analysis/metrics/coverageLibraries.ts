// What measures an HTTP handler, one table per kind of library (see coverage.ts): the libraries a
// handler records metrics with, the metrics middleware and plugins, and OpenTelemetry's (and
// Datadog's) auto-instrumentation. Nothing outside this file names a package for coverage.

/** A library whose calls record a metric: the modules it is imported from and the recording methods of what it makes. */
export interface RecordingLibrary {
  readonly id: string;
  readonly modules: readonly string[];
  /** Methods of a metric, client or child that record (a `labels(...)` child's `inc` is found through its receiver). */
  readonly methods: ReadonlySet<string>;
}

const PROM_METHODS = new Set(['inc', 'dec', 'set', 'observe', 'startTimer', 'zero']);

export const RECORDING_LIBRARIES: readonly RecordingLibrary[] = [
  { id: 'prom-client', modules: ['prom-client'], methods: PROM_METHODS },
  // `@InjectMetric('name') counter: Counter<string>`: the injected metric is prom-client's.
  { id: 'prom-client', modules: ['@willsoto/nestjs-prometheus'], methods: PROM_METHODS },
  { id: 'opentelemetry', modules: ['@opentelemetry/api', '@opentelemetry/sdk-metrics'], methods: new Set(['add', 'record']) },
  {
    id: 'statsd',
    modules: ['hot-shots', 'node-statsd', 'statsd-client', 'lynx', 'node-dogstatsd', 'datadog-metrics'],
    methods: new Set(['increment', 'decrement', 'timing', 'timer', 'asyncTimer', 'asyncDistTimer', 'histogram', 'distribution', 'gauge', 'set', 'unique']),
  },
  // dd-trace's `tracer.dogstatsd.increment(...)`.
  { id: 'dogstatsd', modules: ['dd-trace'], methods: new Set(['increment', 'decrement', 'histogram', 'distribution', 'gauge']) },
];

/** A registry's methods that render the exposition: a handler calling one serves the scrape endpoint. */
export const SCRAPE_METHODS: ReadonlySet<string> = new Set(['metrics', 'getMetricsAsJSON', 'getMetricsAsArray', 'getMetricsRequestHandler']);

/**
 * Calls on a project's metrics facade (a workspace module importing a recording library) that do
 * not record per request: rendering, setup and registration.
 */
export const FACADE_NON_RECORDING: ReadonlySet<string> = new Set([
  ...SCRAPE_METHODS,
  'contentType',
  'collectDefaultMetrics',
  'registerMetric',
  'getSingleMetric',
  'removeSingleMetric',
  'clear',
  'resetMetrics',
  'setDefaultLabels',
  'getMeter',
]);

/** A metrics middleware or plugin: mounted in front of a handler, it measures it unless the handler opts out. */
export interface MetricsMiddleware {
  readonly package: string;
  /** False for packages that only serve the scrape endpoint or default metrics (they measure no request). */
  readonly measuresRequests: boolean;
  /** Options of its factory call that leave some routes unmeasured (`excludeRoutes: ['/health']`, a `bypass` function). */
  readonly excludeOptions: readonly string[];
  /** A per-route `config` flag that opts the route out (fastify-metrics' `config: { disableMetrics: true }`). */
  readonly routeOptOut?: string;
  /** Plugin options that turn route metrics off for every route (`routeMetrics: { enabled: false }`). */
  readonly disabledBy?: { readonly option: string; readonly flag: string };
  /** When it does not measure requests: what it does instead (for the finding's message). */
  readonly note?: string;
  /** How a fix mounts it once at app level, in front of the routes (only for the libraries whose types the fixes are checked against). */
  readonly mount?: MiddlewareMount;
  /**
   * The request-duration histogram it registers in prom-client's default registry: a service that
   * uses it cannot register another metric of that name (prom-client throws at start-up).
   */
  readonly registersMetric?: string;
}

/**
 * `app.use(local(options))` (`use-call`, Express), `app.register(local, options)` (`register`,
 * a Fastify plugin), or `const { middleware, scrape } = local(options); app.use('*', middleware);
 * app.get('/metrics', scrape)` (`factory`, Hono), with `local` imported from the package: in ES modules its `esmExport` (the
 * default export, or a named one), and in CommonJS the module itself (`module`), its `default`
 * property (a transpiled ES module) or a named property.
 */
export interface MiddlewareMount {
  readonly framework: 'express' | 'fastify' | 'hono';
  readonly form: 'use-call' | 'register' | 'factory';
  /** `factory`: the names of the middleware and the scrape handler the factory returns. */
  readonly factory?: { readonly middleware: string; readonly scrape: string };
  readonly local: string;
  readonly esmExport: string;
  readonly commonjsExport: string;
  /** Options written into the call: what the library's README gives for per-route request metrics. */
  readonly options: Readonly<Record<string, boolean | string>>;
  /**
   * Options that keep it from serving /metrics, written when the service has its own /metrics
   * route (that route stays the scrape endpoint); absent when the library always serves it (it
   * would shadow the service's route) or serves a registry of its own (the service's route would
   * not show its metrics): then no mount fix.
   */
  readonly scrapeOff?: Readonly<Record<string, boolean | null>>;
}

export const METRICS_MIDDLEWARE: readonly MetricsMiddleware[] = [
  // Joyent's Triton services: `server.on('after', metricsManager.collectRestifyMetrics.bind(metricsManager))`
  // records every request's count and latency (restify's after event, coverage.ts).
  { package: 'triton-metrics', measuresRequests: true, excludeOptions: [] },
  {
    package: 'express-prom-bundle',
    measuresRequests: true,
    registersMetric: 'http_request_duration_seconds',
    excludeOptions: ['bypass', 'excludeRoutes'],
    mount: {
      framework: 'express',
      form: 'use-call',
      local: 'promBundle',
      esmExport: 'default',
      commonjsExport: 'module',
      options: { includeMethod: true, includePath: true },
      scrapeOff: { autoregister: false },
    },
  },
  {
    // Checked in its code (4.0): http_request_duration_seconds, http_request_size_bytes and
    // http_response_size_bytes in the default registry (prefixed only with metricsPrefix or
    // useUniqueHistogramName). Its index.d.ts declares a default export that CommonJS does not
    // have (module.exports is the middleware): the mount uses the named `expressMiddleware`, which
    // both the types and the runtime have. It always serves /metrics (`metricsPath`), no opt-out.
    package: 'prometheus-api-metrics',
    measuresRequests: true,
    excludeOptions: ['excludeRoutes'],
    registersMetric: 'http_request_duration_seconds',
    mount: { framework: 'express', form: 'use-call', local: 'expressMiddleware', esmExport: 'expressMiddleware', commonjsExport: 'expressMiddleware', options: {} },
  },
  { package: 'express-prometheus-middleware', measuresRequests: true, excludeOptions: [] },
  { package: 'swagger-stats', measuresRequests: true, excludeOptions: [] },
  {
    package: 'fastify-metrics',
    measuresRequests: true,
    registersMetric: 'http_request_duration_seconds',
    excludeOptions: [],
    routeOptOut: 'disableMetrics',
    disabledBy: { option: 'routeMetrics', flag: 'enabled' },
    mount: { framework: 'fastify', form: 'register', local: 'fastifyMetrics', esmExport: 'default', commonjsExport: 'default', options: { endpoint: '/metrics' }, scrapeOff: { endpoint: null } },
  },
  {
    // Checked in its code (1.0.3): http_request_duration_seconds (labels method, status, ok, route)
    // and http_requests_total, in a Registry of its own unless `registry` is passed (so no clash
    // in the default registry, but printMetrics serves only that registry: a default-registry
    // histogram next to it would not be scraped, so the histogram fix is skipped all the same).
    package: '@hono/prometheus',
    measuresRequests: true,
    excludeOptions: [],
    registersMetric: 'http_request_duration_seconds',
    mount: {
      framework: 'hono',
      form: 'factory',
      local: 'prometheus',
      esmExport: 'prometheus',
      commonjsExport: 'prometheus',
      factory: { middleware: 'registerMetrics', scrape: 'printMetrics' },
      options: {},
    },
  },
  {
    package: '@willsoto/nestjs-prometheus',
    measuresRequests: false,
    excludeOptions: [],
    note: 'its PrometheusModule serves /metrics and default process metrics; requests are measured only by metrics the code records (@InjectMetric)',
  },
];

/**
 * A Nest module that, imported into the app's modules, applies a metrics middleware to every route
 * (nestjs-otel 6: `OpenTelemetryModule.forRoot({ metrics: { apiMetrics: { enable: true } } })` applies
 * its ApiMetricsMiddleware `forRoutes('*')`, recording http.server.duration by method, route and status,
 * except the paths of `ignoreRoutes`). Found by its configuring call's text, in the service's files or a
 * workspace library's whose module the service names.
 */
export interface NestMetricsModule {
  readonly package: string;
  readonly call: RegExp;
  readonly enabled: RegExp;
  /** The option listing paths it does not measure. */
  readonly ignoreOption: string;
}

export const NEST_METRICS_MODULES: readonly NestMetricsModule[] = [
  { package: 'nestjs-otel', call: /\bOpenTelemetryModule\.forRoot(?:Async)?\s*\(/, enabled: /\bapiMetrics\s*:\s*\{[^}]{0,400}?\benable\s*:\s*true\b/, ignoreOption: 'ignoreRoutes' },
];

export function metricsMiddlewareOf(specifier: string): MetricsMiddleware | undefined {
  return METRICS_MIDDLEWARE.find((m) => specifier === m.package || specifier.startsWith(`${m.package}/`));
}

/** Auto-instrumentation: what registers HTTP instrumentation, and what says its metrics are exported. */
export const AUTO_INSTRUMENTATION = {
  /** Modules whose instrumentations time HTTP server requests (auto-instrumentations-node includes http). */
  httpInstrumentations: [
    '@opentelemetry/auto-instrumentations-node',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-express',
    '@opentelemetry/instrumentation-fastify',
    '@opentelemetry/instrumentation-koa',
    '@opentelemetry/instrumentation-hapi',
    '@opentelemetry/instrumentation-nestjs-core',
  ],
  /** In an SDK file, one of these means metrics are exported (instrumentation without a meter provider records only traces). */
  metricExportMarkers: ['metricReader', 'metricReaders', 'MeterProvider', 'PeriodicExportingMetricReader', 'PrometheusExporter', 'setGlobalMeterProvider'],
  /** Preloaded with `--require`/`-r`/`--import` (package.json scripts, Dockerfiles, NODE_OPTIONS): instrument everything from the environment. */
  preloads: ['@opentelemetry/auto-instrumentations-node/register', 'dd-trace/init', 'dd-trace/register.js', '@hyperdx/node-opentelemetry/build/src/tracing', 'newrelic'],
  /**
   * HyperDX's SDK started in code (`HyperDX.init({...})`, `initSDK({...})` in a module importing it):
   * the Node SDK with HTTP instrumentation and HyperDX's metric reader, unless `disableMetrics: true`.
   */
  hyperdxImport: /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]@hyperdx\/node-opentelemetry['"]/,
  hyperdxInit: /\b(?:init|initSDK)\s*\(/,
  hyperdxNoMetrics: /\bdisableMetrics\s*:\s*true\b/,
  /**
   * Azure Application Insights' SDK: `setup()` auto-collects every incoming request (count, duration,
   * result), unless told `setAutoCollectRequests(false)`. Set up in the service, or through a
   * workspace package of the service that depends on it (Logto's `appInsights.setup('core')`).
   */
  appInsightsPackage: 'applicationinsights',
  appInsightsSetup: /\.setup\s*\(/,
  appInsightsNoRequests: /\bsetAutoCollectRequests\s*\(\s*false\s*\)/,
  /** Datadog's tracer started in code: its trace metrics time every request by resource. */
  ddTraceInit: /\brequire\(\s*['"]dd-trace['"]\s*\)\s*\.init\s*\(|\bfrom\s+['"]dd-trace\/init['"]|import\s+['"]dd-trace\/init['"]|\btracer\.init\s*\(/,
  /** dd-trace imported under a name (`import ddTrace from 'dd-trace'`, `const tracer = require('dd-trace')`): that name's `.init(` starts it. */
  ddTraceImport: /\bimport\s+([\w$]+)\s+from\s+['"]dd-trace['"]|\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"]dd-trace['"]\s*\)/,
  /**
   * New Relic's Node agent, loaded first thing (`import 'newrelic'`, `require('newrelic')` on a line of
   * its own) or preloaded: it times every web transaction (throughput, duration, errors) by route.
   */
  newRelicStart: /^[ \t]*(?:import\s+['"]newrelic['"]|require\(\s*['"]newrelic['"]\s*\))/m,
  /**
   * Sentry's server SDKs (8 and later are built on OpenTelemetry and instrument HTTP and the frameworks
   * themselves) started with tracing on: every request becomes a transaction timed by route
   * (throughput, duration, failure rate), as an APM agent's. `tracesSampleRate: 0` or none is errors only.
   */
  sentryImport: /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"](@sentry\/(?:node|nestjs|nextjs|bun|aws-serverless|google-cloud-serverless))['"]/,
  sentryInit: /\.init\s*\(/,
  sentryTracing: /\btracesSampler\s*:|\btracesSampleRate\s*:\s*(?!0(?:\.0*)?\s*[,}\n])[^\s,}]/,
  /** Environment variables that switch instrumentations off (comma-separated short names: `http,fs`) or on (only those listed). */
  disabledEnv: 'OTEL_NODE_DISABLED_INSTRUMENTATIONS',
  enabledEnv: 'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
} as const;
