// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

const base = 'https://api.example.com';
const metrics = { info: (m: string) => m };

export function ok(id: string, name: string) {
  logger.info({ id }, 'user saved');
  logger.info(`constant template`);
  logger.info('a' + 'b');
  logger.info({ url: `${base}/users/${id}` }, 'calling api');
  metrics.info(`not a logger ${id}`);
  const message = `not logged ${id}`;
  return message;
}
