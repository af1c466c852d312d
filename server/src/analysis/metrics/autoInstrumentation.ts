// Whether a service's HTTP requests are timed by auto-instrumentation (AUTO_INSTRUMENTATION in
// coverageLibraries.ts): an OpenTelemetry SDK file of the service registering HTTP (or framework)
// instrumentation with metrics exported, a preload of the auto-instrumentation (`--require`,
// `--import`, `-r`) in package.json scripts, a Dockerfile, .env or NODE_OPTIONS, Datadog's tracer,
// New Relic's agent or HyperDX's SDK started. HTTP instrumentation switched off through the
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
  for (const file of [...service.files, ...preloaded]) {
    if (found) break;
    const text = project.readFile(file);
    if (text === undefined) continue;
    if (startsDdTrace(text)) {
      found = { what: `dd-trace (${rel(file)})`, file, agent: true };
      break;
    }
    if (text.includes('newrelic') && AUTO_INSTRUMENTATION.newRelicStart.test(text)) {
      found = { what: `New Relic agent (${rel(file)})`, file, agent: true };
      break;
    }
    const insights = AUTO_INSTRUMENTATION.appInsightsSetup.test(text) ? appInsightsModule(text, project) : null;
    if (insights) {
      if (AUTO_INSTRUMENTATION.appInsightsNoRequests.test(text)) disabled = `Application Insights request collection off in ${rel(file)}`;
      else found = { what: `Application Insights (${insights}, set up in ${rel(file)})`, file };
      continue;
    }
    if (AUTO_INSTRUMENTATION.hyperdxImport.test(text) && AUTO_INSTRUMENTATION.hyperdxInit.test(text) && !AUTO_INSTRUMENTATION.hyperdxNoMetrics.test(text)) {
      if (HTTP_DISABLED_IN_CODE.test(text)) disabled = `instrumentation-http disabled in ${rel(file)}`;
      else found = { what: `@hyperdx/node-opentelemetry (${rel(file)})`, file };
      continue;
    }
    const m = IMPORTS_INSTRUMENTATION.exec(text);
    // `metricReaders: []` is an SDK told to export no metrics.
    if (!m || !METRIC_EXPORT.test(text.replace(NO_METRIC_READERS, ''))) continue;
    if (HTTP_DISABLED_IN_CODE.test(text)) {
      disabled = `instrumentation-http disabled in ${rel(file)}`;
      continue;
    }
    if (httpDisabledIn(text)) disabled = `${AUTO_INSTRUMENTATION.disabledEnv} in ${rel(file)}`;
    found = { what: `${m[1]} (${rel(file)})`, file };
  }
  return disabled && found && !found.agent ? { found: null, disabled } : { found, disabled };
}
