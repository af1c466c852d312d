const client = require('prom-client');
const { Counter: PromCounter } = require('prom-client');
const promClient = require('prom-client');

const errors = new client.Counter({ name: 'app_errors', help: 'Errors.' });
                                        //~~~~~~~~~~~~ [metric-naming] Metric name `app_errors`: counter metrics should have "_total" suffix (promtool check metrics). Lint-clean name: `app_errors_total`.
const retries = new PromCounter({ name: 'retries_count', help: 'Retries.' });
                                      //~~~~~~~~~~~~~~~ [metric-naming] Metric name `retries_count`: counter metrics should have "_total" suffix; non-histogram and non-summary metrics should not have "_count" suffix (promtool check metrics). Lint-clean name: `retries_total`.
const temperature = new promClient.Gauge({ name: 'disk_temperature_fahrenheit', help: 'Disk temperature.' });
                                               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `disk_temperature_fahrenheit`: use base unit "celsius" instead of "fahrenheit" (promtool check metrics). Lint-clean name: `disk_temperature_celsius` (the values change unit too: celsius, not fahrenheit).
const ttl = new client.Gauge({ name: 'session_ttl_sec', help: 'Session TTL.' });
                                   //~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `session_ttl_sec`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `session_ttl_seconds`.
const ok = new client.Counter({ name: 'app_restarts_total', help: 'Restarts.' });

module.exports = { errors, retries, temperature, ttl, ok };
