// @case path=packages/api/src/index.ts rules=handler-missing-metrics
// The launcher's Dockerfile preloads the service package's telemetry module by name
// (`--import=@acme/api/telemetry`, atproto's PDS), which starts the OpenTelemetry SDK of a workspace
// bootstrap package with the auto-instrumentations and metric readers: every request is timed.
import express from 'express';

export function createApp() {
  const app = express();
  app.get('/health', (req, res) => {
    res.send('ok');
  });
  return app;
}
