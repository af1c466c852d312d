// A service's request context: the context libraries its package.json names, the sources its code
// sets up (noted per file by the project model, fileSources.ts), and what follows for the rules:
// whether requests get an id, which request-scoped logger a handler can use, whether the shared
// logger reads the context itself, and which outgoing calls OpenTelemetry propagates on its own.
import * as path from 'node:path';
import { majorOfRange, readJsonObject } from '../model/packages';
import { isInside } from '../model/paths';
import type { ProjectModel } from '../project';
import { type CodeSource, RESTIFY_REQUEST_LOGGER } from './fileSources';
import { deploymentOf } from '../services/deployment';
import { AUTO_INSTRUMENTATIONS_LABEL, CONTEXT_LIBRARIES, CONTEXT_LOSING_CALLBACKS, type ContextLibraryId, OTEL_REGISTER_MODULES, type OutgoingKind } from './libraries';

/** The outgoing calls dd-trace's integrations patch to carry the trace (on by default once `tracer.init()` runs). */
const DD_TRACE_COVERS: readonly OutgoingKind[] = ['http', 'fetch', 'kafka', 'amqp', 'aws'];

export interface ServiceContext {
  /** The service's package folder. */
  root: string;
  /** Context libraries among the package's (and the repository root's) dependencies. */
  libraries: ContextLibraryId[];
  /** Sources set up in the service's code. */
  code: CodeSource[];
  /** Every request gets an id from some source. */
  hasRequestId: boolean;
  /** The request property that holds a request-scoped logger in handlers (`log` for `req.log`), if any. */
  requestLoggerProperty: string | null;
  /**
   * Whether the service's code certainly sets that logger up: Fastify (built in), a pino-http
   * middleware called in the code, or a child logger a middleware binds. A dependency alone may be unused.
   */
  requestLoggerCertain: boolean;
  /**
   * Every request logger middleware the code makes is mounted only under a condition (HyperDX mounts
   * pino-http outside CI only): `req.log` may be undefined, so no fix writes it.
   */
  requestLoggerConditional: boolean;
  /** The shared logger reads the request's context itself (a mixin or format, or OpenTelemetry stamps trace ids). */
  loggerReadsContext: boolean;
  /** Outgoing calls whose trace context OpenTelemetry instrumentation propagates. */
  otelCovers: ReadonlySet<OutgoingKind>;
  /** Outgoing calls whose trace context any tracer propagates: OpenTelemetry's, or Datadog's dd-trace (its http, fetch, Kafka, AMQP and AWS integrations). */
  traceCovers: ReadonlySet<OutgoingKind>;
  /** The default axios instance has a request interceptor. */
  axiosIntercepted: boolean;
  /** The declared major version of fastify, when the package names one. */
  fastifyMajor: number | null;
  /** Declared majors of the clients whose callbacks lose the context only in some versions (redis < 4), by module. */
  callbackMajors: Readonly<Record<string, number | null>>;
  /** A digest of all the above: analysis results that used it are stale when it changes. */
  digest: string;
}

const cache = new WeakMap<ProjectModel, { key: string; byDir: Map<string, ServiceContext> }>();

/** Context libraries that are Nest modules: imported into the app's modules from wherever they are re-exported. */
const NEST_CONTEXT_MODULES: ReadonlySet<string> = new Set(['nestjs-pino', 'nestjs-cls']);

/** The request context of the service `file` belongs to (its nearest package.json). */
export function serviceContextFor(project: ProjectModel, file: string): ServiceContext | null {
  const dir = project.packageFor(file)?.dir;
  if (!dir) return null;
  // The roles count too: which files are the service's own code (a test's pinoHttp() or Fastify() is not).
  const key = project.factsAndRolesKey();
  let entry = cache.get(project);
  if (!entry || entry.key !== key) cache.set(project, (entry = { key, byDir: new Map() }));
  let ctx = entry.byDir.get(dir);
  if (!ctx) entry.byDir.set(dir, (ctx = computeServiceContext(project, dir)));
  return ctx;
}

