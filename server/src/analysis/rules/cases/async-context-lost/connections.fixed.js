// @case path=src/routes/orders.js
// A connection the pool hands to getConnection's callback calls back from its own socket, like the pool.
const express = require('express');
const mysql = require('mysql');
const { AsyncResource } = require('node:async_hooks');
const { logger } = require('../logger');

const pool = mysql.createPool({ host: 'db' });
const router = express.Router();

router.post('/orders', (req, res) => {
  pool.getConnection(AsyncResource.bind((err, connection) => {
    if (err) return res.sendStatus(503);
    connection.query('INSERT INTO orders SET ?', req.body, AsyncResource.bind((insertErr) => {
      connection.release();
      logger.info({ failed: Boolean(insertErr) }, 'order saved');
      res.sendStatus(insertErr ? 500 : 201);
    }));
  }));
});

// The outer callback bound already (its fix applied): the connection's own callback still loses it.
router.put('/orders/:id', (req, res) => {
  pool.getConnection(AsyncResource.bind((err, connection) => {
    if (err) return res.sendStatus(503);
    connection.query('UPDATE orders SET ? WHERE id = ?', [req.body, req.params.id], AsyncResource.bind((updateErr) => {
      connection.release();
      logger.info({ failed: Boolean(updateErr) }, 'order updated');
      res.sendStatus(updateErr ? 500 : 204);
    }));
  }));
});

// Not a mysql connection: a callback's parameter of some other getConnection.
router.get('/orders', (req, res) => {
  req.app.locals.db.getConnection((err, connection) => {
    connection.query('SELECT 1', () => logger.info('listed'));
    res.json([]);
  });
});

module.exports = router;
