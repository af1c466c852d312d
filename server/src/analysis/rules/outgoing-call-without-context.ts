// outgoing-call-without-context: an HTTP call or a message sent from a request handler that does
// not pass the request id or trace context on, so the next service's logs of this request cannot
// be tied to this one's. Quiet for a literal URL on another company's public API (it does not read
// the id), when OpenTelemetry instrumentation covers the client (it injects `traceparent` itself),
// when an axios interceptor adds headers, and when the service gives requests no id at all
// (missing-request-id-middleware names that cause). Clients: context/libraries.ts.
//
// Across files (checkService): a call in a function a handler reaches through calls in the workspace
// (context/requestPaths.ts), named by the route and the chain that reaches it. A client wrapper that
// adds the header itself is followed like any function, and its call passes the context on. No fix
// there: the request is usually not in scope, and threading it through the calls is left to a person.
import { WordScanner } from '../wordScanner';
import * as path from 'node:path';
import ts from '../typescriptModule';
import { hasNoRequestContext } from '../context/missingRequestId';
import { contextPassingOf, injectsContext, interceptedInstances, outgoingCallOf, passesContext, thirdPartyHost } from '../context/outgoing';
import { callsOnRequestPaths } from '../context/pathCalls';
import { describePath, requestPathsOf } from '../context/requestPaths';
import { serviceContextFor } from '../context/service';
import type { Rule, ServiceRuleContext, ServiceView } from '../rule';
import { declarationNodeOf, importOf } from '../scopes';
import { addRequestIdFix } from './util/outgoingFixes';

/** Words a file must hold for this rule to look at its calls (plain substring searches: a regex alternation costs more on large files). */
const MAY_APPLY = ['fetch(', 'axios', "'got'", '"got"', 'superagent', "http'", 'http"', "https'", 'https"', 'undici', 'kafkajs', 'amqplib', 'bullmq', '@aws-sdk/client-s'];
/** The same words for the service phase's files (the file phase scans them with every rule's words at once). */
const MAY_APPLY_SCANNER = new WordScanner(MAY_APPLY);

export const MESSAGE = (label: string, header: string) =>
  `This ${label} call in a request handler does not pass the request id (${header}) or trace context on: the next service's logs of this request cannot be tied to this one's.`;

export const PATH_MESSAGE = (label: string, where: string, header: string) =>
  `This ${label} call runs on ${where} and does not pass the request id (${header}) or trace context on: the next service's logs of this request cannot be tied to this one's.`;

/** Libraries that put the request's id on the request as `{req}.id`. */
const ID_ON_REQUEST = new Set(['pino-http', 'fastify', 'express-request-id']);

const intercepted = new WeakMap<ts.SourceFile, Set<string>>();

export const rule: Rule = {
  meta: {
    id: 'outgoing-call-without-context',
    description: 'Outgoing HTTP calls and messages sent from a request handler without the request id or trace context.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  mayApply: { words: MAY_APPLY },
  checkCall(node, ctx) {
    if (ctx.fileKind !== 'service') return;
    // Cheapest first: the client, the service's context, and only then handler discovery in the file.
    const call = outgoingCallOf(node, (id) => ctx.importOf(id), (id) => ctx.declarationOf(id));
    if (!call) return;
    const service = ctx.serviceContext();
    if (!service || service.traceCovers.has(call.kind)) return;
    if (hasNoRequestContext(service)) return;
    const request = ctx.requestParamAt(node);
    if (!request) return;
    if (call.axiosDefault && service.axiosIntercepted) return;
    if (call.instance) {
      let names = intercepted.get(ctx.sourceFile);
      if (!names) intercepted.set(ctx.sourceFile, (names = interceptedInstances(ctx.sourceFile)));
      if (names.has(call.instance)) return;
    }
    if (passesContext(call, ctx.requestIdHeader) !== false || thirdPartyHost(call)) return;
    const handler = request.parent.parent;
    if (handler && injectsContext(handler, (id) => ctx.importOf(id))) return;
    const fixes = service.libraries.some((l) => ID_ON_REQUEST.has(l)) ? addRequestIdFix(call, request, ctx) : [];
    ctx.report(call.callee, MESSAGE(call.label, ctx.requestIdHeader), fixes);
  },
  checkService(service: ServiceView, ctx: ServiceRuleContext) {
    const context = serviceContextFor(service.project, path.join(service.root, 'package.json'));
    if (!context || hasNoRequestContext(context)) return;
    const paths = requestPathsOf(service);
    const mayApply = new Map<string, boolean>();
    for (const { fn, node } of callsOnRequestPaths(service)) {
      const { parsed } = fn;
      let applies = mayApply.get(parsed.file);
      if (applies === undefined) mayApply.set(parsed.file, (applies = MAY_APPLY_SCANNER.wordsIn(parsed.text).size > 0));
      if (!applies) continue;
      const lookup = (id: ts.Identifier) => importOf(parsed.scopes, id);
      const call = outgoingCallOf(node, lookup, (id) => declarationNodeOf(parsed.scopes, id));
      if (!call) continue;
      const header = ctx.requestIdHeader(parsed.file);
      if (contextPassingOf(call, context, fn.node, lookup, header) !== 'missing') continue;
      ctx.report(parsed.file, call.callee, PATH_MESSAGE(call.label, describePath(paths, fn), header));
    }
  },
};
