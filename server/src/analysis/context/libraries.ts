// What each request-context library looks like from the code: the packages that give a request an
// id or a request-scoped logger, the stores that carry it through async calls, and the clients
// that send a request on (HTTP and message producers). One entry per library; the detection
// (sources.ts) and the context rules read only these tables.

/** A kind of request context a source provides. */
export type ContextKind =
  /** Assigns each request an id (`req.id`, `request.id`, `rTracer.id()`). */
  | 'request-id'
  /** Puts a logger bound to the request on it (`req.log`, `request.log`). */
  | 'request-logger'
  /** Carries the request's context through async calls (AsyncLocalStorage and the libraries on it). */
  | 'async-store'
  /** Trace context (OpenTelemetry, Datadog's dd-trace). */
  | 'trace';

export type ContextLibraryId =
  | 'pino-http'
  | 'fastify'
  | 'restify'
  | 'express-request-id'
  | 'cls-rtracer'
  | 'express-http-context'
  | 'nestjs-cls'
  | 'nestjs-pino'
  | 'koa-pino-logger'
  | 'hono-pino'
  | 'opentelemetry'
  | 'dd-trace';

export interface ContextLibrary {
  id: ContextLibraryId;
  /** Packages whose presence in a service's dependencies names the library. */
  packages: readonly string[];
  provides: readonly ContextKind[];
  /** The request-scoped logger in a handler, by the handler's request parameter (`{req}.log`). */
  requestLogger?: string;
  /** The request id in a handler, by the request parameter (`{req}.id`). */
  requestId?: string;
  /**
   * It applies to every request of the service (built into the framework, a Nest module, trace
   * propagation), not as middleware mounted in order: every handler has it in front.
   */
  serviceWide?: true;
}

/**
 * HyperDX's SDK: OpenTelemetry's Node SDK with the auto-instrumentations (HTTP, pino's and winston's
 * trace ids in records) and a metric reader, started by `init`/`initSDK` or by preloading its
 * `tracing` entry (`node -r @hyperdx/node-opentelemetry/build/src/tracing`).
 */
export const HYPERDX_SDK = '@hyperdx/node-opentelemetry';
export const HYPERDX_PRELOAD = `${HYPERDX_SDK}/build/src/tracing`;
export const HYPERDX_INITS: ReadonlySet<string> = new Set(['init', 'initSDK']);

export const CONTEXT_LIBRARIES: readonly ContextLibrary[] = [
  { id: 'pino-http', packages: ['pino-http', 'express-pino-logger'], provides: ['request-id', 'request-logger'], requestLogger: '{req}.log', requestId: '{req}.id' },
  { id: 'fastify', packages: ['fastify'], provides: ['request-id', 'request-logger'], requestLogger: '{req}.log', requestId: '{req}.id', serviceWide: true },
  // restify gives every request an id (the caller's `request-id` or `x-request-id` header when sent); its
  // `req.log` is the server's logger, a child carrying that id only behind its requestLogger plugin (service.ts).
  { id: 'restify', packages: ['restify'], provides: ['request-id', 'request-logger'], requestLogger: '{req}.log', serviceWide: true },
  { id: 'express-request-id', packages: ['express-request-id'], provides: ['request-id'], requestId: '{req}.id' },
  { id: 'cls-rtracer', packages: ['cls-rtracer'], provides: ['request-id', 'async-store'] },
  { id: 'express-http-context', packages: ['express-http-context', 'express-http-context2'], provides: ['async-store'] },
  { id: 'nestjs-cls', packages: ['nestjs-cls'], provides: ['request-id', 'async-store'], serviceWide: true },
  // nestjs-pino wraps pino-http: its PinoLogger and the Nest Logger it backs are request-scoped.
  { id: 'nestjs-pino', packages: ['nestjs-pino'], provides: ['request-id', 'request-logger'], serviceWide: true },
  { id: 'koa-pino-logger', packages: ['koa-pino-logger'], provides: ['request-id', 'request-logger'], requestLogger: '{req}.log' },
  { id: 'hono-pino', packages: ['hono-pino'], provides: ['request-id', 'request-logger'] },
  { id: 'opentelemetry', packages: ['@opentelemetry/api', '@opentelemetry/sdk-node', '@opentelemetry/auto-instrumentations-node', HYPERDX_SDK], provides: ['trace'], serviceWide: true },
  // Datadog's tracer: `tracer.init()` patches http and the frameworks, gives every request a trace and
  // propagates it on outgoing calls (Nango's services start it from their entry's first import).
  { id: 'dd-trace', packages: ['dd-trace'], provides: ['trace'], serviceWide: true },
];

