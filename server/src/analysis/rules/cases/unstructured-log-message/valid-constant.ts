// @case library=pino loggerModule=src/logger.ts
import { logger } from '../logger';

const base = 'https://api.example.com';
enum MDNSAdvertiser {
  BONJOUR = 'bonjour-hap',
  CIAO = 'ciao',
}
const metrics = { info: (m: string) => m };

export function ok(id: string, name: string) {
  logger.info({ id }, 'user saved');
  logger.info(`constant template`);
  logger.info('a' + 'b');
  // An enum's member spelt as a constant (Homebridge's `${MDNSAdvertiser.CIAO}`): the same words every time.
  logger.info(`Use "bridge"."advertiser" = "${MDNSAdvertiser.CIAO}" to enable Ciao`);
  logger.info({ url: `${base}/users/${id}` }, 'calling api');
  metrics.info(`not a logger ${id}`);
  const message = `not logged ${id}`;
  return message;
}
