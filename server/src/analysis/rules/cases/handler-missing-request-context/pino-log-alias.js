// @case library=pino-http path=src/routes/users.js
// The project's `logger.log = logger.info` alias (sorry-cypress's): the request's pino logger has no
// `log`, so the switch writes its info, `req.log.info(...)`, not `req.log.log(...)`, which would throw.
const express = require('express');
const { logger } = require('../logger');

const router = express.Router();

router.get('/users/:id', (req, res) => {
  logger.log({ id: req.params.id }, 'user fetched');
//~~~~~~ [handler-missing-request-context] This log call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json({});
});

module.exports = router;
