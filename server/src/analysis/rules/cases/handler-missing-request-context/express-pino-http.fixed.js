// @case library=pino-http path=src/routes/orders.js
const express = require('express');
const { logger } = require('../logger');

const router = express.Router();

router.get('/orders/:id', async (req, res) => {
  req.log.info({ orderId: req.params.id }, 'loading order');
  req.log.info('already request-scoped');
  const log = req.log.child({ orderId: req.params.id });
  log.debug('child of the request logger');
  load(req.params.id).then(() => req.log.warn('loaded late'));
  res.json({});
});

// Not on a request path in this file: start-up and a timer.
logger.info('routes loaded');
setInterval(() => logger.debug('tick'), 60000);

function load(id) {
  return Promise.resolve(id);
}

module.exports = router;
