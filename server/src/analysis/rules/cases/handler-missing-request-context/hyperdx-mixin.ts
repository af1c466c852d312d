// @case library=pino-http path=src/routes/users.ts
// The shared logger's mixin is HyperDX's, which adds the active span's trace and span ids to every
// record: the records of this request are tied together by its trace.
import express from 'express';
import logger from '../logger';

const router = express.Router();
router.get('/users', (req, res) => {
  logger.info('listing users');
  res.json([]);
});

export default router;