/** Modules whose import a file's text must mention for the code-level detection to parse it. */
export const CONTEXT_MODULES: readonly string[] = [
  'pino-http',
  'express-pino-logger',
  'cls-rtracer',
  'express-http-context',
  'express-http-context2',
  'express-request-id',
  'nestjs-cls',
  'hono/request-id',
  'node:async_hooks',
  'async_hooks',
  '@opentelemetry/api',
  '@opentelemetry/sdk-node',
  '@opentelemetry/auto-instrumentations-node',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-undici',
  '@opentelemetry/instrumentation',
  HYPERDX_SDK,
];

/**
 * Calls that read the current request's context from an async store, by the module they are
 * imported from: a logger option (pino `mixin`, a winston format) that calls one carries the
 * request's context in every record.
 */
export const CONTEXT_READERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'cls-rtracer': new Set(['id']),
  'express-http-context': new Set(['get']),
  'express-http-context2': new Set(['get']),
  '@opentelemetry/api': new Set(['getActiveSpan', 'getSpan', 'active', 'getSpanContext']),
  // Its pino mixin returns the active span's trace and span ids (`mixin: getPinoMixinFunction`).
  [HYPERDX_SDK]: new Set(['getPinoMixinFunction']),
};
/** A read of an AsyncLocalStorage's store in a function's text (`storage.getStore()`): a getter of the request's context. */
export const READS_STORE = /\.getStore\s*\(/;
/** A method of an AsyncLocalStorage (or a nestjs-cls ClsService) that reads the store. */
export const STORE_READ_METHODS: ReadonlySet<string> = new Set(['getStore', 'get', 'getId']);

/**
 * The label of a source that starts every auto-instrumentation (`getNodeAutoInstrumentations()`,
 * HyperDX's `init()`): pino's and winston's among them stamp trace ids into every record.
 */
export const AUTO_INSTRUMENTATIONS_LABEL = 'getNodeAutoInstrumentations';

/** OpenTelemetry instrumentations that propagate trace context on outgoing calls, by the clients they cover. */
export const OTEL_INSTRUMENTATIONS: Readonly<Record<string, readonly OutgoingKind[]>> = {
  getNodeAutoInstrumentations: ['http', 'fetch', 'kafka', 'amqp', 'bullmq', 'aws'],
  HttpInstrumentation: ['http'],
  UndiciInstrumentation: ['fetch'],
  KafkaJsInstrumentation: ['kafka'],
  AmqplibInstrumentation: ['amqp'],
  AwsInstrumentation: ['aws'],
};
/**
 * Auto-instrumentation loaded from the command line (`node --require @opentelemetry/auto-instrumentations-node/register`),
 * HyperDX's SDK among them (its `tracing` entry starts the Node SDK with the auto-instrumentations).
 */
export const OTEL_REGISTER_MODULES: readonly string[] = ['@opentelemetry/auto-instrumentations-node/register', '@opentelemetry/auto-instrumentations-node', HYPERDX_PRELOAD];

/** What an outgoing call is carried by: which instrumentation covers it. */
export type OutgoingKind = 'http' | 'fetch' | 'kafka' | 'amqp' | 'bullmq' | 'aws';

/**
 * How an outgoing call passes context on: `headers` (an options object's `headers`), `messages`
 * (kafkajs: each message's `headers`), `attributes` (AWS: the command input's `MessageAttributes`),
 * `data` (BullMQ: a field of the job's data), `set` (superagent: a chained `.set(header, value)`).
 */
export type Carrier = 'headers' | 'messages' | 'attributes' | 'data' | 'set';

/**
 * Where the options object sits: an argument index, `firstObject` (node:http's `request(url?,
 * options?, cb?)`), by method (axios: `get(url, config)`, `post(url, data, config)`, `axios(config)`),
 * or `urlOrOptions` (got: `got(url, options)`, or the options alone, `got({ url })`).
 */
export type OptionsPlace = number | 'firstObject' | 'axios' | 'urlOrOptions';

export interface OutgoingClient {
  /** The module the function or class is imported from (`node:` left out). */
  module: string;
  /** The export: `default`/`*` for the module itself, else its name. */
  name: string;
  /** Methods of the import (or of an instance made by `factory`) that send; empty: the import itself is called (or constructed). */
  methods: readonly string[];
  /** Methods of the import that make an instance with the same sending methods (`axios.create`). */
  factory?: readonly string[];
  kind: OutgoingKind;
  carrier: Carrier;
  options: OptionsPlace;
  label: string;
}

const AXIOS_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

export const OUTGOING_CLIENTS: readonly OutgoingClient[] = [
  { module: 'undici', name: 'fetch', methods: [], kind: 'fetch', carrier: 'headers', options: 1, label: 'undici fetch' },
  { module: 'undici', name: 'request', methods: [], kind: 'fetch', carrier: 'headers', options: 1, label: 'undici request' },
  { module: 'node-fetch', name: 'default', methods: [], kind: 'http', carrier: 'headers', options: 1, label: 'node-fetch' },
  { module: 'axios', name: 'default', methods: AXIOS_METHODS, factory: ['create'], kind: 'http', carrier: 'headers', options: 'axios', label: 'axios' },
  { module: 'got', name: 'default', methods: VERBS, factory: ['extend'], kind: 'http', carrier: 'headers', options: 'urlOrOptions', label: 'got' },
  { module: 'superagent', name: 'default', methods: VERBS, kind: 'http', carrier: 'set', options: 1, label: 'superagent' },
  { module: 'http', name: '*', methods: ['request', 'get'], kind: 'http', carrier: 'headers', options: 'firstObject', label: 'http.request' },
  { module: 'https', name: '*', methods: ['request', 'get'], kind: 'http', carrier: 'headers', options: 'firstObject', label: 'https.request' },
  { module: '@aws-sdk/client-sqs', name: 'SendMessageCommand', methods: [], kind: 'aws', carrier: 'attributes', options: 0, label: 'SQS SendMessageCommand' },
  { module: '@aws-sdk/client-sns', name: 'PublishCommand', methods: [], kind: 'aws', carrier: 'attributes', options: 0, label: 'SNS PublishCommand' },
];
/** The global `fetch` (Node 18+). */
export const GLOBAL_FETCH: OutgoingClient = { module: '', name: 'fetch', methods: [], kind: 'fetch', carrier: 'headers', options: 1, label: 'fetch' };

/**
 * Producers whose sending method is called on an object made from the library in the same file:
 * `kafka.producer()` then `producer.send(...)`; `connection.createChannel()` then `channel.publish(...)`;
 * `new Queue(...)` then `queue.add(...)`.
 */
export interface Producer {
  module: string;
  /** The export that is constructed or called first (`Kafka`, `connect`, `Queue`). */
  name: string;
  /** Calls, in order, from the import to the sending object (`producer` on a Kafka instance). */
  chain: readonly string[];
  methods: Readonly<Record<string, { carrier: Carrier; options: number }>>;
  kind: OutgoingKind;
  label: string;
}

export const PRODUCERS: readonly Producer[] = [
  { module: 'kafkajs', name: 'Kafka', chain: ['producer'], methods: { send: { carrier: 'messages', options: 0 } }, kind: 'kafka', label: 'kafkajs send' },
  {
    module: 'amqplib',
    name: 'connect',
    chain: ['createChannel'],
    methods: { publish: { carrier: 'headers', options: 3 }, sendToQueue: { carrier: 'headers', options: 2 } },
    kind: 'amqp',
    label: 'amqplib',
  },
  { module: 'bullmq', name: 'Queue', chain: [], methods: { add: { carrier: 'data', options: 1 } }, kind: 'bullmq', label: 'BullMQ add' },
];

/** Functions that make a fresh id: a request-id middleware that calls one without reading the incoming header ignores it. */
export const ID_GENERATORS: Readonly<Record<string, ReadonlySet<string>>> = {
  'node:crypto': new Set(['randomUUID']),
  uuid: new Set(['v4', 'v1', 'v7', 'default']),
  nanoid: new Set(['nanoid']),
  cuid: new Set(['default']),
  '@paralleldrive/cuid2': new Set(['createId']),
};

/**
 * Stores other than AsyncLocalStorage that carry a request's context: cls-hooked (and the older
 * continuation-local-storage) namespaces, made by these exports; read with `get`, entered with `run`.
 */
export const CLS_NAMESPACES: Readonly<Record<string, ReadonlySet<string>>> = {
  'cls-hooked': new Set(['createNamespace', 'getNamespace']),
  'continuation-local-storage': new Set(['createNamespace', 'getNamespace']),
};
/** Methods of a store (AsyncLocalStorage, a cls namespace) that run a callback inside a context. */
export const STORE_RUN_METHODS: ReadonlySet<string> = new Set(['run', 'runAndReturn', 'runPromise']);

/**
 * Callback APIs of pooled clients that call back outside the caller's async context: a request's
 * context read in the callback (directly, or by a logger's mixin) is gone. `made`: the exports that
 * make the client (`mysql.createPool()`); `methods`: the calls taking a callback (empty: any method
 * called with a function last); `belowMajor`: only versions below this major (later ones bind it);
 * `handsOver`: a method of the client whose callback gets another client of the same kind as
 * parameter `parameter` (mysql's `pool.getConnection((err, connection) => ...)`: the connection's
 * callbacks come from its socket too). The reason is shown in the finding.
 */
export interface ContextLosingCallbacks {
  module: string;
  made: readonly string[];
  methods: readonly string[];
  belowMajor?: number;
  handsOver?: { method: string; parameter: number };
  reason: string;
}

export const CONTEXT_LOSING_CALLBACKS: readonly ContextLosingCallbacks[] = [
  {
    module: 'mysql',
    made: ['createPool', 'createConnection', 'createPoolCluster'],
    methods: ['query', 'getConnection', 'execute'],
    handsOver: { method: 'getConnection', parameter: 1 },
    reason: 'mysql queues the query on a pooled connection and calls back from that connection\'s socket events, not from the request',
  },
  {
    module: 'redis',
    made: ['createClient'],
    methods: [],
    belowMajor: 4,
    reason: 'node-redis before v4 queues commands and calls back from the socket\'s reply parser, not from the request',
  },
];

/** An EventEmitter's methods that register a listener: it runs on later events, not as part of the call. */
export const EMITTER_LISTEN_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * Emitters whose events come from I/O (a socket, a subscription, the process), not from the code
 * that made a request: a listener registered at start-up runs outside every request. By module, the
 * exports that make one (`*`/`default`: the module itself, called or constructed). Emitters not
 * listed are left alone: knex's query events, for one, are emitted from the query's own promise
 * chain, which carries the request's context.
 */
export const IO_EMITTERS: readonly { module: string; made: readonly string[]; label: string }[] = [
  { module: 'redis', made: ['createClient'], label: 'a redis client' },
  { module: 'ioredis', made: ['default', 'Redis', 'Cluster'], label: 'an ioredis client' },
  { module: 'pg', made: ['Client', 'Pool'], label: 'a pg client' },
  { module: 'ws', made: ['WebSocketServer', 'Server', 'default'], label: 'a WebSocket server' },
  { module: 'net', made: ['createServer', 'createConnection', 'connect', 'Socket'], label: 'a socket' },
  { module: 'mqtt', made: ['connect'], label: 'an MQTT client' },
];

/**
 * Middleware that loses the async context of the middleware mounted before it: it reads the request
 * body from the stream and calls `next` from the stream's events (express-http-context's and
 * cls-rtracer's READMEs: mount such middleware before the context middleware). By module, the
 * exports that make it: `*` is the module itself called (`bodyParser()`), else a member or named export.
 */
export const CONTEXT_BREAKING_MIDDLEWARE: Readonly<Record<string, { exports: ReadonlySet<string>; /** `{name}`: the export used. */ label: string }>> = {
  'body-parser': { exports: new Set(['*', 'json', 'urlencoded', 'raw', 'text']), label: 'body-parser' },
  // express.json() and its siblings are body-parser's.
  express: { exports: new Set(['json', 'urlencoded', 'raw', 'text']), label: 'express.{name}()' },
  'express-jwt': { exports: new Set(['*', 'expressjwt']), label: 'express-jwt' },
};

/**
 * Middleware that enters a request's context for the rest of the chain, by module: the export and
 * whether it is mounted as it is (`httpContext.middleware`) or called (`rTracer.expressMiddleware()`).
 * A project's own `als.run(store, () => next())` (or a cls-hooked namespace's) counts too.
 */
export const CONTEXT_MIDDLEWARES: readonly { module: string; name: string; called: boolean; label: string }[] = [
  { module: 'express-http-context', name: 'middleware', called: false, label: 'express-http-context' },
  { module: 'express-http-context2', name: 'middleware', called: false, label: 'express-http-context' },
  { module: 'cls-rtracer', name: 'expressMiddleware', called: true, label: 'cls-rtracer' },
];

/**
 * cls-rtracer's request-id sources (incoming-request-id-ignored): the middleware factories, called
 * with their options (`rTracer.expressMiddleware({ useHeader: true })`), and the plugins, handed to
 * the framework's `register` with their options next (`app.register(rTracer.fastifyPlugin, { useHeader: true })`).
 * Each makes a new id unless `useHeader` is true. A plugin's `deferTo` option takes the framework's
 * own request id instead (Fastify's `request.id`, which Fastify's requestIdHeader decides: judged at the Fastify call).
 */
export const RTRACER_ID_SOURCES: {
  module: string;
  middlewares: ReadonlySet<string>;
  plugins: ReadonlyMap<string, { register: string; deferTo: string }>;
} = {
  module: 'cls-rtracer',
  middlewares: new Set(['expressMiddleware', 'koaMiddleware', 'koaV1Middleware', 'fastifyMiddleware']),
  plugins: new Map([['fastifyPlugin', { register: 'register', deferTo: 'useFastifyRequestId' }]]),
};
