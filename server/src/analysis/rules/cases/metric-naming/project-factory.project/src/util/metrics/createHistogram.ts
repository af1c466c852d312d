import * as client from 'prom-client';

export function createHistogram<T extends string>(options: client.HistogramConfiguration<T>): client.Histogram<T> {
  return new client.Histogram<T>({ buckets: [0.1, 1, 10], ...options });
}
