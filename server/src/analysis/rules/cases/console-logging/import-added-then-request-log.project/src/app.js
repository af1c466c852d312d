const express = require('express');
const pinoHttp = require('pino-http');
const { logger } = require('./logger');
const { router } = require('./routes/import');

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] }));
app.use(router);

module.exports = app;
