import { register } from 'prom-client';

export async function latencyReport(): Promise<unknown> {
  return register.getSingleMetric('request_latency_ms')?.get();
}
