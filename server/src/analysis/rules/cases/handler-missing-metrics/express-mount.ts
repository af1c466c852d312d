// @case rules=handler-missing-metrics
import express from 'express';

const app = express();
app.use(express.json());

app.get('/health', (_req, res) => res.send('ok'));
  //~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle (already a dependency) in front of it.

app.get('/users/:id', async (req, res) => {
  //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /users/:id` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle (already a dependency) in front of it.
  res.json({ id: req.params.id });
});

app.listen(3000);
