const express = require('express');
const pinoHttp = require('pino-http');
const { logger } = require('./logger');
const orders = require('./routes/orders');

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] }));
app.use(orders);

module.exports = app;
