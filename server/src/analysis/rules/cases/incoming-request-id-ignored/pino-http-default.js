// @case library=pino-http path=src/app.js
const express = require('express');
const pinoHttp = require('pino-http');
const pino = require('pino');

const logger = pino();
const app = express();
app.use(pinoHttp());
//      ~~~~~~~~ [incoming-request-id-ignored] pino-http gives every request a new id (its default genReqId counts from 1), even when the caller sent one in x-request-id: one request's logs cannot be followed across services.
app.use(
  pinoHttp({
//~~~~~~~~ [incoming-request-id-ignored] pino-http gives every request a new id (its default genReqId counts from 1), even when the caller sent one in x-request-id: one request's logs cannot be followed across services.
    logger,
    autoLogging: false,
  }),
);
// Reads the header first: nothing to report.
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] || String(Date.now()) }));
// Options built elsewhere are not in view.
const options = { logger };
app.use(pinoHttp(options));

module.exports = app;
