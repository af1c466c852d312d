// @case rules=missing-request-id-middleware library=winston
// No pino: the fix adds a small middleware on a store of its own (CommonJS).
const express = require('express');
const { logger } = require('./logger');

const app = express();
//          ~~~~~~~ [missing-request-id-middleware] This service's requests get no request id (no pino-http, Fastify, express-request-id, cls-rtracer, AsyncLocalStorage middleware, OpenTelemetry or dd-trace): its logs of one request cannot be told from another's, nor followed into the services it calls.

app.get('/orders', (req, res) => {
  logger.info('orders listed', { count: 0 });
  res.json([]);
});

module.exports = app;
