// @case library=pino-http path=src/routes/users.js
// The service starts with HyperDX's SDK preloaded (`node -r @hyperdx/node-opentelemetry/build/src/tracing`):
// its auto-instrumentations include pino's, which stamps trace ids into every record.
const express = require('express');
const { logger } = require('../logger');

const router = express.Router();
router.get('/users', (req, res) => {
  logger.info('listing users');
  res.json([]);
});

module.exports = router;
