import { metrics } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

const meter = metrics.getMeter('api');
const duration = meter.createHistogram('http.server.request.duration', { description: 'Request duration.', unit: 's' });
const active = meter.createUpDownCounter('http.server.active_requests', { description: 'Active requests.' });

export async function handler(request: FastifyRequest, reply: FastifyReply) {
  const started = performance.now();
  active.add(1, { 'http.request.method': request.method });
  await reply.send('ok');
  const attributes = { 'http.route': request.url, 'user.id': (request.query as { user: string }).user };
                                   //~~~~~~~~~~~ [high-cardinality-label] Attribute `http.route` takes `request.url`, the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
                                                           //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Attribute `user.id` takes `(request.query as { user: string }).user`, a query string value: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
  duration.record((performance.now() - started) / 1000, attributes);
  duration.record(0, { 'http.route': request.routeOptions.url, 'session.id': request.id, started: Date.now() });
                                                                           //~~~~~~~~~~ [high-cardinality-label] Attribute `session.id` takes `request.id`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
                                                                                                //~~~~~~~~~~ [high-cardinality-label] Attribute `started` takes `Date.now()`, a timestamp: a new time series on every call. Record time as the metric's value (a histogram or gauge), never as a label.
  active.add(-1, { 'http.request.method': request.method });
}
