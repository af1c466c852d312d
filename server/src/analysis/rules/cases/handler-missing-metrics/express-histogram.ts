// @case rules=handler-missing-metrics
import express from 'express';
import { ordersPlaced } from '../metrics';

const app = express();
app.use(express.json());

app.get('/health', (_req, res) => res.send('ok'));
  //~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.

app.get('/users/:id', async (req, res) => {
  //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /users/:id` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
  res.json({ id: req.params.id });
});

// Records a metric itself: measured.
app.post('/orders', (req, res) => {
  ordersPlaced.inc();
  res.status(201).json(req.body);
});

app.listen(3000);
