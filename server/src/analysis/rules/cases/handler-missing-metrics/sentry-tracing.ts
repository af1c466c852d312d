// @case path=apps/backend/src/app.ts rules=handler-missing-metrics
// Sentry's Node SDK (8 and later, built on OpenTelemetry) started with tracing on times every incoming
// request by route (throughput, duration, failure rate), as Postiz's `initializeSentry('backend')`
// does from a shared library the entry imports first through a tsconfig alias: the handlers are measured.
import express from 'express';

export const app = express();
app.get('/posts/:id', (req, res) => {
  res.json({ id: req.params.id });
});
