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

// A provider from the SDK, held in a field.
import { MeterProvider } from '@opentelemetry/sdk-metrics';

export class Telemetry {
  private readonly provider: MeterProvider;
  constructor() {
    this.provider = new MeterProvider();
  }
  start() {
    return this.provider.getMeter('app').createHistogram('render_time_ms', { description: 'Render time.' });
                                                       //~~~~~~~~~~~~~~~~ [metric-naming] Metric `render_time_ms` is exported to Prometheus as `render_time_ms`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `render_time_seconds` (the values change unit too: seconds, not ms).
  }
}
