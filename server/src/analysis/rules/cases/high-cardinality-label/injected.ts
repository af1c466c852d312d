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
