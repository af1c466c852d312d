// @case library=pino loggerModule=src/logger.ts
// Console output in a branch that runs only under the test suite is the test run's output (Outline
// prints unexpected errors when ENVIRONMENT is test); in development-only code it is still the
// service's console.
import { logger } from '../logger';

const env = { ENVIRONMENT: process.env.ENVIRONMENT ?? 'production', isTest: process.env.NODE_ENV === 'test' };

export function onError(err: Error): void {
  if (env.ENVIRONMENT === 'test') {
    console.error(err);
  }
  if (env.isTest) console.warn('request failed in a test run');
  if (process.env.NODE_ENV === 'development') {
    logger.info('Development mode');
  }
  logger.error({ err }, 'request failed');
}
