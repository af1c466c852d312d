// @case library=pino-http loggerModule=src/utils/logger.ts path=src/routes/proxy.ts rules=console-logging,handler-missing-request-context
// pino-http is mounted only outside CI (HyperDX's api-app.ts: `if (!config.IS_CI) app.use(expressLogger)`),
// so `req.log` is undefined in the tests: a fix writing req.log.error would throw in the catch block
// there. The console call gets the module logger instead, and moving the module logger's call to
// req.log is offered, not applied. The test's own pinoHttp() (src/utils/__tests__) mounts nothing.
import express from 'express';
import { logger } from '../utils/logger';

export const router = express.Router();

router.get('/proxy', async (req, res) => {
  try {
    res.json(await fetch('http://upstream/').then((r) => r.json()));
  } catch (e) {
    console.error('Error setting up proxy connection', e);
//  ~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    logger.warn({ path: req.path }, 'proxy failed');
//  ~~~~~~ [handler-missing-request-context] This warn call in a request handler goes through a logger that carries no request context, so its record has no request id; req.log carries it.
    res.status(502).end();
  }
});
