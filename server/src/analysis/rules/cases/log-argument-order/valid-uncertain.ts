// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

function details() {
  return { id: 1 };
}

export function maybe(user: { id: string }, id: string) {
  let fields = { id };
  fields = { id: 'other' };
  logger.info('saved', fields);
  logger.info('saved', details());
  logger.info('saved', user);
  logger.info('saved', id);
}
