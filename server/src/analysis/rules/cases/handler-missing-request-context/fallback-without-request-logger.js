// @case library=pino-http path=src/app.js
// pino-http's own logger (`httpLogger.logger`) is the fallback where a request has no `req.log`
// (an error raised before the middleware ran): quiet there, reported where `req.log` is there.
const express = require('express');
const { httpLogger } = require('./logger');

const app = express();
app.use(httpLogger);
app.get('/health', (req, res) => res.end());
app.use((err, req, res, next) => {
  const level = err.status < 500 ? 'debug' : 'error';
  if (req.log) {
    req.log[level]({ err }, 'request failed');
  } else {
    httpLogger.logger[level]({ err, path: req.path }, 'request failed');
  }
  if (!req.log) httpLogger.logger.warn('no request logger');
  (req.log ? req.log : httpLogger.logger).info('answered');
  httpLogger.logger.info({ status: err.status }, 'error answered');
//~~~~~~~~~~~~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.status(err.status || 500).end();
});

module.exports = app;
