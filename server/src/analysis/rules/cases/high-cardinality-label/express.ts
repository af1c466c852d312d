import express, { type Request } from 'express';
import { Counter, Histogram } from 'prom-client';

const requests = new Counter({ name: 'http_requests_total', help: 'Requests.', labelNames: ['method', 'route', 'status_code'] });
const latency = new Histogram({ name: 'http_request_duration_seconds', help: 'Latency.', labelNames: ['method', 'route', 'status_code'] });
const searches = new Counter({ name: 'searches_total', help: 'Searches.', labelNames: ['query', 'agent', 'client_ip'] });
const signups = new Counter({ name: 'signups_total', help: 'Signups.', labelNames: ['user_id', 'email', 'plan', 'region_id'] });
const failures = new Counter({ name: 'failures_total', help: 'Failures.', labelNames: ['reason', 'at'] });

export const app = express();
// Ids of things a deployment has few of are fine.
const regionId = process.env.REGION_ID ?? 'eu-1';

// A middleware that runs before routing only knows the raw path.
app.use((req, res, next) => {
  requests.inc({ method: req.method, route: req.path });
                                          //~~~~~~~~ [high-cardinality-label] Label `route` takes `req.path`, the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
  const end = latency.startTimer({ method: req.method });
  res.on('finish', () => {
    end({ route: req.originalUrl, status_code: res.statusCode });
               //~~~~~~~~~~~~~~~ [high-cardinality-label] Label `route` takes `req.originalUrl`, the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
    // Right: the route template once a route matched, a constant otherwise.
    latency.observe({ route: req.route ? req.baseUrl + req.route.path : 'unmatched', method: req.method }, 0);
  });
  next();
});

app.get('/search', (req, res) => {
  searches.labels(String(req.query.q), req.get('user-agent') ?? '', req.ip ?? '').inc();
                //~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `query` takes `String(req.query.q)` (= `req.query.q`), a query string value: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
                                     //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `agent` takes `req.get('user-agent') ?? ''` (= `req.get('user-agent')`), a request header value: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
                                                                  //~~~~~~~~~~~~ [high-cardinality-label] Label `client_ip` takes `req.ip ?? ''` (= `req.ip`), an IP address: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  res.end();
});

app.post('/signup', (req: Request, res) => {
  const userId = req.body.id as string;
  signups.inc({ user_id: userId, email: req.body.email, plan: 'free', region_id: regionId });
                       //~~~~~~ [high-cardinality-label] Label `user_id` takes `userId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
                                      //~~~~~~~~~~~~~~ [high-cardinality-label] Label `email` takes `req.body.email`, free text from the request body: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
  res.end();
});

app.get('/orders/:id', (req, res) => {
  const path = req.url;
  requests.inc({ method: req.method, route: path, status_code: 200 });
                                          //~~~~ [high-cardinality-label] Label `route` takes `path` (= `req.url`), the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
  requests.inc({ method: req.method, route: req.route?.path ?? req.path });
                                          //~~~~~~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `route` takes `req.route?.path ?? req.path` (= `req.path`), the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
  requests.labels({ route: `/orders/${req.params.id}` }).inc();
                         //~~~~~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `route` takes ``/orders/${req.params.id}`` (= `req.params.id`), an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  requests.labels(req.method, req.url, '200').inc();
                            //~~~~~~~ [high-cardinality-label] Label `route` takes `req.url`, the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
  res.end();
});

export async function charge(orderId: string) {
  try {
    await fetch('https://payments.invalid/charge');
  } catch (err) {
    failures.inc({ reason: (err as Error).message, at: new Date().toISOString() });
                         //~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `reason` takes `(err as Error).message`, an error message: messages carry ids, paths and values, one time series each. Label by `err.name`, `err.code` or a fixed set of reasons.
                                                     //~~~~~~~~~~~~~~~~~~~~~~~~ [high-cardinality-label] Label `at` takes `new Date().toISOString()`, a timestamp: a new time series on every call. Record time as the metric's value (a histogram or gauge), never as a label.
    failures.inc({ reason: (err as Error).name, at: orderId });
                                                  //~~~~~~~ [high-cardinality-label] Label `at` takes `orderId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  }
}
