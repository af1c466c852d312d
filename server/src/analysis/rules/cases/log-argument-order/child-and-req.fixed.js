// @case library=pino-http loggerModule=src/logger.js path=src/routes/users.js
const express = require('express');
const pinoHttp = require('pino-http');
const { logger } = require('../logger');

const app = express();
app.use(pinoHttp());
const audit = logger.child({ module: 'audit' });

app.post('/users', (req, res) => {
  req.log.info({ id: req.body.id }, 'user created');
  audit.info({ by: req.user }, 'user created');
  res.end();
});
