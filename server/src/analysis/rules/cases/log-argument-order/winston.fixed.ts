// @case library=winston loggerModule=src/logger.ts
import { logger } from '../logger';

export function saved(id: string) {
  logger.info('saved', { id });
            //~~~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.log('warn', 'slow', { id });
                   //~~~~~~ [log-argument-order] winston takes the message first and the fields second: logger.info('message', { ... }).
  logger.info('saved', { id });
}
