// @case library=pino-http path=src/routes.ts
// sorry-cypress: `getLogger()` returns the request's child logger a middleware put in AsyncLocalStorage:
// logging through it carries the request's context. A module logger does not.
import express from 'express';
import { getLogger, moduleLogger } from './logger';

export const router = express.Router();

router.post('/runs', (req, res) => {
  getLogger().info({ body: Object.keys(req.body) }, 'New machine is requesting to create a run');
  moduleLogger.info('run created');
//~~~~~~~~~~~~ [handler-missing-request-context] This info call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
  res.json({});
});
