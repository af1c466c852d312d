// @case path=src/app.ts rules=handler-missing-metrics
// Sentry started for errors only (no tracesSampleRate, or a rate of 0) times nothing: unmeasured.
import express from 'express';

export const app = express();
app.get('/posts/:id', (req, res) => {
  //~~~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /posts/:id` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.
  res.json({ id: req.params.id });
});
