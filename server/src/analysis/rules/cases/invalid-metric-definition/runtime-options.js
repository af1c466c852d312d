const { Counter, Histogram, Registry } = require('prom-client');

const textFormat = new Registry();
const openMetrics = new Registry(Registry.OPENMETRICS_CONTENT_TYPE);

const errors = new Counter({ name: 'errors_total', help: 'Errors.', labelNames: 'kind' });
                                                                              //~~~~~~ [invalid-metric-definition] labelNames is not an array: prom-client fails with a TypeError when this runs; list the label names (labelNames: ['route']).
const jobs = new Counter({ name: 'jobs_total', help: 'Jobs.', collect: 'sum' });
                                                                     //~~~~~ [invalid-metric-definition] prom-client throws "Optional "collect" parameter must be a function" when this runs.
const latency = new Histogram({ name: 'latency_seconds', help: 'Latency.', enableExemplars: true, registers: [textFormat] });
                                                                                          //~~~~ [invalid-metric-definition] prom-client throws "Exemplars are supported only on OpenMetrics registries" when this runs: the registry writes the Prometheus text format; create it with new Registry(Registry.OPENMETRICS_CONTENT_TYPE) or drop enableExemplars.
const traced = new Histogram({ name: 'traced_seconds', help: 'Traced.', enableExemplars: true, registers: [openMetrics] });
const collected = new Counter({
  name: 'collected_total',
  help: 'Collected.',
  collect() {
    this.inc();
  },
});

module.exports = { errors, jobs, latency, traced, collected };
