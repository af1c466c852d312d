// @case library=pino loggerModule=src/logger.ts path=src/routes/auth.ts
import express from 'express';
import { logger } from '../logger';

const app = express();
app.post('/login', (req, res) => {
  logger.info({ headers: req.headers }, 'login request');
                       //~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `req.headers`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  logger.info({ body: req.body }, 'login body');
                    //~~~~~~~~ [sensitive-log-data] Log record includes the whole `req.body`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  logger.info({ authorization: req.get('authorization') }, 'auth');
              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `authorization`, which looks like a secret; leave it out or redact it.
  res.end();
});
