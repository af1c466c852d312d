// @case library=pino path=src/routes/orders.ts
// Metrics imported from the project's metrics module (by name, as a class's static fields, as an
// object's members, through a barrel, by CommonJS require): their label values are checked as if
// the metrics were made here.
import type { Request } from 'express';
import { ordersTotal, Metrics, metrics } from '../tools/metrics';
import * as all from '../lib';
const { jobsTotal } = require('../tools/legacy');

export function placed(req: Request, userId: string) {
  ordersTotal.inc({ user: userId, status: 'placed' });
                        //~~~~~~ [high-cardinality-label] Label `user` takes `userId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  Metrics.ingestedTotal.inc({ user: userId }, 3);
                                  //~~~~~~ [high-cardinality-label] Label `user` takes `userId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  const endpoint = req.path;
  // Positional values take the definition's label names, read from the other module.
  Metrics.requestDuration.labels(req.method, endpoint, '200').set(0.2);
                                           //~~~~~~~~ [high-cardinality-label] Label `endpoint` takes `endpoint` (= `req.path`), the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
  metrics.logins.inc({ email: req.body.email });
                            //~~~~~~~~~~~~~~ [high-cardinality-label] Label `email` takes `req.body.email`, free text from the request body: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
  all.ordersTotal.inc({ user: req.params.id, status: 'placed' });
                            //~~~~~~~~~~~~~ [high-cardinality-label] Label `user` takes `req.params.id`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  jobsTotal.inc({ job_id: req.query.job });
                        //~~~~~~~~~~~~~ [high-cardinality-label] Label `job_id` takes `req.query.job`, a query string value: any client can create one time series per distinct value, without limit. Map it to a fixed set of values first.
  // Bounded values stay quiet.
  ordersTotal.inc({ user: 'anonymous', status: 'placed' });
  Metrics.requestDuration.labels(req.method, 'unmatched', '404').set(0.1);
}
