// @case library=pino-http path=src/routes/orders.js
// A logger that is the request's where there is one (read from the request's AsyncLocalStorage store)
// and a module logger elsewhere carries the request's context on a request path, and so does a child
// made of either (Speckle's cache: `(getRequestLogger() || cacheLogger).child({ cacheName })`), at
// any level, a level chosen at run time included. A child of the module logger alone does not.
const express = require('express');
const { logger, getRequestLogger } = require('../logger');

const router = express.Router();

function cached(name, level) {
  const log = (getRequestLogger() || logger).child({ cacheName: name });
  log[level]('cache hit');
  log.info('cache checked');
  logger.child({ cacheName: name }).info('cache miss');
//~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [handler-missing-request-context] This info call runs on the request path of GET /orders/:id via cached and goes through a logger that carries no request context, so its record has no request id; the request's logger (req.log) is not in scope here: pass it in, or have the shared logger read the request's context (a mixin on AsyncLocalStorage).
}

router.get('/orders/:id', (req, res) => {
  cached('orders', 'debug');
  res.json({});
});

module.exports = router;
