// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string, user: { name: string }) {
  const meta = { id, source: 'api' };
  logger.info('saved', meta);
                     //~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  logger.info('saved by %s', user.name, meta);
                                      //~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  logger.info(
    'saved', // why: the message
    { id }, // the fields
  //~~~~~~ [log-argument-order] pino drops an object passed after the message; pass the fields first: logger.info({ ... }, 'message').
  );
  let later = { id };
  later = { id: 'x' };
  logger.info('not certain', later);
}
