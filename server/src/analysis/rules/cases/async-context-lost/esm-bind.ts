// @case path=src/routes/users.ts type=module
import express from 'express';
import mysql from 'mysql';
import { logger } from '../logger.js';

const pool = mysql.createPool({ host: 'db' });
const router = express.Router();

router.get('/users', (req, res) => {
  pool.getConnection((err, connection) => {
//~~~~~~~~~~~~~~~~~~ [async-context-lost] This callback reads the request's context (directly or through the logger's mixin or format), but mysql queues the query on a pooled connection and calls back from that connection's socket events, not from the request: it runs without the request's context, and its logs lose the request id.
    logger.info({ ok: !err }, 'connection taken');
    connection.release();
    res.json([]);
  });
});

export default router;
