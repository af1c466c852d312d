// @case path=src/routes/users.js
const express = require('express');
const mysql = require('mysql');
const { logger, requestContext } = require('../logger');
const { AsyncResource } = require('node:async_hooks');

const pool = mysql.createPool({ host: 'db' });
const router = express.Router();

router.get('/users/:id', (req, res) => {
  pool.query('SELECT * FROM users WHERE id = ?', [req.params.id], AsyncResource.bind((err, rows) => {
    if (err) logger.error({ err }, 'user lookup failed');
    logger.info({ count: rows.length }, 'user loaded');
    res.json(rows[0]);
  }));
});

router.get('/teams/:id', (req, res) => {
  pool.query('SELECT * FROM teams WHERE id = ?', [req.params.id], function (err, rows) {
    const store = requestContext.getStore();
    res.json({ team: rows[0], requestId: store && store.id });
  });
});

router.get('/plain/:id', (req, res) => {
  // Nothing in the callback reads the context; req.log is bound to the request, not read from the store.
  pool.query('SELECT 1', (err, rows) => res.json(rows));
  pool.query('SELECT 2', (err) => req.log.info({ err }, 'done'));
});

// Start-up: no request to lose.
pool.query('SELECT 1', (err) => logger.info({ err }, 'database reachable'));

module.exports = router;
