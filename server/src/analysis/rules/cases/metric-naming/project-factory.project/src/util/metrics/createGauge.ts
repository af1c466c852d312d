import { Gauge as PromGauge, type GaugeConfiguration } from 'prom-client';

export interface CreateGaugeOptions<T extends string> extends GaugeConfiguration<T> {
  ttlMs?: number;
}

export function createGauge<T extends string>(options: CreateGaugeOptions<T>): PromGauge<T> {
  const { ttlMs, ...gaugeOptions } = options;
  void ttlMs;
  return new PromGauge<T>(gaugeOptions);
}
