// @case library=pino-http path=src/routes/orders.ts
// Every use of `logger` moves to req.log: fix-all removes its import, which lint would fail on.
// `audit` stays in use, `Log` is a type-only import, and `unusedBefore` was unused before the fixes:
// all three stay.
import express from 'express';
import { audit, logger, type Log, unusedBefore } from '../logger';

export const router = express.Router();

router.get('/orders/:id', (req, res) => {
  logger.info({ orderId: req.params.id }, 'loading order');
//~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  audit.info({ orderId: req.params.id }, 'order read');
//~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json({});
});

router.delete('/orders/:id', (req, res) => {
  logger.warn({ orderId: req.params.id }, 'deleting order');
//~~~~~~ [handler-missing-request-context] This warn call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.status(204).end();
});

export function describe(log: Log): string {
  return String(log.level);
}

audit.info('routes loaded');
