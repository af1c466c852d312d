// @case library=winston loggerModule=src/logger.ts
// A whole request part printed into the message is in the record all the same: through
// `JSON.stringify` in a template or joined with `+`, and a secret joined with `+`.
import express from 'express';
import { logger } from '../logger';

export const router = express.Router();
router.post('/workflow/pair', (req, res) => {
  logger.log('debug', `Adding pair to workflow: ${JSON.stringify(req.body)}`);
                                                               //~~~~~~~~ [sensitive-log-data] Log record includes the whole `req.body`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  logger.log('debug', 'headers ' + JSON.stringify(req.headers));
                                                //~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `req.headers`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  const apiKey = String(req.query.key);
  logger.log('debug', 'using key ' + apiKey);
                                   //~~~~~~ [sensitive-log-data] Log record includes `apiKey`, which looks like a secret; leave it out or redact it.
  logger.log('debug', 'pair added for ' + req.params.id);
  res.end();
});
