// @case library=pino loggerModule=src/logger.ts
// A password hash is cracked offline once leaked: flagged like the password, also through a type
// declared in the file. A fact about a secret (set or not, its type) is not the secret.
import { logger } from '../logger';

interface Account {
  id: string;
  passwordHash: string;
}

export function audit(account: Account, token: string | undefined) {
  logger.info({ account }, 'account loaded');
              //~~~~~~~ [sensitive-log-data] Log record includes `account`, whose type has the field `passwordHash`, which looks like a secret; log only the fields you need.
  logger.info({ id: account.id, passwordHash: account.passwordHash }, 'account loaded');
                              //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes `passwordHash`, which looks like a secret; leave it out or redact it.
  logger.info({ password: account.passwordHash ? 'set' : 'unset' }, 'password state');
  logger.info({ token: !!token, tokenType: typeof token }, 'token state');
}
