// Whether a service's HTTP requests are timed by auto-instrumentation (AUTO_INSTRUMENTATION in
// coverageLibraries.ts): an OpenTelemetry SDK file of the service registering HTTP (or framework)
// instrumentation with metrics exported, a preload of the auto-instrumentation (`--require`,
// `--import`, `-r`) in package.json scripts, a Dockerfile, .env or NODE_OPTIONS, Datadog's tracer,
// New Relic's agent, Sentry's SDK with tracing on or HyperDX's SDK started. HTTP instrumentation switched off through the
// environment (or in the SDK's own options) counts as none. A service package a launcher package
// starts (atproto's services/bsky: a package.json depending on @atproto/bsky and a Dockerfile running
// `node --import=./tracer.ts api.ts`) is instrumented by what the launcher preloads: its deployment
// files are read too, and the local files they preload are searched as the service's own.
import * as path from 'node:path';
import type { ServiceView } from '../rule';
import { AUTO_INSTRUMENTATION } from './coverageLibraries';
import { packageNameOf } from '../model/paths';
import { deploymentOf, IMPORTED } from '../services/deployment';

export interface AutoInstrumentation {
  /** What instruments: `@opentelemetry/auto-instrumentations-node (src/tracing.ts)`. */
  what: string;
  file: string;
  /** A vendor's agent (Datadog's, New Relic's): OpenTelemetry's environment switches do not reach it. */
  agent?: true;
}

export interface AutoInstrumentationResult {
  found: AutoInstrumentation | null;
  /** Set when HTTP instrumentation is registered but switched off: where. */
  disabled: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/@-]/g, '\\$&');
