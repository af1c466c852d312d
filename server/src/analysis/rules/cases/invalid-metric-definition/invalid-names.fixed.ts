import { Counter, Histogram, register } from 'prom-client';

export const requests = new Counter({ name: 'http_requests_total', help: 'Requests.', labelNames: ['method'] });
export const first = new Counter({ name: '_1st_requests_total', help: 'First requests.' });
export const byMethod = new Counter({ name: 'requests_by_method_total', help: 'Requests.', labelNames: ['http-method', 'route'] });
export const classes = new Histogram({ name: 'response_time_seconds', help: 'Response time.', labelNames: ['2xx'] });

// Valid: colons are allowed in metric names (promtool still objects, see metric-naming), `__` prefixes in labels.
export const recorded = new Counter({ name: 'job:requests_total', help: 'Recorded.', labelNames: ['__shard'] });

export function record(method: string) {
  byMethod.inc({ 'http-method': method, route: '/' });
  return register.getSingleMetric('http_requests_total');
}
