// missing-request-id-middleware, as pure functions for the per-service phase of the rule contract:
// a service with HTTP handlers and no request-id source at all (no library that gives requests an
// id, no middleware of its own that does, no OpenTelemetry) is reported once, where its app or
// server is created. While it fires, handler-missing-request-context and outgoing-call-without-context
// stay quiet for the service (they test `hasNoRequestContext`): the root cause first.
import * as path from 'node:path';
import ts from '../typescriptModule';
import { mentionsFramework } from '../handlers/context';
import type { EntryPoint } from '../handlers/inventory';
import type { FactsSource } from '../handlers/workspaceFacts';
import type { FileFacts, Handler, Place } from '../handlers/types';
import { nodeAt } from '../treeAt';
import { classifyFile, type ProjectModel } from '../project';
import type { ParsedServiceFile } from '../rule';
import { type ServiceContext, serviceContextFor } from './service';

/** Frameworks that route by file (Next.js, React Router resource routes): no app is created and no middleware chain is theirs to add an id in. */
const FILE_ROUTED: ReadonlySet<string> = new Set(['nextjs', 'react-router']);

export const MISSING_MESSAGE =
  "This service's requests get no request id (no pino-http, Fastify, express-request-id, cls-rtracer, AsyncLocalStorage middleware, OpenTelemetry or dd-trace): its logs of one request cannot be told from another's, nor followed into the services it calls.";

/** True when the service has no request id and no trace propagation: nothing a log call or an outgoing call could carry. */
export function hasNoRequestContext(ctx: ServiceContext): boolean {
  // OpenTelemetry counts when it is set up (instrumentation in code or a start script), not for @opentelemetry/api
  // alone; Datadog's dd-trace as a dependency (its integrations patch the server and the clients once initialised).
  return !ctx.hasRequestId && ctx.traceCovers.size === 0;
}

/**
 * Where the service creates its apps and servers (`express()`, `Fastify()`, `http.createServer()`):
 * those in `entryFiles` (the files its package.json starts) first, then by file and line.
 */
export function creationPlaces(facts: FactsSource, files: readonly string[], entryFiles: readonly string[] = []): Place[] {
  const out: Array<Place & { app: boolean }> = [];
  for (const file of files) {
    const f = facts.facts(file);
    if (!f) continue;
    for (const o of f.owners) {
      if ((o.role === 'app' || o.role === 'server') && o.framework && !FILE_ROUTED.has(o.framework) && !o.param && !o.derivedFrom) out.push({ file, line: o.line, column: o.column, app: o.role === 'app' });
    }
  }
  // The entry's own first; then an app (where middleware goes) before a bare server that serves one
  // (`http.createServer(WIKI.app)` in another module).
  const rank = (p: Place & { app: boolean }) => (entryFiles.includes(p.file) ? 0 : 2) + (p.app ? 0 : 1);
  return out
    .sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .map(({ file, line, column }) => ({ file, line, column }));
}

export interface ServiceFinding extends Place {
  message: string;
}

/**
 * The service's finding, if it has handlers (of a framework with middleware: Next.js routes have
 * none to add) and no request context; at its first app or server creation, else its first handler.
 */
export function missingRequestIdMiddleware(handlers: readonly Handler[], creations: readonly Place[], ctx: ServiceContext): ServiceFinding | null {
  const served = servedHandlers(handlers, ctx);
  if (served.length === 0) return null;
  const at = creations[0] ?? { file: served[0].file, line: served[0].line, column: served[0].column };
  return { ...at, message: MISSING_MESSAGE };
}

/** The handlers that want a request id (Next.js routes have no middleware to add one); none when the service has context. */
function servedHandlers(handlers: readonly Handler[], ctx: ServiceContext): Handler[] {
  return hasNoRequestContext(ctx) ? handlers.filter((h) => !FILE_ROUTED.has(h.framework)) : [];
}

/** What the service phase shows of a service (a structural part of the rule contract's ServiceView). */
export interface ServiceLike {
  readonly root: string;
  readonly handlers: readonly Handler[];
  readonly entryPoints: readonly EntryPoint[];
  readonly files: readonly string[];
  readonly project: ProjectModel;
  facts(file: string): FileFacts | null;
  parsed(file: string): ParsedServiceFile | null;
}

/**
 * The service phase's finding: the file and the range of the app or server creation's callee
 * (`express` in `express()`, `new Koa` in `new Koa()`), read from the service's parsed tree, ready
 * for ServiceRuleContext.report; null when the service has a request-id source or no handlers.
 */
export function missingRequestIdFinding(
  service: ServiceLike,
): { file: string; start: number; end: number; message: string; creation: ts.CallExpression | ts.NewExpression | null; parsed: ParsedServiceFile } | null {
  const ctx = serviceContextFor(service.project, path.join(service.root, 'package.json'));
  // Decided before the creation places are looked for: finding them reads the facts of files
  // handler discovery never parsed, which a service with a request id must not pay for.
  // Handlers a test or script registers (a mock server in an integration-test package) serve no requests of the service's.
  const handlers = ctx ? service.handlers.filter((h) => classifyFile(service.project, h.file) === 'service') : [];
  if (!ctx || servedHandlers(handlers, ctx).length === 0) return null;
  const entries = service.entryPoints.flatMap((e) => (e.target ? [path.resolve(service.root, e.target)] : []));
  // An app or server is created from an imported framework (express(), Fastify(), http.createServer()):
  // only files that import one are parsed for it.
  // A test's own app (`const app = new Koa(); await initApp(app)` in a test) serves no requests.
  const candidates = service.files.filter((f) => {
    const text = service.project.readFile(f) ?? '';
    return mentionsFramework(text) && classifyFile(service.project, f, text) === 'service';
  });
  const finding = missingRequestIdMiddleware(handlers, creationPlaces(service, candidates, entries), ctx);
  if (!finding) return null;
  const parsed = service.parsed(finding.file);
  if (!parsed) return null;
  const creation = nodeAt(parsed, finding.line, finding.column, (n) => ts.isCallExpression(n) || ts.isNewExpression(n)) as ts.CallExpression | ts.NewExpression | null;
  // No creation in view (the app is made elsewhere): the first handler's place, its method name.
  const node = creation ?? nodeAt(parsed, finding.line, finding.column, () => true);
  if (!node) return null;
  return { file: finding.file, start: node.getStart(parsed.sourceFile), end: creation ? creation.expression.end : node.end, message: finding.message, creation, parsed };
}
