// @case library=winston path=src/routes/items.js
const express = require('express');
const addRequestId = require('express-request-id');
const { logger } = require('../logger');

const app = express();
app.use(addRequestId());
app.use((req, res, next) => {
  req.logger = logger.child({ requestId: req.id });
  next();
});

app.get('/items', (req, res) => {
  req.logger.info('listing items', { count: 0 });
  req.logger.info('request-scoped');
  res.json([]);
});

module.exports = app;
