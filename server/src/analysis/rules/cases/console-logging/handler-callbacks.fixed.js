// @case library=pino-http loggerModule=src/logger.js path=src/routes/orders.js
const express = require('express');
const { loadOrder, loadAll } = require('../store');
const { logger } = require('../logger');

const router = express.Router();

// Inside a route handler, the callbacks' own first parameters are not requests: the handler's is.
router.get('/orders/:id', (req, res) => {
  loadOrder(req.params.id)
    .then((order) => res.json(order))
    .catch((e) => {
      req.log.error({ err: e }, 'order lookup failed');
      res.status(500).end();
    });
});

router.get('/orders', (req, res) => {
  loadAll().then((orders) => {
    orders.forEach((o) => req.log.info({ oId: o.id }, 'listing order'));
    res.json(orders);
  });
});

// Express error middleware takes the error first: its request is the second parameter.
router.use((err, req, res, next) => {
  logger.error({ err });
  next(err);
});

module.exports = router;
