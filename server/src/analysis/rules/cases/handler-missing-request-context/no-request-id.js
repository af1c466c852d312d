// @case library=pino loggerModule=src/logger.js path=src/app.js
// No request id at all: missing-request-id-middleware names the cause; this rule stays quiet.
const express = require('express');
const { logger } = require('./logger');

const app = express();
app.get('/ping', (req, res) => {
  logger.info('ping');
  res.send('pong');
});

module.exports = app;
