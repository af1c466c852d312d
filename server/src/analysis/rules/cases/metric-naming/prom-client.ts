import { Counter, Gauge, Histogram, Summary, register } from 'prom-client';

export const requests = new Counter({ name: 'http_requests', help: 'HTTP requests served.', labelNames: ['method', 'route'] });
                                          //~~~~~~~~~~~~~~~ [metric-naming] Metric name `http_requests`: counter metrics should have "_total" suffix (promtool check metrics). Lint-clean name: `http_requests_total`.
export const latency = new Histogram({ name: 'request_latency_ms', help: 'Request latency.', labelNames: ['route'] });
                                           //~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `request_latency_ms`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `request_latency_seconds` (the values change unit too: seconds, not ms).
export const jobs = new Counter({ name: 'jobs_processed_counter', help: 'Jobs processed.' });
                                      //~~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `jobs_processed_counter`: counter metrics should have "_total" suffix; metric name should not include type 'counter' (promtool check metrics). Lint-clean name: `jobs_processed_total`.
export const queue = new Gauge({ name: 'queue_size_total', help: 'Jobs waiting.' });
                                     //~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `queue_size_total`: non-counter metrics should not have "_total" suffix (promtool check metrics). Lint-clean name: `queue_size`.
export const cacheItems = new Gauge({ name: 'cache_items_count', help: 'Items in the cache.' });
                                          //~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `cache_items_count`: non-histogram and non-summary metrics should not have "_count" suffix (promtool check metrics). Lint-clean name: `cache_items`.
export const payload = new Summary({ name: 'payload_kilobytes', help: 'Request payload size.' });
                                         //~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `payload_kilobytes`: use base unit "bytes" instead of "kilobytes" (promtool check metrics). Lint-clean name: `payload_bytes` (the values change unit too: bytes, not kilobytes).
export const uptime = new Gauge({ name: 'process_uptime_hours', help: 'Uptime.' });
                                      //~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `process_uptime_hours`: use base unit "seconds" instead of "hours" (promtool check metrics). Lint-clean name: `process_uptime_seconds` (the values change unit too: seconds, not hours).
export const recorded = new Gauge({ name: 'job:duration_seconds', help: 'Recorded by a rule.' });
                                        //~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `job:duration_seconds`: metric names should not contain ':' (promtool check metrics). Lint-clean name: `job_duration_seconds`.
export const logins = new Counter({ name: 'userLogins_total', help: 'Logins.', labelNames: ['authMethod', 'le'] });
                                        //~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `userLogins_total`: metric names should be written in 'snake_case' not 'camelCase' (promtool check metrics). Lint-clean name: `user_logins_total`.
                                                                                          //~~~~~~~~~~~~ [metric-naming] Label `authMethod`: label names should be written in 'snake_case' not 'camelCase' (promtool check metrics). Lint-clean name: `auth_method`.
                                                                                                        //~~~~ [metric-naming] Label `le`: non-histogram metrics should not have "le" label (promtool check metrics).
export const responses = new Histogram({ name: 'response_size_bytes', help: 'Response size.', labelNames: ['quantile'] });
                                                                                                         //~~~~~~~~~~ [metric-naming] Label `quantile`: non-summary metrics should not have "quantile" label (promtool check metrics).
export const fileSize = new Gauge({ name: 'upload_size_mb', help: 'Upload size.' });
                                        //~~~~~~~~~~~~~~~~ [metric-naming] Metric name `upload_size_mb`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `upload_size_bytes` (the values change unit too: bytes, not mb).

// Lint-clean: no finding.
export const served = new Counter({ name: 'http_requests_served_total', help: 'Requests served.', labelNames: ['method', 'status_code'] });
export const duration = new Histogram({ name: 'http_request_duration_seconds', help: 'Request duration.', labelNames: ['route'] });
export const inFlight = new Gauge({ name: 'http_requests_in_flight', help: 'Requests in flight.' });
export const sizes = new Summary({ name: 'http_response_size_bytes', help: 'Response sizes.' });

export function lookups() {
  return [register.getSingleMetric('http_requests'), register.getSingleMetric('request_latency_ms')];
}
