import type { Counter } from 'prom-client';
import type { Request } from 'express';

// A metric injected by a framework (e.g. @willsoto/nestjs-prometheus): known by its type.
export class OrdersService {
  constructor(private readonly ordersCounter: Counter<string>) {}

  placed(req: Request, customerId: string) {
    this.ordersCounter.inc({ customer: customerId, route: req.baseUrl + req.route.path });
                                     //~~~~~~~~~~ [high-cardinality-label] Label `customer` takes `customerId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
  }
}

// Created on first use: known by the type of the variable.
let errors: Counter<string> | null = null;
export function countError(req: Request, make: () => Counter<string>) {
  errors ??= make();
  errors.inc({ route: req.originalUrl });
                    //~~~~~~~~~~~~~~~ [high-cardinality-label] Label `route` takes `req.originalUrl`, the raw URL path: every distinct URL (ids in paths, scanners probing random paths) becomes its own time series. Label by the route template: `req.baseUrl + req.route.path` (Express, once a route matched), `request.routeOptions.url` (Fastify), `ctx._matchedRoute` (koa-router).
}
