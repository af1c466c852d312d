import * as api from '@opentelemetry/api';
import type { Meter } from '@opentelemetry/api';

export function instruments(meter: Meter) {
  return {
    dbTime: meter.createHistogram('db.query.time', { description: 'Query time.', unit: 'min' }),
                                //~~~~~~~~~~~~~~~ [metric-naming] Metric `db.query.time` is exported to Prometheus as `db_query_time_minutes`: use base unit "seconds" instead of "minutes" (promtool check metrics). Lint-clean name: `db_query_time_seconds` (the values change unit too: seconds, not minutes).
    retries: meter.createCounter('db.retries', { description: 'Retries.' }),
  };
}

const provider = api.metrics.getMeterProvider();
export const timeouts = provider.getMeter('db').createCounter('db.timeouts_counter', { description: 'Timeouts.' });
                                                            //~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric `db.timeouts_counter` is exported to Prometheus as `db_timeouts_counter_total`: metric name should not include type 'counter' (promtool check metrics). Lint-clean name: `db_timeouts_total`.
