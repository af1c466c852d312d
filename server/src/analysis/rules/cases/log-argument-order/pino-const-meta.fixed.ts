// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string, user: { name: string }) {
  const meta = { id, source: 'api' };
  logger.info(meta, 'saved');
  logger.info('saved by %s', user.name, meta);
  logger.info(
    { id }, // why: the message
    'saved', // the fields
  );
  let later = { id };
  later = { id: 'x' };
  logger.info('not certain', later);
}
