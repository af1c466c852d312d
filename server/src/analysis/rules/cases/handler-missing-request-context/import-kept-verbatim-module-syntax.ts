// @case library=pino-http path=src/routes/orders.ts
// Every use of `logger` moves to req.log, but the project's tsconfig sets verbatimModuleSyntax:
// TypeScript keeps an unused import in its output, so the import still loads ../logger at run time
// and fix-all leaves it, as it would in JavaScript.
import express from 'express';
import { logger } from '../logger.js';

export const router = express.Router();

router.get('/orders/:id', (req, res) => {
  logger.info({ orderId: req.params.id }, 'loading order');
//~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json({});
});