function computeServiceContext(project: ProjectModel, dir: string): ServiceContext {
  const deps = new Set(project.packageFor(path.join(dir, 'package.json'))?.dependencies ?? []);
  const rootPkg = project.packageFor(path.join(project.root, 'package.json'));
  if (rootPkg && rootPkg.dir !== dir) for (const d of rootPkg.dependencies) deps.add(d);
  // A Nest app imports its logging and context modules from a workspace library as often as from the
  // package (Novu's apps import nestjs-pino's LoggerModule through @novu/application-generic): the
  // library's Nest modules are the app's.
  if (deps.has('@nestjs/common') || deps.has('@nestjs/core')) {
    const workspace = project.workspacePackageDirs();
    for (const name of [...deps]) {
      const lib = workspace.get(name);
      if (!lib || lib === dir) continue;
      for (const d of project.packageFor(path.join(lib, 'package.json'))?.dependencies ?? []) if (NEST_CONTEXT_MODULES.has(d)) deps.add(d);
    }
  }
  const libraries = CONTEXT_LIBRARIES.filter((l) => l.packages.some((p) => deps.has(p))).map((l) => l.id);
  const code: CodeSource[] = [];
  for (const [file, sources] of project.contextSources) {
    if (isInside(dir, file) && project.packageFor(file)?.dir === dir) code.push(...sources);
  }
  code.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const has = (kind: CodeSource['kind']) => code.some((c) => c.kind === kind);
  const provides = (kind: 'request-id' | 'request-logger') => CONTEXT_LIBRARIES.some((l) => libraries.includes(l.id) && l.provides.includes(kind));
  // Only libraries that put the logger on the request itself (`req.log`): hono-pino's is `c.get('logger')`, nestjs-pino's is injected.
  // Fastify's `request.log` writes nothing when every Fastify the service's own code makes has its logger
  // off (Leon's); a test's bare `Fastify()` says nothing of the service's.
  const served = code.filter((c) => (c.kind === 'fastify-without-logger' || c.kind === 'fastify-with-logger') && project.roleOf(c.file) === 'service');
  const fastifyLoggerOff = served.some((c) => c.kind === 'fastify-without-logger') && !served.some((c) => c.kind === 'fastify-with-logger');
  // restify's `req.log` is its server's logger unless its requestLogger plugin makes it the request's child.
  const restifyRequestLogger = code.some((c) => c.label === RESTIFY_REQUEST_LOGGER);
  const onRequest = CONTEXT_LIBRARIES.some((l) => libraries.includes(l.id) && l.requestLogger === '{req}.log' && !(l.id === 'fastify' && fastifyLoggerOff) && !(l.id === 'restify' && !restifyRequestLogger));
  const otelCovers = new Set<OutgoingKind>(code.flatMap((c) => c.covers ?? []));
  if (startScriptRegistersOtel(project, dir)) for (const k of ['http', 'fetch', 'kafka', 'amqp', 'bullmq', 'aws'] as const) otelCovers.add(k);
  const child = code.find((c) => c.kind === 'child-per-request');
  const requestLoggerProperty = onRequest ? 'log' : (child?.property ?? null);
  // Mounts under a condition, by the name mounted; a middleware made in such a mount has binding ''.
  const conditional = new Set(code.filter((c) => c.kind === 'conditional-mount').map((c) => c.binding ?? ''));
  // Those the service's own code makes: a test's pinoHttp() (HyperDX's logger.test.ts) says nothing of its mounts.
  const made = code.filter((c) => c.kind === 'request-logger-middleware' && project.roleOf(c.file) === 'service');
  const requestLoggerConditional = made.length > 0 && !libraries.includes('fastify') && conditional.size > 0 && made.every((c) => c.binding !== undefined && conditional.has(c.binding));
  const ctx: Omit<ServiceContext, 'digest'> = {
    root: dir,
    libraries,
    code,
    hasRequestId: provides('request-id') || has('als-middleware') || has('request-id-middleware') || libraries.includes('express-http-context'),
    requestLoggerProperty,
    requestLoggerCertain: (libraries.includes('fastify') && !fastifyLoggerOff) || restifyRequestLogger || (has('request-logger-middleware') && !requestLoggerConditional) || (!onRequest && !!child),
    requestLoggerConditional,
    // Auto-instrumentation includes pino's and winston's, which stamp trace ids into every record; so
    // does an SDK the deployment preloads with them (atproto's bsky: an OpenTelemetry bootstrap package).
    loggerReadsContext: has('logger-reads-context') || otelCovers.has('http') && code.some((c) => c.label === AUTO_INSTRUMENTATIONS_LABEL) || startScriptRegistersOtel(project, dir) || preloadStampsLogs(project, dir),
    otelCovers,
    traceCovers: libraries.includes('dd-trace') ? new Set<OutgoingKind>([...otelCovers, ...DD_TRACE_COVERS]) : otelCovers,
    axiosIntercepted: has('axios-interceptor'),
    fastifyMajor: declaredMajor(project, dir, 'fastify'),
    callbackMajors: Object.fromEntries(CONTEXT_LOSING_CALLBACKS.filter((c) => c.belowMajor !== undefined && deps.has(c.module)).map((c) => [c.module, declaredMajor(project, dir, c.module)])),
  };
  const digest = JSON.stringify([ctx.libraries, ctx.hasRequestId, ctx.requestLoggerProperty, ctx.requestLoggerCertain, ctx.requestLoggerConditional, ctx.loggerReadsContext, [...otelCovers].sort(), ctx.axiosIntercepted, ctx.fastifyMajor, ctx.callbackMajors]);
  return { ...ctx, digest };
}

