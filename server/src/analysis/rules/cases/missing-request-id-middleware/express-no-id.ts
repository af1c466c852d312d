// @case rules=missing-request-id-middleware
import express from 'express';
import { logger } from '../logger';

const app = express();
          //~~~~~~~ [missing-request-id-middleware] This service's requests get no request id (no pino-http, Fastify, express-request-id, cls-rtracer, AsyncLocalStorage middleware, OpenTelemetry or dd-trace): its logs of one request cannot be told from another's, nor followed into the services it calls.

app.get('/orders', (req, res) => {
  logger.info({ count: 0 }, 'orders listed');
  res.json([]);
});

app.listen(3000);