/** An import or require of an instrumentation (a module name in a string elsewhere, say a metric view dropping its metrics, is not one). */
const IMPORTS_INSTRUMENTATION = new RegExp(`(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*|^import\\s+)['"](${AUTO_INSTRUMENTATION.httpInstrumentations.map(escape).join('|')})['"]`, 'm');
const PRELOAD = new RegExp(`(?:--require|--import|-r)(?:\\s+|=)['"]?(${AUTO_INSTRUMENTATION.preloads.map(escape).join('|')})`);
const METRIC_EXPORT = new RegExp(`\\b(?:${AUTO_INSTRUMENTATION.metricExportMarkers.join('|')})\\b`);
const NO_METRIC_READERS = /\bmetricReaders\s*:\s*\[\s*\]/g;
/** `'@opentelemetry/instrumentation-http': { enabled: false }` in the SDK's options. */
const HTTP_DISABLED_IN_CODE = /['"]@opentelemetry\/instrumentation-http['"]\s*:\s*\{\s*enabled\s*:\s*false/;

/** A preload that is a vendor's agent (Datadog's tracer, New Relic's agent), not OpenTelemetry. */
function isAgent(preload: string): boolean {
  return preload.startsWith('dd-trace') || preload === 'newrelic';
}

function envList(text: string, name: string): string[] | null {
  const m = new RegExp(`\\b${name}\\s*[=:]\\s*['"]?([A-Za-z0-9_,\\- ]*)`).exec(text);
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : null;
}

/** HTTP instrumentation off in some text's environment: disabled lists `http`, or an enabled list leaves it out. */
function httpDisabledIn(text: string): boolean {
  const disabled = envList(text, AUTO_INSTRUMENTATION.disabledEnv);
  if (disabled?.includes('http')) return true;
  const enabled = envList(text, AUTO_INSTRUMENTATION.enabledEnv);
  return enabled !== null && !enabled.includes('http');
}

/** Whether the file starts Datadog's tracer: `require('dd-trace').init()`, or `.init(` on the name it imports dd-trace as. */
function startsDdTrace(text: string): boolean {
  // Most files never mention it: one substring search spares them both patterns.
  if (!text.includes('dd-trace') && !text.includes('tracer.init')) return false;
  if (AUTO_INSTRUMENTATION.ddTraceInit.test(text)) return true;
  const m = AUTO_INSTRUMENTATION.ddTraceImport.exec(text);
  const name = m?.[1] ?? m?.[2];
  return !!name && new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.init\\s*\\(`).test(text);
}

/**
 * The module a file imports Application Insights' SDK through: the SDK itself, or a workspace
 * package (or a subpath of one) that depends on it. Null when it imports neither.
 */
function appInsightsModule(text: string, project: ServiceView['project']): string | null {
  const sdk = AUTO_INSTRUMENTATION.appInsightsPackage;
  const workspace = project.workspacePackageDirs();
  for (const m of text.matchAll(IMPORTED)) {
    const specifier = m[1];
    if (specifier === sdk) return sdk;
    const dir = workspace.get(packageNameOf(specifier));
    if (dir && project.packageFor(path.join(dir, 'package.json'))?.dependencies.has(sdk)) return specifier;
  }
  return null;
}

interface FileInstrumentation {
  found?: AutoInstrumentation;
  disabled?: string;
}

/**
 * What every test of instrumentationIn needs in the text, in one pass: Datadog's tracer, Sentry's SDK,
 * New Relic's agent, an SDK's `.setup(` (Application Insights), HyperDX's SDK, an OpenTelemetry instrumentation.
 */
const MAY_START_INSTRUMENTATION = /dd-trace|tracer\.init|@sentry\/|newrelic|\.setup\s*\(|@hyperdx\/|@opentelemetry\//;

/** What one file starts: an agent, an SDK with HTTP instrumentation, or HTTP instrumentation switched off. */
function instrumentationIn(file: string, text: string, name: string, project: ServiceView['project']): FileInstrumentation {
  // Every service file is asked: most name none of what any test below looks for.
  if (!MAY_START_INSTRUMENTATION.test(text)) return {};
  if (startsDdTrace(text)) return { found: { what: `dd-trace (${name})`, file, agent: true } };
  const sentry = text.includes('@sentry/') && AUTO_INSTRUMENTATION.sentryTracing.test(text) ? AUTO_INSTRUMENTATION.sentryImport.exec(text) : null;
  if (sentry && AUTO_INSTRUMENTATION.sentryInit.test(text)) return { found: { what: `Sentry tracing (${sentry[1]}, ${name})`, file, agent: true } };
  if (text.includes('newrelic') && AUTO_INSTRUMENTATION.newRelicStart.test(text)) return { found: { what: `New Relic agent (${name})`, file, agent: true } };
  const insights = AUTO_INSTRUMENTATION.appInsightsSetup.test(text) ? appInsightsModule(text, project) : null;
  if (insights) {
    if (AUTO_INSTRUMENTATION.appInsightsNoRequests.test(text)) return { disabled: `Application Insights request collection off in ${name}` };
    return { found: { what: `Application Insights (${insights}, set up in ${name})`, file } };
  }
  if (AUTO_INSTRUMENTATION.hyperdxImport.test(text) && AUTO_INSTRUMENTATION.hyperdxInit.test(text) && !AUTO_INSTRUMENTATION.hyperdxNoMetrics.test(text)) {
    if (HTTP_DISABLED_IN_CODE.test(text)) return { disabled: `instrumentation-http disabled in ${name}` };
    return { found: { what: `@hyperdx/node-opentelemetry (${name})`, file } };
  }
  const m = IMPORTS_INSTRUMENTATION.exec(text);
  // `metricReaders: []` is an SDK told to export no metrics.
  if (!m || !METRIC_EXPORT.test(text.replace(NO_METRIC_READERS, ''))) return {};
  if (HTTP_DISABLED_IN_CODE.test(text)) return { disabled: `instrumentation-http disabled in ${name}` };
  const off = httpDisabledIn(text) ? `${AUTO_INSTRUMENTATION.disabledEnv} in ${name}` : undefined;
  return { found: { what: `${m[1]} (${name})`, file }, ...(off ? { disabled: off } : {}) };
}

/** Where a service's files import an instrumentation module from outside the service (resolved as the compiler does). */
function importedFromOutside(service: ServiceView): string[] {
  const own = new Set(service.files);
  const out = new Set<string>();
  for (const file of service.files) {
    const text = service.project.readFile(file);
    if (text === undefined || !MAY_IMPORT_INSTRUMENTATION.test(text)) continue;
    for (const m of text.matchAll(IMPORTED)) {
      if (!MAY_IMPORT_INSTRUMENTATION.test(m[1])) continue;
      const target = service.project.resolver.resolve(file, m[1]);
      if (target && !own.has(target)) out.add(target);
    }
  }
  return [...out];
}

/** A specifier (and so a file importing one) that may name an instrumentation module: a shared `sentry/initialize`, `tracing`, `telemetry`, `instrument`. */
const MAY_IMPORT_INSTRUMENTATION = /sentry|tracing|tracer|telemetry|instrument|otel|apm|newrelic/i;

export function autoInstrumentationOf(service: ServiceView): AutoInstrumentationResult {
  const project = service.project;
  const rel = (f: string) => path.relative(service.root, f).split(path.sep).join('/') || path.basename(f);
  const { files: deployment, preloaded } = deploymentOf(project, service.root, service.name);
  let disabled: string | null = null;
  for (const d of deployment) if (httpDisabledIn(d.text)) disabled = `${AUTO_INSTRUMENTATION.disabledEnv} in ${rel(d.file)}`;
  let found: AutoInstrumentation | null = null;
  for (const d of deployment) {
    const m = PRELOAD.exec(d.text);
    if (m) {
      found = { what: `${m[1]} preloaded (${rel(d.file)})`, file: d.file, ...(isAgent(m[1]) ? { agent: true as const } : {}) };
      break;
    }
  }
  // The first file that starts an instrumentation decides.
  const scan = (files: Iterable<string>) => {
    for (const file of files) {
      if (found) return;
      const text = project.readFile(file);
      if (text === undefined) continue;
      const seen = instrumentationIn(file, text, rel(file), project);
      if (seen.disabled) disabled = seen.disabled;
      if (seen.found) found = seen.found;
    }
  };
  scan([...service.files, ...preloaded]);
  // A module the service imports from outside its package (Postiz's apps/backend importing
  // `initializeSentry` from a shared library through a tsconfig alias): one level, only those that
  // name an instrumentation.
  if (!found) scan(importedFromOutside(service));
  return disabled && found && !found.agent ? { found: null, disabled } : { found, disabled };
}
