const express = require('express');
const pinoHttp = require('pino-http');
const { logger, storage } = require('./logger');
const orders = require('./routes/orders');

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] }));
app.use((req, res, next) => storage.run({ logger: req.log }, next));
app.use(orders);

module.exports = app;
