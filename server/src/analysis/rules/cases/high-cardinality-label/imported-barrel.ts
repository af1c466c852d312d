// @case library=pino path=src/routes/orders.ts
// A metric imported through a barrel only (lib/index.ts passes the tools module's exports on): the
// file names no metrics library and no module that makes metrics, yet its uses are read.
import { ordersTotal } from '../lib';

export function placed(userId: string) {
  ordersTotal.inc({ user: userId, status: 'placed' });
                        //~~~~~~ [high-cardinality-label] Label `user` takes `userId`, an id: one time series per distinct value, without limit; keep it out of labels (log it, or attach it to a trace or an exemplar).
}
