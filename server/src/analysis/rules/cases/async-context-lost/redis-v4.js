// @case path=src/routes/cache.js
// node-redis 4 returns promises and keeps the context: nothing to report.
const express = require('express');
const redis = require('redis');
const { logger } = require('../logger');

const client = redis.createClient();
const router = express.Router();
router.get('/cache/:key', (req, res) => {
  client.get(req.params.key, (err, value) => {
    logger.info({ hit: value !== null }, 'cache read');
    res.json({ value });
  });
});

module.exports = router;
