import { Counter, Gauge } from 'prom-client';

export const ordersTotal = new Counter({ name: 'orders_total', help: 'Orders placed.', labelNames: ['user', 'status'] as const });

// your_spotify's tools/metrics.ts: the metrics are static fields of a class.
export class Metrics {
  static ingestedTotal = new Counter({ name: 'ingested_total', help: 'Items ingested.', labelNames: ['user'] as const });
  static requestDuration = new Gauge({ name: 'request_duration_seconds', help: 'Request duration.', labelNames: ['method', 'endpoint', 'status'] as const });
}

// An object of metrics (Etherpad's `export const metrics = { ... }`).
export const metrics = {
  logins: new Counter({ name: 'logins_total', help: 'Logins.', labelNames: ['email'] }),
};
