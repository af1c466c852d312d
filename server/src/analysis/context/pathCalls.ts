// The calls the context rules check in the service phase: those on a request path (requestPaths.ts)
// that the file phase does not already see as inside a handler (RuleContext.requestParamAt: a
// handler or middleware registered in the same file, a parameter typed as a framework's request).
// So a log call or an outgoing call is judged by exactly one phase. Log calls are recognised by the
// file phase's logger model (values.ts) over the service phase's parse of each file.
import ts from 'typescript';
import { HandlerRequests, requestParamAt } from '../handlers/requestParams';
import { isCandidateCall, recogniseLogCall } from '../logCalls';
import { classifyFile } from '../project';
import type { LogCall, ParsedServiceFile, ServiceView } from '../rule';
import { ValueResolver } from '../values';
import { type ReachedFunction, requestPathsOf } from './requestPaths';

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
      for (const node of paths.callsOf(fn)) if (!requestParamAt(requests, node)) out.push({ fn, node });
    }
    return out;
  });
}

/** The log calls among callsOnRequestPaths (console included: the rules decide). */
export function logCallsOnRequestPaths(service: ServiceView): readonly PathLogCall[] {
  return service.memo('requestPathLogCalls', () => {
    const models = modelsOf(service);
    const out: PathLogCall[] = [];
    for (const { fn, node } of callsOnRequestPaths(service)) {
      if (!ts.isCallExpression(node) || !isCandidateCall(node)) continue;
      const m = models(fn.parsed);
      m.values ??= new ValueResolver(fn.parsed.scopes, service.project.linksFor(fn.parsed.file, {}), m.requests);
      const call = recogniseLogCall(node, m.values);
      if (call) out.push({ fn, call });
    }
    return out;
  });
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
