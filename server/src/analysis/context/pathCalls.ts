// The calls the context rules check in the service phase: those on a request path (requestPaths.ts)
// that the file phase does not already see as inside a handler (RuleContext.requestParamAt: a
// handler or middleware registered in the same file, a parameter typed as a framework's request).
// So a log call or an outgoing call is judged by exactly one phase. Log calls are recognised by the
// file phase's logger model (values.ts) over the service phase's parse of each file.
import * as path from 'node:path';
import ts from '../typescriptModule';
import { HandlerRequests, requestParamAt } from '../handlers/requestParams';
import { isCandidateCall, recogniseLogCall } from '../logCalls';
import { classifyFile } from '../project';
import type { LogCall, ParsedServiceFile, ServiceView } from '../rule';
import { ValueResolver } from '../values';
import { hasNoRequestContext } from './missingRequestId';
import { type ReachedFunction, requestPathsOf } from './requestPaths';
import { bindingsFromScopes, contextReaders, isRequestScoped, loggerReadsRequestContext } from './requestScoped';
import { serviceContextFor } from './service';

export interface PathCall {
  readonly fn: ReachedFunction;
  readonly node: ts.CallExpression | ts.NewExpression;
}

export interface PathLogCall {
  readonly fn: ReachedFunction;
  readonly call: LogCall;
}

interface FileModels {
  requests: HandlerRequests;
  values: ValueResolver | null;
}

/** Calls on the service's request paths outside what the file phase sees as a handler, in service code. */
export function callsOnRequestPaths(service: ServiceView): readonly PathCall[] {
  return service.memo('requestPathCalls', () => {
    const paths = requestPathsOf(service);
    const models = modelsOf(service);
    const out: PathCall[] = [];
    for (const fn of paths.reached.values()) {
      if (classifyFile(service.project, fn.parsed.file) !== 'service') continue;
      const { requests } = models(fn.parsed);
      // The file phase judges calls where it sees a request, with the file's own package's context: in
      // another workspace package (a library the handler calls, taking `req.raw`) nobody else does.
      const own = service.project.packageFor(fn.parsed.file)?.dir === service.root;
      for (const node of paths.callsOf(fn)) if (!own || !requestParamAt(requests, node)) out.push({ fn, node });
    }
    return out;
  });
}

/** The log calls among callsOnRequestPaths (console included: the rules decide). */
export function logCallsOnRequestPaths(service: ServiceView): readonly PathLogCall[] {
  return service.memo('requestPathLogCalls', () => {
    const recognise = logCallRecogniser(service);
    const out: PathLogCall[] = [];
    for (const { fn, node } of callsOnRequestPaths(service)) {
      const call = recognise(fn, node);
      if (call) out.push({ fn, call });
    }
    return out;
  });
}

/**
 * The log calls on request paths (logCallsOnRequestPaths) whose logger carries no request context
 * while the service puts a request-scoped logger on the request (handler-missing-request-context's
 * service phase, and the handler hover). Null when that question does not arise: the service has no
 * request logger to use instead, its shared logger reads the context itself, or requests get no id.
 */
export function pathLogsWithoutContext(service: ServiceView): readonly PathLogCall[] | null {
  return service.memo('requestPathLogsWithoutContext', () => {
    const loses = contextLoss(service);
    return loses && logCallsOnRequestPaths(service).filter(({ fn, call }) => loses(fn, call));
  });
}

/**
 * Every log call of one function on a request path that loses the context, those the file phase
 * judges included (a handler's own body, for the hover); null as for pathLogsWithoutContext.
 */
export function logsWithoutContextIn(service: ServiceView, fn: ReachedFunction): PathLogCall[] | null {
  const loses = contextLoss(service);
  if (!loses) return null;
  const recognise = logCallRecogniser(service);
  const out: PathLogCall[] = [];
  for (const node of requestPathsOf(service).callsOf(fn)) {
    const call = recognise(fn, node);
    if (call && loses(fn, call)) out.push({ fn, call });
  }
  return out;
}

/** Whether a log call on a request path loses the request's context; null when the question does not arise (pathLogsWithoutContext). */
function contextLoss(service: ServiceView): ((fn: ReachedFunction, call: LogCall) => boolean) | null {
  return service.memo('requestPathContextLoss', () => {
    const context = serviceContextFor(service.project, path.join(service.root, 'package.json'));
    if (!context?.requestLoggerProperty || context.loggerReadsContext || hasNoRequestContext(context)) return null;
    const readsContext = contextReaders(service);
    return (fn: ReachedFunction, call: LogCall) =>
      call.library !== 'console' && !loggerReadsRequestContext(call.library, context.libraries) && !isRequestScoped(call.receiver, bindingsFromScopes(fn.parsed.scopes), (c) => readsContext(fn.parsed, c));
  });
}

/** The file phase's logger model over the service phase's parse: a call of a function on a path as a log call, or null. */
function logCallRecogniser(service: ServiceView): (fn: ReachedFunction, node: ts.CallExpression | ts.NewExpression) => LogCall | null {
  const models = modelsOf(service);
  return (fn, node) => {
    if (!ts.isCallExpression(node) || !isCandidateCall(node)) return null;
    const m = models(fn.parsed);
    m.values ??= new ValueResolver(fn.parsed.scopes, service.project.linksFor(fn.parsed.file, {}), m.requests);
    return recogniseLogCall(node, m.values);
  };
}

/** Per file: which functions are handlers (as the file phase sees them) and the logger model, made on first use. */
function modelsOf(service: ServiceView): (parsed: ParsedServiceFile) => FileModels {
  const byFile = service.memo('requestPathModels', () => new Map<string, FileModels>());
  return (parsed) => {
    let m = byFile.get(parsed.file);
    if (!m) byFile.set(parsed.file, (m = { requests: new HandlerRequests(parsed.sourceFile, parsed.scopes, service.project, parsed.file), values: null }));
    return m;
  };
}
