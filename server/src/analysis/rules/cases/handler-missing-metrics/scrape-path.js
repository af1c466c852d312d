// @case rules=handler-missing-metrics path=app.js
// A route under /metrics, where Prometheus scrapes by default, is the service's own exposition
// (CodiMD renders its realtime status at /metrics/codimd from a template and keeps it out of
// prometheus-api-metrics with excludeRoutes): no handler to measure. Another route the options
// leave out is still reported, with the opt-out named.
const express = require('express');
const apiMetrics = require('prometheus-api-metrics');

const app = express();
app.use(apiMetrics({ metricsPath: '/metrics/router', excludeRoutes: ['/metrics/codimd', '/api/stats'] }));

app.get('/status', (req, res) => res.json({ ok: true }));
app.get('/metrics/codimd', (req, res) => {
  res.set({ 'Content-Type': 'text/plain; charset=utf-8' });
  res.render('metrics.ejs', {});
});
app.get('/api/stats', (req, res) => res.json({}));
  //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /api/stats` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation: prometheus-api-metrics's option excludeRoutes leaves /api/stats out. Remove the opt-out, or record a request-duration histogram in the handler.

app.listen(3000);
