// @case library=pino-http path=src/routes/orders.ts
// Every use of `logger` moves to req.log, but the project's tsconfig sets verbatimModuleSyntax:
// TypeScript keeps an unused import in its output, so the import still loads ../logger at run time
// and fix-all leaves it, as it would in JavaScript.
import express from 'express';
import { logger } from '../logger.js';

export const router = express.Router();

router.get('/orders/:id', (req, res) => {
  req.log.info({ orderId: req.params.id }, 'loading order');
  res.json({});
});
