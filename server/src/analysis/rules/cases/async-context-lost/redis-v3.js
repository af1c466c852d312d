// @case path=src/routes/cache.js
// node-redis 3 calls back from its reply parser.
const express = require('express');
const redis = require('redis');
const { logger } = require('../logger');

const client = redis.createClient();
const router = express.Router();
router.get('/cache/:key', (req, res) => {
  client.get(req.params.key, (err, value) => {
//~~~~~~~~~~ [async-context-lost] This callback reads the request's context (directly or through the logger's mixin or format), but node-redis before v4 queues commands and calls back from the socket's reply parser, not from the request: it runs without the request's context, and its logs lose the request id.
    logger.info({ hit: value !== null }, 'cache read');
    res.json({ value });
  });
});

module.exports = router;
