// @case library=pino-http loggerModule=src/logger.js path=src/routes/orders.js
const express = require('express');
const pinoHttp = require('pino-http');

const app = express();
app.use(pinoHttp());

app.get('/orders/:id', (req, res) => {
  req.log.info({ id: req.params.id }, 'loading order');
  req.log.warn({ id: req.params.id }, 'order slow');
  res.json({});
});

module.exports = app;
