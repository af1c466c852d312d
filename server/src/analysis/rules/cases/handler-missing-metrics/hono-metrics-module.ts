// @case rules=handler-missing-metrics path=src/index.ts
// @hono/prometheus's middleware made in a metrics module of the project and exported from there
// (Karakeep's API: `export const { printMetrics, registerMetrics } = cache ??= prometheus({...})`),
// then mounted in front of the routes: they are measured. A route before it is not.
import { Hono } from 'hono';
import metrics, { registerMetrics } from './routes/metrics';

const app = new Hono();
app.get('/early', (c) => c.text('before the middleware'));
  //~~~~~~~~~~~~ [handler-missing-metrics] `GET /early` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount @hono/prometheus (already a dependency) in front of it.
app
  .use('*', registerMetrics)
  .get('/users', (c) => c.json([]))
  .route('/metrics', metrics);

export default app;
