// @case path=packages/api/src/index.ts rules=handler-missing-metrics
// The service package is deployed by a launcher package (atproto's services/bsky): its Dockerfile
// preloads a local tracer.js that starts Datadog's tracer under the name it imported it as. dd-trace
// times every request of the app: no handler is unmeasured.
import express from 'express';

export function createApp() {
  const app = express();
  app.get('/users/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  app.post('/users', (req, res) => {
    res.status(201).end();
  });
  return app;
}
