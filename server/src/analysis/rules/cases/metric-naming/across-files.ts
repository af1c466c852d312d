// @case rules=metric-naming
import express from 'express';
import { Histogram, register } from 'prom-client';

export const latency = new Histogram({ name: 'request_latency_ms', help: 'Request latency', labelNames: ['route'] });
//                                           ~~~~~~~~~~~~~~~~~~~~ [metric-naming] Metric name `request_latency_ms`: metric names should not contain abbreviated units (promtool check metrics). Lint-clean name: `request_latency_seconds` (the values change unit too: seconds, not ms).

const app = express();
app.get('/latency', async (_req, res) => {
  res.json(await register.getSingleMetric('request_latency_ms')?.get());
});
app.listen(3000);
