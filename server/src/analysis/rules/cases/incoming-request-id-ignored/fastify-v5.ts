// @case library=pino path=src/server.ts type=module
import Fastify from 'fastify';

export const app = Fastify({ logger: true });
//                 ~~~~~~~ [incoming-request-id-ignored] Fastify 5 ignores an incoming request id unless requestIdHeader is set (its default is false): the x-request-id a caller sent is ignored.
export const quiet = Fastify({ logger: true, requestIdHeader: false });
//                   ~~~~~~~ [incoming-request-id-ignored] requestIdHeader: false makes Fastify ignore the x-request-id a caller sent: one request's logs cannot be followed across services.
export const configured = Fastify({ requestIdHeader: 'x-request-id' });
// Without a header setting Fastify asks genReqId for every id: one that reads the incoming header
// first keeps the caller's (OpenPanel); one that only makes ids does not.
export const ownIds = Fastify({ genReqId: (req) => (req.headers['request-id'] ? String(req.headers['request-id']) : crypto.randomUUID()) });
export const madeIds = Fastify({ genReqId: () => crypto.randomUUID() });
//                     ~~~~~~~ [incoming-request-id-ignored] Fastify 5 ignores an incoming request id unless requestIdHeader is set (its default is false): the x-request-id a caller sent is ignored.
