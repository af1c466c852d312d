// @case path=src/routes/users.ts type=module
import express from 'express';
import mysql from 'mysql';
import { logger } from '../logger.js';
import { AsyncResource } from 'node:async_hooks';

const pool = mysql.createPool({ host: 'db' });
const router = express.Router();

router.get('/users', (req, res) => {
  pool.getConnection(AsyncResource.bind((err, connection) => {
    logger.info({ ok: !err }, 'connection taken');
    connection.release();
    res.json([]);
  }));
});

export default router;
