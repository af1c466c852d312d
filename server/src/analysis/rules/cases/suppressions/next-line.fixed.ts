// @case library=pino loggerModule=src/logger.ts path=src/app.ts rules=console-logging,unstructured-log-message
import { logger } from './logger';
export function run(id: string) {
  // obs-lens-disable-next-line console-logging
  console.log('suppressed for console-logging only');
  // obs-lens-disable-next-line
  console.log(`suppressed for every rule ${id}`);
  // obs-lens-disable-next-line unstructured-log-message
  logger.info({ id }, 'still console-logging');
  logger.info('not suppressed');
}
