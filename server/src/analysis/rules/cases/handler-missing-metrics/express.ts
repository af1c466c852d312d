// @case rules=handler-missing-metrics
import express from 'express';
import { withTiming } from '../metrics';

const app = express();

app.get('/health', (_req, res) => res.send('ok'));
  //~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.

// Wrapped by a workspace function that records: measured.
app.get('/orders', withTiming((_req, res) => res.json([])));

// Mounted after the routes above: measures only what is registered after it.
app.use((req, res, next) => {
  const end = Date.now();
  res.on('finish', () => end);
  next();
});

// obs-lens-disable-next-line handler-missing-metrics
app.post('/orders', (req, res) => res.status(201).json(req.body));

app.listen(3000);
