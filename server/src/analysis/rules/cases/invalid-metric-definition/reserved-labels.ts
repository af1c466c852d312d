import client from 'prom-client';

export const latency = new client.Histogram({ name: 'latency_seconds', help: 'Latency.', labelNames: ['route', 'le'] });
                                                                                                             //~~~~ [invalid-metric-definition] `le` holds a histogram's bucket bounds: prom-client throws "le is a reserved label keyword" when this runs; name the label otherwise.
export const sizes = new client.Summary({ name: 'size_bytes', help: 'Sizes.', labelNames: ['quantile'] });
                                                                                         //~~~~~~~~~~ [invalid-metric-definition] `quantile` holds a summary's quantiles: prom-client throws "quantile is a reserved label keyword" when this runs; name the label otherwise.

// prom-client accepts these (promtool does not: see metric-naming).
export const levels = new client.Counter({ name: 'levels_total', help: 'Levels.', labelNames: ['le'] });
export const buckets = new client.Histogram({ name: 'bucketed_seconds', help: 'Buckets.', labelNames: ['quantile'] });
