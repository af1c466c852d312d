// @case rules=handler-missing-metrics path=src/app.ts
// Unleash's response-time middleware: it emits an event per request on the service's event bus, and
// a listener elsewhere observes a histogram made through a factory a barrel re-exports
// (`export * from './histogram'`). The routes behind it are measured; behind a middleware whose
// event no listener records, they are not.
import express from 'express';
import { EventEmitter } from 'node:events';
import { REQUEST_SEEN, REQUEST_TIME } from './events';
import { registerMetrics } from './registerMetrics';

const bus = new EventEmitter();
registerMetrics(bus);

const api = express();
api.use((req, res, next) => {
  const start = performance.now();
  res.once('finish', () => bus.emit(REQUEST_TIME, { path: req.route?.path ?? 'unknown', ms: performance.now() - start }));
  next();
});
api.get('/orders', (_req, res) => res.json([]));

const admin = express();
admin.use((req, res, next) => {
  res.once('finish', () => bus.emit(REQUEST_SEEN, { path: req.path }));
  next();
});
admin.get('/items', (_req, res) => res.json([]));
    //~~~~~~~~~~~~ [handler-missing-metrics] `GET /items` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation. Mount express-prom-bundle in front of it, or record an `http_request_duration_seconds` histogram (method, route, status_code) in a middleware in front of it.

api.listen(3000);
admin.listen(3001);
