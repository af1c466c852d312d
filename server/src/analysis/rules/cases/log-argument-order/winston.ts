// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string) {
  logger.info({ id }, 'saved');
            //~~~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.log('warn', { id }, 'slow');
                   //~~~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.info('saved', { id });
}
