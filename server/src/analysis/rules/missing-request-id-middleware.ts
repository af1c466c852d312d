// missing-request-id-middleware: a service with HTTP handlers and no request-id source at all,
// reported once where its app or server is created. A service phase rule: whether any middleware,
// library or OpenTelemetry setup gives requests an id is a fact of the whole service
// (context/missingRequestId.ts decides it). While it fires, handler-missing-request-context and
// outgoing-call-without-context stay quiet for the service: the root cause first.
import { missingRequestIdFinding } from '../context/missingRequestId';
import type { Rule } from '../rule';
import { requestIdMiddlewareFix } from './util/requestIdMiddlewareFix';

export const rule: Rule = {
  meta: {
    id: 'missing-request-id-middleware',
    description: 'HTTP services whose requests get no request id (no pino-http, Fastify ids, request-id middleware, AsyncLocalStorage context or OpenTelemetry).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  checkService(service, ctx) {
    const finding = missingRequestIdFinding(service);
    if (!finding) return;
    const fixes = finding.creation ? requestIdMiddlewareFix(finding.parsed, finding.creation, service.project, ctx.requestIdHeader(finding.file)) : [];
    ctx.report(finding.file, { start: finding.start, end: finding.end }, finding.message, fixes);
  },
};
