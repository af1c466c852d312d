// One module under two spellings: one importer of it.
import { logger } from './winstonLogger';
import { logger as log } from './winstonLogger.js';
export class WinstonAdapter {
  log(level: string, message: string): void {
    logger.log(level, message);
    log.debug('logged through the adapter');
  }
}