/** OpenTelemetry's pino or winston instrumentation (alone or in the auto-instrumentations), which writes the active trace's ids into records. */
const STAMPS_LOG_RECORDS = /['"]@opentelemetry\/instrumentation-(?:pino|winston)['"]|\bgetNodeAutoInstrumentations\s*\(/;

/** Whether a module the service's deployment preloads (services/deployment.ts) sets up OpenTelemetry's log-record instrumentation. */
function preloadStampsLogs(project: ProjectModel, dir: string): boolean {
  const name = project.packageFor(path.join(dir, 'package.json'))?.name ?? null;
  return deploymentOf(project, dir, name).preloaded.some((f) => STAMPS_LOG_RECORDS.test(project.readFile(f) ?? ''));
}

/** `node --require @opentelemetry/auto-instrumentations-node/register` (or `--import`) in a script or NODE_OPTIONS. */
function startScriptRegistersOtel(project: ProjectModel, dir: string): boolean {
  const json = readJsonObject(path.join(dir, 'package.json'), project.readFile);
  const scripts = json?.scripts && typeof json.scripts === 'object' ? Object.values(json.scripts as Record<string, unknown>) : [];
  return scripts.some((s) => typeof s === 'string' && OTEL_REGISTER_MODULES.some((m) => s.includes(m)));
}

/**
 * The major version a package.json declares for `name` (`^4.26.0` → 4), else the installed
 * package's, else null. Ranges with several majors (`4 || 5`) give the highest.
 */
export function declaredMajor(project: ProjectModel, dir: string, name: string): number | null {
  const json = readJsonObject(path.join(dir, 'package.json'), project.readFile);
  for (const key of ['dependencies', 'peerDependencies', 'devDependencies']) {
    const block = json?.[key] as Record<string, unknown> | undefined;
    const range = block && typeof block === 'object' ? block[name] : undefined;
    if (typeof range !== 'string') continue;
    const major = majorOfRange(range);
    if (major !== null) return major;
  }
  const installed = readJsonObject(path.join(dir, 'node_modules', name, 'package.json'), project.readFile);
  const version = typeof installed?.version === 'string' ? /^(\d+)\./.exec(installed.version) : null;
  return version ? Number(version[1]) : null;
}

/** Facts about other sources (whether Fastify's logger is on, whether a middleware is mounted only under a condition), not sources of their own. */
const FACTS_NOT_SOURCES: ReadonlySet<CodeSource['kind']> = new Set(['fastify-with-logger', 'fastify-without-logger', 'conditional-mount']);

/** A context source as `obs-lens inventory` lists it: a library (by package) or code (by place). */
export type ContextSourceEntry =
  | { kind: 'library'; library: ContextLibraryId; packages: string[] }
  | { kind: CodeSource['kind']; label: string; file: string; line: number };

/** The service's context sources for the inventory: its libraries, then the code that sets sources up, in file order. */
export function contextInventory(project: ProjectModel, dir: string): ContextSourceEntry[] {
  const ctx = serviceContextFor(project, path.join(dir, 'package.json'));
  if (!ctx) return [];
  const deps = project.packageFor(path.join(dir, 'package.json'))?.dependencies ?? new Set<string>();
  const out: ContextSourceEntry[] = ctx.libraries.map((id) => ({ kind: 'library', library: id, packages: CONTEXT_LIBRARIES.find((l) => l.id === id)!.packages.filter((p) => deps.has(p)) }));
  for (const c of ctx.code) if (!FACTS_NOT_SOURCES.has(c.kind)) out.push({ kind: c.kind, label: c.label, file: c.file, line: c.line });
  return out;
}
