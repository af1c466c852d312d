import * as client from 'prom-client';

const registry = new client.Registry();
const LABELS = ['method', 'route', 'status_code'] as const;

export const requests = new client.Counter({ name: 'http_requests_total', help: 'Requests.', labelNames: LABELS, registers: [registry] });
export const latency = new client.Histogram({ name: 'http_request_duration_seconds', help: 'Latency.', labelNames: ['route'], buckets: [0.1, 0.5, 1] });
export const sizes = new client.Summary({ name: 'http_response_size_bytes', help: 'Sizes.', percentiles: [0.5, 0.9] });
export const inFlight = new client.Gauge({ name: 'http_requests_in_flight', help: 'In flight.', labelNames: [] });

export function dynamic(name: string, help: string) {
  return new client.Counter({ name, help });
}
