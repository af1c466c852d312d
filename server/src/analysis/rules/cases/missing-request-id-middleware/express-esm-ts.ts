// @case rules=missing-request-id-middleware library=bunyan type=module
import express from 'express';

export const app = express();
//                 ~~~~~~~ [missing-request-id-middleware] This service's requests get no request id (no pino-http, Fastify, express-request-id, cls-rtracer, AsyncLocalStorage middleware, OpenTelemetry or dd-trace): its logs of one request cannot be told from another's, nor followed into the services it calls.

app.get('/orders', (req, res) => {
  res.json([]);
});
