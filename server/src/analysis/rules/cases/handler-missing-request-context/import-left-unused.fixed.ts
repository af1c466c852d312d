// @case library=pino-http path=src/routes/orders.ts
// Every use of `logger` moves to req.log: fix-all removes its import, which lint would fail on.
// `audit` stays in use, `Log` is a type-only import, and `unusedBefore` was unused before the fixes:
// all three stay.
import express from 'express';
import { audit, type Log, unusedBefore } from '../logger';

export const router = express.Router();

router.get('/orders/:id', (req, res) => {
  req.log.info({ orderId: req.params.id }, 'loading order');
  req.log.info({ orderId: req.params.id }, 'order read');
  res.json({});
});

router.delete('/orders/:id', (req, res) => {
  req.log.warn({ orderId: req.params.id }, 'deleting order');
  res.status(204).end();
});

export function describe(log: Log): string {
  return String(log.level);
}

audit.info('routes loaded');
