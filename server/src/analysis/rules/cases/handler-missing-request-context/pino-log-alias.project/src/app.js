const express = require('express');
const pinoHttp = require('pino-http');
const { logger } = require('./logger');
const users = require('./routes/users');

const app = express();
app.use(pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] }));
app.use(users);

module.exports = app;
