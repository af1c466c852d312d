// @case library=pino-http loggerModule=src/logger.js path=src/routes/ok.js
const express = require('express');
const pinoHttp = require('pino-http');

const app = express();
app.use(pinoHttp());

app.get('/ok', (req, res) => {
  req.log.info({ requestId: req.headers['x-request-id'], userAgent: req.get('user-agent') }, 'request');
  req.log.info({ method: req.method, url: req.url, bodySize: req.body.length }, 'request');
  res.send({ body: req.body });
});
