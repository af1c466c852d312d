// @case library=pino-http loggerModule=src/logger.js path=src/routes/users.js
// pino-http is a dependency, but no code of the service calls it: `req.log` may not exist, so the
// switch is offered and not applied by fix-all.
const express = require('express');
const { logger } = require('../logger');

const router = express.Router();
router.get('/users', (req, res) => {
  logger.info('listing users');
//~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json([]);
});

module.exports = router;
