import { Counter, Histogram, register } from 'prom-client';

export const requests = new Counter({ name: 'http-requests-total', help: 'Requests.', labelNames: ['method'] });
                                          //~~~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] `http-requests-total` is not a valid metric name (letters, digits, `_` and `:`, not starting with a digit): prom-client throws "Invalid metric name" when this runs.
export const first = new Counter({ name: '1st_requests_total', help: 'First requests.' });
                                       //~~~~~~~~~~~~~~~~~~~~ [invalid-metric-definition] `1st_requests_total` is not a valid metric name (letters, digits, `_` and `:`, not starting with a digit): prom-client throws "Invalid metric name" when this runs.
export const byMethod = new Counter({ name: 'requests_by_method_total', help: 'Requests.', labelNames: ['http-method', 'route'] });
                                                                                                      //~~~~~~~~~~~~~ [invalid-metric-definition] `http-method` is not a valid label name (letters, digits and `_`, not starting with a digit): prom-client throws "Invalid label name" when this runs.
export const classes = new Histogram({ name: 'response_time_seconds', help: 'Response time.', labelNames: ['2xx'] });
                                                                                                         //~~~~~ [invalid-metric-definition] `2xx` is not a valid label name (letters, digits and `_`, not starting with a digit): prom-client throws "Invalid label name" when this runs.

// Valid: colons are allowed in metric names (promtool still objects, see metric-naming), `__` prefixes in labels.
export const recorded = new Counter({ name: 'job:requests_total', help: 'Recorded.', labelNames: ['__shard'] });

export function record(method: string) {
  byMethod.inc({ 'http-method': method, route: '/' });
  return register.getSingleMetric('http-requests-total');
}
