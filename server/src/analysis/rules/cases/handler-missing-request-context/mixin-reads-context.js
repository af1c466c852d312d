// @case library=pino-http path=src/routes/users.js
// The shared logger's mixin reads the request's AsyncLocalStorage store: every record carries the id.
const express = require('express');
const { logger } = require('../logger');

const router = express.Router();
router.get('/users', (req, res) => {
  logger.info('listing users');
  res.json([]);
});

module.exports = router;
