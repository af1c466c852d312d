// @case path=src/routes/cache.js
// node-redis 3 calls back from its reply parser.
const express = require('express');
const redis = require('redis');
const { logger } = require('../logger');
const { AsyncResource } = require('node:async_hooks');

const client = redis.createClient();
const router = express.Router();
router.get('/cache/:key', (req, res) => {
  client.get(req.params.key, AsyncResource.bind((err, value) => {
    logger.info({ hit: value !== null }, 'cache read');
    res.json({ value });
  }));
});

module.exports = router;
