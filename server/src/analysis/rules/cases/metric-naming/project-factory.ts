// @case rules=metric-naming path=src/metrics.ts
// Unleash's shape: metrics made through the project's own factories (src/util/metrics), each a
// function that passes its caller's configuration to a prom-client class. Their calls are definitions.
import { createCounter } from './util/metrics/createCounter';
import { createGauge } from './util/metrics/createGauge';
import { createHistogram } from './util/metrics/createHistogram';
import { DbMetricsMonitor } from './monitor';

export const requestDuration = createGauge({ name: 'http_request_duration_milliseconds', help: 'Request duration' });
//                                                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `http_request_duration_milliseconds`: use base unit "seconds" instead of "milliseconds" (promtool check metrics). Lint-clean name: `http_request_duration_seconds` (the values change unit too: seconds, not milliseconds).
export const toggleUpdates = createCounter({ name: 'feature_toggle_update', help: 'Flag updates', labelNames: ['toggle'] });
//                                                 ~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `feature_toggle_update`: counter metrics should have "_total" suffix (promtool check metrics). Lint-clean name: `feature_toggle_update_total`.
export const usersTotal = createCounter({ name: 'users_created_total', help: 'Users created' });
export const queryTime = createHistogram({ name: 'db_query_time_ms', help: 'Query time' });
//                                               ~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `db_query_time_ms`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `db_query_time_seconds` (the values change unit too: seconds, not ms).
const dbMetrics = new DbMetricsMonitor();
dbMetrics.registerGaugeDbMetric({ name: 'projects_total', help: 'Projects', query: async () => 1 });
//                                      ~~~~~~~~~~~~~~~~ [metric-naming] Metric name `projects_total`: non-counter metrics should not have "_total" suffix (promtool check metrics). Lint-clean name: `projects`.
