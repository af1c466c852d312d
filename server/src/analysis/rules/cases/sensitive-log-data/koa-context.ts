// @case library=pino loggerModule=src/logger.ts path=src/middleware/audit.ts
import { logger } from '../logger';

type Credentials = { user: string; passphrase: string };

export async function audit(ctx: { request: { body: unknown; headers: object }; body: unknown; headers: object }, next: () => Promise<void>, creds: Credentials) {
  logger.info({ body: ctx.request.body }, 'request');
                    //~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `ctx.request.body`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
  logger.info({ creds }, 'credentials checked');
              //~~~~~ [sensitive-log-data] Log record includes `creds`, whose type has the field `passphrase`, which looks like a secret; log only the fields you need.
  logger.info(
    {
      headers: ctx.request.headers,
             //~~~~~~~~~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `ctx.request.headers`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
    },
    'headers',
  );
  await next();
  // Koa's `ctx.body` is the response the middleware sends (an error's code and message), not the request's body.
  logger.error({ response: ctx.body }, 'request failed');
  // Its `ctx.headers` are the request's.
  logger.info({ headers: ctx.headers }, 'headers');
                       //~~~~~~~~~~~ [sensitive-log-data] Log record includes the whole `ctx.headers`, which carries credentials (Authorization, cookies, passwords); log only the fields you need.
}
