// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

interface Account {
  id: string;
  passwordHash: string;
  apiKey: string;
}

export function login(user: { name: string }, password: string, account: Account, accessToken: string) {
  logger.info({ user: user.name, password }, 'login attempt');
                               //~~~~~~~~ [sensitive-log-data] Log record includes `password`, which looks like a secret; leave it out or redact it.
  logger.info({ token: accessToken }, 'token issued');
              //~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `token`, which looks like a secret; leave it out or redact it.
  logger.info({ account }, 'account loaded');
              //~~~~~~~ [sensitive-log-data] Log record includes `account`, whose type has the field `passwordHash`, which looks like a secret; log only the fields you need.
  logger.debug({ api_key: process.env.KEY }, 'config');
               //~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `api_key`, which looks like a secret; leave it out or redact it.
  logger.debug({ credentials: process.env['GOOGLE_APPLICATION_CREDENTIALS'] }, 'config');
               //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `credentials`, which looks like a secret; leave it out or redact it.
  logger.debug({ path: process.env['GOOGLE_APPLICATION_CREDENTIALS'] }, 'config');
                     //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `process.env['GOOGLE_APPLICATION_CREDENTIALS']`, which looks like a secret; leave it out or redact it.
}
