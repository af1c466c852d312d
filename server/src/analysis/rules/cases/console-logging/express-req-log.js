// @case library=pino-http loggerModule=src/logger.js path=src/routes/orders.js
const express = require('express');
const pinoHttp = require('pino-http');

const app = express();
app.use(pinoHttp());

app.get('/orders/:id', (req, res) => {
  console.log('loading order', req.params.id);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  console.warn(
//~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    'order slow',
    req.params.id,
  );
  res.json({});
});

module.exports = app;
